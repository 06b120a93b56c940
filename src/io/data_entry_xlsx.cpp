#include "io/data_entry_xlsx.hpp"

#include <xlsxwriter.h>

#include <cmath>
#include <map>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/number_format.hpp"
#include "io/data_entry_table.hpp"
#include "io/xlsx_workbook.hpp"

namespace mandate::io {
namespace {

using core::Lang;

lxw_format* format(lxw_workbook* book, bool bold, bool unlocked, const char* number = nullptr,
                   bool border = true, bool wrap = false) {
  lxw_format* f = workbook_add_format(book);
  format_set_font_name(f, "Times New Roman");
  format_set_font_size(f, 12);
  if (bold)
    format_set_bold(f);
  if (unlocked)
    format_set_unlocked(f);
  if (number)
    format_set_num_format(f, number);
  if (border)
    format_set_border(f, LXW_BORDER_THIN);
  if (wrap)
    format_set_text_wrap(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

std::string number_format_of(int decimals) {
  return decimals <= 0 ? "#,##0" : "#,##0." + std::string(static_cast<size_t>(decimals), '0');
}

// The input cell's data validation: a number within the indicator's range.
void validate_input(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const TemplateRow& r,
                    std::string& title, std::string& message) {
  lxw_data_validation v{};
  v.validate = r.whole ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
  const bool low = std::isfinite(r.min), high = std::isfinite(r.max);
  v.criteria = low && high ? LXW_VALIDATION_CRITERIA_BETWEEN
               : low       ? LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO
               : high      ? LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO
                           : LXW_VALIDATION_CRITERIA_BETWEEN;
  v.minimum_number = low ? r.min : -1e15;
  v.maximum_number = high ? r.max : 1e15;
  v.value_number = low ? r.min : r.max;
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  v.error_title = title.data();
  v.error_message = message.data();
  worksheet_data_validation_cell(ws, row, col, &v);
}

std::string bound(double d) {
  return std::isfinite(d) ? core::format_number(d, Lang::vi, 6) : "";
}

}  // namespace

std::string write_entry_template(const DataEntryTemplate& t) {
  XlsxWorkbook wb;
  lxw_workbook* book = wb.get();
  const std::string sheet_name = entry_sheet_name(Lang::vi);
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet_name.c_str());

  lxw_format* title = format(book, true, false, nullptr, false);
  format_set_font_size(title, 14);
  lxw_format* label = format(book, false, false, nullptr, false);
  lxw_format* header = format(book, true, false, nullptr, true, true);
  format_set_bg_color(header, 0xD9E1F2);
  format_set_align(header, LXW_ALIGN_CENTER);
  lxw_format* key = format(book, false, false, "@");
  lxw_format* name = format(book, false, false, "@", true, true);
  lxw_format* text_input = format(book, false, true, "@", true, true);
  format_set_bg_color(text_input, 0xFFF2CC);
  std::map<int, lxw_format*> shown, input;
  auto shown_format = [&](int d) {
    auto& f = shown[d];
    if (!f)
      f = format(book, false, false, number_format_of(d).c_str());
    return f;
  };
  auto input_format = [&](int d) {
    auto& f = input[d];
    if (!f) {
      f = format(book, false, true, number_format_of(d).c_str());
      format_set_bg_color(f, 0xFFF2CC);
    }
    return f;
  };

  auto put = [&](lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f) {
    worksheet_write_string(ws, r, c, s.c_str(), f);
  };
  put(0, 0, core::tr(Lang::vi, "import.template.title"), title);
  put(1, 0, core::tr(Lang::vi, "import.template.unit", {t.unit_name, t.unit_code}), label);
  put(2, 0, core::tr(Lang::vi, "import.template.period", {t.period_label, t.period}), label);
  put(3, 0, core::tr(Lang::vi, "import.template.compare", {t.previous_label, t.last_year_label}),
      label);
  put(4, 0, core::tr(Lang::vi, "import.template.instructions"), label);

  constexpr lxw_row_t kHeaderRow = 6;
  lxw_col_t col = 0;
  std::map<EntryColumn, lxw_col_t> at;
  for (EntryColumn c : kEntryColumns) {
    put(kHeaderRow, col, entry_column_header(c, Lang::vi), header);
    at[c] = col++;
  }
  worksheet_set_row(ws, kHeaderRow, 45, nullptr);
  const double widths[] = {12, 24, 10, 18, 48, 12, 14, 14, 14, 16, 16, 36};
  for (lxw_col_t c = 0; c < col; ++c)
    worksheet_set_column(ws, c, c, widths[c], nullptr);

  const std::string kind_label =
      core::tr(Lang::vi, "kind." + std::string(core::value_kind_name(t.kind)));
  std::string official = core::tr(Lang::vi, "kind.official");
  std::string estimate = core::tr(Lang::vi, "kind.estimate");
  const char* kinds[] = {official.c_str(), estimate.c_str(), nullptr};
  std::string error_title = core::tr(Lang::vi, "import.template.invalid_title");

  lxw_row_t row = kHeaderRow + 1;
  for (const TemplateRow& r : t.rows) {
    put(row, at[EntryColumn::unit], t.unit_code, key);
    put(row, at[EntryColumn::unit_name], t.unit_name, key);
    put(row, at[EntryColumn::period], t.period, key);
    put(row, at[EntryColumn::indicator], r.indicator, key);
    put(row, at[EntryColumn::indicator_name], r.indicator_name, name);
    put(row, at[EntryColumn::unit_of_measure], r.unit_of_measure, key);
    lxw_format* number = shown_format(r.decimals);
    auto figure = [&](EntryColumn c, const std::optional<double>& v) {
      if (v)
        worksheet_write_number(ws, row, at[c], *v, number);
      else
        worksheet_write_blank(ws, row, at[c], number);
    };
    figure(EntryColumn::target, r.target);
    figure(EntryColumn::previous, r.previous);
    figure(EntryColumn::last_year, r.last_year);
    lxw_format* in = input_format(r.decimals);
    if (r.current)
      worksheet_write_number(ws, row, at[EntryColumn::value], *r.current, in);
    else
      worksheet_write_blank(ws, row, at[EntryColumn::value], in);
    std::string message = core::tr(
        Lang::vi, "import.template.invalid_value",
        {r.whole ? core::tr(Lang::vi, "import.template.whole") : "", bound(r.min), bound(r.max)});
    validate_input(ws, row, at[EntryColumn::value], r, error_title, message);
    put(row, at[EntryColumn::kind], kind_label, text_input);
    lxw_data_validation list{};
    list.validate = LXW_VALIDATION_TYPE_LIST;
    list.value_list = const_cast<char**>(kinds);
    worksheet_data_validation_cell(ws, row, at[EntryColumn::kind], &list);
    put(row, at[EntryColumn::comment], r.comment, text_input);
    ++row;
  }

  worksheet_freeze_panes(ws, kHeaderRow + 1, at[EntryColumn::indicator_name] + 1);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow);
  lxw_protection protection{};
  protection.format_columns = 1;  // people may still widen columns
  protection.format_rows = 1;
  worksheet_protect(ws, nullptr, &protection);
  return wb.bytes();
}

std::string write_error_report(const std::vector<ErrorReportRow>& rows) {
  XlsxWorkbook wb;
  lxw_workbook* book = wb.get();
  const std::string sheet_name = core::tr(Lang::vi, "import.report.sheet");
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet_name.c_str());
  lxw_format* header = format(book, true, false, nullptr, true, true);
  format_set_bg_color(header, 0xD9E1F2);
  lxw_format* cell = format(book, false, false, "@", true, true);
  lxw_format* number = format(book, false, false, "0");
  const char* keys[] = {"line", "column", "unit", "period", "indicator", "error_vi", "error_en"};
  const double widths[] = {8, 16, 12, 10, 18, 60, 60};
  for (lxw_col_t c = 0; c < 7; ++c) {
    const std::string h = core::tr(Lang::vi, "import.report." + std::string(keys[c]));
    worksheet_write_string(ws, 0, c, h.c_str(), header);
    worksheet_set_column(ws, c, c, widths[c], nullptr);
  }
  lxw_row_t r = 1;
  for (const auto& e : rows) {
    worksheet_write_number(ws, r, 0, static_cast<double>(e.line), number);
    const std::string* texts[] = {&e.column,    &e.unit,       &e.period,
                                  &e.indicator, &e.message_vi, &e.message_en};
    for (lxw_col_t c = 1; c < 7; ++c)
      worksheet_write_string(ws, r, c, texts[c - 1]->c_str(), cell);
    ++r;
  }
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, r - 1, 6);
  return wb.bytes();
}

}  // namespace mandate::io
