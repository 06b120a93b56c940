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
     "Số liệu {0} của {1} kỳ {2} đã gửi hoặc đã duyệt theo biểu mẫu {3} nên bị khóa; cần mở "
     "lại báo cáo trước khi sửa",
     "The value {0} of {1} for {2} is locked because its report on form {3} was submitted or "
     "approved; reopen it first"},
    {"submission.notes_required",
     "Cần ghi chú giải trình trước khi gửi cho các chỉ tiêu không đạt hoặc vi phạm quy tắc: {0}",
     "Add an explanatory note before submitting for the indicators that miss their target or "
     "break a rule: {0}"},

    {"submission.not_reporting", "Đơn vị {0} không báo cáo theo biểu mẫu {1} cho kỳ {2}",
     "Unit {0} does not report form {1} for {2}"},
    {"submission.approvals_invalid",
     "Số cấp đã duyệt {0} không phù hợp với trạng thái \"{1}\" (biểu mẫu có {2} cấp duyệt)",
     "{0} approvals given do not fit the state \"{1}\" (the form has {2} approval levels)"},
    {"rule.violated",
     "Quy tắc {0} ({1}) không cho phép lưu: chỉ tiêu {2} của {3} kỳ {4} có giá trị {5}",
     "Rule {0} ({1}) refuses the save: indicator {2} of {3} for {4} is {5}"},

    {"cli.help.submission", "Báo cáo theo biểu mẫu: xem, gửi, rút lại, duyệt, hủy duyệt, mở lại",
     "Reports on forms: list, submit, recall, approve, unapprove, reopen"},
    {"cli.help.submission_list", "Liệt kê các báo cáo đã gửi, đã duyệt hoặc đã mở lại",
     "List reports that were submitted, approved or reopened"},
    {"cli.help.submission_submit", "Gửi báo cáo lên cấp trên", "Submit a report"},
    {"cli.help.submission_recall", "Rút lại báo cáo đã gửi khi chưa cấp nào duyệt",
     "Recall a submitted report no level has approved yet"},
    {"cli.help.submission_approve", "Duyệt báo cáo ở cấp tiếp theo",
     "Approve a report at the next level"},
    {"cli.help.submission_unapprove", "Hủy cấp duyệt cao nhất đã cho",
     "Take back the highest approval given"},
    {"cli.help.submission_reopen", "Mở lại báo cáo để sửa, kèm lý do",
     "Reopen a report for correction, with a reason"},
    {"cli.help.form", "mã biểu mẫu", "form code"},
    {"cli.help.reason", "lý do mở lại", "why the report is reopened"},
    {"cli.help.completeness",
     "Tình hình báo cáo theo biểu mẫu: đúng hạn, trễ hạn, chưa báo cáo, đơn vị cần nhắc",
     "Who has reported a form: on time, late, missing, and the units to chase"},
    {"cli.submission_state", "Báo cáo {0} của {1} kỳ {2}: {3} ({4} cấp đã duyệt)",
     "Report {0} of {1} for {2}: {3} ({4} approvals given)"},
    {"cli.rule_broken", "  Vi phạm quy tắc {0}: {1} = {2} (đã có ghi chú giải trình)",
     "  Breaks rule {0}: {1} = {2} (explained by a note)"},
    {"cli.completeness_title", "Biểu mẫu {0}, {1}, kỳ {2}: hạn nộp {3}, gia hạn đến {4}",
     "Form {0}, {1}, period {2}: due {3}, grace until {4}"},
    {"cli.completeness_counts",
     "{0}: đã nộp {1}/{2} ({3}); đúng hạn {4}, trễ hạn {5}, chưa báo cáo {6}, chưa đến hạn {7}",
     "{0}: sent {1}/{2} ({3}); on time {4}, late {5}, missing {6}, not yet due {7}"},
    {"cli.completeness_chase", "Cần nhắc: {0}", "To chase: {0}"},
    {"list.col.form", "Biểu mẫu", "Form"},
    {"list.col.approvals", "Cấp đã duyệt", "Approvals"},
    {"list.col.submitted_at", "Thời điểm gửi", "Submitted at"},
    {"list.col.reopen_reason", "Lý do mở lại", "Reopen reason"},
    {"list.col.state", "Trạng thái báo cáo", "Report state"},

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
