#include "core/period.hpp"

#include <fmt/format.h>
#include <array>

#include "core/error.hpp"

namespace mandate::core {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

constexpr std::array<std::string_view, 7> kTypeNames = {
    "month", "quarter", "six_months", "nine_months", "year", "year_to_date", "term"};

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

[[noreturn]] void fail(std::string_view id) {
  throw invalid_input("period.invalid", {echo(id)});
}

bool all_digits(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s) {
    if (c < '0' || c > '9')
      return false;
  }
  return true;
}

unsigned digits_value(std::string_view s) {
  unsigned v = 0;
  for (char c : s)
    v = v * 10 + static_cast<unsigned>(c - '0');
  return v;
}

bool year_ok(int y) {
  return y >= kMinYear && y <= kMaxYear;
}

std::string_view roman(unsigned quarter) {
  constexpr std::array<std::string_view, 4> kRoman = {"I", "II", "III", "IV"};
  return kRoman.at(quarter - 1);
}

}  // namespace

std::string_view period_type_name(PeriodType t) {
  return kTypeNames.at(static_cast<size_t>(t));
}

PeriodType parse_period_type(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name)
      return static_cast<PeriodType>(i);
  }
  throw invalid_input("period_type.invalid", {echo(name)});
}

Period Period::month(int year, unsigned month) {
  if (!year_ok(year) || month < 1 || month > 12)
    fail(fmt::format("{}{:02}", year, month));
  return Period(PeriodType::month, year, month, year);
}

Period Period::quarter(int year, unsigned quarter) {
  if (!year_ok(year) || quarter < 1 || quarter > 4)
    fail(fmt::format("{}Q{}", year, quarter));
  return Period(PeriodType::quarter, year, quarter, year);
}

Period Period::six_months(int year, unsigned half) {
  if (!year_ok(year) || half < 1 || half > 2)
    fail(fmt::format("{}S{}", year, half));
  return Period(PeriodType::six_months, year, half, year);
}

Period Period::nine_months(int year) {
  if (!year_ok(year))
    fail(fmt::format("{}NM", year));
  return Period(PeriodType::nine_months, year, 0, year);
}

Period Period::year(int year) {
  if (!year_ok(year))
    fail(fmt::format("{}", year));
  return Period(PeriodType::year, year, 0, year);
}

Period Period::year_to_date(int year, unsigned through_month) {
  if (!year_ok(year) || through_month < 1 || through_month > 12) {
    fail(fmt::format("{}YTD{:02}", year, through_month));
  }
  return Period(PeriodType::year_to_date, year, through_month, year);
}

Period Period::term(int first_year, int last_year) {
  // A term spans at least two calendar years (Vietnamese terms are 2020-2025 etc.).
  if (!year_ok(first_year) || !year_ok(last_year) || last_year <= first_year) {
    fail(fmt::format("{}-{}", first_year, last_year));
  }
  return Period(PeriodType::term, first_year, 0, last_year);
}

Period Period::parse(std::string_view id) {
  // Every id starts with a four-digit year; the rest selects the type.
  if (id.size() < 4 || !all_digits(id.substr(0, 4)))
    fail(id);
  int y = static_cast<int>(digits_value(id.substr(0, 4)));
  if (!year_ok(y))
    fail(id);
  std::string_view rest = id.substr(4);

  if (rest.empty())
    return year(y);
  if (rest.size() == 2 && all_digits(rest)) {
    unsigned m = digits_value(rest);
    if (m < 1 || m > 12)
      fail(id);
    return month(y, m);
  }
  if (rest.size() == 2 && rest[0] == 'Q' && all_digits(rest.substr(1))) {
    unsigned q = digits_value(rest.substr(1));
    if (q < 1 || q > 4)
      fail(id);
    return quarter(y, q);
  }
  if (rest.size() == 2 && rest[0] == 'S' && all_digits(rest.substr(1))) {
    unsigned h = digits_value(rest.substr(1));
    if (h < 1 || h > 2)
      fail(id);
    return six_months(y, h);
  }
  if (rest == "NM")
    return nine_months(y);
  if (rest.size() == 5 && rest.starts_with("YTD") && all_digits(rest.substr(3))) {
    unsigned m = digits_value(rest.substr(3));
    if (m < 1 || m > 12)
      fail(id);
    return year_to_date(y, m);
  }
  if (rest.size() == 5 && rest[0] == '-' && all_digits(rest.substr(1))) {
    int last = static_cast<int>(digits_value(rest.substr(1)));
    if (!year_ok(last) || last <= y)
      fail(id);
    return term(y, last);
  }
  fail(id);
}

