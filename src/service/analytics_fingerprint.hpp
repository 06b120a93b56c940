#pragma once
// What tells the analytics cache whether a metadata change in the feed
// touched what its engine is built over: that metadata, as text.
#include <string>

#include "core/dataset.hpp"

namespace mandate::service {

// Units (parents, validity), indicators (aggregation, direction, formula),
// restructuring events (with their shares), the plans' terms and the targets.
std::string analytics_metadata(const core::Dataset& data);

}  // namespace mandate::service
