#pragma once
// Forward-only migrations: numbered SQL files applied in order, each in a
// transaction, recorded in schema_migrations. A database newer than the
// program is refused.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/embedded_file.hpp"
#include "store/sql/audit_log.hpp"

namespace mandate::store::sql {

inline int migration_version(const EmbeddedFile& f) {
  return std::stoi(std::string(f.name.substr(0, 4)));
}

template <typename Connection>
int schema_version(Connection& conn) {
  auto st = conn.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

// Backend::create_migrations_table creates schema_migrations when missing.
template <typename Backend>
int migrate(typename Backend::Connection& conn, const std::vector<EmbeddedFile>& migrations) {
  conn.exec(Backend::create_migrations_table);
  int current = schema_version(conn);
  const int newest = migrations.empty() ? 0 : migration_version(migrations.back());
  if (current > newest)
    throw core::Error(core::ErrorCategory::unavailable, "store.newer_schema",
                      {std::to_string(current), std::to_string(newest)});
  for (const auto& m : migrations) {
    const int v = migration_version(m);
    if (v <= current)
      continue;
    typename Backend::Transaction tx(conn);
    conn.exec(m.content);
    if (v == kAuditChainVersion)
      seal_audit_chain(conn);
    conn.prepare("INSERT INTO schema_migrations(version, name) VALUES(?, ?)")
        .bind(1, v)
        .bind(2, m.name)
        .run();
    tx.commit();
    current = v;
  }
  return current;
}

}  // namespace mandate::store::sql
