#include "io/cycle_json.hpp"

#include <cmath>

namespace mandate::io {
namespace {

namespace json = boost::json;
using namespace mandate::core;

// One decimal, as the reports show percentages.
double one_decimal(double x) {
  return std::round(x * 10) / 10;
}
// 0 of 0 is 0.
double percent(int part, int whole) {
  return whole == 0 ? 0 : one_decimal(100.0 * part / whole);
}

}  // namespace

json::object to_json(const RuleViolation& v) {
  json::object o{{"rule", v.rule}, {"indicator", v.indicator}, {"value", v.value}};
  if (v.other)
    o["other"] = *v.other;
  return o;
}

json::object to_json(const NoteRequired& n) {
  return {{"indicator", n.indicator}, {"reason", n.reason}};
}

json::object to_json(const CompletenessCounts& c) {
  return {{"expected", c.expected},
          {"onTime", c.on_time},
          {"late", c.late},
          {"missing", c.missing},
          {"notDue", c.not_due},
          {"sent", c.sent()},
          {"percent",
           {{"onTime", percent(c.on_time, c.expected)},
            {"late", percent(c.late, c.expected)},
            {"missing", percent(c.missing, c.expected)},
            {"notDue", percent(c.not_due, c.expected)},
            {"sent", percent(c.sent(), c.expected)}}}};
}

json::object to_json(const TaskTimelinessCounts& c) {
  return {{"total", c.total},
          {"completedOnTime", c.completed_on_time},
          {"completedLate", c.completed_late},
          {"inProgress", c.in_progress},
          {"overdue", c.overdue},
          {"percent",
           {{"completedOnTime", one_decimal(c.percent(TaskTimeliness::completed_on_time))},
            {"completedLate", one_decimal(c.percent(TaskTimeliness::completed_late))},
            {"inProgress", one_decimal(c.percent(TaskTimeliness::in_progress))},
            {"overdue", one_decimal(c.percent(TaskTimeliness::overdue))}}}};
}

json::object to_json(const Completeness& c) {
  json::array children;
  for (const auto& [unit, counts] : c.by_child) {
    auto o = to_json(counts);
    o["unit"] = unit;
    children.push_back(std::move(o));
  }
  json::array units;
  for (const auto& u : c.units) {
    json::object o{{"unit", u.unit},
                   {"status", reporting_status_name(u.status)},
                   {"state", submission_state_name(u.state)},
                   {"approvals", u.approvals}};
    if (!u.submitted_at.empty())
      o["submittedAt"] = u.submitted_at;
    units.push_back(std::move(o));
  }
  json::array chase;
  for (const auto& code : c.to_chase())
    chase.emplace_back(code);
  return {{"dueDate", format_iso_date(c.due)}, {"graceEnd", format_iso_date(c.grace_end)},
          {"totals", to_json(c.totals)},       {"byChild", std::move(children)},
          {"units", std::move(units)},         {"toChase", std::move(chase)}};
}

}  // namespace mandate::io
