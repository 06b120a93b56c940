#include "core/date.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace mandate::core {
namespace {

// Keeps an echoed input short and printable: it ends up in logs and JSON.
std::string echo(std::string_view text) {
  constexpr size_t kMax = 40;
  std::string out;
  for (char c : text.substr(0, kMax))
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  if (text.size() > kMax)
    out += "...";
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

unsigned digits_value(std::string_view s) {
  unsigned v = 0;
  for (char c : s)
    v = v * 10 + static_cast<unsigned>(c - '0');
  return v;
}

// Years are limited to four digits so that every date has one ISO spelling.
bool year_in_range(int y) {
  return y >= 1 && y <= 9999;
}

}  // namespace

Date make_date(int y, unsigned m, unsigned d) {
  // Range checks first: chrono leaves out-of-range constructor arguments unspecified.
  if (year_in_range(y) && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
    Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (date.ok())
      return date;
  }
  throw invalid_input("date.invalid", {fmt::format("{}-{}-{}", y, m, d)});
}

Date last_day_of_month(int y, unsigned m) {
  if (!year_in_range(y) || m < 1 || m > 12) {
    throw invalid_input("date.invalid", {fmt::format("{}-{}", y, m)});
  }
  std::chrono::year_month_day_last last{std::chrono::year{y},
                                        std::chrono::month_day_last{std::chrono::month{m}}};
  return Date{last};
}

Date parse_iso_date(std::string_view text) {
  bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-';
  for (size_t i = 0; shape && i < text.size(); ++i) {
    if (i != 4 && i != 7 && !is_digit(text[i]))
      shape = false;
  }
  if (!shape)
    throw invalid_input("date.invalid", {echo(text)});
  int y = static_cast<int>(digits_value(text.substr(0, 4)));
  unsigned m = digits_value(text.substr(5, 2));
  unsigned d = digits_value(text.substr(8, 2));
  Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!year_in_range(y) || !date.ok())
    throw invalid_input("date.invalid", {echo(text)});
  return date;
}

Date vietnam_date(std::string_view iso_utc) {
  const bool shape = iso_utc.size() >= 20 && iso_utc[10] == 'T' && iso_utc[13] == ':' &&
                     iso_utc.back() == 'Z' && is_digit(iso_utc[11]) && is_digit(iso_utc[12]);
  if (!shape)
    throw invalid_input("date.invalid", {echo(iso_utc)});
  const unsigned hour = digits_value(iso_utc.substr(11, 2));
  if (hour > 23)
    throw invalid_input("date.invalid", {echo(iso_utc)});
  const Date utc = parse_iso_date(iso_utc.substr(0, 10));
  constexpr unsigned kOffsetHours = 7;
  return hour + kOffsetHours >= 24 ? Date{std::chrono::sys_days{utc} + std::chrono::days{1}} : utc;
}

std::string format_iso_date(Date d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::string format_short_date(Date d, Lang lang) {
  int y = static_cast<int>(d.year());
  unsigned m = static_cast<unsigned>(d.month());
  unsigned day = static_cast<unsigned>(d.day());
  if (lang == Lang::vi)
    return fmt::format("{}/{}/{:04}", day, m, y);
  return fmt::format("{:02}/{:02}/{:04}", day, m, y);
}

std::string format_long_date(Date d, Lang lang) {
  int y = static_cast<int>(d.year());
  unsigned m = static_cast<unsigned>(d.month());
  unsigned day = static_cast<unsigned>(d.day());
  std::string day_text = std::to_string(day);
  std::string month_text = std::to_string(m);
  if (lang == Lang::vi) {
    // Decree 30/2020/ND-CP (administrative documents): days below 10 and the
    // months 1 and 2 take a leading zero, so the date line cannot be altered.
    if (day < 10)
      day_text = "0" + day_text;
    if (m <= 2)
      month_text = "0" + month_text;
  }
  return tr(lang, "date.long",
            {day_text, month_text, std::to_string(y), tr(lang, "month." + std::to_string(m))});
}

}  // namespace mandate::core
