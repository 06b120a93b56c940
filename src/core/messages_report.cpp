// Catalog: the sentences and headings of reports.
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"report.title", "BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT",
     "REPORT ON THE IMPLEMENTATION OF THE RESOLUTION"},
    {"report.subtitle", "{0} — {1}", "{0} — {1}"},
    {"report.plan_line", "Thực hiện {0}", "Implementing {0}"},
    {"report.no_plan", "Đơn vị chưa có nghị quyết nào được theo dõi.",
     "No resolution is tracked for this unit."},
    {"report.section.general", "Kết quả chung", "Overall results"},
    {"report.section.field", "Lĩnh vực {0}", "Field: {0}"},
    {"report.section.task_groups", "Các nhóm nhiệm vụ trọng tâm", "Key task groups"},
    {"report.section.party_building", "Học tập, quán triệt nghị quyết và xây dựng Đảng",
     "Study of the resolution and party building"},
    {"report.section.documents", "Văn bản cụ thể hóa nghị quyết", "Documents issued"},
    {"report.section.indicator_table", "Bảng kết quả thực hiện các chỉ tiêu", "Indicator results"},
    {"report.table.number", "TT", "No."},
    {"report.table.indicator", "Chỉ tiêu", "Indicator"},
    {"report.table.target", "Kế hoạch", "Target"},
    {"report.table.actual", "Thực hiện", "Actual"},
    {"report.table.percent", "% KH", "% of target"},
    {"report.table.last_year", "Cùng kỳ", "Same period last year"},
    {"report.table.status", "Đánh giá", "Status"},
    {"report.table.estimate_mark", " (ước)", " (est.)"},
    {"report.table.none", "–", "–"},

    {"narrative.and", " và ", " and "},
    {"narrative.clause_separator", "; ", "; "},
    {"narrative.indicators", "chỉ tiêu", "indicators"},
    {"narrative.indicators_summary", "{0}, {1}/{2} {3} đạt và vượt mục tiêu đề ra",
     "{0}: {1} of {2} {3} met or exceeded their targets"},
    {"narrative.indicators_not_met", "; {0} chỉ tiêu chưa đạt: {1}", "; {0} not met: {1}"},
    {"narrative.indicators_no_data", " ({0} chỉ tiêu chưa đủ số liệu để đánh giá)",
     " ({0} cannot be evaluated yet)"},
    {"narrative.indicator_actual", "{0} đạt {1}", "{0}: {1}"},
    {"narrative.indicator_estimate", "{0} ước đạt {1}", "{0}: an estimated {1}"},
    {"narrative.indicator_plain", "{0}: {1}", "{0}: {1}"},
    {"narrative.indicator_no_data", "{0}: chưa có số liệu", "{0}: no data yet"},
    {"narrative.percent_of_target", ", bằng {0} {1}", ", {0} of {1}"},
    {"narrative.target_in_brackets", " ({0}: {1})", " ({0}: {1})"},
    {"narrative.status.exceeded", ", vượt mục tiêu", ", above target"},
    {"narrative.status.met", ", đạt mục tiêu", ", on target"},
    {"narrative.status.nearly_met", ", gần đạt mục tiêu", ", nearly on target"},
    {"narrative.status.not_met", ", chưa đạt mục tiêu", ", below target"},
    {"narrative.status.no_data", "", ""},
    {"narrative.status.no_target", "", ""},
    {"narrative.task_groups",
     "{0}/{1} nhóm nhiệm vụ trọng tâm {2} trở lên, trong đó {3}/{1} nhóm nhiệm vụ {4}",
     "{0} of {1} key task groups rated \"{2}\" or better, {3} of {1} rated \"{4}\""},
    {"narrative.task_groups_unrated", "Các nhóm nhiệm vụ trọng tâm chưa được đánh giá ({0})",
     "The key task groups have not been rated for {0}"},
    {"narrative.task_group_line", "Nhóm {0}: {1} — {2}", "Group {0}: {1} — {2}"},
    {"narrative.task_timeliness",
     "{0} có {1} nhiệm vụ cụ thể: {2} hoàn thành đúng hạn ({3}), {4} hoàn thành quá hạn"
     " ({5}), {6} đang thực hiện trong hạn ({7}), {8} quá hạn chưa hoàn thành ({9})",
     "{0}: {1} specific tasks, {2} completed on time ({3}), {4} completed late ({5}), {6} in"
     " progress and not yet due ({7}), {8} overdue and not completed ({9})"},
    {"narrative.not_rated", "chưa đánh giá", "not rated yet"},
    {"narrative.study",
     "Tỷ lệ {0} tham gia học tập, quán triệt nghị quyết đạt {1} ({2}/{3} người, {4} hội nghị)",
     "Study of the resolution reached {1} of {0} ({2} of {3} people, {4} sessions)"},
    {"narrative.meetings",
     "Tổ chức {0} cuộc sinh hoạt chi bộ mẫu, {1}/{0} cuộc xếp loại {2} trở lên",
     "{0} model party-cell meetings held, {1} of {0} rated \"{2}\" or better"},
    {"narrative.meetings_unrated", "Tổ chức {0} cuộc sinh hoạt chi bộ mẫu",
     "{0} model party-cell meetings held"},
    {"narrative.contest", "Tổ chức {0} với {1} người dự thi. {2}",
     "Held the {0} with {1} contestants. {2}"},
    {"narrative.documents_by", "{0} ", "{0} "},
    {"narrative.documents_issued", "ban hành {0}", "issued {0}"},
    {"narrative.documents_amended", "sửa đổi, bổ sung {0}", "amended or supplemented {0}"},
};
}  // namespace

std::span<const Message> report_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
