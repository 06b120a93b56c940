#pragma once
// The JSON sidecar of a report: for every figure it states, the values and
// the aggregation that produced it (docs/reports.md, "Traceability").
#include <string>

#include "service/report_service.hpp"

namespace mandate::report {

std::string write_trace(const service::Report& report);

}  // namespace mandate::report
