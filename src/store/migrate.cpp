#include "store/migrate.hpp"

#include <algorithm>
#include <filesystem>

#include "core/error.hpp"
#include "store/copy/dialect.hpp"
#include "store/copy/migrate_impl.hpp"

namespace mandate::store {
namespace {

constexpr long long kChecksumPageRows = 5000;

// Opens the store once (creating the target, applying migrations, refusing a
// newer schema), so the rows are copied between two databases of this
// program's schema.
void open_and_migrate(const std::string& location, OpenMode mode) {
  open_store(location, mode);
}

// A target that exists and holds tables but is no Mandate database (a wrong
// location) is refused before Mandate's tables are created in it.
template <typename Dialect>
void refuse_foreign(const std::string& location, const std::string& shown) {
  std::unique_ptr<typename Dialect::Connection> c;
  try {
    c = Dialect::connect(location);
  } catch (const core::Error& e) {
    if (e.category() == core::ErrorCategory::not_found)
      return;  // created by the migration
    throw;
  }
  const auto tables = Dialect::tables(*c);
  if (!tables.empty() &&
      std::find(tables.begin(), tables.end(), "schema_migrations") == tables.end())
    throw core::Error(core::ErrorCategory::conflict, "migrate.target_not_mandate", {shown});
}

void refuse_foreign_target(const std::string& to) {
  if (postgresql::is_postgresql_location(to))
    refuse_foreign<copy::PostgresDialect>(to, postgresql::redacted(to));
  else if (std::filesystem::exists(to))
    refuse_foreign<copy::SqliteDialect>(to, to);
}

template <typename Source, typename Target>
std::vector<TableMigration> migrate_between(const std::string& from, const std::string& to,
                                            const MigrateOptions& options) {
  auto source = Source::connect(from);
  auto target = Target::connect(to);
  return copy::Migration<Source, Target>(*source, *target, options).run();
}

template <typename Source>
std::vector<TableMigration> migrate_from(const std::string& from, const std::string& to,
                                         const MigrateOptions& options) {
  if (postgresql::is_postgresql_location(to))
    return migrate_between<Source, copy::PostgresDialect>(from, to, options);
  return migrate_between<Source, copy::SqliteDialect>(from, to, options);
}

}  // namespace

std::vector<TableChecksum> table_checksums(const std::string& location) {
  open_and_migrate(location, OpenMode::existing);
  if (postgresql::is_postgresql_location(location)) {
    auto c = copy::PostgresDialect::connect(location);
    return copy::checksums<copy::PostgresDialect>(*c, kChecksumPageRows);
  }
  auto c = copy::SqliteDialect::connect(location);
  return copy::checksums<copy::SqliteDialect>(*c, kChecksumPageRows);
}

std::vector<TableMigration> migrate(const std::string& from, const std::string& to,
                                    const MigrateOptions& options) {
  open_and_migrate(from, OpenMode::existing);
  refuse_foreign_target(to);
  open_and_migrate(to, OpenMode::create_or_open);
  auto report = postgresql::is_postgresql_location(from)
                    ? migrate_from<copy::PostgresDialect>(from, to, options)
                    : migrate_from<copy::SqliteDialect>(from, to, options);
  // The copy marked the target's search index stale: opening rebuilds it.
  open_and_migrate(to, OpenMode::existing);
  return report;
}

}  // namespace mandate::store
