#pragma once
// Everything Mandate knows, as plain values: what the metadata format reads
// and writes, what the store loads and saves, what the scorecard reads.
#include <string>
#include <vector>

#include "core/activity.hpp"
#include "core/document.hpp"
#include "core/indicator.hpp"
#include "core/plan.hpp"
#include "core/rating_scale.hpp"
#include "core/task.hpp"
#include "core/unit.hpp"
#include "core/unit_change.hpp"

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
};

// Checks the data set as a whole: unique codes per kind, every reference
// resolves (parents, units, fields, indicators, plans, scales and levels),
// valid period ids, formulas parse and have no cycles, values pass
// validate_value. Throws Error(invalid_input) naming the first problem and
// where it is (e.g. field "values[12].unit").
void validate_dataset(const Dataset& d);

}  // namespace mandate::core
