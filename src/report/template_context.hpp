#pragma once
// The values a report template may use (docs/reports.md lists them): names,
// period labels and the sentences of the narrative, all already formatted.
// Templates place them; they compute nothing.
#include <kainjow/mustache.hpp>

#include "report/report_kind.hpp"
#include "service/report_service.hpp"

namespace mandate::report {

kainjow::mustache::data template_context(const service::Report& report, ReportKind kind,
                                         Layout layout);

}  // namespace mandate::report
