#pragma once
// The state of one aggregate (a "cell") and the two ways states combine: over
// time within one unit, and over the parts of a unit. Kept tiny and inline
// because every write and every read goes through it.
#include <algorithm>
#include <cstdint>
#include <optional>

#include "core/indicator.hpp"

namespace mandate::core::analytics {

// How an indicator's stored values roll up; Aggregation::rate (recomputed from
// its formula's inputs) never reaches a cell, and a rate without a formula has
// nothing to recompute from, so it does not roll up (none).
enum class Rollup : std::uint8_t { sum, average, last, min, max, count, none };

Rollup rollup_of(const Indicator& indicator);

struct Cell {
  double a = 0;                 // sum, last, min or max; for average the sum
  double b = 0;                 // average: how many values the sum holds
  std::uint32_t reporting = 0;  // units whose own data make up the cell; 0 = empty
  std::uint32_t estimates = 0;  // of those, how many used an estimate

  bool empty() const { return reporting == 0; }
  friend bool operator==(const Cell&, const Cell&) = default;
};

inline Cell single_value(double v, bool estimate) {
  return Cell{v, 1, 1, estimate ? 1u : 0u};
}

inline std::optional<double> cell_value(Rollup r, const Cell& c) {
  if (c.empty())
    return std::nullopt;
  switch (r) {
    case Rollup::average:
      return c.b > 0 ? std::optional(c.a / c.b) : std::nullopt;
    case Rollup::count:
      return static_cast<double>(c.reporting);
    default:
      return c.a;
  }
}

// Appends `later` (a later or adjacent stretch of time) to `acc`. The result
// counts max(reporting) units: the same units usually report in both stretches.
inline void combine_time(Rollup r, Cell& acc, const Cell& later) {
  if (later.empty())
    return;
  if (acc.empty() || r == Rollup::last) {
    acc = later;
    return;
  }
  switch (r) {
    case Rollup::sum:
      acc.a += later.a;
      break;
    case Rollup::average:
      acc.a += later.a;
      acc.b += later.b;
      break;
    case Rollup::min:
      acc.a = std::min(acc.a, later.a);
      break;
    case Rollup::max:
      acc.a = std::max(acc.a, later.a);
      break;
    case Rollup::last:
    case Rollup::count:
    case Rollup::none:
      break;
  }
  acc.reporting = std::max(acc.reporting, later.reporting);
  acc.estimates = std::max(acc.estimates, later.estimates);
}

// A part's figure as it counts for a parent that holds `share` of it (a
// split unit's history shared among its successors): amounts and stocks take
// that fraction; an average keeps its mean but weighs less; extremes and
// counts of reporting units are whole.
inline Cell share_of(Rollup r, Cell c, double share) {
  if (share == 1 || c.empty())
    return c;
  switch (r) {
    case Rollup::sum:
    case Rollup::last:
      c.a *= share;
      break;
    case Rollup::average:
      c.a *= share;
      c.b *= share;
      break;
    case Rollup::min:
    case Rollup::max:
    case Rollup::count:
    case Rollup::none:
      break;
  }
  return c;
}

// Adds one part's figure to a unit's aggregate of its parts. Stocks ("last")
// add up across units.
inline void add_part(Rollup r, Cell& acc, const Cell& part) {
  if (part.empty())
    return;
  if (acc.empty()) {
    acc = part;
    return;
  }
  switch (r) {
    case Rollup::sum:
    case Rollup::last:
      acc.a += part.a;
      break;
    case Rollup::average:
      acc.a += part.a;
      acc.b += part.b;
      break;
    case Rollup::min:
      acc.a = std::min(acc.a, part.a);
      break;
    case Rollup::max:
      acc.a = std::max(acc.a, part.a);
      break;
    case Rollup::count:
    case Rollup::none:
      break;
  }
  acc.reporting += part.reporting;
  acc.estimates += part.estimates;
}

// Takes a part's figure out again. Returns false when the result cannot be
// known without looking at the other parts (the min or max left).
inline bool remove_part(Rollup r, Cell& acc, const Cell& part) {
  if (part.empty())
    return true;
  acc.reporting -= part.reporting;
  acc.estimates -= part.estimates;
  if (acc.reporting == 0) {
    acc = Cell{};  // exactly empty: no rounding residue from the subtractions
    return true;
  }
  switch (r) {
    case Rollup::sum:
    case Rollup::last:
      acc.a -= part.a;
      return true;
    case Rollup::average:
      acc.a -= part.a;
      acc.b -= part.b;
      return true;
    case Rollup::min:
    case Rollup::max:
      return part.a != acc.a;  // removing a non-extreme leaves the extreme
    case Rollup::count:
    case Rollup::none:
      return true;
  }
  return true;
}

}  // namespace mandate::core::analytics
