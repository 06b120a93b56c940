#pragma once
// The data of a report's charts, taken from the scorecard and the rollup engine.
#include <optional>

#include "report/document.hpp"
#include "service/report_service.hpp"

namespace mandate::report {

// Each evaluated indicator's percentage of its target, against a 100% line.
Chart progress_chart(const service::Report& report);
// The sub-units side by side: the plan indicator that most direct sub-units
// have figures for, or else their model party-cell meetings. nullopt when
// fewer than two sub-units have anything to show.
std::optional<Chart> units_chart(const service::Report& report);

}  // namespace mandate::report
