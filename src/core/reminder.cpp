#include "core/reminder.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>

#include "core/completeness.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

int days_between(Date from, Date to) {
  return static_cast<int>((sys_days(to) - sys_days(from)).count());
}

Date plus_days(Date d, int n) {
  return Date(sys_days(d) + days(n));
}

// The periods of one year of a type a form can have.
std::vector<Period> periods_of_year(PeriodType type, int year) {
  std::vector<Period> out;
  switch (type) {
    case PeriodType::month:
      for (unsigned m = 1; m <= 12; ++m)
        out.push_back(Period::month(year, m));
      break;
    case PeriodType::quarter:
      for (unsigned q = 1; q <= 4; ++q)
        out.push_back(Period::quarter(year, q));
      break;
    case PeriodType::six_months:
      out.push_back(Period::six_months(year, 1));
      out.push_back(Period::six_months(year, 2));
      break;
    case PeriodType::nine_months:
      out.push_back(Period::nine_months(year));
      break;
    case PeriodType::year:
      out.push_back(Period::year(year));
      break;
    default:  // validate_form allows no other type
      break;
  }
  return out;
}

// Users who report for a unit: its own users who may enter values. Users
// above it (the city's staff) hear of it in their digest instead.
std::vector<const Principal*> reporters_of(std::span<const Principal> users,
                                           const std::string& unit) {
  std::vector<const Principal*> out;
  for (const auto& u : users)
    if (u.unit == unit && role_allows(u.role, Action::enter_values))
      out.push_back(&u);
  return out;
}

using SubmissionKey = std::tuple<std::string_view, std::string_view, std::string_view>;

struct DueReport {
  const Form* form;
  Period period;
  Date due;
};

}  // namespace

void validate_reminder_settings(const ReminderSettings& s) {
  auto check = [](int v, int lo, int hi, const char* name) {
    if (v < lo || v > hi)
      throw invalid_input("form.out_of_range", {name, std::to_string(lo), std::to_string(hi)},
                          name);
  };
  check(s.days_before, 0, 31, "days_before");
  check(s.overdue_days, 1, 92, "overdue_days");
  check(s.digest_days, 1, 366, "digest_days");
}

std::vector<Period> periods_due_between(const Form& form, Date from, Date to) {
  std::vector<Period> out;
  // A due date is at most a year after its period's end (validate_form), so
  // the periods of the year before `from` up to `to`'s year cover the range.
  for (int y = static_cast<int>(from.year()) - 2; y <= static_cast<int>(to.year()); ++y)
    for (const Period& p : periods_of_year(form.period_type, y)) {
      const Date due = due_date(form, p);
      if (due >= from && due <= to)
        out.push_back(p);
    }
  std::stable_sort(out.begin(), out.end(), [&](const Period& a, const Period& b) {
    return due_date(form, a) < due_date(form, b);
  });
  return out;
}

