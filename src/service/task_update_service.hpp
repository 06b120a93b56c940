#pragma once
// Progress updates of tasks: the responsible unit (anyone who may enter its
// data) reports progress, status and a note; the entry joins the task's
// journal and sets the task's progress and status, in one audited transaction.
#include <string>
#include <vector>

#include "core/task.hpp"
#include "service/snapshot.hpp"
#include "service/value_service.hpp"

namespace mandate::service {

// update carries date, progress, status and note; the rest is filled in.
// Error(not_found) for an unknown task, Error(permission) outside the
// caller's scope, Error(invalid_input) for a bad entry.
core::TaskUpdate add_task_update(store::Store& store, SnapshotCache& cache, const Actor& actor,
                                 const std::string& task, core::TaskUpdate update);
std::vector<core::TaskUpdate> task_updates(store::Store& store, const Snapshot& snapshot,
                                           const core::Principal& who, const std::string& task);

}  // namespace mandate::service
