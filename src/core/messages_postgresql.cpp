// Catalog: the PostgreSQL store (connecting, creating the database) and the
// database operations beside it: backup and restore.
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

    {"backup.postgresql",
     "\"{0}\" là cơ sở dữ liệu PostgreSQL: hãy sao lưu bằng pg_dump và khôi phục bằng pg_restore",
     "\"{0}\" is a PostgreSQL database: back it up with pg_dump and restore it with pg_restore"},
    {"backup.exists", "Tệp \"{0}\" đã có; chọn tên khác cho bản sao lưu",
     "File \"{0}\" already exists; choose another name for the backup"},
    {"backup.missing", "Không có tệp sao lưu \"{0}\"", "Backup file \"{0}\" does not exist"},
    {"backup.not_mandate", "Tệp \"{0}\" không phải cơ sở dữ liệu Mandate",
     "File \"{0}\" is not a Mandate database"},
    {"cli.help.backup", "sao lưu cơ sở dữ liệu SQLite (kể cả khi máy chủ đang chạy)",
     "back up a SQLite database (also while the server runs)"},
    {"cli.help.backup_out", "tệp sao lưu (chưa có)", "the backup file (must not exist)"},
    {"cli.help.restore", "khôi phục cơ sở dữ liệu SQLite từ bản sao lưu",
     "restore a SQLite database from a backup"},
    {"cli.help.restore_from", "tệp sao lưu", "the backup file"},
    {"cli.done_backup", "Đã sao lưu {0} vào {1}", "Backed up {0} to {1}"},
    {"cli.done_restore", "Đã khôi phục {1} từ {0}", "Restored {1} from {0}"},
};
}  // namespace

std::span<const Message> postgresql_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
