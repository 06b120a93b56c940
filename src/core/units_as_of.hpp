#pragma once
// The map of units as it stood on one day: the units valid that day, each
// under its parent as of that day and with its name as of that day, as the
// restructuring events say (GET /api/v1/units?asOf=).
#include <map>
#include <vector>

#include "core/unit.hpp"
#include "core/unit_change.hpp"
#include "core/unit_tree.hpp"

namespace mandate::core {

// A unit's `parent` and `name` are those it had before any change; a move in
// effect on `day` puts it under the move's new parent, a rename gives it the
// new name (the latest of each wins). A parent that is not valid on `day`
// (dissolved without moving its children) is skipped for the nearest valid
// ancestor. Units keep the order given.
std::vector<Unit> units_as_of(const std::vector<Unit>& units,
                              const std::vector<UnitChange>& changes, Date day);

// The map as of any day, each arrangement built once: it only changes where a
// change takes effect or a unit begins or ends, so a scorecard can place
// every activity by its own date at the cost of a few trees. The units and
// changes must outlive it.
class UnitTreesAsOf {
 public:
  // stored: the tree of every unit as stored, if at hand; it is answered for
  // the days it is the map of (no changes at all, every unit valid), so a
  // data set without restructuring (a province's) copies no tree.
  UnitTreesAsOf(const std::vector<Unit>& units, const std::vector<UnitChange>& changes,
                const UnitTree* stored = nullptr);
  const UnitTree& at(Date day);

 private:
  const std::vector<Unit>& units_;
  const std::vector<UnitChange>& changes_;
  const UnitTree* stored_;
  Date all_valid_from_, all_valid_to_;  // the days every unit is valid
  std::vector<Date> starts_;            // sorted: the first days of new arrangements
  std::map<size_t, UnitTree> built_;    // by how many of starts_ precede the day
};

// The changes in effect inside [first, last] — the period has days both before and
// from the change's date — that touch `unit` or a unit below it (as of either
// side of the change), in date order. What a report over the period must mention.
std::vector<const UnitChange*> changes_within(const std::vector<Unit>& units,
                                              const std::vector<UnitChange>& changes,
                                              const std::string& unit, Date first, Date last);

}  // namespace mandate::core
