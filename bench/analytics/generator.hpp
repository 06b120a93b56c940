#pragma once
// Synthetic national data for the analytics benchmark and its SQL check:
// 1 centre -> provinces -> communes and wards -> party cells, commune-level
// indicators of every aggregation (plus rate formulas over them) reported
// monthly by every commune, and party-cell indicators reported monthly by
// every cell. Deterministic for a seed.
#include <cstdint>
#include <vector>

#include "core/analytics/engine.hpp"
#include "core/indicator.hpp"
#include "core/unit.hpp"

namespace mandate::bench {

struct GeneratorConfig {
  int provinces = 34;
  int communes = 3321;
  int cells = 100000;
  int commune_value_indicators = 46;  // + 4 rate formulas = 50 commune-level indicators
  int rate_indicators = 4;
  int cell_indicators = 3;
  int first_year = 2021;
  int months = 60;
  std::uint64_t seed = 20251;

  static GeneratorConfig national() { return {}; }
  static GeneratorConfig small() {
    GeneratorConfig c;
    c.provinces = 3;
    c.communes = 14;
    c.cells = 70;
    c.months = 24;
    return c;
  }
};

struct Dataset {
  GeneratorConfig config;
  // Units in id order: the centre, provinces, communes, cells. Indicator ids
  // in order: commune value indicators, rates, cell indicators.
  std::vector<core::Unit> units;
  std::vector<core::Indicator> indicators;
  std::vector<int> province_of;  // by unit id; -1 for the centre
  std::vector<int> commune_of;   // by unit id; -1 above communes
  // Ordered by unit, indicator, month (as a store would stream them).
  std::vector<core::analytics::ValueRecord> values;

  int first_province() const { return 1; }
  int first_commune() const { return 1 + config.provinces; }
  int first_cell() const { return 1 + config.provinces + config.communes; }
  int first_rate() const { return config.commune_value_indicators; }
  int first_cell_indicator() const {
    return config.commune_value_indicators + config.rate_indicators;
  }
};

Dataset generate(const GeneratorConfig& config);

// A deterministic value for a cell (also used for updates in the benchmark).
double value_for(std::uint64_t seed, std::uint32_t indicator, std::uint32_t unit, int month);

}  // namespace mandate::bench
