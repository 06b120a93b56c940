#pragma once
// The scorecard (kết quả thực hiện) of a unit for a period: every figure a
// report states, computed from the dataset and nothing else.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.hpp"
#include "core/analytics/engine.hpp"
#include "core/dataset.hpp"
#include "core/evaluation.hpp"
#include "core/period.hpp"
#include "core/task_timeliness.hpp"
#include "core/unit_tree.hpp"

namespace mandate::core {

struct IndicatorResult {
  const Indicator* indicator = nullptr;
  Evaluation evaluation;
  std::optional<ValueKind> kind;  // of the actual (official supersedes estimate)
  std::optional<TargetSource> target_source;
  std::string target_note;  // e.g. "dự toán tỉnh giao"
  std::optional<double> same_period_last_year;
  std::string comment;
};

struct TaskGroupResult {
  const Task* task = nullptr;
  const TaskRating* rating = nullptr;  // may be null: not yet rated
};

struct Scorecard {
  const Unit* unit = nullptr;
  Period period = Period::year(2000);
  const Plan* plan = nullptr;  // the plan of the unit or its nearest ancestor; may be null

  std::vector<IndicatorResult> indicators;  // the plan's indicators, in plan order
  size_t indicators_evaluated = 0;          // those with both actual and target
  size_t indicators_met = 0;                // met or exceeded

  std::vector<TaskGroupResult> task_groups;
  const RatingScale* task_scale = nullptr;
  size_t task_groups_good_or_better = 0;  // at the plan's task_good_level or better
  size_t task_groups_excellent = 0;       // at the scale's best level
  // Tasks directly under the plan's task groups that are not yet completed
  // or cancelled, in data order: what the next period carries on with.
  std::vector<const Task*> open_tasks;
  // The tasks at or below the unit in the period by timeliness; judging it
  // needs the progress journals and today, so the report service sets it.
  // None when no task counts.
  std::optional<TaskTimelinessCounts> task_timeliness;

  Participation study;  // study sessions in the subtree
  std::vector<const Activity*> study_sessions;
  std::vector<const Activity*> model_meetings;  // in the subtree
  const RatingScale* meeting_scale = nullptr;
  size_t meetings_good_or_better = 0;
  std::vector<const Activity*> contests;
  std::vector<const Activity*> other_activities;  // propaganda, inspection

  // Documents issued in the period by the unit and its own bodies, by kind;
  // those that amend or supplement an earlier document are counted apart.
  std::map<DocumentKind, size_t> documents_by_kind;
  std::map<DocumentKind, size_t> documents_amending_by_kind;
  size_t documents_total = 0;
  std::vector<const Document*> documents;  // the ones counted, in data order

  // Changes to the unit or the units below it that take effect inside the
  // period: its figures put together units from before and after them.
  std::vector<const UnitChange*> unit_changes;
};

// The plan of the unit or of its nearest ancestor; null when there is none.
const Plan* plan_for(const Dataset& data, const UnitTree& tree, const Unit& unit);

// Builds the scorecard. The dataset and tree must outlive the result (it points into them).
// Each indicator's actual is the engine's figure (built over the same data):
// the unit's own value when it has one, else the rollup of its parts and of
// shorter periods, so a ward's months reach the city's year.
Scorecard build_scorecard(const Dataset& data, const UnitTree& tree, const Unit& unit,
                          const Period& period, const analytics::Engine& engine);
// The same over an engine built from data here.
Scorecard build_scorecard(const Dataset& data, const UnitTree& tree, const Unit& unit,
                          const Period& period);

// The effective value of indicator at unit x period: a stored official figure,
// else an estimate, else (for a computed indicator) its formula over the
// effective values of its inputs. nullopt when there is none.
struct EffectiveValue {
  double value = 0;
  ValueKind kind = ValueKind::official;
};
std::optional<EffectiveValue> effective_value(const Dataset& data, const std::string& indicator,
                                              const std::string& unit, const std::string& period);

}  // namespace mandate::core
