#include "store/migrate.hpp"

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
  open_and_migrate(to, OpenMode::create_or_open);
  auto report = postgresql::is_postgresql_location(from)
                    ? migrate_from<copy::PostgresDialect>(from, to, options)
                    : migrate_from<copy::SqliteDialect>(from, to, options);
  // The copy marked the target's search index stale: opening rebuilds it.
  open_and_migrate(to, OpenMode::existing);
  return report;
}

}  // namespace mandate::store
