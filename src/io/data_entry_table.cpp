#include "io/data_entry_table.hpp"

#include <map>
#include <optional>
#include <unordered_map>

#include "core/error.hpp"
#include "core/number_format.hpp"
#include "core/text.hpp"
#include "io/csv_rows.hpp"
#include "io/xlsx_reader.hpp"

namespace mandate::io {
namespace {

using xlsx::Cell;
using xlsx::CellType;

// How far down the header row may be (the template has a title block above it).
constexpr size_t kHeaderSearchRows = 30;
constexpr size_t kProgressEvery = 1000;

std::string folded(std::string_view text) {
  try {
    return core::fold_case(core::collapse_spaces(core::to_nfc(text)));
  } catch (const core::Error&) {
    return {};
  }
}

std::string clean(std::string_view text) {
  return core::collapse_spaces(core::to_nfc(text));
}

// Header text (either language, or the key) -> column.
const std::unordered_map<std::string, EntryColumn>& header_names() {
  static const auto names = [] {
    std::unordered_map<std::string, EntryColumn> out;
    for (EntryColumn c : kEntryColumns) {
      out.emplace(folded(entry_column_key(c)), c);
      out.emplace(folded(entry_column_header(c, core::Lang::vi)), c);
      out.emplace(folded(entry_column_header(c, core::Lang::en)), c);
    }
    return out;
  }();
  return names;
}

constexpr EntryColumn kRequired[] = {EntryColumn::unit, EntryColumn::period, EntryColumn::indicator,
                                     EntryColumn::value};

struct TableRow {
  size_t line;
  std::vector<Cell> cells;
};

// Where each column read is, from the first row that names every required one.
struct Layout {
  size_t header_index = 0;  // in the rows given
  std::map<EntryColumn, size_t> at;
};

Layout find_layout(const std::vector<TableRow>& rows) {
  for (size_t r = 0; r < rows.size() && r < kHeaderSearchRows; ++r) {
    Layout layout{r, {}};
    for (size_t i = 0; i < rows[r].cells.size(); ++i) {
      const Cell& c = rows[r].cells[i];
      if (c.type != CellType::text)
        continue;
      auto it = header_names().find(folded(c.text));
      if (it != header_names().end())
        layout.at.emplace(it->second, i);
    }
    bool complete = true;
    for (EntryColumn c : kRequired)
      complete = complete && layout.at.contains(c);
    if (complete)
      return layout;
  }
  std::string expected;
  for (EntryColumn c : kRequired)
    expected += (expected.empty() ? "" : ", ") + entry_column_header(c, core::Lang::vi) + " (" +
                std::string(entry_column_key(c)) + ")";
  throw core::invalid_input("import.header_missing", {expected}, "file");
}

std::optional<core::ValueKind> kind_of(std::string_view text) {
  const std::string f = folded(text);
  for (core::ValueKind k : {core::ValueKind::official, core::ValueKind::estimate}) {
    const std::string key = "kind." + std::string(core::value_kind_name(k));
    if (f == folded(core::value_kind_name(k)) || f == folded(core::tr(core::Lang::vi, key)) ||
        f == folded(core::tr(core::Lang::en, key)))
      return k;
  }
  return std::nullopt;
}

class RowReader {
 public:
  RowReader(const Layout& layout, bool numbers_as_text)
      : layout_(layout), numbers_as_text_(numbers_as_text) {}

  // The row, or nullopt when it carries no value (a blank or unfilled row).
  std::optional<EntryRow> read(const TableRow& in) const {
    EntryRow row;
    row.line = in.line;
    row.unit = text(in, EntryColumn::unit, row);
    row.period = text(in, EntryColumn::period, row);
    row.indicator = text(in, EntryColumn::indicator, row);
    row.comment = text(in, EntryColumn::comment, row);
    const std::string kind = text(in, EntryColumn::kind, row);
    const Cell* v = cell(in, EntryColumn::value);
    bool has_value = false;
    if (v && v->formula) {
      problem(row, EntryColumn::value, "import.formula", {});
      has_value = true;
    } else if (v) {
      has_value = read_value(*v, row);
    }
    if (!has_value)
      return std::nullopt;
    if (!kind.empty()) {
      if (auto k = kind_of(kind))
        row.kind = *k;
      else
        problem(row, EntryColumn::kind, "import.kind_invalid", {kind});
    }
    for (EntryColumn c : {EntryColumn::unit, EntryColumn::period, EntryColumn::indicator})
      if (key_text(row, c).empty() && !has_problem(row, c))
        problem(row, c, "import.cell_missing", {entry_column_header(c, core::Lang::vi)});
    return row;
  }

 private:
  const Cell* cell(const TableRow& in, EntryColumn c) const {
    auto it = layout_.at.find(c);
    if (it == layout_.at.end() || it->second >= in.cells.size())
      return nullptr;
    const Cell& found = in.cells[it->second];
    return found.type == CellType::empty && !found.formula ? nullptr : &found;
  }

  static void problem(EntryRow& row, EntryColumn c, std::string code,
                      std::vector<std::string> args) {
    row.problems.push_back({std::string(entry_column_key(c)), std::move(code), std::move(args)});
  }
  static bool has_problem(const EntryRow& row, EntryColumn c) {
    for (const auto& p : row.problems)
      if (p.column == entry_column_key(c))
        return true;
    return false;
  }
  static const std::string& key_text(const EntryRow& row, EntryColumn c) {
    return c == EntryColumn::unit     ? row.unit
           : c == EntryColumn::period ? row.period
                                      : row.indicator;
  }

