#include "core/task.hpp"

#include "core/enum_table.hpp"
#include "core/text.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<TaskStatus, 4> kTaskStatuses{{{{TaskStatus::not_started, "not_started"},
                                                   {TaskStatus::in_progress, "in_progress"},
                                                   {TaskStatus::completed, "completed"},
                                                   {TaskStatus::cancelled, "cancelled"}}},
                                                 "task_status.invalid"};
}  // namespace

std::string_view task_status_name(TaskStatus s) {
  return kTaskStatuses.name(s);
}
TaskStatus parse_task_status(std::string_view s) {
  return kTaskStatuses.parse(s);
}

bool Task::overdue(Date today) const {
  if (status == TaskStatus::completed || status == TaskStatus::cancelled)
    return false;
  return deadline && today > *deadline;
}

void validate_task_update(const TaskUpdate& u) {
  if (u.progress < 0 || u.progress > 100)
    throw invalid_input("task.progress_range", {u.task}, "progress");
  if (u.status == TaskStatus::completed && u.progress != 100)
    throw invalid_input("task_update.completed_not_full", {u.task}, "progress");
  if (utf8_length(u.note) > 4000)
    throw invalid_input("text.too_long", {"note", "4000"}, "note");
}

}  // namespace mandate::core
