// Catalog: unit restructuring events, task progress updates, attachments and
// search.
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"unit_change.kind_invalid", "Loại thay đổi đơn vị \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Unit change kind \"{0}\" is not valid; choose one of: {1}"},
    {"unit_change.count", "\"{0}\" phải có từ {1} đến {2} đơn vị",
     "\"{0}\" must name from {1} to {2} units"},
    {"unit_change.new_name_missing", "Đổi tên đơn vị cần tên mới (newName)",
     "A rename needs the new name (newName)"},
    {"unit_change.new_parent_missing", "Chuyển đơn vị cần đơn vị cấp trên mới (newParent)",
     "A move needs the new parent unit (newParent)"},
    {"unit_change.field_not_allowed", "Khóa \"{0}\" không dùng cho loại thay đổi này",
     "Key \"{0}\" does not apply to this kind of change"},
    {"unit_change.unit_twice", "Đơn vị {0} được nêu hai lần trong cùng một thay đổi",
     "Unit {0} is named twice in the same change"},
    {"unit_change.shares_count", "Chia tách cần đúng {0} tỷ lệ, mỗi đơn vị mới một tỷ lệ",
     "A split needs exactly {0} shares, one per new unit"},
    {"unit_change.share_range", "Mỗi tỷ lệ chia tách phải lớn hơn 0 và không quá 1",
     "Each share of a split must be above 0 and at most 1"},
    {"unit_change.shares_sum", "Tổng các tỷ lệ chia tách phải bằng 1",
     "The shares of a split must add up to 1"},

    {"task_update.completed_not_full", "Nhiệm vụ {0} đã hoàn thành thì tiến độ phải là 100%",
     "Task {0} is completed, so its progress must be 100%"},
    {"text.too_long", "\"{0}\" dài quá {1} ký tự", "\"{0}\" is longer than {1} characters"},

    {"attachment.owner_invalid", "Loại hồ sơ đính kèm \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Attachment owner \"{0}\" is not valid; choose one of: {1}"},
    {"attachment.filename_missing", "Cần tên tệp (tham số filename)",
     "A file name is needed (the filename parameter)"},
    {"attachment.empty", "Tệp \"{0}\" rỗng", "File \"{0}\" is empty"},
    {"attachment.too_large", "Tệp \"{0}\" vượt quá giới hạn {1} MB",
     "File \"{0}\" is larger than the limit of {1} MB"},
    {"attachment.type_not_allowed", "Không nhận tệp \"{0}\" (loại {1}); chỉ nhận các tệp: {2}",
     "File \"{0}\" (type {1}) is not accepted; accepted files: {2}"},
    {"attachment.extension_mismatch",
     "Nội dung tệp \"{0}\" không khớp với phần mở rộng; nội dung là tệp .{1}",
     "The content of \"{0}\" does not match its extension; it is a .{1} file"},
    {"attachment.detect_failed", "Không xác định được loại tệp: {0}",
     "The file's type could not be determined: {0}"},
    {"attachment.not_found", "Không có tệp đính kèm {0}", "There is no attachment {0}"},
    {"attachment.in_use", "Không xóa được \"{0}\" vì còn {1} tệp đính kèm; hãy xóa tệp trước",
     "\"{0}\" cannot be deleted while files are attached to it ({1}); delete them first"},

    {"search.entity_invalid", "Loại đối tượng tìm kiếm \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Search entity \"{0}\" is not valid; choose one of: {1}"},
};
}  // namespace

std::span<const Message> record_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
