#include "store/postgresql/connection.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <charconv>
#include <cstdlib>
#include <regex>

#include "core/error.hpp"

namespace mandate::store::postgresql {

using core::Error;
using core::ErrorCategory;

namespace {

std::string first_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
    s.pop_back();
  if (const size_t nl = s.find('\n'); nl != std::string::npos)
    s.resize(nl);
  return s;
}

}  // namespace

std::string redacted(std::string_view location) {
  static const std::regex kUserPassword(R"(^(postgres(ql)?://[^:/@]*):[^@]*@)");
  static const std::regex kKeyword(R"(password\s*=\s*('[^']*'|\S+))");
  std::string out = std::regex_replace(std::string(location), kUserPassword, "$1:***@");
  return std::regex_replace(out, kKeyword, "password=***");
}

std::pair<std::string, int> dollar_parameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int next = 0, most = 0;
  bool quoted = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'')
      quoted = !quoted;
    if (c != '?' || quoted) {
      out += c;
      continue;
    }
    size_t j = i + 1;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
      ++j;
    const int n = j > i + 1 ? std::stoi(std::string(sql.substr(i + 1, j - i - 1))) : ++next;
    next = n;
    most = std::max(most, n);
    out += '$' + std::to_string(n);
    i = j - 1;
  }
  return {out, most};
}

Connection::Connection(const std::string& location) : location_(redacted(location)) {
  // Defaults first: what the location itself says wins.
  const char* keys[] = {"fallback_application_name",
                        "connect_timeout",
                        "client_encoding",
                        "options",
                        "dbname",
                        nullptr};
  const char* values[] = {"mandate",        "5",
                          "UTF8",           "-c lock_timeout=5000 -c client_min_messages=warning",
                          location.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string why = first_line(conn_ ? PQerrorMessage(conn_) : "out of memory");
    PQfinish(conn_);
    conn_ = nullptr;
    if (why.find("database \"") != std::string::npos &&
        why.find("does not exist") != std::string::npos)
      throw Error(ErrorCategory::not_found, "store.missing", {location_});
    throw Error(ErrorCategory::unavailable, "store.pg_unreachable", {location_, why});
  }
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

Connection::~Connection() {
  PQfinish(conn_);
}

bool Connection::usable() const {
  return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

int Connection::wait_notifications(std::chrono::milliseconds timeout) {
  auto lost = [&] {
    throw Error(ErrorCategory::unavailable, "store.pg_connection_lost",
                {location_, first_line(PQerrorMessage(conn_))});
  };
  auto drain = [&] {
    int n = 0;
    while (PGnotify* note = PQnotifies(conn_)) {
      PQfreemem(note);
      ++n;
    }
    return n;
  };
  if (PQstatus(conn_) != CONNECTION_OK || !PQconsumeInput(conn_))
    lost();
  if (int n = drain())
    return n;
  pollfd fd{PQsocket(conn_), POLLIN, 0};
  if (fd.fd < 0)
    lost();
  if (::poll(&fd, 1, static_cast<int>(timeout.count())) <= 0)
    return 0;  // a timeout, or a signal: the caller waits again
  // Readable with nothing to read means the server closed the connection.
  if (!PQconsumeInput(conn_) || PQstatus(conn_) != CONNECTION_OK)
    lost();
  return drain();
}

void Connection::fail(PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const std::string code = state ? state : "";
  const std::string why = first_line(primary ? primary : PQerrorMessage(conn_));
  PQclear(result);
  if (PQstatus(conn_) != CONNECTION_OK || code.starts_with("08") || code.starts_with("57P"))
    throw Error(ErrorCategory::unavailable, "store.pg_connection_lost", {location_, why});
  if (code.starts_with("23"))
    throw Error(ErrorCategory::conflict, "store.failed", {why});
  if (code == "40001" || code == "40P01" || code == "55P03")
    throw Error(ErrorCategory::unavailable, "store.locked");
  throw Error(ErrorCategory::internal, "store.failed", {why});
}

void Connection::exec(std::string_view sql) {
  PGresult* r = PQexec(conn_, std::string(sql).c_str());
  const auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    fail(r);
  changes_ = std::atoi(PQcmdTuples(r));
  PQclear(r);
}

Statement Connection::prepare(std::string_view sql) {
  const std::string key(sql);
  auto it = prepared_.find(key);
  if (it == prepared_.end()) {
    auto [text, params] = dollar_parameters(sql);
    const std::string name =
        "s" + std::to_string(prepared_.size() + 1) + "_" + std::to_string(params);
    PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), params, nullptr);
    if (PQresultStatus(r) != PGRES_COMMAND_OK)
      fail(r);
    PQclear(r);
    it = prepared_.emplace(key, name).first;
  }
  const std::string& name = it->second;
  return Statement(*this, name, std::stoi(name.substr(name.rfind('_') + 1)));
}

