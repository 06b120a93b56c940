#pragma once
// The map of units as it stood on one day: the units valid that day, each
// under its parent as of that day and with its name as of that day, as the
// restructuring events say (GET /api/v1/units?asOf=).
#include <vector>

#include "core/unit.hpp"
#include "core/unit_change.hpp"

namespace mandate::core {

// A unit's `parent` and `name` are those it had before any change; a move in
// effect on `day` puts it under the move's new parent, a rename gives it the
// new name (the latest of each wins). A parent that is not valid on `day`
// (dissolved without moving its children) is skipped for the nearest valid
// ancestor. Units keep the order given.
std::vector<Unit> units_as_of(const std::vector<Unit>& units,
                              const std::vector<UnitChange>& changes, Date day);

// The changes in effect inside [first, last] — the period has days both before and
// from the change's date — that touch `unit` or a unit below it (as of either
// side of the change), in date order. What a report over the period must mention.
std::vector<const UnitChange*> changes_within(const std::vector<Unit>& units,
                                              const std::vector<UnitChange>& changes,
                                              const std::string& unit, Date first, Date last);

}  // namespace mandate::core
