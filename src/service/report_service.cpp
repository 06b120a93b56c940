#include "service/report_service.hpp"

#include "core/period.hpp"

namespace mandate::service {

std::unique_ptr<Report> build_report(store::Store& store, std::string_view unit,
                                     std::string_view period, core::Lang lang) {
  // The period is checked before the store is read: a typo costs nothing.
  const core::Period p = core::Period::parse(period);
  auto report = std::make_unique<Report>();
  report->data = store.load();
  report->tree = core::UnitTree(report->data.units);
  const core::Unit& u = report->tree.resolve(unit);
  report->scorecard = core::build_scorecard(report->data, report->tree, u, p);
  report->content = core::compose_report(report->scorecard, report->data, lang);
  return report;
}

}  // namespace mandate::service
