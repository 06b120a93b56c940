// Catalog: the PostgreSQL store (connecting, creating the database) and the
// database operations beside it: backup, restore, migrate, checksum.
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

    {"migrate.conflict",
     "Không chuyển được: bảng {0}, dòng {1} ở đích khác với nguồn (nguồn: {2}; đích: {3}); "
     "còn {4} xung đột khác. Đích không bị thay đổi; hãy chuyển vào một cơ sở dữ liệu mới",
     "Cannot migrate: table {0}, row {1} differs in the target (source: {2}; target: {3}); "
     "{4} more conflicts. Nothing was changed; migrate into a new database"},
    {"migrate.verify_failed",
     "Kiểm tra sau khi chuyển thất bại ở bảng {0}: nguồn {1} dòng (mã kiểm tra {2}), đích {3} "
     "dòng (mã kiểm tra {4}); có thể đích đã bị ghi trong lúc chuyển, hãy chạy lại",
     "Verification after the copy failed for table {0}: the source has {1} rows (checksum {2}), "
     "the target {3} rows (checksum {4}); the target may have been written meanwhile, run again"},
    {"migrate.unknown_table",
     "Bảng {0} chưa có trong danh sách bảng cần chuyển (store/copy/tables.cpp); không chuyển để "
     "khỏi bỏ sót dữ liệu",
     "Table {0} is not in the list of tables to copy (store/copy/tables.cpp); nothing is copied, "
     "so that no data is left behind"},
    {"migrate.target_not_mandate",
     "Đích \"{0}\" đã có các bảng khác nhưng không phải cơ sở dữ liệu Mandate; hãy kiểm tra "
     "lại địa chỉ hoặc dùng một cơ sở dữ liệu mới",
     "The target \"{0}\" holds other tables but is not a Mandate database; check the location "
     "or use a new database"},
    {"migrate.schema_differs", "Bảng {0} ở nguồn và đích khác nhau ở cột {1}",
     "Table {0} differs between the source and the target at column {1}"},
    {"cli.help.migrate",
     "chép toàn bộ một cơ sở dữ liệu sang cơ sở dữ liệu khác (SQLite ⇄ PostgreSQL), có kiểm tra",
     "copy a whole database into another one (SQLite ⇄ PostgreSQL), verified"},
    {"cli.help.migrate_from", "cơ sở dữ liệu nguồn (tệp hoặc postgresql://…)",
     "the source database (a file or postgresql://…)"},
    {"cli.help.migrate_to", "cơ sở dữ liệu đích (tạo mới nếu chưa có)",
     "the target database (created when missing)"},
    {"cli.help.migrate_batch", "số dòng ghi trong mỗi giao dịch", "rows written per transaction"},
    {"cli.help.checksum", "đếm dòng và tính mã kiểm tra của từng bảng",
     "count the rows of every table and checksum them"},
    {"cli.migrate_progress", "  {0}: đã chép {1} dòng", "  {0}: {1} rows copied"},
    {"cli.migrate_table", "{0}: {1} dòng, chép {2}, đã có {3}, chỉ ở đích {4}",
     "{0}: {1} rows, {2} copied, {3} already there, {4} only in the target"},
    {"cli.done_migrate", "Đã chuyển {0} sang {1}; số dòng và mã kiểm tra của mọi bảng khớp nhau",
     "Migrated {0} to {1}; the row counts and checksums of every table match"},
    {"cli.checksum_table", "bảng", "table"},
    {"cli.checksum_rows", "số dòng", "rows"},
    {"cli.checksum_sha256", "mã kiểm tra (SHA-256)", "checksum (SHA-256)"},
    {"cli.help.audit", "nhật ký kiểm toán", "the audit log"},
    {"cli.help.audit_verify",
     "kiểm tra chuỗi mã băm của nhật ký kiểm toán: mục nào đã bị sửa hoặc bị xóa",
     "check the audit log's hash chain: which entry was altered or removed"},
    {"cli.audit_intact", "Nhật ký kiểm toán nguyên vẹn: {0} mục; mã băm của mục mới nhất: {1}",
     "The audit log is intact: {0} entries; hash of the newest: {1}"},
    {"audit.chain_broken",
     "Nhật ký kiểm toán đã bị can thiệp: mục số {0} đã bị sửa, hoặc mục ngay trước nó đã bị xóa"
     " ({1} mục trước đó nguyên vẹn)",
     "The audit log has been tampered with: entry {0} was altered, or the entry just before it "
     "was removed (the {1} entries before it are intact)"},
};
}  // namespace

std::span<const Message> postgresql_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