Statement::Statement(Connection& conn, std::string name, int params)
    : conn_(&conn),
      name_(std::move(name)),
      values_(static_cast<size_t>(params)),
      binary_(static_cast<size_t>(params), 0) {}

Statement::~Statement() {
  PQclear(result_);
  drain();
}

void Statement::drain() {
  if (started_)  // leave the connection ready for its next statement
    while (PGresult* r = PQgetResult(conn_->conn_))
      PQclear(r);
  started_ = false;
}

Statement::Statement(Statement&& other) noexcept
    : conn_(other.conn_),
      name_(std::move(other.name_)),
      values_(std::move(other.values_)),
      binary_(std::move(other.binary_)),
      result_(other.result_),
      rows_(other.rows_),
      row_(other.row_),
      executed_(other.executed_),
      started_(other.started_) {
  other.result_ = nullptr;
  other.started_ = false;
}

Statement& Statement::set(int i, std::optional<std::string> value, bool binary) {
  const auto at = static_cast<size_t>(i - 1);
  if (i < 1 || at >= values_.size())
    throw Error(ErrorCategory::internal, "store.failed",
                {"parameter " + std::to_string(i) + " of " + name_});
  values_[at] = std::move(value);
  binary_[at] = binary ? 1 : 0;
  return *this;
}

Statement& Statement::bind(int i, std::string_view text) {
  return set(i, std::string(text), false);
}

Statement& Statement::bind(int i, double value) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  return set(i, std::string(buf, r.ptr), false);
}

Statement& Statement::bind(int i, long long value) {
  return set(i, std::to_string(value), false);
}

Statement& Statement::bind(int i, const std::optional<double>& value) {
  return value ? bind(i, *value) : bind_null(i);
}

Statement& Statement::bind_null(int i) {
  return set(i, std::nullopt, false);
}

Statement& Statement::bind_blob(int i, std::string_view bytes) {
  return set(i, std::string(bytes), true);
}

Statement& Statement::bind_text_or_null(int i, std::string_view text) {
  return text.empty() ? bind_null(i) : bind(i, text);
}

void Statement::start() {
  if (started_ || executed_)  // one result per run: reset() first
    throw Error(ErrorCategory::internal, "store.failed", {"start " + name_});
  std::vector<const char*> values(values_.size());
  std::vector<int> lengths(values_.size());
  for (size_t i = 0; i < values_.size(); ++i) {
    values[i] = values_[i] ? values_[i]->data() : nullptr;
    lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
  }
  if (!PQsendQueryPrepared(conn_->conn_, name_.c_str(), static_cast<int>(values.size()),
                           values.data(), lengths.data(), binary_.data(), 0))
    conn_->fail(nullptr);
  started_ = true;
}

void Statement::execute() {
  if (!started_)
    start();
  PGresult* r = PQgetResult(conn_->conn_);
  while (PGresult* extra = PQgetResult(conn_->conn_))  // the end of the result: a null
    PQclear(extra);
  started_ = false;
  const auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    conn_->fail(r);
  conn_->changes_ = std::atoi(PQcmdTuples(r));
  result_ = r;
  rows_ = PQntuples(r);
  row_ = -1;
  executed_ = true;
}

bool Statement::step() {
  if (!executed_)
    execute();
  if (row_ + 1 >= rows_)
    return false;
  ++row_;
  return true;
}

void Statement::run() {
  if (!executed_)
    execute();
}

void Statement::reset() {
  drain();
  PQclear(result_);
  result_ = nullptr;
  executed_ = false;
  rows_ = 0;
  row_ = -1;
  for (auto& v : values_)
    v.reset();
  std::fill(binary_.begin(), binary_.end(), 0);
}

bool Statement::is_null(int col) const {
  return PQgetisnull(result_, row_, col) != 0;
}

std::string Statement::text(int col) const {
  return std::string(PQgetvalue(result_, row_, col),
                     static_cast<size_t>(PQgetlength(result_, row_, col)));
}

std::string Statement::blob(int col) const {
  size_t length = 0;
  unsigned char* bytes = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, col)), &length);
  if (!bytes)
    throw Error(ErrorCategory::internal, "store.failed", {"bytea"});
  std::string out(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return out;
}

double Statement::real(int col) const {
  return std::strtod(PQgetvalue(result_, row_, col), nullptr);
}

long long Statement::integer(int col) const {
  return std::strtoll(PQgetvalue(result_, row_, col), nullptr, 10);
}

std::optional<double> Statement::optional_real(int col) const {
  if (is_null(col))
    return std::nullopt;
  return real(col);
}

Transaction::Transaction(Connection& conn) : conn_(conn) {
  conn_.exec("BEGIN");
}

Transaction::~Transaction() {
  if (open_) {
    try {
      conn_.exec("ROLLBACK");
    } catch (...) {
      // A lost connection rolls the transaction back on the server.
    }
  }
}

void Transaction::commit() {
  conn_.exec("COMMIT");
  open_ = false;
}

}  // namespace mandate::store::postgresql
