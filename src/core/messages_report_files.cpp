// Catalog: report files (DOCX, PDF, XLSX), their templates, charts and trace.
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"report.kind.invalid",
     "Loại báo cáo không hợp lệ: \"{0}\" (dùng six_months, nine_months, year hoặc mid_term)",
     "Invalid report kind \"{0}\" (use six_months, nine_months, year or mid_term)"},
    {"report.layout.invalid", "Thể thức văn bản không hợp lệ: \"{0}\" (dùng party hoặc state)",
     "Invalid document layout \"{0}\" (use party or state)"},
    {"report.template.not_found", "Không tìm thấy mẫu báo cáo \"{0}\"",
     "Report template \"{0}\" not found"},
    {"report.template.dir_missing", "Thư mục mẫu báo cáo không tồn tại: {0}",
     "The report template folder does not exist: {0}"},
    {"report.template.invalid", "Mẫu báo cáo \"{0}\" không hợp lệ: {1}",
     "Report template \"{0}\" is invalid: {1}"},
    {"report.template.unknown_block", "Mẫu báo cáo dòng {0}: không biết khối \"{1}\"",
     "Report template line {0}: unknown block \"{1}\""},
    {"report.render.failed", "Không tạo được tệp {0}: {1}", "Could not produce the {0} file: {1}"},
    {"report.out_required", "Định dạng {0} là tệp nhị phân: hãy chỉ định --out TỆP",
     "The {0} format is a binary file: give --out FILE"},
    {"cli.help.report_kind",
     "loại báo cáo: six_months, nine_months, year, mid_term (mặc định theo kỳ)",
     "report kind: six_months, nine_months, year, mid_term (default: from the period)"},
    {"cli.help.layout", "thể thức: party (văn bản của Đảng) hoặc state (văn bản hành chính)",
     "layout: party (party committee) or state (people's committee)"},
    {"cli.help.templates", "thư mục mẫu báo cáo thay cho mẫu có sẵn",
     "folder of report templates overriding the built-in ones"},
    {"cli.help.trace", "ghi kèm tệp JSON truy nguồn mọi con số",
     "also write the JSON trace of every figure to this file"},
    {"report.write_here", "[Đơn vị bổ sung: {0}]", "[To be written by the office: {0}]"},
    {"report.recipients", "Nơi nhận:", "Recipients:"},
    {"report.xlsx.sheet", "Chỉ tiêu", "Indicators"},
    {"report.xlsx.code", "Mã", "Code"},
    {"report.xlsx.unit_of_measure", "Đơn vị tính", "Unit"},
    {"report.xlsx.footer", "&CTrang &P/&N", "&CPage &P of &N"},
    {"report.chart.progress", "Mức độ thực hiện các chỉ tiêu so với kế hoạch (%)",
     "Indicators against their targets (%)"},
    {"report.chart.units", "{0} theo đơn vị trực thuộc", "{0} by sub-unit"},
    {"report.chart.meetings", "Số cuộc sinh hoạt chi bộ mẫu theo đơn vị trực thuộc",
     "Model party-cell meetings by sub-unit"},
    {"report.trace.own_value", "số liệu của chính đơn vị cho kỳ này",
     "the unit's own value for this period"},
    {"report.trace.own_rollup", "số liệu của chính đơn vị, cộng dồn các kỳ ngắn hơn",
     "the unit's own values rolled up over shorter periods"},
    {"report.trace.parts", "tổng hợp từ {0} đơn vị trực thuộc", "combined from {0} sub-units"},
};
}  // namespace

std::span<const Message> report_file_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
