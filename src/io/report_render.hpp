#pragma once
// Text, Markdown and JSON renderings of a report.
#include <string>

#include "core/report.hpp"
#include "core/scorecard.hpp"

namespace mandate::io {

std::string render_report_text(const core::ReportContent& r);
std::string render_report_markdown(const core::ReportContent& r);
// The composed content plus the scorecard's raw figures (numbers unformatted),
// for programs that check or re-use them.
std::string render_report_json(const core::ReportContent& r, const core::Scorecard& s);

}  // namespace mandate::io
