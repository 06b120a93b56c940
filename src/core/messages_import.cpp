// Catalog: the Excel round-trip and CSV value imports: reading XLSX files,
// the data-entry template, row problems, the error report, import jobs.
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    // Reading an XLSX package.
    {"xlsx.not_zip", "Tệp không phải là tệp Excel (.xlsx): không đọc được như một tệp zip",
     "The file is not an Excel (.xlsx) file: it cannot be read as a zip archive"},
    {"xlsx.damaged", "Tệp Excel bị hỏng hoặc không đúng chuẩn: phần \"{0}\" thiếu hoặc sai",
     "The Excel file is damaged or not standard: part \"{0}\" is missing or malformed"},
    {"xlsx.too_many_entries", "Tệp Excel có quá nhiều thành phần (tối đa {0})",
     "The Excel file has too many parts (at most {0})"},
    {"xlsx.too_large",
     "Tệp Excel khi giải nén quá lớn ở \"{0}\" (tối đa {1} MiB); có thể là tệp nén bất thường",
     "The Excel file unpacks too large at \"{0}\" (at most {1} MiB); it may be a zip bomb"},
    {"xlsx.too_many_columns", "Dòng {0} của tệp Excel có quá {1} cột",
     "Row {0} of the Excel file has more than {1} columns"},
    {"xlsx.sheet_missing", "Tệp Excel không có trang tính {0}; các trang tính có: {1}",
     "The Excel file has no worksheet {0}; its worksheets are: {1}"},
    {"xlsx.write_failed", "Không tạo được tệp Excel: {0}", "Could not write the Excel file: {0}"},

    // The data-entry table.
    {"import.sheet", "Nhập số liệu", "Data entry"},
    {"import.column.unit", "Mã đơn vị", "Unit code"},
    {"import.column.unit_name", "Tên đơn vị", "Unit name"},
    {"import.column.period", "Kỳ báo cáo", "Period"},
    {"import.column.indicator", "Mã chỉ tiêu", "Indicator code"},
    {"import.column.indicator_name", "Tên chỉ tiêu", "Indicator name"},
    {"import.column.unit_of_measure", "Đơn vị tính", "Unit of measure"},
    {"import.column.target", "Kế hoạch", "Target"},
    {"import.column.previous", "Kỳ trước", "Previous period"},
    {"import.column.last_year", "Cùng kỳ năm trước", "Same period last year"},
    {"import.column.value", "Số liệu", "Value"},
    {"import.column.kind", "Loại số liệu", "Kind"},
    {"import.column.comment", "Ghi chú", "Comment"},
    {"import.header_missing", "Không tìm thấy dòng tiêu đề của biểu nhập số liệu; cần các cột: {0}",
     "No header row of a data-entry table was found; the columns needed are: {0}"},
    {"import.empty", "Tệp không có số liệu nào để nhập", "The file holds no value to import"},
    {"import.formula",
     "Ô có công thức; Mandate không tính công thức, hãy dán giá trị (Paste Values)",
     "The cell holds a formula; Mandate does not evaluate formulas, paste the values instead"},
    {"import.cell_error", "Ô có lỗi Excel \"{0}\"", "The cell holds the Excel error \"{0}\""},
    {"import.value_text", "Ô số liệu chứa chữ \"{0}\", không phải số",
     "The value cell holds the text \"{0}\", not a number"},
    {"import.value_not_number", "\"{0}\" không phải là số (ví dụ đúng: 65,3 hoặc 1.234.567)",
     "\"{0}\" is not a number (for example 65,3 or 1.234.567)"},
    {"import.kind_invalid", "Loại số liệu \"{0}\" không hợp lệ; chọn Chính thức hoặc Ước thực hiện",
     "Kind \"{0}\" is not valid; choose Official or Estimate"},
    {"import.cell_missing", "Thiếu {0}", "{0} is missing"},
    {"import.duplicate_row", "Chỉ tiêu {0} của cùng đơn vị, kỳ và loại đã có ở dòng {1}",
     "Indicator {0} for the same unit, period and kind is already on row {1}"},

    // The template.
    {"import.template.title", "BIỂU NHẬP SỐ LIỆU CHỈ TIÊU", "DATA-ENTRY FORM"},
    {"import.template.unit", "Đơn vị: {0} (mã {1})", "Unit: {0} (code {1})"},
    {"import.template.period", "Kỳ báo cáo: {0} (mã {1})", "Period: {0} (code {1})"},
    {"import.template.compare", "Kỳ trước: {0}; cùng kỳ năm trước: {1}",
     "Previous period: {0}; same period last year: {1}"},
    {"import.template.instructions",
     "Chỉ nhập vào các ô nền vàng (Số liệu, Loại số liệu, Ghi chú); để trống ô Số liệu nếu chưa "
     "có số; không dùng công thức.",
     "Fill in only the yellow cells (Value, Kind, Comment); leave a value empty when there is no "
     "figure yet; do not use formulas."},
    {"import.template.invalid_title", "Số liệu không hợp lệ", "Invalid value"},
    {"import.template.invalid_value", "Nhập một số{0} từ {1} đến {2}",
     "Enter a{0} number from {1} to {2}"},
    {"import.template.whole", " nguyên", " whole"},

    // The error report.
    {"import.report.sheet", "Lỗi", "Errors"},
    {"import.report.line", "Dòng", "Row"},
    {"import.report.column", "Cột", "Column"},
    {"import.report.unit", "Mã đơn vị", "Unit code"},
    {"import.report.period", "Kỳ báo cáo", "Period"},
    {"import.report.indicator", "Mã chỉ tiêu", "Indicator code"},
    {"import.report.error_vi", "Lỗi", "Error (Vietnamese)"},
    {"import.report.error_en", "Error (English)", "Error (English)"},

    // The command line.
    {"cli.help.template", "tạo biểu nhập số liệu Excel của một đơn vị cho một kỳ",
     "write the Excel data-entry template of a unit for a period"},
    {"cli.help.import_errors", "ghi báo cáo lỗi (Excel) vào tệp này khi nhập không thành công",
     "write the error report (Excel) to this file when the import is refused"},
    {"cli.done_value_import", "Đã nhập {0}: {1} số liệu mới, {2} cập nhật, {3} không đổi",
     "Imported {0}: {1} new values, {2} updated, {3} unchanged"},
    {"cli.import_row_error", "Dòng {0} {1}", "Row {0} {1}"},
    {"import.rejected", "Tệp có {0} lỗi nên không số liệu nào được ghi",
     "The file has {0} problems, so no value was written"},

    // Import jobs.
    {"import.not_allowed", "Vai trò của bạn không được nhập số liệu",
     "Your role may not enter values"},
    {"import.job_unknown", "Không có lượt nhập \"{0}\" của bạn",
     "There is no import \"{0}\" of yours"},
    {"import.job_lost",
     "Lượt nhập \"{0}\" thuộc lần chạy trước của máy chủ; trạng thái các lượt nhập chỉ giữ "
     "trong bộ nhớ nên đã mất khi khởi động lại. Lượt nhập hoặc đã ghi trọn vẹn, hoặc không "
     "ghi gì: hãy xem lại số liệu",
     "Import \"{0}\" belonged to an earlier run of the server; import jobs are kept in memory "
     "and were lost at the restart. It was written entirely or not at all: check the values"},
    {"import.internal", "Lỗi nội bộ khi nhập số liệu; không có gì được ghi",
     "Internal error while importing; nothing was written"},
};
}  // namespace

std::span<const Message> import_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
