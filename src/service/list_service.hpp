#pragma once
// Filtered views of the stored data, for listings (CLI now, the API later).
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/date.hpp"
#include "core/unit_tree.hpp"
#include "core/value_table.hpp"
#include "store/store.hpp"

namespace mandate::service {

struct ListFilter {
  std::string unit;       // code or name: the unit and everything below it
  std::string period;     // period id: values/targets in periods within it, dated records in it
  std::string kind;       // document kind, activity kind or value kind
  std::string indicator;  // indicator code (values, targets)
  std::string status;     // task status (tasks)
  std::string field;      // field code (tasks)
  // Tasks past their deadline on this date and neither completed nor
  // cancelled; the caller supplies the date (service reads no clock).
  std::optional<core::Date> overdue_on;
};

// The lists a listing shows (units, indicators, targets, values, tasks,
// activities, documents) of the stored data, narrowed by the filter; the
// other lists are left empty. Bad filter values (unknown unit, invalid
// period or kind) are errors, not empty results.
core::Dataset list_data(store::Store& store, const ListFilter& filter);
// The same over data already in memory; tree must be built from data.units.
core::Dataset filter_data(const core::Dataset& data, const core::UnitTree& tree,
                          const ListFilter& filter);
// The values of a snapshot that pass the filter (pointers into values).
std::vector<const core::Value*> filter_values(const core::ValueTable& values,
                                              const core::UnitTree& tree, const ListFilter& filter);

}  // namespace mandate::service
