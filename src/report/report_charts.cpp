#include "report/report_charts.hpp"

#include "core/i18n.hpp"
#include "core/narrative.hpp"
#include "core/number_format.hpp"

namespace mandate::report {
namespace {

constexpr core::Lang kVi = core::Lang::vi;

std::optional<Chart> indicator_by_units(const service::Report& report) {
  const auto& s = report.scorecard;
  const auto* engine = report.snapshot->engine.get();
  if (!engine)
    return std::nullopt;
  const auto period = engine->find_period_code(s.period);
  if (!period)
    return std::nullopt;
  const auto unit = engine->unit_id(s.unit->code);
  std::optional<Chart> best;
  for (const auto& r : s.indicators) {
    const auto id = engine->indicator_id(r.indicator->code);
    Chart chart{core::tr(kVi, "report.chart.units", {r.indicator->name}), {}, 0};
    for (auto child : engine->children(unit, *period)) {
      const core::Unit* u = report.snapshot->tree.find_by_code(engine->unit_code(child));
      // Across a reorganisation, the units as they stand at the period's end:
      // a successor's figure already holds its predecessors' months.
      if (u && !u->valid_on(s.period.end()))
        continue;
      const auto figure = engine->query(id, child, *period);
      if (!figure.value)
        continue;
      chart.bars.push_back({u ? u->name : engine->unit_code(child), *figure.value,
                            core::format_indicator_value(*r.indicator, *figure.value, kVi), true});
    }
    if (chart.bars.size() >= 2 && (!best || chart.bars.size() > best->bars.size()))
      best = std::move(chart);
  }
  return best;
}

std::optional<Chart> meetings_by_units(const service::Report& report) {
  const auto& s = report.scorecard;
  const auto& tree = report.snapshot->tree;
  Chart chart{core::tr(kVi, "report.chart.meetings"), {}, 0};
  for (const core::Unit* child : tree.children(s.unit->code)) {
    size_t n = 0;
    for (const core::Activity* a : s.model_meetings)
      if (tree.is_within(a->unit, child->code))
        ++n;
    if (n > 0)
      chart.bars.push_back({child->name, static_cast<double>(n), std::to_string(n), true});
  }
  if (chart.bars.size() < 2)
    return std::nullopt;
  return chart;
}

}  // namespace

Chart progress_chart(const service::Report& report) {
  Chart chart{core::tr(kVi, "report.chart.progress"), {}, 100};
  const auto& s = report.scorecard;
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const auto& e = s.indicators[i].evaluation;
    if (!e.percent_of_target)
      continue;
    chart.bars.push_back({s.indicators[i].indicator->name, *e.percent_of_target,
                          report.content.table[i].percent_of_target, e.met_or_exceeded()});
  }
  return chart;
}

std::optional<Chart> units_chart(const service::Report& report) {
  if (auto chart = indicator_by_units(report))
    return chart;
  return meetings_by_units(report);
}

}  // namespace mandate::report
