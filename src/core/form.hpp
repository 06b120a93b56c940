#pragma once
// Forms (biểu mẫu): which indicators a kind of unit reports, for which period
// type, by which deadline, and who approves what was submitted. The rules
// only; the store keeps forms as records and the service applies them.
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/period.hpp"
#include "core/unit.hpp"
#include "core/unit_tree.hpp"

namespace mandate::core {

// When a period's report is due.
struct DeadlineRule {
  enum class Kind {
    day_of_month,  // day `day` of the month `months_after_end` months after the period's last month
    days_after_end,  // `days` days after the period's last day
  };
  Kind kind = Kind::day_of_month;
  // 1: "the 20th of the following month"; 0: a date inside the period's last
  // month, as for the six-month estimate due before June ends.
  int months_after_end = 1;
  unsigned day = 20;  // past the month's end means its last day
  int days = 0;
};
std::string_view deadline_kind_name(DeadlineRule::Kind k);
DeadlineRule::Kind parse_deadline_kind(std::string_view name);

// What happens to a unit that has not submitted when the grace period is over.
enum class AfterGrace {
  accept_late,  // it may still submit; the report counts as late
  refuse,       // submitting is refused until an approver reopens the report
};
std::string_view after_grace_name(AfterGrace a);
AfterGrace parse_after_grace(std::string_view name);

struct Form {
  std::string code;
  std::string name;
  PeriodType period_type = PeriodType::month;
  std::vector<UnitType> unit_types;     // units of these types report the form
  std::vector<std::string> indicators;  // indicator codes, in the form's order
  DeadlineRule deadline;
  int grace_days = 0;
  AfterGrace after_grace = AfterGrace::accept_late;
  // Approval in levels, in order: level k is given at the nearest unit of type
  // approval_levels[k] at or above the reporting unit (a ward submits, the city
  // approves, the province accepts). A type with no such unit is skipped.
  std::vector<UnitType> approval_levels;
  bool illustrative = false;
};

// Checks a form on its own: a code, a name, a period type a form can have
// (month, quarter, six months, nine months, year), at least one unit type and
// indicator, no repeats, a deadline and grace within a year. Throws
// Error(invalid_input) naming the field.
void validate_form(const Form& form);

// The last day to submit period's report on time. Throws invalid_input when
// the period is not of the form's type.
Date due_date(const Form& form, const Period& period);
// The last day of the grace period (the due date plus grace_days).
Date grace_end(const Form& form, const Period& period);

// Whether unit reports the form for period: its type is listed and it exists
// during the period (valid_from / valid_to overlap the period).
bool must_report(const Form& form, const Unit& unit, const Period& period);

// The units that approve unit's reports, level by level (see approval_levels).
std::vector<const Unit*> approval_chain(const Form& form, const UnitTree& tree,
                                        std::string_view unit_code);

}  // namespace mandate::core
