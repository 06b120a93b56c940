#pragma once
// The data-entry table that Excel templates and CSV files carry (docs/import.md):
// a header row naming the columns (in Vietnamese, in English, or by key), then
// one row per value. Only unit, period, indicator and value are required; kind
// and comment are read; the other columns (names, target, earlier figures) are
// there for the person filling the form and are not read back. This layer
// reads cells; codes are resolved and values checked by the service.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/indicator.hpp"

namespace mandate::io {

enum class EntryColumn {
  unit,
  unit_name,
  period,
  indicator,
  indicator_name,
  unit_of_measure,
  target,
  previous,
  last_year,
  value,
  kind,
  comment,
};
// In the template's order.
inline constexpr EntryColumn kEntryColumns[] = {
    EntryColumn::unit,      EntryColumn::unit_name,      EntryColumn::period,
    EntryColumn::indicator, EntryColumn::indicator_name, EntryColumn::unit_of_measure,
    EntryColumn::target,    EntryColumn::previous,       EntryColumn::last_year,
    EntryColumn::value,     EntryColumn::kind,           EntryColumn::comment,
};
std::string_view entry_column_key(EntryColumn c);  // "unit", "value", ...
std::string entry_column_header(EntryColumn c, core::Lang lang);
// The template's worksheet, by its name in each language.
std::string entry_sheet_name(core::Lang lang);

// A problem with one cell, named by its column key and a catalog message.
struct EntryProblem {
  std::string column;
  std::string code;
  std::vector<std::string> args;
};

struct EntryRow {
  size_t line = 0;  // 1-based row of the file
  std::string unit;
  std::string period;
  std::string indicator;
  double value = 0;
  core::ValueKind kind = core::ValueKind::official;
  std::string comment;
  std::vector<EntryProblem> problems;  // none: the row may be imported
};

struct EntryTable {
  std::vector<EntryRow> rows;  // rows with a value (or a problem); blank ones left out
};

// Called now and then while rows are read: rows read so far, rows in the file.
using EntryProgress = std::function<void(size_t read, size_t total)>;

enum class EntryFormat { xlsx, csv };
std::string_view entry_format_name(EntryFormat f);  // "xlsx", "csv"
// Judged from the bytes: a zip archive is XLSX, anything else CSV. A file
// named *.xlsx that is not a zip is refused (xlsx.not_zip).
EntryFormat detect_entry_format(std::string_view bytes, std::string_view filename);
// XLSX: the template's sheet (io/xlsx_reader.hpp limits apply). Numbers must
// be numbers: text in the value column is a problem of its row, and so is a
// formula in any column read (formulas are refused, not evaluated: their cached
// result may be stale). Throws core::Error for a file that is not a template
// (xlsx.*, import.header_missing) or holds no value (import.empty).
EntryTable read_entry_xlsx(std::string_view bytes, const EntryProgress& progress = {});
// CSV (UTF-8, a byte-order mark allowed): values written as Vietnamese offices
// write them ("65,3", "1.234.567") or plainly ("65.3").
EntryTable read_entry_csv(std::string_view text, const EntryProgress& progress = {});
EntryTable read_entry_table(EntryFormat format, std::string_view bytes,
                            const EntryProgress& progress = {});

}  // namespace mandate::io