std::vector<PlannedNotification> plan_reminders(const ReminderInput& in) {
  const UnitTree& tree = *in.tree;
  const ReminderSettings& s = in.settings;
  std::map<SubmissionKey, const Submission*> sent_index;
  for (const auto& sub : in.submissions)
    sent_index[{sub.form, sub.unit, sub.period}] = &sub;
  auto submission_of = [&](const std::string& form, const std::string& unit,
                           const std::string& period) -> const Submission* {
    const auto it = sent_index.find({form, unit, period});
    return it == sent_index.end() ? nullptr : it->second;
  };

  // Who reports for each unit, found once: a province has thousands of each.
  std::map<std::string, std::vector<const Principal*>, std::less<>> reporters;
  for (const auto& u : in.users)
    if (role_allows(u.role, Action::enter_values))
      reporters[u.unit].push_back(&u);
  static const std::vector<const Principal*> kNobody;
  auto reporters_at = [&](const std::string& unit) -> const std::vector<const Principal*>& {
    const auto it = reporters.find(unit);
    return it == reporters.end() ? kNobody : it->second;
  };

  std::vector<PlannedNotification> out;
  // Reports not sent that are near or past their due date: their reporters.
  const int back = std::max(s.overdue_days, s.digest_days);
  std::vector<DueReport> recent;  // due in the digest's window, before today
  for (const auto& form : in.forms) {
    for (const Period& p : periods_due_between(form, plus_days(in.today, -back),
                                               plus_days(in.today, s.days_before))) {
      const Date due = due_date(form, p);
      const int left = days_between(in.today, due);
      if (left < 0 && -left <= s.digest_days)
        recent.push_back({&form, p, due});
      NotificationKind kind;
      if (left > 0)
        kind = NotificationKind::deadline_soon;
      else if (left == 0)
        kind = NotificationKind::deadline_today;
      else if (-left <= s.overdue_days)
        kind = NotificationKind::overdue;
      else
        continue;
      const std::string period = p.id();
      for (const auto& unit : tree.units()) {
        if (!must_report(form, unit, p))
          continue;
        const auto status =
            reporting_status(submission_of(form.code, unit.code, period), due, in.today);
        if (status == ReportingStatus::on_time || status == ReportingStatus::late)
          continue;
        const auto& told = reporters_at(unit.code);
        if (told.empty())
          continue;
        for (const Principal* user : told) {
          PlannedNotification n;
          n.username = user->username;
          n.kind = kind;
          n.form = form.code;
          n.unit = unit.code;
          n.period = period;
          n.due = due;
          n.days_left = std::max(left, 0);
          if (kind == NotificationKind::overdue && form.grace_days > 0)
            n.grace_end = grace_end(form, p);
          out.push_back(std::move(n));
        }
      }
    }
  }

  // Digests: everyone who oversees rather than reports, for their own scope.
  for (const auto& user : in.users) {
    const Unit* top = tree.find_by_code(user.unit);
    if (user.role == Role::reporter || !top)
      continue;
    // The user's scope: their unit and everything below, read once per user.
    std::vector<const Unit*> scope = tree.descendants(user.unit);
    scope.insert(scope.begin(), top);
    PlannedNotification d;
    d.username = user.username;
    d.kind = NotificationKind::digest;
    d.occasion = format_iso_date(in.today);
    for (const auto& r : recent) {
      DigestLine line{r.form->code, r.period.id(), r.due, 0, 0, {}};
      for (const Unit* unit : scope) {
        if (!must_report(*r.form, *unit, r.period))
          continue;
        ++line.expected;
        const auto status =
            reporting_status(submission_of(r.form->code, unit->code, line.period), r.due, in.today);
        if (status == ReportingStatus::missing)
          line.missing.push_back(unit->code);
        else if (status == ReportingStatus::late)
          ++line.late;
      }
      if (!line.missing.empty())
        d.lines.push_back(std::move(line));
    }
    for (const auto& task : in.tasks) {
      if (task.is_group() || !task.overdue(in.today) ||
          !tree.is_within(task.responsible_unit, user.unit))
        continue;
      ++d.overdue_tasks;
      d.overdue_task_codes.push_back(task.code);
    }
    if (!d.lines.empty() || d.overdue_tasks > 0)
      out.push_back(std::move(d));
  }
  return out;
}

std::vector<PlannedNotification> plan_step_notifications(const Form& form, const UnitTree& tree,
                                                         std::span<const Principal> users,
                                                         const Submission& after,
                                                         SubmissionStep step,
                                                         const std::string& actor,
                                                         const std::string& occasion) {
  std::vector<PlannedNotification> out;
  auto add = [&](const Principal& user, NotificationKind kind) {
    if (user.username == actor)
      return;
    PlannedNotification n;
    n.username = user.username;
    n.kind = kind;
    n.form = form.code;
    n.unit = after.unit;
    n.period = after.period;
    n.occasion = occasion;
    n.actor = actor;
    if (kind == NotificationKind::submission_reopened)
      n.reason = after.reopen_reason;
    out.push_back(std::move(n));
  };
  const bool waits = after.state == SubmissionState::submitted &&
                     (step == SubmissionStep::submit || step == SubmissionStep::approve);
  if (waits) {
    const auto chain = approval_chain(form, tree, after.unit);
    if (after.approvals >= 0 && static_cast<size_t>(after.approvals) < chain.size()) {
      const std::string& level = chain[static_cast<size_t>(after.approvals)]->code;
      for (const auto& u : users)
        if (u.unit == level && role_allows(u.role, Action::approve))
          add(u, NotificationKind::submission_submitted);
    }
  } else if ((step == SubmissionStep::approve && after.state == SubmissionState::approved) ||
             step == SubmissionStep::reopen) {
    const auto kind = step == SubmissionStep::reopen ? NotificationKind::submission_reopened
                                                     : NotificationKind::submission_approved;
    for (const Principal* u : reporters_of(users, after.unit))
      add(*u, kind);
  }
  return out;
}

}  // namespace mandate::core
