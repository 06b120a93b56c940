#include "core/date.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace mandate::core {
namespace {

using std::chrono::April;
using std::chrono::day;
using std::chrono::year;

void expect_invalid_date(std::string_view text) {
  try {
    parse_iso_date(text);
    ADD_FAILURE() << "accepted \"" << text << "\"";
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), ErrorCategory::invalid_input) << text;
    EXPECT_EQ(e.code(), "date.invalid") << text;
  }
}

TEST(DateParse, ValidIsoDates) {
  Date d = parse_iso_date("2021-04-26");
  EXPECT_EQ(d.year(), year{2021});
  EXPECT_EQ(d.month(), April);
  EXPECT_EQ(d.day(), day{26});
  EXPECT_EQ(parse_iso_date("2020-02-29"), make_date(2020, 2, 29));  // leap year
  EXPECT_EQ(parse_iso_date("2000-02-29"), make_date(2000, 2, 29));  // 400-year rule
  EXPECT_EQ(parse_iso_date("2021-12-31"), make_date(2021, 12, 31));
  EXPECT_EQ(parse_iso_date("2021-01-01"), make_date(2021, 1, 1));
  EXPECT_EQ(parse_iso_date("0001-01-01"), make_date(1, 1, 1));
  EXPECT_EQ(parse_iso_date("9999-12-31"), make_date(9999, 12, 31));
}

TEST(DateParse, RejectsImpossibleDays) {
  expect_invalid_date("2021-02-29");  // not a leap year
  expect_invalid_date("1900-02-29");  // century, not a leap year
  expect_invalid_date("2021-02-30");
  expect_invalid_date("2021-04-31");
  expect_invalid_date("2021-13-01");
  expect_invalid_date("2021-00-10");
  expect_invalid_date("2021-01-00");
  expect_invalid_date("2021-01-32");
  expect_invalid_date("0000-01-01");
}

TEST(DateParse, RejectsOtherShapes) {
  expect_invalid_date("");
  expect_invalid_date("2021-4-26");
  expect_invalid_date("2021-04-6");
  expect_invalid_date("21-04-26");
  expect_invalid_date("26/04/2021");
  expect_invalid_date("2021/04/26");
  expect_invalid_date("20210426");
  expect_invalid_date(" 2021-04-26");
  expect_invalid_date("2021-04-26 ");
  expect_invalid_date("2021-04-26T00:00");
  expect_invalid_date("+2021-04-26");
  expect_invalid_date("2021-0a-26");
  expect_invalid_date("2021--4-26");
  expect_invalid_date("12021-04-26");
  expect_invalid_date(std::string_view("2021-04-2\0", 10));
}

TEST(DateParse, ErrorEchoesInputAndIsBilingual) {
  try {
    parse_iso_date("2021-02-30");
    FAIL();
  } catch (const Error& e) {
    ASSERT_EQ(e.args().size(), 1u);
    EXPECT_EQ(e.args()[0], "2021-02-30");
    EXPECT_NE(e.message(Lang::vi).find("2021-02-30"), std::string::npos);
    EXPECT_NE(e.message(Lang::en).find("2021-02-30"), std::string::npos);
    EXPECT_NE(e.message(Lang::vi), e.message(Lang::en));
  }
}

TEST(DateParse, ErrorEchoIsBoundedAndPrintable) {
  std::string junk(500, 'x');
  junk[3] = '\xff';
  try {
    parse_iso_date(junk);
    FAIL();
  } catch (const Error& e) {
    ASSERT_EQ(e.args().size(), 1u);
    EXPECT_LT(e.args()[0].size(), 50u);
    EXPECT_EQ(e.args()[0].find('\xff'), std::string::npos);
  }
}

TEST(MakeDate, ValidatesEveryPart) {
  EXPECT_EQ(make_date(2021, 4, 26), parse_iso_date("2021-04-26"));
  EXPECT_THROW(make_date(2021, 2, 29), Error);
  EXPECT_THROW(make_date(2021, 0, 1), Error);
  EXPECT_THROW(make_date(2021, 13, 1), Error);
  EXPECT_THROW(make_date(2021, 1, 0), Error);
  EXPECT_THROW(make_date(2021, 1, 32), Error);
  EXPECT_THROW(make_date(2021, 300, 1), Error);  // beyond chrono::month's storage
  EXPECT_THROW(make_date(2021, 1, 300), Error);
  EXPECT_THROW(make_date(0, 1, 1), Error);
  EXPECT_THROW(make_date(10000, 1, 1), Error);
  EXPECT_THROW(make_date(-5, 1, 1), Error);
  EXPECT_THROW(make_date(100000, 1, 1), Error);
}