std::string Period::id() const {
  switch (type_) {
    case PeriodType::month:
      return fmt::format("{:04}{:02}", year_, index_);
    case PeriodType::quarter:
      return fmt::format("{:04}Q{}", year_, index_);
    case PeriodType::six_months:
      return fmt::format("{:04}S{}", year_, index_);
    case PeriodType::nine_months:
      return fmt::format("{:04}NM", year_);
    case PeriodType::year:
      return fmt::format("{:04}", year_);
    case PeriodType::year_to_date:
      return fmt::format("{:04}YTD{:02}", year_, index_);
    case PeriodType::term:
      return fmt::format("{:04}-{:04}", year_, last_year_);
  }
  throw Error(ErrorCategory::internal, "period.invalid", {"?"});
}

Date Period::start() const {
  switch (type_) {
    case PeriodType::month:
      return make_date(year_, index_, 1);
    case PeriodType::quarter:
      return make_date(year_, (index_ - 1) * 3 + 1, 1);
    case PeriodType::six_months:
      return make_date(year_, (index_ - 1) * 6 + 1, 1);
    case PeriodType::nine_months:
    case PeriodType::year:
    case PeriodType::year_to_date:
    case PeriodType::term:
      return make_date(year_, 1, 1);
  }
  throw Error(ErrorCategory::internal, "period.invalid", {id()});
}

Date Period::end() const {
  switch (type_) {
    case PeriodType::month:
    case PeriodType::year_to_date:
      return last_day_of_month(year_, index_);
    case PeriodType::quarter:
      return last_day_of_month(year_, index_ * 3);
    case PeriodType::six_months:
      return last_day_of_month(year_, index_ * 6);
    case PeriodType::nine_months:
      return last_day_of_month(year_, 9);
    case PeriodType::year:
      return last_day_of_month(year_, 12);
    case PeriodType::term:
      return last_day_of_month(last_year_, 12);
  }
  throw Error(ErrorCategory::internal, "period.invalid", {id()});
}

bool Period::contains(const Period& other) const {
  return start() <= other.start() && other.end() <= end();
}

bool Period::contains(Date d) const {
  return start() <= d && d <= end();
}

std::string Period::label(Lang lang) const {
  std::string y = std::to_string(year_);
  std::string n = std::to_string(index_);
  switch (type_) {
    case PeriodType::month:
      return tr(lang, "period.label.month", {n, y, tr(lang, "month." + n)});
    case PeriodType::quarter:
      return tr(lang, "period.label.quarter", {std::string(roman(index_)), y, n});
    case PeriodType::six_months:
      return tr(lang, "period.label.six_months." + n, {y});
    case PeriodType::nine_months:
      return tr(lang, "period.label.nine_months", {y});
    case PeriodType::year:
      return tr(lang, "period.label.year", {y});
    case PeriodType::year_to_date:
      // "January-January" reads badly, so one month has its own wording.
      return tr(lang, index_ == 1 ? "period.label.year_to_date.1" : "period.label.year_to_date",
                {n, y, tr(lang, "month." + n)});
    case PeriodType::term:
      return tr(lang, "period.label.term", {y, std::to_string(last_year_)});
  }
  return id();
}

Period Period::same_period_last_year() const {
  if (type_ == PeriodType::term) {
    // Consecutive terms share their boundary year: 2015-2020 precedes 2020-2025.
    int length = last_year_ - year_;
    return term(year_ - length, last_year_ - length);
  }
  Period p = *this;
  p.year_ -= 1;
  p.last_year_ -= 1;
  if (!year_ok(p.year_))
    fail(p.id());
  return p;
}

Period Period::previous() const {
  const unsigned per_year = type_ == PeriodType::month        ? 12
                            : type_ == PeriodType::quarter    ? 4
                            : type_ == PeriodType::six_months ? 2
                                                              : 0;
  if (per_year == 0 || index_ > 1) {
    if (per_year == 0)
      return same_period_last_year();
    Period p = *this;
    p.index_ -= 1;
    return p;
  }
  Period p = same_period_last_year();
  p.index_ = per_year;
  return p;
}

}  // namespace mandate::core
