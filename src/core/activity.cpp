#include "core/activity.hpp"

#include "core/enum_table.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<ActivityKind, 5> kActivityKinds{
    {{{ActivityKind::study_session, "study_session"},
      {ActivityKind::model_meeting, "model_meeting"},
      {ActivityKind::contest, "contest"},
      {ActivityKind::propaganda, "propaganda"},
      {ActivityKind::inspection, "inspection"}}},
    "activity_kind.invalid"};
}  // namespace

std::string_view activity_kind_name(ActivityKind k) {
  return kActivityKinds.name(k);
}
ActivityKind parse_activity_kind(std::string_view s) {
  return kActivityKinds.parse(s);
}

std::optional<double> Participation::rate() const {
  if (eligible <= 0)
    return std::nullopt;
  return static_cast<double>(attended) / static_cast<double>(eligible) * 100.0;
}

Participation participation(const std::vector<const Activity*>& activities) {
  Participation p;
  for (const Activity* a : activities) {
    for (const auto& row : a->attendance) {
      p.attended += row.attended;
      p.eligible += row.eligible;
    }
  }
  return p;
}

void validate_activity(const Activity& a) {
  if (a.participants < 0)
    throw invalid_input("activity.negative", {a.code, "participants"}, "participants");
  for (const auto& row : a.attendance) {
    if (row.attended < 0 || row.eligible < 0)
      throw invalid_input("activity.negative", {a.code, row.category}, "attendance");
    if (row.attended > row.eligible)
      throw invalid_input(
          "activity.attended_exceeds_eligible",
          {a.code, row.category, std::to_string(row.attended), std::to_string(row.eligible)},
          "attendance");
  }
}

}  // namespace mandate::core
