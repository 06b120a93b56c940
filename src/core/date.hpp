#pragma once
// Calendar dates (no time zone, no clock: core never reads the time).
#include <chrono>
#include <string>
#include <string_view>

#include "core/i18n.hpp"

namespace mandate::core {

using Date = std::chrono::year_month_day;

// "2021-04-26" -> Date; throws Error(invalid_input, "date.invalid") for
// anything else, including impossible days such as 2021-02-30.
Date parse_iso_date(std::string_view text);
std::string format_iso_date(Date d);               // "2021-04-26"
std::string format_short_date(Date d, Lang lang);  // vi "26/4/2021", en "26/04/2021"
std::string format_long_date(Date d,
                             Lang lang);  // vi "ngày 26 tháng 4 năm 2021", en "26 April 2021"
Date make_date(int y, unsigned m, unsigned d);  // throws on invalid
Date last_day_of_month(int y, unsigned m);
// The calendar date in Vietnam (UTC+7 all year, no daylight saving) of a UTC
// timestamp "2021-07-20T18:30:00Z" (fractions of a second allowed): deadlines
// are days in the office's time, timestamps are kept in UTC.
Date vietnam_date(std::string_view iso_utc);

}  // namespace mandate::core
