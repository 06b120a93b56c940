#pragma once
// Tasks (nhiệm vụ): task group -> task -> sub-task.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace mandate::core {

enum class TaskStatus { not_started, in_progress, completed, cancelled };
std::string_view task_status_name(TaskStatus s);
TaskStatus parse_task_status(std::string_view s);

struct Task {
  std::string code;
  std::string plan;         // plan code
  std::string parent_code;  // empty for a task group
  std::string name;
  std::string field;
  std::string responsible_unit;
  std::vector<std::string> coordinating_units;
  std::optional<Date> start;
  std::optional<Date> deadline;
  TaskStatus status = TaskStatus::not_started;
  int progress = 0;  // percent 0..100
  bool illustrative = false;

  bool is_group() const { return parent_code.empty(); }
  // Past its deadline on `today` and not completed or cancelled.
  bool overdue(Date today) const;
};

// A task's evaluation for a period (usually a year) on a rating scale.
struct TaskRating {
  std::string task;
  std::string period;
  std::string scale;
  std::string level;
  std::string comment;
  bool illustrative = false;
};

// One entry in a task's progress journal: what the responsible unit reported
// on a date. Entries are never edited; a correction is a newer entry. The
// newest entry sets the task's progress and status.
struct TaskUpdate {
  long long id = 0;  // assigned by the store, increasing
  std::string task;
  Date date{};
  int progress = 0;  // percent 0..100
  TaskStatus status = TaskStatus::in_progress;
  std::string note;
  std::string author;  // user name
  std::string at;      // ISO timestamp of the entry
};

// Checks an entry on its own (progress range, a completed task at 100%, a
// note no longer than 4000 characters). Throws Error(invalid_input) with the field.
void validate_task_update(const TaskUpdate& u);

}  // namespace mandate::core
