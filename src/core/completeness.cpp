#include "core/completeness.hpp"

#include <map>

#include "core/enum_table.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<ReportingStatus, 4> kStatuses{{{{ReportingStatus::on_time, "on_time"},
                                                    {ReportingStatus::late, "late"},
                                                    {ReportingStatus::missing, "missing"},
                                                    {ReportingStatus::not_due, "not_due"}}},
                                                  "reporting_status.invalid"};
}  // namespace

std::string_view reporting_status_name(ReportingStatus s) {
  return kStatuses.name(s);
}
ReportingStatus parse_reporting_status(std::string_view name) {
  return kStatuses.parse(name);
}

ReportingStatus reporting_status(const Submission* submission, Date due, Date today) {
  if (submission && locks_values(submission->state) && !submission->submitted_at.empty())
    return vietnam_date(submission->submitted_at) <= due ? ReportingStatus::on_time
                                                         : ReportingStatus::late;
  return today > due ? ReportingStatus::missing : ReportingStatus::not_due;
}

void CompletenessCounts::add(ReportingStatus s) {
  ++expected;
  switch (s) {
    case ReportingStatus::on_time:
      ++on_time;
      break;
    case ReportingStatus::late:
      ++late;
      break;
    case ReportingStatus::missing:
      ++missing;
      break;
    case ReportingStatus::not_due:
      ++not_due;
      break;
  }
}

std::vector<std::string> Completeness::to_chase() const {
  std::vector<std::string> out;
  for (ReportingStatus wanted : {ReportingStatus::missing, ReportingStatus::not_due})
    for (const auto& u : units)
      if (u.status == wanted)
        out.push_back(u.unit);
  return out;
}

Completeness completeness(const Form& form, const UnitTree& tree, std::string_view root,
                          const Period& period, std::span<const Submission> submissions,
                          Date today) {
  Completeness c;
  c.due = due_date(form, period);
  c.grace_end = grace_end(form, period);
  const std::string period_id = period.id();
  std::map<std::string_view, const Submission*> by_unit;
  for (const auto& s : submissions)
    if (s.form == form.code && s.period == period_id)
      by_unit[s.unit] = &s;

  auto count = [&](const Unit& u, CompletenessCounts* child_counts) {
    if (!must_report(form, u, period))
      return;
    const auto it = by_unit.find(u.code);
    const Submission* s = it == by_unit.end() ? nullptr : it->second;
    UnitReporting r{u.code, reporting_status(s, c.due, today), "", SubmissionState::draft, 0};
    if (s) {
      r.state = s->state;
      r.approvals = s->approvals;
      if (locks_values(s->state))
        r.submitted_at = s->submitted_at;
    }
    c.totals.add(r.status);
    if (child_counts)
      child_counts->add(r.status);
    c.units.push_back(std::move(r));
  };

  const Unit& top = tree.resolve(root);
  count(top, nullptr);
  for (const Unit* child : tree.children(top.code)) {
    CompletenessCounts child_counts;
    count(*child, &child_counts);
    for (const Unit* below : tree.descendants(child->code))
      count(*below, &child_counts);
    if (child_counts.expected > 0)
      c.by_child.emplace_back(child->code, child_counts);
  }
  return c;
}

}  // namespace mandate::core
