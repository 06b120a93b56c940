#pragma once
// The analytics benchmark's national data (bench/analytics/generator) as the
// data set the report service reads: the same units and values, with names,
// one national resolution over every commune-level indicator, and a year
// target per commune and indicator.
#include "core/dataset.hpp"
#include "generator.hpp"

namespace mandate::bench {

core::Dataset national_dataset(const Dataset& generated);

}  // namespace mandate::bench
