#pragma once
// Everything Mandate knows, as plain values: what the metadata format reads
// and writes, what the store loads and saves, what the scorecard reads.
#include <string>
#include <vector>

#include "core/activity.hpp"
#include "core/document.hpp"
#include "core/form.hpp"
#include "core/indicator.hpp"
#include "core/plan.hpp"
#include "core/rating_scale.hpp"
#include "core/submission.hpp"
#include "core/task.hpp"
#include "core/unit.hpp"
#include "core/unit_change.hpp"
#include "core/validation_rule.hpp"

namespace mandate::core {

struct Dataset {
  std::string note;  // free text about the data set (e.g. what is illustrative)
  std::vector<Unit> units;
  std::vector<UnitChange> unit_changes;
  std::vector<Field> fields;
  std::vector<RatingScale> rating_scales;
  std::vector<Indicator> indicators;
  std::vector<Plan> plans;
  std::vector<Target> targets;
  std::vector<Value> values;
  std::vector<Task> tasks;
  std::vector<TaskRating> task_ratings;
  std::vector<Activity> activities;
  std::vector<Document> documents;
  // Reporting cycles: forms, validation rules, and the state of each form ×
  // unit × period that has left the draft (docs/reporting-cycles.md).
  std::vector<Form> forms;
  std::vector<ValidationRule> validation_rules;
  std::vector<Submission> submissions;
};

// Checks the data set as a whole: unique codes per kind, every reference
// resolves (parents, units, fields, indicators, plans, scales and levels),
// valid period ids, formulas parse and have no cycles, values pass
// validate_value, forms and rules pass their own checks, submissions name a
// form, a unit that reports it and a period of its type. Throws
// Error(invalid_input) naming the first problem and where it is (e.g. field
// "values[12].unit").
void validate_dataset(const Dataset& d);

}  // namespace mandate::core
