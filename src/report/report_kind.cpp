#include "report/report_kind.hpp"

#include "core/error.hpp"

namespace mandate::report {

std::string_view report_kind_name(ReportKind k) {
  switch (k) {
    case ReportKind::six_months:
      return "six_months";
    case ReportKind::nine_months:
      return "nine_months";
    case ReportKind::year:
      return "year";
    case ReportKind::mid_term:
      return "mid_term";
  }
  return "year";
}

ReportKind parse_report_kind(std::string_view s) {
  for (auto k :
       {ReportKind::six_months, ReportKind::nine_months, ReportKind::year, ReportKind::mid_term})
    if (report_kind_name(k) == s)
      return k;
  throw core::invalid_input("report.kind.invalid", {std::string(s)}, "kind");
}

ReportKind default_kind(const core::Period& p) {
  switch (p.type()) {
    case core::PeriodType::six_months:
      return ReportKind::six_months;
    case core::PeriodType::nine_months:
      return ReportKind::nine_months;
    case core::PeriodType::term:
      return ReportKind::mid_term;
    default:
      return ReportKind::year;
  }
}

std::string_view layout_name(Layout l) {
  return l == Layout::party ? "party" : "state";
}

Layout parse_layout(std::string_view s) {
  if (s == "party")
    return Layout::party;
  if (s == "state")
    return Layout::state;
  throw core::invalid_input("report.layout.invalid", {std::string(s)}, "layout");
}

}  // namespace mandate::report
