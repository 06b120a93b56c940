// Catalog: DHIS2-compatible data exchange (/api/dataValueSets): request
// errors, the import summary's texts and its conflicts. The English of the
// conflicts follows DHIS2's own wording, so people who know DHIS2 recognise them.
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"dhis2.id_scheme_invalid",
     "Tham số {0} = \"{1}\" không hợp lệ; Mandate nhận UID, CODE hoặc NAME",
     "Parameter {0} = \"{1}\" is not valid; Mandate takes UID, CODE or NAME"},
    {"dhis2.import_strategy_invalid",
     "importStrategy \"{0}\" không hợp lệ; chọn CREATE, UPDATE, CREATE_AND_UPDATE hoặc DELETE",
     "importStrategy \"{0}\" is not valid; choose CREATE, UPDATE, CREATE_AND_UPDATE or DELETE"},
    {"dhis2.atomic_mode_invalid", "atomicMode \"{0}\" không hợp lệ; chọn ALL hoặc NONE",
     "atomicMode \"{0}\" is not valid; choose ALL or NONE"},
    {"dhis2.csv_invalid", "Tệp CSV sai cú pháp ở dòng {0}: {1}",
     "The CSV is malformed at row {0}: {1}"},
    {"dhis2.csv_too_many_columns", "Dòng {0} của tệp CSV có {1} cột; tối đa {2} cột",
     "Row {0} of the CSV has {1} columns; at most {2} are allowed"},
    {"dhis2.csv_boolean_invalid",
     "Dòng {0}, cột {1} của tệp CSV phải là true hoặc false, không phải \"{2}\"",
     "Row {0}, column {1} of the CSV must be true or false, not \"{2}\""},
    {"dhis2.unsupported_content_type",
     "Kiểu nội dung \"{0}\" không được hỗ trợ; gửi application/json hoặc text/csv",
     "Content type \"{0}\" is not supported; send application/json or text/csv"},
    {"dhis2.format_invalid", "Định dạng \"{0}\" không được hỗ trợ; chọn json hoặc csv",
     "Format \"{0}\" is not supported; choose json or csv"},

    {"dhis2.message.ok", "Nhập dữ liệu thành công.", "Import was successful."},
    {"dhis2.message.warning", "Có số liệu bị từ chối, xem chi tiết trong bản tóm tắt.",
     "One more conflicts encountered, please check import summary."},
    {"dhis2.message.error", "Có lỗi, không số liệu nào được ghi; xem chi tiết trong bản tóm tắt.",
     "An error occurred, please check import summary."},
    {"dhis2.summary.success", "Đã xử lý xong", "Import process completed successfully"},
    {"dhis2.summary.partial", "Đã ghi các số liệu hợp lệ; các số liệu có lỗi bị bỏ qua",
     "The valid values were written; the values with conflicts were ignored"},
    {"dhis2.summary.aborted",
     "Có số liệu lỗi nên không ghi gì (atomicMode=ALL); sửa lỗi rồi gửi lại, hoặc dùng "
     "atomicMode=NONE để ghi các số liệu hợp lệ",
     "Nothing was written because some values have conflicts (atomicMode=ALL); fix them and "
     "send again, or use atomicMode=NONE to write the valid values"},

    {"dhis2.conflict.data_element_not_found", "Không tìm thấy chỉ tiêu (dataElement) `{0}`",
     "Data element not found or not accessible: `{0}`"},
    {"dhis2.conflict.data_element_ambiguous",
     "Tên chỉ tiêu `{0}` khớp với nhiều chỉ tiêu: {1}; hãy dùng mã hoặc uid",
     "Data element name `{0}` matches several data elements: {1}; use a code or uid"},
    {"dhis2.conflict.data_element_computed",
     "Chỉ tiêu `{0}` được tính theo công thức {1}, không nhập trực tiếp",
     "Data element `{0}` is computed by the formula {1} and cannot be entered"},
    {"dhis2.conflict.period_invalid",
     "Kỳ báo cáo không hợp lệ: `{0}` (ví dụ hợp lệ: 202101, 2021Q1, 2021S1, 2021)",
     "Period not valid: `{0}` (valid examples: 202101, 2021Q1, 2021S1, 2021)"},
    {"dhis2.conflict.org_unit_not_found", "Không tìm thấy đơn vị (orgUnit) `{0}`",
     "Organisation unit not found or not accessible: `{0}`"},
    {"dhis2.conflict.org_unit_ambiguous",
     "Tên đơn vị `{0}` khớp với nhiều đơn vị: {1}; hãy dùng mã hoặc uid",
     "Organisation unit name `{0}` matches several units: {1}; use a code or uid"},
    {"dhis2.conflict.org_unit_out_of_scope",
     "Đơn vị `{0}` nằm ngoài phạm vi được nhập số liệu của tài khoản `{1}`",
     "Organisation unit: `{0}` not in hierarchy of current user: `{1}`"},
    {"dhis2.conflict.category_option_combo_not_found",
     "Không có phân tổ (categoryOptionCombo) `{0}`; Mandate chưa có phân tổ, chỉ nhận "
     "default hoặc HllvX50cXC0",
     "Category option combo not found or not accessible for writing data: `{0}`; Mandate has "
     "no breakdowns yet and takes only default or HllvX50cXC0"},
    {"dhis2.conflict.attribute_option_combo_not_found",
     "Không có loại số liệu (attributeOptionCombo) `{0}`; dùng default (số chính thức) hoặc "
     "ESTIMATE (số ước thực hiện)",
     "Attribute option combo not found or not accessible for writing data: `{0}`; use default "
     "(official figure) or ESTIMATE (estimate)"},
    {"dhis2.conflict.value_missing", "Thiếu giá trị của chỉ tiêu `{0}`",
     "Data value not specified for data element: `{0}`"},
    {"dhis2.conflict.value_not_numeric",
     "Giá trị \"{1}\" của chỉ tiêu `{0}` không phải là số (dùng dấu chấm thập phân, ví dụ 65.3)",
     "Value must match value type of data element `{0}`: \"{1}\" is not a number (use a decimal "
     "point, e.g. 65.3)"},
    {"dhis2.conflict.value_not_boolean",
     "Chỉ tiêu `{0}` nhận true hoặc false (hay 1 hoặc 0), không nhận \"{1}\"",
     "Value must match value type of data element `{0}`: true or false (or 1 or 0), not \"{1}\""},
    {"dhis2.conflict.comment_invalid", "Ghi chú không hợp lệ: dài quá {0} ký tự",
     "Invalid comment: longer than {0} characters"},
};
}  // namespace

std::span<const Message> dhis2_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
