// Catalog: the PostgreSQL store (connecting, creating the database).
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"store.pg_unreachable", "Không kết nối được tới máy chủ PostgreSQL \"{0}\": {1}",
     "Cannot connect to the PostgreSQL server \"{0}\": {1}"},
    {"store.pg_connection_lost", "Mất kết nối tới máy chủ PostgreSQL \"{0}\": {1}",
     "The connection to the PostgreSQL server \"{0}\" was lost: {1}"},
    {"store.pg_bad_location", "Địa chỉ PostgreSQL \"{0}\" không hợp lệ: {1}",
     "PostgreSQL location \"{0}\" is not valid: {1}"},
    {"store.pg_create_failed", "Không tạo được cơ sở dữ liệu PostgreSQL \"{0}\": {1}",
     "Cannot create the PostgreSQL database \"{0}\": {1}"},
};
}  // namespace

std::span<const Message> postgresql_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
