#include "postgres_backend.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <stdexcept>

namespace mandate::bench {
namespace {

class Postgres final : public SqlBackend {
 public:
  explicit Postgres(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK)
      throw std::runtime_error(std::string("postgres connect: ") + PQerrorMessage(conn_));
  }
  ~Postgres() override { PQfinish(conn_); }
  std::string name() const override { return "PostgreSQL"; }

  void exec(const std::string& sql) override {
    PGresult* r = PQexec(conn_, sql.c_str());
    const auto status = PQresultStatus(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
      throw std::runtime_error(std::string("postgres: ") + PQerrorMessage(conn_) + " in " + sql);
  }

  void load(const Dataset& d) override {
    exec("DROP TABLE IF EXISTS dv");
    exec(
        "CREATE UNLOGGED TABLE dv (indicator int, level int, l2 int, l3 int, unit int, year int,"
        " quarter int, month int, value double precision)");
    PGresult* r = PQexec(conn_, "COPY dv FROM STDIN");
    if (PQresultStatus(r) != PGRES_COPY_IN)
      throw std::runtime_error(std::string("postgres copy: ") + PQerrorMessage(conn_));
    PQclear(r);
    std::string buf;
    buf.reserve(1 << 21);
    for (const auto& v : d.values) {
      const int month = static_cast<int>(core::analytics::code_slot(v.period)) + 1;
      fmt::format_to(std::back_inserter(buf), "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", v.indicator,
                     static_cast<int>(v.unit) >= d.first_cell() ? 4 : 3, d.province_of[v.unit],
                     d.commune_of[v.unit], v.unit, core::analytics::code_year(v.period),
                     (month + 2) / 3, month, v.value);
      if (buf.size() > (1 << 20)) {
        put(buf);
        buf.clear();
      }
    }
    put(buf);
    if (PQputCopyEnd(conn_, nullptr) != 1)
      throw std::runtime_error(std::string("postgres copy end: ") + PQerrorMessage(conn_));
    r = PQgetResult(conn_);
    const auto status = PQresultStatus(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK)
      throw std::runtime_error(std::string("postgres copy: ") + PQerrorMessage(conn_));
  }

  int prepare(const std::string& sql) override {
    const std::string name = fmt::format("s{}", prepared_++);
    PGresult* r = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
    const auto status = PQresultStatus(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK)
      throw std::runtime_error(std::string("postgres prepare: ") + PQerrorMessage(conn_));
    return prepared_ - 1;
  }

  std::vector<Row> run(int statement, std::span<const long long> params) override {
    std::vector<std::string> text;
    std::vector<const char*> values;
    for (long long p : params)
      text.push_back(std::to_string(p));
    for (const auto& t : text)
      values.push_back(t.c_str());
    const std::string name = fmt::format("s{}", statement);
    PGresult* r = PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()),
                                 values.data(), nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      PQclear(r);
      throw std::runtime_error(std::string("postgres run: ") + PQerrorMessage(conn_));
    }
    std::vector<Row> rows(static_cast<std::size_t>(PQntuples(r)));
    for (int i = 0; i < PQntuples(r); ++i) {
      Row& row = rows[static_cast<std::size_t>(i)];
      row.resize(static_cast<std::size_t>(PQnfields(r)));
      for (int c = 0; c < PQnfields(r); ++c)
        if (!PQgetisnull(r, i, c))
          row[static_cast<std::size_t>(c)] = std::strtod(PQgetvalue(r, i, c), nullptr);
    }
    PQclear(r);
    return rows;
  }

 private:
  void put(const std::string& buf) {
    if (!buf.empty() && PQputCopyData(conn_, buf.data(), static_cast<int>(buf.size())) != 1)
      throw std::runtime_error(std::string("postgres copy data: ") + PQerrorMessage(conn_));
  }

  PGconn* conn_;
  int prepared_ = 0;
};

}  // namespace

std::unique_ptr<SqlBackend> open_postgres(const std::string& conninfo) {
  return std::make_unique<Postgres>(conninfo);
}

std::vector<core::analytics::ValueRecord> read_values_postgres(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  auto fail = [&](const char* what) {
    const std::string why = std::string(what) + ": " + PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error(why);
  };
  if (PQstatus(conn) != CONNECTION_OK)
    fail("postgres connect");
  PGresult* r = PQexec(conn, "COPY (SELECT indicator, unit, year, month, value FROM dv) TO STDOUT");
  const bool copying = PQresultStatus(r) == PGRES_COPY_OUT;
  PQclear(r);
  if (!copying)
    fail("postgres copy out");
  std::vector<core::analytics::ValueRecord> out;
  char* line = nullptr;
  int n = 0;
  while ((n = PQgetCopyData(conn, &line, 0)) > 0) {  // one row per call
    const char* p = line;
    const char* end = line + n;
    long long f[4] = {};
    for (long long& x : f)
      p = std::from_chars(p, end, x).ptr + 1;  // each field ends with a tab
    double value = 0;
    std::from_chars(p, end, value);
    out.push_back(
        {static_cast<std::uint32_t>(f[0]), static_cast<std::uint32_t>(f[1]),
         core::analytics::calendar_code(static_cast<int>(f[2]), static_cast<unsigned>(f[3] - 1)), 0,
         core::ValueKind::official, value});
    PQfreemem(line);
  }
  if (n == -2)
    fail("postgres copy out");
  r = PQgetResult(conn);
  PQclear(r);
  PQfinish(conn);
  return out;
}

}  // namespace mandate::bench
