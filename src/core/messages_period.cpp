// Catalog part for periods, dates, numbers, money and text: labels and errors.
#include <array>

#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {

constexpr std::array kMessages = std::to_array<Message>({
    // Errors.
    {"period.invalid",
     "Kỳ báo cáo \"{0}\" không hợp lệ (ví dụ hợp lệ: 202101, 2021Q1, 2021S1, 2021NM, 2021, "
     "2021YTD05, 2020-2025)",
     "Invalid reporting period \"{0}\" (valid examples: 202101, 2021Q1, 2021S1, 2021NM, 2021, "
     "2021YTD05, 2020-2025)"},
    {"period_type.invalid",
     "Loại kỳ báo cáo \"{0}\" không hợp lệ (hợp lệ: month, quarter, six_months, nine_months, "
     "year, year_to_date, term)",
     "Invalid period type \"{0}\" (valid: month, quarter, six_months, nine_months, year, "
     "year_to_date, term)"},
    {"date.invalid", "Ngày \"{0}\" không hợp lệ (định dạng đúng: YYYY-MM-DD, ví dụ 2021-04-26)",
     "Invalid date \"{0}\" (expected YYYY-MM-DD, e.g. 2021-04-26)"},
    {"text.invalid_utf8", "Văn bản có ký tự không hợp lệ (sai mã UTF-8 hoặc ký tự điều khiển)",
     "Text has characters that are not allowed (not valid UTF-8, or control characters)"},
    {"text.unicode_unavailable", "Không nạp được dữ liệu Unicode (ICU: {0})",
     "Unicode data is unavailable (ICU: {0})"},
    {"number.not_finite", "Giá trị số không hợp lệ (không phải số hữu hạn)",
     "Invalid number (not a finite value)"},

    // Period type names, for pickers and headings.
    {"period_type.label.month", "Tháng", "Month"},
    {"period_type.label.quarter", "Quý", "Quarter"},
    {"period_type.label.six_months", "6 tháng", "Six months"},
    {"period_type.label.nine_months", "9 tháng", "Nine months"},
    {"period_type.label.year", "Năm", "Year"},
    {"period_type.label.year_to_date", "Lũy kế", "Year to date"},
    {"period_type.label.term", "Nhiệm kỳ", "Term"},

    // Period labels. {0} month number or year, see period.cpp for each key's arguments.
    {"period.label.month", "Tháng {0}/{1}", "{2} {1}"},   // {0} number, {1} year, {2} name
    {"period.label.quarter", "Quý {0}/{1}", "Q{2} {1}"},  // {0} roman, {1} year, {2} number
    {"period.label.six_months.1", "6 tháng đầu năm {0}", "First half of {0}"},
    {"period.label.six_months.2", "6 tháng cuối năm {0}", "Second half of {0}"},
    {"period.label.nine_months", "9 tháng năm {0}", "First nine months of {0}"},
    {"period.label.year", "Năm {0}", "Year {0}"},
    // {0} month number, {1} year, {2} month name.
    {"period.label.year_to_date", "Lũy kế {0} tháng năm {1}", "January–{2} {1} (cumulative)"},
    {"period.label.year_to_date.1", "Lũy kế {0} tháng năm {1}", "January {1} (cumulative)"},
    {"period.label.term", "Nhiệm kỳ {0}–{1}", "Term {0}–{1}"},

    // Month names (English long dates and labels).
    {"month.1", "tháng 1", "January"},
    {"month.2", "tháng 2", "February"},
    {"month.3", "tháng 3", "March"},
    {"month.4", "tháng 4", "April"},
    {"month.5", "tháng 5", "May"},
    {"month.6", "tháng 6", "June"},
    {"month.7", "tháng 7", "July"},
    {"month.8", "tháng 8", "August"},
    {"month.9", "tháng 9", "September"},
    {"month.10", "tháng 10", "October"},
    {"month.11", "tháng 11", "November"},
    {"month.12", "tháng 12", "December"},

    // Long date: {0} day, {1} month number, {2} year, {3} month name.
    {"date.long", "ngày {0} tháng {1} năm {2}", "{0} {3} {2}"},

    // Money: {0} is the formatted amount.
    {"money.billion", "{0} tỷ đồng", "{0} billion VND"},
    {"money.million", "{0} triệu đồng", "{0} million VND"},
    {"money.dong", "{0} đồng", "{0} VND"},
});

}  // namespace

std::span<const Message> period_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
