#pragma once
// Writes the XLSX files of the Excel round-trip with libxlsxwriter: the
// data-entry template an office fills in (io/data_entry_table.hpp reads it
// back) and the error report of an import.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/indicator.hpp"

namespace mandate::io {

struct TemplateRow {
  std::string indicator;
  std::string indicator_name;
  std::string unit_of_measure;
  std::optional<double> target;
  std::optional<double> previous;   // the previous period's figure
  std::optional<double> last_year;  // the same period last year
  std::optional<double> current;    // already entered: the input starts from it
  std::string comment;
  double min = 0;  // data validation of the input (infinite: unbounded)
  double max = 0;
  bool whole = false;  // counts and yes/no: whole numbers only
  int decimals = 1;    // display
};

struct DataEntryTemplate {
  std::string unit_code;
  std::string unit_name;
  std::string period;           // id, written in every row
  std::string period_label;     // "Quý I/2021"
  std::string previous_label;   // "Quý IV/2020"
  std::string last_year_label;  // "Quý I/2020"
  core::ValueKind kind = core::ValueKind::official;
  std::vector<TemplateRow> rows;
};

// One sheet (entry_sheet_name), a title block, the header row (Vietnamese),
// one row per indicator; only value, kind and comment are unlocked (the sheet
// is protected without a password: protection guides, it does not secure).
std::string write_entry_template(const DataEntryTemplate& t);

struct ErrorReportRow {
  size_t line = 0;
  std::string column;  // header text of the column at fault (Vietnamese), may be empty
  std::string unit;
  std::string period;
  std::string indicator;
  std::string message_vi;
  std::string message_en;
};

// One sheet listing every problem by row of the uploaded file, with its
// message in Vietnamese and in English.
std::string write_error_report(const std::vector<ErrorReportRow>& rows);

}  // namespace mandate::io