  // A text column: numbers read as written ("2021"); formulas refused.
  std::string text(const TableRow& in, EntryColumn c, EntryRow& row) const {
    const Cell* found = cell(in, c);
    if (!found)
      return {};
    if (found->formula) {
      problem(row, c, "import.formula", {});
      return {};
    }
    if (found->type == CellType::error) {
      problem(row, c, "import.cell_error", {found->text});
      return {};
    }
    return clean(found->text);
  }

  // True when the cell holds something meant as a value (good or bad).
  bool read_value(const Cell& c, EntryRow& row) const {
    switch (c.type) {
      case CellType::empty:
        return false;
      case CellType::number:
      case CellType::boolean:
        row.value = c.number;
        return true;
      case CellType::error:
        problem(row, EntryColumn::value, "import.cell_error", {c.text});
        return true;
      case CellType::text:
        break;
    }
    const std::string t = clean(c.text);
    if (t.empty())
      return false;
    if (!numbers_as_text_) {
      problem(row, EntryColumn::value, "import.value_text", {t});
      return true;
    }
    if (auto d = core::parse_vi_number(t))
      row.value = *d;
    else
      problem(row, EntryColumn::value, "import.value_not_number", {t});
    return true;
  }

  const Layout& layout_;
  bool numbers_as_text_;
};

EntryTable read_table(const std::vector<TableRow>& rows, bool numbers_as_text,
                      const EntryProgress& progress) {
  const Layout layout = find_layout(rows);
  const RowReader reader(layout, numbers_as_text);
  const size_t total = rows.size() - layout.header_index - 1;
  EntryTable table;
  // The first row of each cell, so a repeated one names it.
  std::unordered_map<std::string, size_t> first_line;
  for (size_t r = layout.header_index + 1; r < rows.size(); ++r) {
    const size_t done = r - layout.header_index;
    if (progress && (done % kProgressEvery == 0))
      progress(done, total);
    auto row = reader.read(rows[r]);
    if (!row)
      continue;
    const std::string key = row->indicator + '\x1f' + row->unit + '\x1f' + row->period + '\x1f' +
                            std::string(core::value_kind_name(row->kind));
    auto [it, fresh] = first_line.emplace(key, row->line);
    if (!fresh)
      row->problems.push_back({std::string(entry_column_key(EntryColumn::indicator)),
                               "import.duplicate_row",
                               {row->indicator, std::to_string(it->second)}});
    table.rows.push_back(std::move(*row));
  }
  if (progress)
    progress(total, total);
  if (table.rows.empty())
    throw core::invalid_input("import.empty", {}, "file");
  return table;
}

}  // namespace

std::string_view entry_column_key(EntryColumn c) {
  switch (c) {
    case EntryColumn::unit:
      return "unit";
    case EntryColumn::unit_name:
      return "unit_name";
    case EntryColumn::period:
      return "period";
    case EntryColumn::indicator:
      return "indicator";
    case EntryColumn::indicator_name:
      return "indicator_name";
    case EntryColumn::unit_of_measure:
      return "unit_of_measure";
    case EntryColumn::target:
      return "target";
    case EntryColumn::previous:
      return "previous";
    case EntryColumn::last_year:
      return "last_year";
    case EntryColumn::value:
      return "value";
    case EntryColumn::kind:
      return "kind";
    case EntryColumn::comment:
      return "comment";
  }
  return "value";
}

std::string entry_column_header(EntryColumn c, core::Lang lang) {
  return core::tr(lang, "import.column." + std::string(entry_column_key(c)));
}

std::string entry_sheet_name(core::Lang lang) {
  return core::tr(lang, "import.sheet");
}

EntryTable read_entry_xlsx(std::string_view bytes, const EntryProgress& progress) {
  xlsx::Sheet sheet =
      xlsx::read_sheet(bytes, {entry_sheet_name(core::Lang::vi), entry_sheet_name(core::Lang::en)});
  std::vector<TableRow> rows;
  rows.reserve(sheet.rows.size());
  for (auto& r : sheet.rows)
    rows.push_back({r.line, std::move(r.cells)});
  return read_table(rows, false, progress);
}

EntryTable read_entry_csv(std::string_view text, const EntryProgress& progress) {
  if (text.starts_with("\xEF\xBB\xBF"))
    text.remove_prefix(3);
  if (!core::is_storable_text(text))
    throw core::invalid_input("text.invalid_utf8", {"file"}, "file");
  const auto fields = read_csv_rows(text);
  std::vector<TableRow> rows;
  rows.reserve(fields.size());
  for (size_t i = 0; i < fields.size(); ++i) {
    TableRow row{i + 1, {}};
    row.cells.reserve(fields[i].size());
    for (const auto& f : fields[i])
      row.cells.push_back(Cell{f.empty() ? CellType::empty : CellType::text, 0, f, false});
    rows.push_back(std::move(row));
  }
  return read_table(rows, true, progress);
}

std::string_view entry_format_name(EntryFormat f) {
  return f == EntryFormat::xlsx ? "xlsx" : "csv";
}

EntryFormat detect_entry_format(std::string_view bytes, std::string_view filename) {
  if (xlsx::looks_like_zip(bytes))
    return EntryFormat::xlsx;
  std::string lower(filename);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  if (lower.ends_with(".xlsx") || lower.ends_with(".xlsm"))
    throw core::invalid_input("xlsx.not_zip", {}, "file");
  return EntryFormat::csv;
}

EntryTable read_entry_table(EntryFormat format, std::string_view bytes,
                            const EntryProgress& progress) {
  return format == EntryFormat::xlsx ? read_entry_xlsx(bytes, progress)
                                     : read_entry_csv(bytes, progress);
}

}  // namespace mandate::io
