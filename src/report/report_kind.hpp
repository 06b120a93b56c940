#pragma once
// The kinds of periodic report and the two official document layouts.
#include <string_view>

#include "core/period.hpp"

namespace mandate::report {

enum class ReportKind { six_months, nine_months, year, mid_term };
// party: a party committee's report (Hướng dẫn 36-HD/VPTW);
// state: a people's committee's report (Nghị định 30/2020/NĐ-CP).
enum class Layout { party, state };

std::string_view report_kind_name(ReportKind k);  // also the template's file name
// Throws Error(invalid_input, "report.kind.invalid").
ReportKind parse_report_kind(std::string_view s);
// The kind a period calls for: 2021S1 -> six_months, 2021 -> year, a term -> mid_term.
ReportKind default_kind(const core::Period& p);

std::string_view layout_name(Layout l);
// Throws Error(invalid_input, "report.layout.invalid").
Layout parse_layout(std::string_view s);

}  // namespace mandate::report
