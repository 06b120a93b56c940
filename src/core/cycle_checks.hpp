#pragma once
// The reporting-cycle rules applied to a whole data set (its records, and its
// values as a ValueTable): which submitted report locks a value cell, which
// validation rules a saved value breaks, and what a report needs before it
// may be submitted. Pure: the services call these with the snapshot they
// write against.
#include <span>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/error.hpp"
#include "core/value_table.hpp"

namespace mandate::core {

// The submitted or approved report whose form holds the cell (the indicator
// is on the form, for that unit and period), or null when none locks it.
const Submission* locking_submission(const Dataset& d, std::string_view indicator,
                                     std::string_view unit, std::string_view period);
// Throws Error(conflict, "submission.locked") naming the cell and the form.
void require_unlocked(const Dataset& d, std::string_view indicator, std::string_view unit,
                      std::string_view period);
// The error a write to a locked cell gets.
Error locked_cell(std::string_view indicator, std::string_view unit, std::string_view period,
                  std::string_view form);
// The forms whose reports hold the indicator.
std::vector<const Form*> forms_holding(const Dataset& d, std::string_view indicator);

// The unit's values for period by indicator: the official figure, or the
// estimate where no official one is stored.
IndicatorValues indicator_values(const ValueTable& values, std::string_view unit,
                                 std::string_view period);

// The rules about the saved values' indicators (on either side of a
// comparison) that their units' values break once saved (the batch over what
// is stored). A broken rule that refuses on save throws Error(invalid_input,
// "rule.violated"); the others come back as warnings.
std::vector<RuleViolation> check_saved_values(const Dataset& d, const ValueTable& values,
                                              std::span<const Value> batch);

// What stands in the way of submitting form for unit and period: every rule
// about the form's indicators that is broken, and the cells (a broken rule or
// a missed target) that still have no explanatory note.
struct SubmitCheck {
  std::vector<RuleViolation> violations;
  std::vector<std::string> missed_targets;
  std::vector<NoteRequired> notes;
};
SubmitCheck check_for_submit(const Dataset& d, const ValueTable& values, const Form& form,
                             std::string_view unit, std::string_view period);

}  // namespace mandate::core
