#pragma once
// What tells the analytics cache whether its engine still matches a snapshot:
// the metadata the engine is built over, as text, and an order-independent
// hash of the values (a sum of per-cell hashes, so one cell's change is
// subtracted and added without rehashing the rest).
#include <cstdint>
#include <string>

#include "core/dataset.hpp"

namespace mandate::service {

// Units and their parents, indicators (aggregation, direction, formula),
// restructuring events, the plans' terms and the targets.
std::string analytics_metadata(const core::Dataset& data);

// One value's share of the hash.
std::uint64_t value_hash(const std::string& indicator, const std::string& unit,
                         const std::string& period, core::ValueKind kind, double value);
inline std::uint64_t value_hash(const core::Value& v) {
  return value_hash(v.indicator, v.unit, v.period, v.kind, v.value);
}
// The sum over all of data's values.
std::uint64_t values_hash(const core::Dataset& data);

}  // namespace mandate::service
