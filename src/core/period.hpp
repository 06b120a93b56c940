#pragma once
// Reporting periods. Ids follow DHIS2 where DHIS2 has the type:
//   month        202101         (DHIS2 Monthly)
//   quarter      2021Q1         (DHIS2 Quarterly)
//   six months   2021S1, 2021S2 (DHIS2 SixMonthly)
//   year         2021           (DHIS2 Yearly)
// and Mandate's own ids for the types DHIS2 lacks:
//   nine months  2021NM         January..September
//   year to date 2021YTD05      January..May (cumulative, "lũy kế")
//   term         2020-2025      1 Jan of the first year .. 31 Dec of the last
#include <compare>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/i18n.hpp"

namespace mandate::core {

enum class PeriodType { month, quarter, six_months, nine_months, year, year_to_date, term };

std::string_view period_type_name(PeriodType t);      // "month", "quarter", ...
PeriodType parse_period_type(std::string_view name);  // throws invalid_input

class Period {
 public:
  // Throws Error(invalid_input, "period.invalid", {text}) for anything that is
  // not a valid id: "2021Q5", "202113", "2021S3", "2025-2020", "2021YTD13", ...
  static Period parse(std::string_view id);
  static Period month(int year, unsigned month);
  static Period quarter(int year, unsigned quarter);
  static Period six_months(int year, unsigned half);
  static Period nine_months(int year);
  static Period year(int year);
  static Period year_to_date(int year, unsigned through_month);
  static Period term(int first_year, int last_year);

  PeriodType type() const { return type_; }
  int year() const { return year_; }  // first year (for a term: its first year)
  int last_year() const { return last_year_; }
  unsigned index() const { return index_; }  // month, quarter, half, or YTD month; 0 otherwise

  std::string id() const;
  Date start() const;
  Date end() const;                          // inclusive last day
  bool contains(const Period& other) const;  // other lies entirely within this
  bool contains(Date d) const;
  // vi: "Tháng 1/2021", "Quý I/2021", "6 tháng đầu năm 2021", "6 tháng cuối năm 2021",
  //     "9 tháng năm 2021", "Năm 2021", "Lũy kế 5 tháng năm 2021", "Nhiệm kỳ 2020–2025"
  std::string label(Lang lang) const;
  // The same period one year earlier (terms shift by their length).
  Period same_period_last_year() const;
  // The period just before, of the same type: 2021Q1 -> 2020Q4, 202101 -> 202012,
  // 2021S1 -> 2020S2; years, nine months, year-to-date and terms step back a year
  // (a term by its length), as same_period_last_year().
  Period previous() const;

  friend bool operator==(const Period&, const Period&) = default;
  friend auto operator<=>(const Period&, const Period&) = default;

 private:
  Period(PeriodType type, int year, unsigned index, int last_year)
      : type_(type), year_(year), last_year_(last_year), index_(index) {}
  PeriodType type_;
  int year_;
  int last_year_;
  unsigned index_;
};

}  // namespace mandate::core
