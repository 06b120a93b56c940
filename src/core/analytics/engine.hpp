#pragma once
// The real-time rollup engine: holds every value and keeps, for every unit and
// each unit it rolls into, the aggregate of its parts for every period that
// contains the values, updated incrementally on each write and delete.
// Semantics: docs/analytics.md. No I/O; the server feeds it.
//
// Thread safety: all public member functions may be called from any thread.
// Reads take a shared lock and run concurrently; writes (load, set_value,
// delete_value, registering a new term or breakdown option) take it
// exclusively, so a read sees a write entirely or not at all.
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/analytics/cell.hpp"
#include "core/analytics/flat_map.hpp"
#include "core/analytics/hierarchy.hpp"
#include "core/analytics/period_code.hpp"
#include "core/formula.hpp"
#include "core/indicator.hpp"
#include "core/period.hpp"
#include "core/unit.hpp"

namespace mandate::core::analytics {

using IndicatorId = std::uint32_t;
using OptionId = std::uint32_t;  // breakdown option (category option combo); 0 = none

struct ValueRecord {
  IndicatorId indicator = 0;
  UnitId unit = 0;
  PeriodCode period = 0;
  OptionId option = 0;
  ValueKind kind = ValueKind::official;
  double value = 0;
};

// One figure of an indicator for a unit and a period.
struct Figure {
  std::optional<double> value;        // what to show: own data if any, else the parts'
  std::optional<double> reported;     // stored for exactly this unit and period
  std::optional<double> own;          // the unit's own values rolled up over time
  std::optional<double> aggregated;   // the figures of its parts (children) combined
  std::uint32_t reporting_units = 0;  // units whose own data make up `value`
  bool estimate = false;              // some value behind `value` is an estimate
};

// Trend of an indicator over a term, from the yearly figures so far.
struct Projection {
  std::optional<double> target;          // term target, if any
  std::optional<double> actual;          // the term figure so far
  std::optional<double> linear;          // projected term figure, linear trend
  std::optional<double> compound;        // projected term figure, compound growth
  std::optional<bool> reaches_linear;    // linear projection meets the target
  std::optional<bool> reaches_compound;  // compound projection meets the target
  unsigned points = 0;                   // yearly figures the trend rests on
  bool at_risk = false;                  // a target, a trend, and no projection that meets it
};

struct AtRisk {
  IndicatorId indicator;
  Projection projection;
};

class Figures;

class Engine {
 public:
  // Throws Error(invalid_input) for a bad hierarchy (see Hierarchy), a formula
  // that does not parse or names an unknown indicator.
  Engine(const std::vector<Unit>& units, const std::vector<Indicator>& indicators,
         const std::vector<Restructuring>& changes = {}, const std::vector<Period>& terms = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // --- ids. Codes are resolved once; the hot paths take ids.
  UnitId unit_id(std::string_view code) const;            // throws not_found
  IndicatorId indicator_id(std::string_view code) const;  // throws not_found
  const std::string& unit_code(UnitId u) const { return hierarchy_.code(u); }
  const std::string& indicator_code(IndicatorId i) const;
  std::size_t unit_count() const { return hierarchy_.size(); }
  std::size_t indicator_count() const { return indicators_.size(); }
  // "" is 0 (no breakdown); a new code is registered.
  OptionId option_id(std::string_view code);
  // A new term is registered and its aggregates built (a full pass: register
  // the plan's terms at construction instead).
  PeriodCode period_code(const Period& p);
  std::optional<PeriodCode> find_period_code(const Period& p) const;
  Period period(PeriodCode c) const;

  // --- writes
  // Bulk load: adds the values (a later record for the same cell wins), then
  // rebuilds every aggregate from scratch. For the initial build; ordered input
  // (by unit, indicator, option) is fastest.
  void load(std::span<const ValueRecord> values);
  // Throws invalid_input for a computed indicator ("value.computed_indicator")
  // or a non-finite number ("value.not_finite").
  void set_value(const ValueRecord& v);
  // Returns false when there was no such value.
  bool delete_value(IndicatorId i, UnitId u, PeriodCode p, ValueKind kind, OptionId option = 0);
  void set_target(IndicatorId i, UnitId u, PeriodCode term, std::optional<double> target);

  // --- reads
  Figure query(IndicatorId i, UnitId u, PeriodCode p, OptionId option = 0) const;
  // Figures for every indicator x unit x period, in that nesting order.
  std::vector<Figure> query_grid(std::span<const IndicatorId> indicators,
                                 std::span<const UnitId> units, std::span<const PeriodCode> periods,
                                 OptionId option = 0) const;
  // The units that are parts of u at some time within the period.
  std::vector<UnitId> children(UnitId u, PeriodCode p) const;
  // Units at a depth of the tree as given (0: the roots).
  std::vector<UnitId> level(unsigned depth) const;
  // The value held for exactly this cell and kind, no rollup (none when absent).
  std::optional<double> stored(IndicatorId i, UnitId u, PeriodCode p, ValueKind kind,
                               OptionId option = 0) const;
  // Breakdown options that have values for the indicator anywhere.
  std::vector<OptionId> options_of(IndicatorId i) const;
  const std::string& option_code(OptionId o) const;

  // Projects the indicator's figure for unit u to the end of the term from
  // the yearly figures of the term's years up to and including `through_year`.
  Projection projection(IndicatorId i, UnitId u, PeriodCode term, int through_year) const;
  // Indicators with a term target for u whose projection misses it.
  std::vector<AtRisk> at_risk(UnitId u, PeriodCode term, int through_year) const;

  std::size_t value_count() const;
  std::size_t memory_bytes() const;

 private:
  struct Impl;
  friend class Figures;  // the engine's own helper (engine_impl.hpp)
  Hierarchy hierarchy_;
  struct IndicatorInfo {
    std::string code;
    Rollup rollup = Rollup::sum;
    Direction direction = Direction::higher_is_better;
    std::optional<Formula> formula;
    std::vector<std::pair<std::string, IndicatorId>> inputs;  // formula references
  };
  std::vector<IndicatorInfo> indicators_;
  std::unique_ptr<Impl> impl_;
  mutable std::shared_mutex mutex_;
};

}  // namespace mandate::core::analytics
