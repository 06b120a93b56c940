#pragma once
// Notifications: what kinds there are, and their text. A notification is
// stored as its kind and facts (codes, dates, counts), not as text: the title
// and body are written here when it is read, in the reader's language, with
// the names as they are then.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/i18n.hpp"

namespace mandate::core {

enum class NotificationKind {
  deadline_soon,         // a report is due in a few days and not sent
  deadline_today,        // it is due today and not sent
  overdue,               // its due date has passed and it is not sent
  digest,                // a leader's daily summary: reports missing, tasks overdue
  submission_submitted,  // a report waits for the reader's approval
  submission_approved,   // the reader's unit's report was approved
  submission_reopened,   // the reader's unit's report was reopened, with a reason
};
std::string_view notification_kind_name(NotificationKind k);
NotificationKind parse_notification_kind(std::string_view name);  // throws invalid_input

// One form and period in a digest: how many units report it in the leader's
// scope, how many sent late, and those that have not sent it.
struct DigestLine {
  std::string form;  // code; a name when rendering
  std::string period;
  Date due{};
  int expected = 0;
  int late = 0;
  std::vector<std::string> missing;  // unit codes; names when rendering
};

// The facts of one notification, with names in place of codes for rendering.
struct NotificationFacts {
  NotificationKind kind = NotificationKind::deadline_soon;
  std::string form;    // the form's name
  std::string unit;    // the unit's name
  std::string period;  // id, e.g. "202112"
  std::optional<Date> due;
  int days_left = 0;                            // deadline_soon
  std::optional<Date> grace_end;                // overdue, when the form has grace days
  std::string actor;                            // submission steps: who took the step
  std::string reason;                           // submission_reopened
  Date day{};                                   // digest: its day
  std::vector<DigestLine> lines;                // digest
  int overdue_tasks = 0;                        // digest
  std::vector<std::string> overdue_task_names;  // digest: the first few
};

struct NotificationText {
  std::string title;
  std::string body;
};
NotificationText render_notification(const NotificationFacts& facts, Lang lang);

}  // namespace mandate::core
