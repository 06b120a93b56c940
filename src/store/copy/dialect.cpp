#include "store/copy/dialect.hpp"

#include <sqlite3.h>

namespace mandate::store::copy {
namespace {

template <typename Connection>
std::vector<std::string> first_column(Connection& c, std::string_view sql) {
  std::vector<std::string> out;
  auto q = c.prepare(sql);
  while (q.step())
    out.push_back(q.text(0));
  return out;
}

template <typename Connection>
std::vector<Column> declared_columns(Connection& c, std::string_view sql, std::string_view table) {
  std::vector<Column> out;
  auto q = c.prepare(sql);
  q.bind(1, table);
  while (q.step())
    out.push_back({q.text(0), kind_of_declared(q.text(1))});
  return out;
}

std::string quoted(std::string_view identifier) {
  return "\"" + std::string(identifier) + "\"";
}

}  // namespace

std::unique_ptr<sqlite::Connection> SqliteDialect::connect(const std::string& location) {
  auto c = std::make_unique<Connection>(location, SQLITE_OPEN_READWRITE);
  c->exec("PRAGMA busy_timeout = 5000");
  c->exec("PRAGMA foreign_keys = ON");
  return c;
}

std::vector<std::string> SqliteDialect::tables(Connection& c) {
  return first_column(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
}

std::vector<Column> SqliteDialect::columns(Connection& c, const TableSpec& spec) {
  auto out = declared_columns(c, "SELECT name, type FROM pragma_table_info(?1)", spec.name);
  if (spec.implicit_rowid)
    out.push_back({"rowid", Kind::integer});
  return out;
}

std::string SqliteDialect::ordered(std::string_view column, Kind) {
  return quoted(column);
}

void SqliteDialect::begin_snapshot(Connection& c) {
  c.exec(Backend::begin_read);
}

std::unique_ptr<postgresql::Connection> PostgresDialect::connect(const std::string& location) {
  return std::make_unique<Connection>(location);
}

std::vector<std::string> PostgresDialect::tables(Connection& c) {
  return first_column(c,
                      "SELECT table_name FROM information_schema.tables"
                      " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                      " ORDER BY table_name");
}

std::vector<Column> PostgresDialect::columns(Connection& c, const TableSpec& spec) {
  return declared_columns(c,
                          "SELECT column_name, data_type FROM information_schema.columns"
                          " WHERE table_schema = current_schema() AND table_name = ?1",
                          spec.name);
}

std::string PostgresDialect::ordered(std::string_view column, Kind kind) {
  return kind == Kind::text ? quoted(column) + " COLLATE \"C\"" : quoted(column);
}

void PostgresDialect::begin_snapshot(Connection& c) {
  c.exec(Backend::begin_read);
}

void PostgresDialect::after_copy(Connection& c, const TableSpec& spec) {
  auto q = c.prepare(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
      " AND table_name = ?1 AND column_default LIKE 'nextval(%'");
  q.bind(1, spec.name);
  std::vector<std::string> serial;
  while (q.step())
    serial.push_back(q.text(0));
  const std::string table = quoted(spec.name);
  for (const auto& column : serial)
    c.exec("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column +
           "'), coalesce((SELECT max(" + quoted(column) + ") FROM " + table + "), 0) + 1, false)");
}

}  // namespace mandate::store::copy
