#pragma once
// The content of a periodic report, composed from a scorecard in one language:
// the title block, the narrative and the indicator table, every cell already
// formatted. Renderers (text, Markdown, JSON; later DOCX and PDF) only lay it out.
#include <string>
#include <vector>

#include "core/narrative.hpp"

namespace mandate::core {

struct IndicatorRow {
  std::string number;  // "1", "2", ...
  std::string code;
  std::string name;
  std::string target;  // formatted, or "–"
  std::string actual;  // formatted, "(ước)" appended for estimates
  std::string percent_of_target;
  std::string last_year;
  std::string status;  // label in the report's language
  Status status_code = Status::no_data;
};

struct ReportContent {
  Lang lang = Lang::vi;
  std::string title;
  std::string subtitle;   // "Thành phố Lạng Sơn — Năm 2021"
  std::string plan_line;  // "Thực hiện Nghị quyết ..."
  std::vector<NarrativeSection> sections;
  std::string table_heading;
  std::vector<std::string> table_columns;
  std::vector<IndicatorRow> table;
};

ReportContent compose_report(const Scorecard& s, const Dataset& data, Lang lang);

}  // namespace mandate::core
