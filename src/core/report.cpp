#include "core/report.hpp"

#include "core/number_format.hpp"

namespace mandate::core {

ReportContent compose_report(const Scorecard& s, const Dataset& data, Lang lang) {
  ReportContent r;
  r.lang = lang;
  r.title = tr(lang, "report.title");
  r.subtitle = tr(lang, "report.subtitle", {s.unit->name, s.period.label(lang)});
  r.plan_line = s.plan ? tr(lang, "report.plan_line", {s.plan->name}) : tr(lang, "report.no_plan");
  r.sections = narrative(s, data, lang);
  r.table_heading = tr(lang, "report.section.indicator_table");
  for (const char* key : {"report.table.number", "report.table.indicator", "report.table.target",
                          "report.table.actual", "report.table.percent", "report.table.last_year",
                          "report.table.status"})
    r.table_columns.push_back(tr(lang, key));

  const std::string none = tr(lang, "report.table.none");
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const auto& res = s.indicators[i];
    const Indicator& ind = *res.indicator;
    const auto& e = res.evaluation;
    IndicatorRow row;
    row.number = std::to_string(i + 1);
    row.code = ind.code;
    row.name = ind.name;
    row.target = e.target ? format_indicator_value(ind, *e.target, lang) : none;
    row.actual = e.actual ? format_indicator_value(ind, *e.actual, lang) : none;
    if (e.actual && res.kind == ValueKind::estimate)
      row.actual += tr(lang, "report.table.estimate_mark");
    row.percent_of_target = e.percent_of_target ? format_percent(*e.percent_of_target, lang) : none;
    row.last_year = res.same_period_last_year
                        ? format_indicator_value(ind, *res.same_period_last_year, lang)
                        : none;
    row.status = tr(lang, "status." + std::string(status_name(e.status)));
    row.status_code = e.status;
    r.table.push_back(std::move(row));
  }
  return r;
}

}  // namespace mandate::core
