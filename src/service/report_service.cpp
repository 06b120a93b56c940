#include "service/report_service.hpp"

#include "core/analytics/from_dataset.hpp"
#include "core/period.hpp"
#include "core/units_as_of.hpp"

namespace mandate::service {

Report build_report(std::shared_ptr<const Snapshot> snapshot, std::string_view unit,
                    std::string_view period, core::Lang lang, core::Date today) {
  const core::Period p = core::Period::parse(period);
  const core::Unit& stored = snapshot->tree.resolve(unit);
  Report report;
  // The report speaks of the unit as it stood at the period's end (or its
  // last day): its name then, its parent then, the cells under it then.
  core::Date day = p.end();
  if (stored.valid_to && *stored.valid_to < day)
    day = *stored.valid_to;
  if (stored.valid_from && *stored.valid_from > day)
    day = *stored.valid_from;
  core::UnitTreesAsOf trees(snapshot->data.units, snapshot->data.unit_changes, &snapshot->tree);
  const core::UnitTree& then = trees.at(day);
  // The snapshot's own tree when nothing was restructured; else a copy of that day's.
  report.tree = &then == &snapshot->tree
                    ? std::shared_ptr<const core::UnitTree>(snapshot, &snapshot->tree)
                    : std::make_shared<const core::UnitTree>(then);
  const core::Unit& u = *report.tree->find_by_code(stored.code);
  report.scorecard =
      core::build_scorecard(snapshot->data, *report.tree, u, p, *engine_of(*snapshot));
  if (auto tasks = core::count_task_timeliness(snapshot->data.tasks, snapshot->task_completed_on,
                                               snapshot->tree, u.code, p, today);
      tasks.total > 0)
    report.scorecard.task_timeliness = tasks;
  report.content = core::compose_report(report.scorecard, snapshot->data, lang);
  report.snapshot = std::move(snapshot);
  return report;
}

Report build_report(store::Store& store, std::string_view unit, std::string_view period,
                    core::Lang lang, core::Date today) {
  // The period is checked before the store is read: a typo costs nothing.
  core::Period::parse(period);
  auto snapshot =
      Snapshot::of(store.load(), core::completion_dates(store.completed_task_journals()));
  // Built once here: the scorecard, the charts and the trace all read it.
  snapshot->engine = engine_of(*snapshot);
  return build_report(std::move(snapshot), unit, period, lang, today);
}

}  // namespace mandate::service
