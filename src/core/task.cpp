#include "core/task.hpp"

#include "core/enum_table.hpp"

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

}  // namespace mandate::core
