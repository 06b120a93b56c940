#pragma once
// Task status the way government task tracking counts it (hoàn thành đúng
// hạn, hoàn thành quá hạn, đang thực hiện trong hạn, quá hạn chưa hoàn thành),
// with counts and percentages per unit and period.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/period.hpp"
#include "core/task.hpp"
#include "core/unit_tree.hpp"

namespace mandate::core {

enum class TaskTimeliness {
  completed_on_time,
  completed_late,
  in_progress,  // not completed, not yet due (or no deadline)
  overdue,      // not completed, past its deadline
};
std::string_view task_timeliness_name(TaskTimeliness t);
TaskTimeliness parse_task_timeliness(std::string_view name);

// A task as of a date. completed_on: the date of the progress entry that
// completed it; a task marked completed without such an entry has no known
// date and counts as on time. Cancelled tasks are not counted (none).
std::optional<TaskTimeliness> task_timeliness(const Task& task, std::optional<Date> completed_on,
                                              Date as_of);

// When each completed task was completed, by task code.
using TaskCompletionDates = std::map<std::string, Date, std::less<>>;

// The date a task was completed: that of the journal entry that last moved it
// to completed (a task reopened and completed again counts the second time);
// none when its journal does not end completed.
std::optional<Date> completion_date(std::span<const TaskUpdate> journal);
// The same for every task in journals (entries of any tasks, each task's in
// the order they were written).
TaskCompletionDates completion_dates(std::span<const TaskUpdate> journals);

struct TaskTimelinessCounts {
  int total = 0;
  int completed_on_time = 0;
  int completed_late = 0;
  int in_progress = 0;
  int overdue = 0;
  void add(TaskTimeliness t);
  int count(TaskTimeliness t) const;
  // Percent of total, 0 when there are no tasks.
  double percent(TaskTimeliness t) const;
};

// Counts the tasks (not task groups) whose responsible unit is unit or below
// it and that belong to the period: started by its end (or with no start) and
// not completed before it began (a completed task with no known date is taken
// as done by its deadline). Judged as of min(the period's end, today).
TaskTimelinessCounts count_task_timeliness(std::span<const Task> tasks,
                                           const TaskCompletionDates& completed_on,
                                           const UnitTree& tree, std::string_view unit,
                                           const Period& period, Date today);

}  // namespace mandate::core
