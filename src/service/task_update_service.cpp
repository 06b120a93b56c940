#include "service/task_update_service.hpp"

#include <boost/json.hpp>

#include "core/error.hpp"
#include "io/journal_json.hpp"
#include "io/metadata_json.hpp"
#include "service/record_service.hpp"

namespace mandate::service {
namespace {

const core::Task& task_of(const Snapshot& s, const std::string& code) {
  for (const auto& t : s.data.tasks)
    if (t.code == code)
      return t;
  throw core::not_found("record.not_found", {code});
}

}  // namespace

core::TaskUpdate add_task_update(store::Store& store, SnapshotCache& cache, const Actor& actor,
                                 const std::string& task, core::TaskUpdate update) {
  auto tx = store.begin({actor.principal.username, actor.at});
  // Holding the write lock: the task read now is the one the update applies to.
  const auto s = cache.get();
  const core::Task& current = task_of(*s, task);
  core::require(actor.principal, core::Action::enter_values, record_scope(*s, current), s->tree);
  update.task = task;
  update.author = actor.principal.username;
  update.at = actor.at;
  core::validate_task_update(update);

  core::Task changed = current;
  changed.progress = update.progress;
  changed.status = update.status;
  update.id = tx->append_task_update(update);
  if (tx->upsert(changed))
    tx->append_audit({0, actor.at, actor.principal.username, actor.address, "update", "task", task,
                      boost::json::serialize(io::to_json(current)),
                      boost::json::serialize(io::to_json(changed))});
  tx->append_audit({0, actor.at, actor.principal.username, actor.address, "create", "task_update",
                    task + "/" + std::to_string(update.id), std::nullopt,
                    boost::json::serialize(io::to_json(update))});
  tx->commit();
  return update;
}

std::vector<core::TaskUpdate> task_updates(store::Store& store, const Snapshot& s,
                                           const core::Principal& who, const std::string& task) {
  core::require(who, core::Action::read, record_scope(s, task_of(s, task)), s.tree);
  return store.task_updates(task);
}

}  // namespace mandate::service
