#include "national_dataset.hpp"

#include <fmt/format.h>

#include "core/analytics/period_code.hpp"
#include "core/period.hpp"

namespace mandate::bench {
namespace {

// Vietnamese names, so the reports exercise the fonts as a real one does.
std::string unit_name(const core::Unit& u) {
  switch (u.type) {
    case core::UnitType::province:
      return "Tỉnh số " + u.code.substr(1);
    case core::UnitType::ward:
      return "Phường số " + u.code.substr(1);
    case core::UnitType::commune:
      return "Xã số " + u.code.substr(1);
    case core::UnitType::party_cell:
      return "Chi bộ số " + u.code.substr(1);
    default:
      return "Trung ương";
  }
}

}  // namespace

core::Dataset national_dataset(const Dataset& g) {
  core::Dataset d;
  d.note = "Dữ liệu tổng hợp cho phép đo (bench/reports)";
  d.fields.push_back({"economy", "Kinh tế – xã hội"});
  d.units = g.units;
  for (auto& u : d.units)
    u.name = unit_name(u);

  core::Plan plan;
  plan.code = "NQ";
  plan.name = "Nghị quyết Đại hội nhiệm kỳ " + std::to_string(g.config.first_year) + "–" +
              std::to_string(g.config.first_year + g.config.months / 12 - 1);
  plan.unit = "VN";
  plan.term =
      core::Period::term(g.config.first_year, g.config.first_year + g.config.months / 12 - 1).id();
  plan.indicator_group_name = "chỉ tiêu kinh tế – xã hội";
  d.indicators = g.indicators;
  for (int i = 0; i < g.first_cell_indicator(); ++i) {
    auto& ind = d.indicators[static_cast<std::size_t>(i)];
    ind.name = "Chỉ tiêu tổng hợp " + ind.code;
    ind.field = "economy";
    ind.unit_of_measure = ind.value_type == core::ValueType::percent ? "%" : "đơn vị";
    plan.indicators.push_back(ind.code);
  }
  for (int i = g.first_cell_indicator(); i < static_cast<int>(d.indicators.size()); ++i)
    d.indicators[static_cast<std::size_t>(i)].name =
        "Chỉ tiêu chi bộ " + d.indicators[static_cast<std::size_t>(i)].code;
  d.plans.push_back(std::move(plan));

  // A year target per commune and directly reported indicator: near the
  // generated values' mean, so some are met and some not.
  const int years = g.config.months / 12;
  for (int c = 0; c < g.config.communes; ++c) {
    const auto& unit = d.units[static_cast<std::size_t>(g.first_commune() + c)].code;
    for (int i = 0; i < g.first_rate(); ++i)
      for (int y = 0; y < years; ++y)
        d.targets.push_back({d.indicators[static_cast<std::size_t>(i)].code, unit,
                             core::Period::year(g.config.first_year + y).id(),
                             static_cast<double>(400 + (c * 7 + i * 13 + y) % 300),
                             core::TargetSource::resolution, "", false});
  }

  d.values.reserve(g.values.size());
  for (const auto& v : g.values) {
    // The generator writes month slots only (slot::month(m) == m - 1).
    const auto month = core::analytics::code_slot(v.period) + 1;
    d.values.push_back({d.indicators[v.indicator].code, d.units[v.unit].code,
                        core::Period::month(core::analytics::code_year(v.period), month).id(),
                        v.kind, v.value, "", false});
  }
  return d;
}

}  // namespace mandate::bench