TEST(LastDayOfMonth, AllMonthLengths) {
  EXPECT_EQ(last_day_of_month(2021, 1), make_date(2021, 1, 31));
  EXPECT_EQ(last_day_of_month(2021, 2), make_date(2021, 2, 28));
  EXPECT_EQ(last_day_of_month(2024, 2), make_date(2024, 2, 29));
  EXPECT_EQ(last_day_of_month(2100, 2), make_date(2100, 2, 28));
  EXPECT_EQ(last_day_of_month(2000, 2), make_date(2000, 2, 29));
  EXPECT_EQ(last_day_of_month(2021, 4), make_date(2021, 4, 30));
  EXPECT_EQ(last_day_of_month(2021, 9), make_date(2021, 9, 30));
  EXPECT_EQ(last_day_of_month(2021, 12), make_date(2021, 12, 31));
  EXPECT_THROW(last_day_of_month(2021, 0), Error);
  EXPECT_THROW(last_day_of_month(2021, 13), Error);
  EXPECT_THROW(last_day_of_month(0, 1), Error);
}

TEST(DateFormat, Iso) {
  EXPECT_EQ(format_iso_date(make_date(2021, 4, 26)), "2021-04-26");
  EXPECT_EQ(format_iso_date(make_date(2021, 1, 5)), "2021-01-05");
  EXPECT_EQ(format_iso_date(make_date(33, 1, 5)), "0033-01-05");
  for (const char* text : {"2021-04-26", "2020-02-29", "1999-12-31", "0001-01-01"}) {
    EXPECT_EQ(format_iso_date(parse_iso_date(text)), text);
  }
}

TEST(DateFormat, Short) {
  EXPECT_EQ(format_short_date(make_date(2021, 4, 26), Lang::vi), "26/4/2021");
  EXPECT_EQ(format_short_date(make_date(2021, 4, 26), Lang::en), "26/04/2021");
  EXPECT_EQ(format_short_date(make_date(2021, 1, 5), Lang::vi), "5/1/2021");
  EXPECT_EQ(format_short_date(make_date(2021, 1, 5), Lang::en), "05/01/2021");
  EXPECT_EQ(format_short_date(make_date(2021, 12, 31), Lang::vi), "31/12/2021");
}

TEST(DateFormat, Long) {
  EXPECT_EQ(format_long_date(make_date(2021, 4, 26), Lang::vi), "ngày 26 tháng 4 năm 2021");
  EXPECT_EQ(format_long_date(make_date(2021, 4, 26), Lang::en), "26 April 2021");
  EXPECT_EQ(format_long_date(make_date(2021, 12, 31), Lang::vi), "ngày 31 tháng 12 năm 2021");
  EXPECT_EQ(format_long_date(make_date(2021, 12, 31), Lang::en), "31 December 2021");
  EXPECT_EQ(format_long_date(make_date(2021, 3, 1), Lang::en), "1 March 2021");
}

TEST(DateFormat, LongViFollowsDecree30Padding) {
  // Decree 30/2020: days below 10 and months 1 and 2 are written with a leading zero.
  EXPECT_EQ(format_long_date(make_date(2021, 1, 5), Lang::vi), "ngày 05 tháng 01 năm 2021");
  EXPECT_EQ(format_long_date(make_date(2021, 2, 15), Lang::vi), "ngày 15 tháng 02 năm 2021");
  EXPECT_EQ(format_long_date(make_date(2021, 3, 9), Lang::vi), "ngày 09 tháng 3 năm 2021");
  EXPECT_EQ(format_long_date(make_date(2021, 10, 10), Lang::vi), "ngày 10 tháng 10 năm 2021");
  EXPECT_EQ(format_long_date(make_date(2021, 11, 1), Lang::vi), "ngày 01 tháng 11 năm 2021");
}

TEST(DateFormat, EveryMonthHasAnEnglishName) {
  const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};
  for (unsigned m = 1; m <= 12; ++m) {
    EXPECT_EQ(format_long_date(make_date(2021, m, 10), Lang::en),
              std::string("10 ") + names[m - 1] + " 2021");
  }
}

}  // namespace
}  // namespace mandate::core
