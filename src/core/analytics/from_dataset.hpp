#pragma once
// The engine over a data set: how the stored units, restructuring events,
// plans, targets and values map onto the engine's ids and records.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>

#include "core/analytics/engine.hpp"
#include "core/dataset.hpp"
#include "core/value_table.hpp"

namespace mandate::core::analytics {

// The engine's restructurings for the stored events, splits with their
// shares. A merge whose successor is one of the merged units moves only the others.
std::vector<Restructuring> restructurings_of(const std::vector<UnitChange>& changes);

// The record of a stored value; none for an unknown code or period.
std::optional<ValueRecord> record_of(Engine& engine, const Value& v);

// An engine with the data set's units, indicators, restructurings, the plans'
// terms and term targets, and all its values. Throws Error as the Engine
// constructor does (e.g. restructurings that make a unit its own ancestor). progress(done) is
// called every `every` values while they are resolved, and once at the end.
std::unique_ptr<Engine> build_engine(const Dataset& data,
                                     const std::function<void(std::size_t)>& progress = {},
                                     std::size_t every = 1'000'000);
// The same of a data set's records (its values ignored) and values.
std::unique_ptr<Engine> build_engine(const Dataset& records, const ValueTable& values,
                                     const std::function<void(std::size_t)>& progress = {},
                                     std::size_t every = 1'000'000);

}  // namespace mandate::core::analytics
