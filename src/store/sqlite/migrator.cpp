#include "store/sqlite/migrator.hpp"

#include <string>

#include "core/error.hpp"

namespace mandate::store::sqlite {
namespace {

int version_of(const EmbeddedFile& f) {
  return std::stoi(std::string(f.name.substr(0, 4)));
}

}  // namespace

int schema_version(Connection& conn) {
  auto st = conn.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

int migrate(Connection& conn, const std::vector<EmbeddedFile>& migrations) {
  conn.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL"
      " DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))");
  int current = schema_version(conn);
  const int newest = migrations.empty() ? 0 : version_of(migrations.back());
  if (current > newest)
    throw core::Error(core::ErrorCategory::unavailable, "store.newer_schema",
                      {std::to_string(current), std::to_string(newest)});
  for (const auto& m : migrations) {
    const int v = version_of(m);
    if (v <= current)
      continue;
    Transaction tx(conn);
    conn.exec(m.content);
    conn.prepare("INSERT INTO schema_migrations(version, name) VALUES(?, ?)")
        .bind(1, v)
        .bind(2, m.name)
        .run();
    tx.commit();
    current = v;
  }
  return current;
}

}  // namespace mandate::store::sqlite
