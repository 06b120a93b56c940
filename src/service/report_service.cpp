#include "service/report_service.hpp"

#include "core/analytics/from_dataset.hpp"
#include "core/period.hpp"

namespace mandate::service {

Report build_report(std::shared_ptr<const Snapshot> snapshot, std::string_view unit,
                    std::string_view period, core::Lang lang, core::Date today) {
  const core::Period p = core::Period::parse(period);
  const core::Unit& u = snapshot->tree.resolve(unit);
  Report report;
  report.scorecard = snapshot->engine ? core::build_scorecard(snapshot->data, snapshot->tree, u, p,
                                                              *snapshot->engine)
                                      : core::build_scorecard(snapshot->data, snapshot->tree, u, p);
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
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->data = store.load();
  snapshot->tree = core::UnitTree(snapshot->data.units);
  snapshot->task_completed_on = core::completion_dates(store.completed_task_journals());
  // Built once here: the scorecard, the charts and the trace all read it.
  snapshot->engine = core::analytics::build_engine(snapshot->data);
  return build_report(std::move(snapshot), unit, period, lang, today);
}

}  // namespace mandate::service
