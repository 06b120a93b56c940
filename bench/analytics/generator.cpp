#include "generator.hpp"

#include <fmt/format.h>

namespace mandate::bench {
namespace {

std::uint64_t mix(std::uint64_t x) {  // splitmix64
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

core::Aggregation commune_aggregation(int i) {
  // 26 sums, 6 averages, 6 stocks (last), 3 min, 3 max, 1 count, 1 without rollup.
  if (i < 26)
    return core::Aggregation::sum;
  if (i < 32)
    return core::Aggregation::average;
  if (i < 38)
    return core::Aggregation::last;
  if (i < 41)
    return core::Aggregation::min;
  if (i < 44)
    return core::Aggregation::max;
  if (i < 45)
    return core::Aggregation::count;
  return core::Aggregation::none;
}

core::Unit unit(std::string code, std::string parent, core::UnitType type) {
  core::Unit u;
  u.name = code;
  u.code = std::move(code);
  u.parent_code = std::move(parent);
  u.type = type;
  return u;
}

}  // namespace

double value_for(std::uint64_t seed, std::uint32_t indicator, std::uint32_t unit, int month) {
  const std::uint64_t h =
      mix(seed ^ mix((std::uint64_t{indicator} << 40) ^ (std::uint64_t{unit} << 8) ^
                     static_cast<std::uint64_t>(month)));
  return static_cast<double>(h % 1000);  // whole numbers: sums are exact in any order
}

Dataset generate(const GeneratorConfig& config) {
  Dataset d;
  d.config = config;
  const int units = 1 + config.provinces + config.communes + config.cells;
  d.units.reserve(static_cast<std::size_t>(units));
  d.province_of.assign(static_cast<std::size_t>(units), -1);
  d.commune_of.assign(static_cast<std::size_t>(units), -1);
  d.units.push_back(unit("VN", "", core::UnitType::party_committee));
  for (int p = 0; p < config.provinces; ++p) {
    d.units.push_back(unit(fmt::format("P{:02}", p + 1), "VN", core::UnitType::province));
    d.province_of[static_cast<std::size_t>(d.first_province() + p)] = d.first_province() + p;
  }
  for (int c = 0; c < config.communes; ++c) {
    const int p = c % config.provinces;
    d.units.push_back(unit(fmt::format("X{:05}", c + 1), fmt::format("P{:02}", p + 1),
                           c % 5 == 0 ? core::UnitType::ward : core::UnitType::commune));
    const auto id = static_cast<std::size_t>(d.first_commune() + c);
    d.province_of[id] = d.first_province() + p;
    d.commune_of[id] = static_cast<int>(id);
  }
  for (int k = 0; k < config.cells; ++k) {
    const int c = k % config.communes;
    d.units.push_back(unit(fmt::format("K{:06}", k + 1), fmt::format("X{:05}", c + 1),
                           core::UnitType::party_cell));
    const auto id = static_cast<std::size_t>(d.first_cell() + k);
    d.commune_of[id] = d.first_commune() + c;
    d.province_of[id] = d.province_of[static_cast<std::size_t>(d.first_commune() + c)];
  }

  for (int i = 0; i < config.commune_value_indicators; ++i) {
    core::Indicator ind;
    ind.code = fmt::format("I{:02}", i + 1);
    ind.name = ind.code;
    ind.aggregation = commune_aggregation(i);
    d.indicators.push_back(std::move(ind));
  }
  for (int r = 0; r < config.rate_indicators; ++r) {
    core::Indicator ind;
    ind.code = fmt::format("R{:02}", r + 1);
    ind.name = ind.code;
    ind.aggregation = core::Aggregation::rate;
    ind.value_type = core::ValueType::percent;
    ind.formula = fmt::format("{{I{:02}}} / {{I{:02}}} * 100", 2 * r + 1, 2 * r + 2);
    d.indicators.push_back(std::move(ind));
  }
  const core::Aggregation cell_aggregations[] = {core::Aggregation::sum, core::Aggregation::sum,
                                                 core::Aggregation::last};
  for (int k = 0; k < config.cell_indicators; ++k) {
    core::Indicator ind;
    ind.code = fmt::format("K{:02}", k + 1);
    ind.name = ind.code;
    ind.aggregation = cell_aggregations[k % 3];
    d.indicators.push_back(std::move(ind));
  }

  using core::analytics::calendar_code;
  using core::analytics::slot::month;
  auto period = [&](int m) {
    return calendar_code(config.first_year + m / 12, month(static_cast<unsigned>(m % 12 + 1)));
  };
  const std::size_t count =
      static_cast<std::size_t>(config.communes) * config.commune_value_indicators * config.months +
      static_cast<std::size_t>(config.cells) * config.cell_indicators * config.months;
  d.values.reserve(count);
  for (int c = 0; c < config.communes; ++c) {
    const auto u = static_cast<std::uint32_t>(d.first_commune() + c);
    for (int i = 0; i < config.commune_value_indicators; ++i)
      for (int m = 0; m < config.months; ++m)
        d.values.push_back({static_cast<std::uint32_t>(i), u, period(m), 0,
                            core::ValueKind::official,
                            value_for(config.seed, static_cast<std::uint32_t>(i), u, m)});
  }
  for (int k = 0; k < config.cells; ++k) {
    const auto u = static_cast<std::uint32_t>(d.first_cell() + k);
    for (int i = 0; i < config.cell_indicators; ++i) {
      const auto id = static_cast<std::uint32_t>(d.first_cell_indicator() + i);
      for (int m = 0; m < config.months; ++m)
        d.values.push_back(
            {id, u, period(m), 0, core::ValueKind::official, value_for(config.seed, id, u, m)});
    }
  }
  return d;
}

}  // namespace mandate::bench
