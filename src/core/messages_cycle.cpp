// Catalog: reporting cycles — forms and deadlines, submission and approval,
// completeness, validation rules, task timeliness.
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"form.deadline_kind_invalid", "Cách tính hạn nộp \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Deadline kind \"{0}\" is not valid; choose one of: {1}"},
    {"form.after_grace_invalid",
     "Cách xử lý sau thời gian gia hạn \"{0}\" không hợp lệ; chọn một trong: {1}",
     "After-grace rule \"{0}\" is not valid; choose one of: {1}"},
    {"form.out_of_range", "\"{0}\" phải từ {1} đến {2}", "\"{0}\" must be from {1} to {2}"},
    {"form.period_type",
     "Biểu mẫu không dùng loại kỳ \"{0}\"; chọn tháng, quý, 6 tháng, 9 tháng hoặc năm",
     "A form cannot use period type \"{0}\"; choose month, quarter, six months, nine months or "
     "year"},
    {"form.period_mismatch", "Biểu mẫu {0} báo cáo theo kỳ loại {2}, không áp dụng cho kỳ {1}",
     "Form {0} is reported by {2}, not for period {1}"},

    {"submission.state_invalid", "Trạng thái báo cáo \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Submission state \"{0}\" is not valid; choose one of: {1}"},
    {"submission.step_invalid", "Thao tác \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Step \"{0}\" is not valid; choose one of: {1}"},
    {"submission.step_not_allowed",
     "Không thể thực hiện \"{0}\" khi báo cáo của {2} kỳ {3} đang ở trạng thái \"{1}\"",
     "\"{0}\" is not allowed while the report of {2} for {3} is \"{1}\""},
    {"submission.past_grace",
     "Đã hết thời gian gia hạn ({2}) để nộp báo cáo của {0} kỳ {1}; cần cấp duyệt mở lại trước",
     "The grace period for the report of {0} for {1} ended on {2}; an approver must reopen it "
     "first"},
    {"submission.reason_missing", "Mở lại báo cáo cần nêu lý do (reason)",
     "Reopening a report needs a reason (reason)"},
    {"submission.locked",
     "Số liệu {0} của {1} kỳ {2} đã gửi hoặc đã duyệt nên bị khóa; cần mở lại trước khi sửa",
     "The value {0} of {1} for {2} is locked because its report was submitted or approved; "
     "reopen it first"},
    {"submission.notes_required",
     "Cần ghi chú giải trình trước khi gửi cho các chỉ tiêu không đạt hoặc vi phạm quy tắc: {0}",
     "Add an explanatory note before submitting for the indicators that miss their target or "
     "break a rule: {0}"},

    {"submission_state.label.draft", "Đang nhập", "Draft"},
    {"submission_state.label.submitted", "Đã gửi", "Submitted"},
    {"submission_state.label.approved", "Đã duyệt", "Approved"},
    {"submission_state.label.reopened", "Đã mở lại", "Reopened"},

    {"reporting_status.invalid", "Tình trạng báo cáo \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Reporting status \"{0}\" is not valid; choose one of: {1}"},
    {"reporting_status.label.on_time", "Đúng hạn", "On time"},
    {"reporting_status.label.late", "Trễ hạn", "Late"},
    {"reporting_status.label.missing", "Chưa báo cáo (quá hạn)", "Missing (overdue)"},
    {"reporting_status.label.not_due", "Chưa đến hạn", "Not yet due"},

    {"rule.kind_invalid", "Loại quy tắc \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Rule kind \"{0}\" is not valid; choose one of: {1}"},
    {"rule.comparison_invalid", "Phép so sánh \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Comparison \"{0}\" is not valid; choose one of: {1}"},
    {"rule.field_not_allowed", "Khóa \"{0}\" không dùng cho loại quy tắc này",
     "Key \"{0}\" does not apply to this kind of rule"},
    {"rule.same_indicator", "Quy tắc so sánh chỉ tiêu {0} với chính nó",
     "The rule compares indicator {0} with itself"},
    {"rule.range_inverted", "Giới hạn dưới (min) lớn hơn giới hạn trên (max)",
     "The lower bound (min) is above the upper bound (max)"},
    {"rule.change_limit", "Mức thay đổi tối đa (maxChangePercent) phải là số dương",
     "The largest change (maxChangePercent) must be a positive number"},

    {"task_timeliness.invalid", "Tình trạng nhiệm vụ \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Task timeliness \"{0}\" is not valid; choose one of: {1}"},
    {"task_timeliness.label.completed_on_time", "Hoàn thành đúng hạn", "Completed on time"},
    {"task_timeliness.label.completed_late", "Hoàn thành quá hạn", "Completed late"},
    {"task_timeliness.label.in_progress", "Đang thực hiện trong hạn", "In progress, not yet due"},
    {"task_timeliness.label.overdue", "Quá hạn chưa hoàn thành", "Overdue"},
};
}  // namespace

std::span<const Message> cycle_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
