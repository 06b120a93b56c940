#pragma once
// Who is reminded of what, when (issue 8 §6): the pure rules of the reminder
// pass and of the notifications a submission step sends. The service stores
// what these plan; the store's unique key makes planning the same thing twice
// harmless, so the pass may run as often as it likes.
#include <span>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/form.hpp"
#include "core/notification.hpp"
#include "core/submission.hpp"
#include "core/task.hpp"
#include "core/unit_tree.hpp"

namespace mandate::core {

struct ReminderSettings {
  int days_before = 3;   // deadline_soon this many days (or fewer) before the due date
  int overdue_days = 7;  // overdue only for reports due at most this many days ago
  int digest_days = 31;  // a digest lists reports due at most this many days ago
};
// Throws invalid_input naming the setting when a value is out of range
// (days_before 0..31, overdue_days 1..92, digest_days 1..366).
void validate_reminder_settings(const ReminderSettings& s);

// One notification to create. occasion tells apart notifications with the
// same user, kind, form, unit and period: a digest's day, a step's number.
struct PlannedNotification {
  std::string username;
  NotificationKind kind = NotificationKind::deadline_soon;
  std::string form, unit, period;
  std::string occasion;
  std::optional<Date> due;
  int days_left = 0;
  std::optional<Date> grace_end;
  std::string actor, reason;  // submission steps
  // digest
  std::vector<DigestLine> lines;
  int overdue_tasks = 0;
  std::vector<std::string> overdue_task_codes;
};

// The periods of the form's type whose due date lies from `from` to `to`
// (inclusive), oldest first.
std::vector<Period> periods_due_between(const Form& form, Date from, Date to);

struct ReminderInput {
  std::span<const Form> forms;
  const UnitTree* tree = nullptr;
  std::span<const Submission> submissions;
  std::span<const Task> tasks;
  std::span<const Principal> users;  // active accounts only
  Date today{};
  ReminderSettings settings;
};

// For every form × reporting unit × period not sent: its reporters (users of
// that very unit who may enter values) get deadline_soon from days_before
// days before the due date, deadline_today on it, overdue after it (for
// reports due at most overdue_days ago). Every user but a reporter gets a
// digest for today when something in the scope needs attention: reports due
// in the last digest_days days not sent, tasks past their deadline.
std::vector<PlannedNotification> plan_reminders(const ReminderInput& in);

// The notifications a step that has just been taken sends: a report waiting
// for approval (submitted, or approved at one level of several) goes to the
// approvers of the unit of the next level; an approved or reopened report to
// the reporting unit's reporters. The actor is never notified of their own
// step. occasion: the step's time.
std::vector<PlannedNotification> plan_step_notifications(
    const Form& form, const UnitTree& tree, std::span<const Principal> users,
    const Submission& after, SubmissionStep step, const std::string& actor, const std::string& at);

}  // namespace mandate::core
