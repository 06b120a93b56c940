#include "store/postgresql/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace mandate::store {

std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode) {
  if (postgresql::is_postgresql_location(location))
    return std::make_unique<postgresql::PostgresStore>(location, mode);
  return std::make_unique<sqlite::SqliteStore>(location, mode);
}

}  // namespace mandate::store
