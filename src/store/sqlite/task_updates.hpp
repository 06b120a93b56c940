#pragma once
// Tasks' progress journals.
#include <string>
#include <vector>

#include "core/task.hpp"
#include "store/sqlite/connection.hpp"

namespace mandate::store::sqlite::task_updates {

long long append(Connection& c, const core::TaskUpdate& u);
std::vector<core::TaskUpdate> of(Connection& c, const std::string& task);

}  // namespace mandate::store::sqlite::task_updates
