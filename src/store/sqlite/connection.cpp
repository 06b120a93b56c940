#include "store/sqlite/connection.hpp"

#include <sqlite3.h>

#include "core/error.hpp"

namespace mandate::store::sqlite {

using core::Error;
using core::ErrorCategory;

Connection::Connection(const std::string& path, int flags) : path_(path) {
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(ErrorCategory::unavailable, "store.open_failed", {path, why});
  }
  sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() {
  for (auto& [sql, cached] : cached_)
    sqlite3_finalize(cached.stmt);
  sqlite3_close_v2(db_);
}

void Connection::fail(int rc) const {
  const std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(ErrorCategory::unavailable, "store.locked");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw Error(ErrorCategory::corrupt, "store.corrupt", {path_, why});
    case SQLITE_CONSTRAINT:
      throw Error(ErrorCategory::conflict, "store.failed", {why});
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
      throw Error(ErrorCategory::unavailable, "store.open_failed", {path_, why});
    default:
      throw Error(ErrorCategory::internal, "store.failed", {why});
  }
}

void Connection::exec(std::string_view sql) {
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK)
    fail(rc);
}

Statement Connection::prepare(std::string_view sql) {
  const auto found = cached_.find(std::string(sql));
  if (found != cached_.end() && !found->second.in_use) {
    found->second.in_use = true;
    return Statement(*this, found->second.stmt, &found->second.in_use);
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK)
    fail(rc);
  if (found != cached_.end() || cached_.size() >= kCachedStatements)
    return Statement(*this, stmt);
  Cached& cached = cached_[std::string(sql)];
  cached = {stmt, true};
  return Statement(*this, stmt, &cached.in_use);
}

int Connection::changes() const {
  return sqlite3_changes(db_);
}

Statement::~Statement() {
  if (!in_use_) {
    sqlite3_finalize(stmt_);
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  *in_use_ = false;
}

Statement::Statement(Statement&& other) noexcept
    : conn_(other.conn_), stmt_(other.stmt_), in_use_(other.in_use_) {
  other.stmt_ = nullptr;
  other.in_use_ = nullptr;
}

Statement& Statement::bind(int i, std::string_view text) {
  const int rc =
      sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK)
    conn_->fail(rc);
  return *this;
}

Statement& Statement::bind_blob(int i, std::string_view bytes) {
  // SQLITE_STATIC: the caller's bytes outlive the statement's step (files are
  // large; no copy).
  const int rc = sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_STATIC);
  if (rc != SQLITE_OK)
    conn_->fail(rc);
  return *this;
}

Statement& Statement::bind(int i, double value) {
  const int rc = sqlite3_bind_double(stmt_, i, value);
  if (rc != SQLITE_OK)
    conn_->fail(rc);
  return *this;
}

Statement& Statement::bind(int i, long long value) {
  const int rc = sqlite3_bind_int64(stmt_, i, value);
  if (rc != SQLITE_OK)
    conn_->fail(rc);
  return *this;
}

Statement& Statement::bind(int i, const std::optional<double>& value) {
  return value ? bind(i, *value) : bind_null(i);
}

Statement& Statement::bind_null(int i) {
  const int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK)
    conn_->fail(rc);
  return *this;
}

Statement& Statement::bind_text_or_null(int i, std::string_view text) {
  return text.empty() ? bind_null(i) : bind(i, text);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW)
    return true;
  if (rc == SQLITE_DONE)
    return false;
  conn_->fail(rc);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::string Statement::text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}

std::string Statement::blob(int col) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

double Statement::real(int col) const {
  return sqlite3_column_double(stmt_, col);
}
long long Statement::integer(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

std::optional<double> Statement::optional_real(int col) const {
  if (is_null(col))
    return std::nullopt;
  return real(col);
}

Transaction::Transaction(Connection& conn) : conn_(conn) {
  conn_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (open_) {
    try {
      conn_.exec("ROLLBACK");
    } catch (...) {
      // A failed rollback leaves SQLite to roll back on close; nothing more to do here.
    }
  }
}

void Transaction::commit() {
  conn_.exec("COMMIT");
  open_ = false;
}

}  // namespace mandate::store::sqlite
