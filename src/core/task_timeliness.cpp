#include "core/task_timeliness.hpp"

#include <algorithm>

#include "core/enum_table.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<TaskTimeliness, 4> kTimeliness{
    {{{TaskTimeliness::completed_on_time, "completed_on_time"},
      {TaskTimeliness::completed_late, "completed_late"},
      {TaskTimeliness::in_progress, "in_progress"},
      {TaskTimeliness::overdue, "overdue"}}},
    "task_timeliness.invalid"};
}  // namespace

std::string_view task_timeliness_name(TaskTimeliness t) {
  return kTimeliness.name(t);
}
TaskTimeliness parse_task_timeliness(std::string_view name) {
  return kTimeliness.parse(name);
}

std::optional<TaskTimeliness> task_timeliness(const Task& task, std::optional<Date> completed_on,
                                              Date as_of) {
  switch (task.status) {
    case TaskStatus::cancelled:
      return std::nullopt;
    case TaskStatus::completed:
      if (!completed_on || !task.deadline || *completed_on <= *task.deadline)
        return TaskTimeliness::completed_on_time;
      return TaskTimeliness::completed_late;
    case TaskStatus::not_started:
    case TaskStatus::in_progress:
      break;
  }
  return task.deadline && as_of > *task.deadline ? TaskTimeliness::overdue
                                                 : TaskTimeliness::in_progress;
}

std::optional<Date> completion_date(std::span<const TaskUpdate> journal) {
  std::optional<Date> out;
  bool completed = false;
  for (const auto& u : journal) {
    const bool now = u.status == TaskStatus::completed;
    if (now && !completed)
      out = u.date;
    if (!now)
      out.reset();
    completed = now;
  }
  return out;
}

TaskCompletionDates completion_dates(std::span<const TaskUpdate> journals) {
  TaskCompletionDates out;
  for (size_t begin = 0; begin < journals.size();) {
    size_t end = begin;
    while (end < journals.size() && journals[end].task == journals[begin].task)
      ++end;
    if (const auto d = completion_date(journals.subspan(begin, end - begin)))
      out.insert_or_assign(journals[begin].task, *d);
    begin = end;
  }
  return out;
}

void TaskTimelinessCounts::add(TaskTimeliness t) {
  ++total;
  switch (t) {
    case TaskTimeliness::completed_on_time:
      ++completed_on_time;
      break;
    case TaskTimeliness::completed_late:
      ++completed_late;
      break;
    case TaskTimeliness::in_progress:
      ++in_progress;
      break;
    case TaskTimeliness::overdue:
      ++overdue;
      break;
  }
}

int TaskTimelinessCounts::count(TaskTimeliness t) const {
  switch (t) {
    case TaskTimeliness::completed_on_time:
      return completed_on_time;
    case TaskTimeliness::completed_late:
      return completed_late;
    case TaskTimeliness::in_progress:
      return in_progress;
    case TaskTimeliness::overdue:
      return overdue;
  }
  return 0;
}

double TaskTimelinessCounts::percent(TaskTimeliness t) const {
  return total == 0 ? 0.0 : 100.0 * count(t) / total;
}

TaskTimelinessCounts count_task_timeliness(std::span<const Task> tasks,
                                           const TaskCompletionDates& completed_on,
                                           const UnitTree& tree, std::string_view unit,
                                           const Period& period, Date today) {
  const Date as_of = std::min(period.end(), today);
  TaskTimelinessCounts counts;
  for (const auto& task : tasks) {
    if (task.is_group() || !tree.find_by_code(task.responsible_unit) ||
        !tree.is_within(task.responsible_unit, unit))
      continue;
    if (task.start && *task.start > period.end())
      continue;
    std::optional<Date> done;
    if (const auto it = completed_on.find(task.code); it != completed_on.end())
      done = it->second;
    // Completed after the period's end: as of that end it was still open.
    Task as_then = task;
    if (task.status == TaskStatus::completed && done && *done > as_of)
      as_then.status = TaskStatus::in_progress;
    if (as_then.status == TaskStatus::completed && done && *done < period.start())
      continue;
    // Completed with no known date counts as on time, so it was done by its
    // deadline: one due before the period began belongs to an earlier period.
    if (as_then.status == TaskStatus::completed && !done && task.deadline &&
        *task.deadline < period.start())
      continue;
    if (const auto t = task_timeliness(as_then, done, as_of))
      counts.add(*t);
  }
  return counts;
}

}  // namespace mandate::core
