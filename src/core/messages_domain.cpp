// Catalog: names of domain things (unit name prefixes, document kinds,
// statuses, value kinds, target sources).
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"unit.prefix.city", "Thành phố", "City"},
    {"unit.prefix.ward", "Phường", "Ward"},
    {"unit.prefix.commune", "Xã", "Commune"},
    {"unit.prefix.province", "Tỉnh", "Province"},
    {"unit.prefix.district", "Huyện", "District"},
    {"unit.prefix.urban_district", "Quận", "Urban district"},
    {"unit.prefix.town", "Thị xã", "Town"},

    {"unit_type.label.province", "Tỉnh", "Province"},
    {"unit_type.label.city", "Thành phố", "City"},
    {"unit_type.label.district", "Quận, huyện", "District"},
    {"unit_type.label.ward", "Phường", "Ward"},
    {"unit_type.label.commune", "Xã", "Commune"},
    {"unit_type.label.party_committee", "Cấp ủy", "Party committee"},
    {"unit_type.label.peoples_committee", "Ủy ban nhân dân", "People's committee"},
    {"unit_type.label.department", "Ban, phòng", "Department"},
    {"unit_type.label.party_cell", "Chi bộ", "Party cell"},
    {"unit_type.label.residential_block", "Khối, thôn", "Residential block"},

    {"value.yes", "có", "yes"},
    {"value.no", "không", "no"},
    {"kind.estimate", "Ước thực hiện", "Estimate"},
    {"kind.official", "Chính thức", "Official"},

    {"target.phrase.resolution", "mục tiêu nghị quyết", "the resolution's target"},
    {"target.phrase.annual_plan", "kế hoạch năm", "the annual plan"},
    {"target.phrase.assigned_by_superior", "chỉ tiêu cấp trên giao",
     "the target assigned by the level above"},

    {"status.exceeded", "Vượt", "Exceeded"},
    {"status.met", "Đạt", "Met"},
    {"status.nearly_met", "Gần đạt", "Nearly met"},
    {"status.not_met", "Chưa đạt", "Not met"},
    {"status.no_target", "Chưa giao chỉ tiêu", "No target"},
    {"status.no_data", "Chưa có số liệu", "No data"},

    {"task_status.label.not_started", "Chưa triển khai", "Not started"},
    {"task_status.label.in_progress", "Đang thực hiện", "In progress"},
    {"task_status.label.completed", "Hoàn thành", "Completed"},
    {"task_status.label.cancelled", "Đã hủy", "Cancelled"},

    {"activity_kind.label.study_session", "Học tập, quán triệt", "Study session"},
    {"activity_kind.label.model_meeting", "Sinh hoạt chi bộ mẫu", "Model party-cell meeting"},
    {"activity_kind.label.contest", "Hội thi", "Contest"},
    {"activity_kind.label.propaganda", "Tuyên truyền, vận động", "Propaganda"},
    {"activity_kind.label.inspection", "Kiểm tra, giám sát", "Inspection"},

    {"doc.kind.resolution", "nghị quyết", "resolutions"},
    {"doc.kind.resolution.one", "nghị quyết", "resolution"},
    {"doc.kind.thematic_resolution", "nghị quyết chuyên đề", "thematic resolutions"},
    {"doc.kind.thematic_resolution.one", "nghị quyết chuyên đề", "thematic resolution"},
    {"doc.kind.directive", "chỉ thị", "directives"},
    {"doc.kind.directive.one", "chỉ thị", "directive"},
    {"doc.kind.conclusion", "kết luận", "conclusions"},
    {"doc.kind.conclusion.one", "kết luận", "conclusion"},
    {"doc.kind.project", "đề án", "projects"},
    {"doc.kind.project.one", "đề án", "project"},
    {"doc.kind.program", "chương trình", "programs"},
    {"doc.kind.program.one", "chương trình", "program"},
    {"doc.kind.plan", "kế hoạch", "plans"},
    {"doc.kind.plan.one", "kế hoạch", "plan"},
    {"doc.kind.regulation", "quy chế, quy định", "regulations"},
    {"doc.kind.regulation.one", "quy chế, quy định", "regulation"},
    {"doc.kind.guidance", "văn bản hướng dẫn, triển khai, đôn đốc", "guidance documents"},
    {"doc.kind.guidance.one", "văn bản hướng dẫn, triển khai, đôn đốc", "guidance document"},
    {"doc.kind.decision", "quyết định", "decisions"},
    {"doc.kind.decision.one", "quyết định", "decision"},
    {"doc.kind.report", "báo cáo", "reports"},
    {"doc.kind.report.one", "báo cáo", "report"},
};
}  // namespace

std::span<const Message> domain_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
