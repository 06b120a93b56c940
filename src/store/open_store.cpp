#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace mandate::store {

std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode) {
  // Only SQLite for now; a postgresql:// location will select PostgreSQL.
  return std::make_unique<sqlite::SqliteStore>(location, mode);
}

}  // namespace mandate::store
