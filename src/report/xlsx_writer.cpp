#include "report/xlsx_writer.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include <xlsxwriter.h>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/number_format.hpp"
#include "io/xlsx_workbook.hpp"

namespace mandate::report {
namespace {

constexpr core::Lang kVi = core::Lang::vi;

// "#,##0.0" for one decimal; Excel shows the separators of the reader's
// locale (vi-VN: 1.234,5), and [$-42A] marks the cells as Vietnamese.
std::string number_format(int decimals) {
  std::string f = "[$-42A]#,##0";
  if (decimals > 0)
    f += "." + std::string(static_cast<size_t>(decimals), '0');
  return f;
}

// Money is stored in đồng; the sheet shows it in the scale people read
// (tỷ đồng, triệu đồng) chosen from the row's largest figure.
struct Scale {
  double divisor = 1;
  std::string unit;
};

Scale scale_of(const core::IndicatorResult& r) {
  if (r.indicator->value_type != core::ValueType::money)
    return {1, r.indicator->unit_of_measure};
  double largest = 0;
  for (const auto& v : {r.evaluation.actual, r.evaluation.target, r.same_period_last_year})
    if (v)
      largest = std::max(largest, std::abs(*v));
  const auto [divisor, scale] = largest >= 1e9   ? std::pair{1e9, core::MoneyScale::billion}
                                : largest >= 1e6 ? std::pair{1e6, core::MoneyScale::million}
                                                 : std::pair{1.0, core::MoneyScale::dong};
  // The formatter's own words for the scale: "1 tỷ đồng" -> "tỷ đồng".
  const std::string one = core::format_money(divisor, kVi, scale);
  return {divisor, one.substr(one.find(' ') + 1)};
}

std::optional<double> scaled(const std::optional<double>& v, double divisor) {
  return v ? std::optional<double>(*v / divisor) : std::nullopt;
}

}  // namespace

std::string write_xlsx(const service::Report& report) {
  const auto& s = report.scorecard;
  io::XlsxWorkbook file;
  lxw_workbook* book = file.get();
  const std::string sheet_name = core::tr(kVi, "report.xlsx.sheet");
  lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name.c_str());

  lxw_format* title = workbook_add_format(book);
  format_set_bold(title);
  format_set_font_size(title, 13);
  format_set_font_name(title, "Times New Roman");
  lxw_format* head = workbook_add_format(book);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_bg_color(head, 0xE0E0E0);
  format_set_font_name(head, "Times New Roman");
  lxw_format* text = workbook_add_format(book);
  format_set_border(text, LXW_BORDER_THIN);
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_name(text, "Times New Roman");
  lxw_format* percent = workbook_add_format(book);
  format_set_border(percent, LXW_BORDER_THIN);
  format_set_num_format(percent, "[$-42A]0.0%");
  format_set_align(percent, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_name(percent, "Times New Roman");
  std::vector<lxw_format*> numbers;  // by decimals 0..4
  for (int d = 0; d <= 4; ++d) {
    lxw_format* f = workbook_add_format(book);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_num_format(f, number_format(d).c_str());
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_name(f, "Times New Roman");
    numbers.push_back(f);
  }

  worksheet_write_string(sheet, 0, 0,
                         (report.content.title + " — " + report.content.subtitle).c_str(), title);
  const std::vector<std::string> columns{
      core::tr(kVi, "report.table.number"),    core::tr(kVi, "report.xlsx.code"),
      core::tr(kVi, "report.table.indicator"), core::tr(kVi, "report.xlsx.unit_of_measure"),
      core::tr(kVi, "report.table.target"),    core::tr(kVi, "report.table.actual"),
      core::tr(kVi, "report.table.percent"),   core::tr(kVi, "report.table.last_year"),
      core::tr(kVi, "report.table.status")};
  const double widths[] = {5, 30, 50, 12, 12, 12, 9, 12, 14};
  constexpr lxw_row_t kHeadRow = 2;
  for (lxw_col_t c = 0; c < columns.size(); ++c) {
    worksheet_set_column(sheet, c, c, widths[c], nullptr);
    worksheet_write_string(sheet, kHeadRow, c, columns[c].c_str(), head);
  }
  auto number_or_blank = [&](lxw_row_t row, lxw_col_t col, const std::optional<double>& v,
                             lxw_format* f) {
    if (v)
      worksheet_write_number(sheet, row, col, *v, f);
    else
      worksheet_write_blank(sheet, row, col, f);
  };
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const auto& r = s.indicators[i];
    const auto& e = r.evaluation;
    const lxw_row_t row = kHeadRow + 1 + static_cast<lxw_row_t>(i);
    lxw_format* num = numbers[static_cast<size_t>(std::clamp(r.indicator->decimals, 0, 4))];
    worksheet_write_number(sheet, row, 0, static_cast<double>(i + 1), numbers[0]);
    worksheet_write_string(sheet, row, 1, r.indicator->code.c_str(), text);
    worksheet_write_string(sheet, row, 2, r.indicator->name.c_str(), text);
    const Scale scale = scale_of(r);
    worksheet_write_string(sheet, row, 3, scale.unit.c_str(), text);
    number_or_blank(row, 4, scaled(e.target, scale.divisor), num);
    number_or_blank(row, 5, scaled(e.actual, scale.divisor), num);
    number_or_blank(
        row, 6,
        e.percent_of_target ? std::optional<double>(*e.percent_of_target / 100) : std::nullopt,
        percent);
    number_or_blank(row, 7, scaled(r.same_period_last_year, scale.divisor), num);
    worksheet_write_string(sheet, row, 8, report.content.table[i].status.c_str(), text);
  }
  worksheet_freeze_panes(sheet, kHeadRow + 1, 3);
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_repeat_rows(sheet, kHeadRow, kHeadRow);
  worksheet_set_margins(sheet, 0.6, 0.4, 0.6, 0.6);
  const std::string footer = core::tr(kVi, "report.xlsx.footer");
  worksheet_set_footer(sheet, footer.c_str());
  return file.bytes();
}

}  // namespace mandate::report
