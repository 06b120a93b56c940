#include "core/period.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace mandate::core {
namespace {

void expect_invalid_period(std::string_view id) {
  try {
    Period p = Period::parse(id);
    ADD_FAILURE() << "accepted \"" << id << "\" as " << p.id();
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), ErrorCategory::invalid_input) << id;
    EXPECT_EQ(e.code(), "period.invalid") << id;
  }
}

TEST(PeriodParse, EveryTypeRoundTrips) {
  struct Case {
    const char* id;
    PeriodType type;
    int year;
    int last_year;
    unsigned index;
  };
  const Case cases[] = {
      {"202101", PeriodType::month, 2021, 2021, 1},
      {"202112", PeriodType::month, 2021, 2021, 12},
      {"2021Q1", PeriodType::quarter, 2021, 2021, 1},
      {"2021Q4", PeriodType::quarter, 2021, 2021, 4},
      {"2021S1", PeriodType::six_months, 2021, 2021, 1},
      {"2021S2", PeriodType::six_months, 2021, 2021, 2},
      {"2021NM", PeriodType::nine_months, 2021, 2021, 0},
      {"2021", PeriodType::year, 2021, 2021, 0},
      {"2021YTD01", PeriodType::year_to_date, 2021, 2021, 1},
      {"2021YTD05", PeriodType::year_to_date, 2021, 2021, 5},
      {"2021YTD12", PeriodType::year_to_date, 2021, 2021, 12},
      {"2020-2025", PeriodType::term, 2020, 2025, 0},
      {"2020-2021", PeriodType::term, 2020, 2021, 0},
      {"1900", PeriodType::year, 1900, 1900, 0},
      {"2200", PeriodType::year, 2200, 2200, 0},
      {"190001", PeriodType::month, 1900, 1900, 1},
      {"220012", PeriodType::month, 2200, 2200, 12},
      {"1900-2200", PeriodType::term, 1900, 2200, 0},
  };
  for (const auto& c : cases) {
    Period p = Period::parse(c.id);
    EXPECT_EQ(p.type(), c.type) << c.id;
    EXPECT_EQ(p.year(), c.year) << c.id;
    EXPECT_EQ(p.last_year(), c.last_year) << c.id;
    EXPECT_EQ(p.index(), c.index) << c.id;
    EXPECT_EQ(p.id(), c.id);
  }
}

TEST(PeriodParse, RejectsOutOfRangeParts) {
  expect_invalid_period("2021Q0");
  expect_invalid_period("2021Q5");
  expect_invalid_period("2021Q9");
  expect_invalid_period("202100");
  expect_invalid_period("202113");
  expect_invalid_period("202199");
  expect_invalid_period("2021S0");
  expect_invalid_period("2021S3");
  expect_invalid_period("2021YTD00");
  expect_invalid_period("2021YTD13");
  expect_invalid_period("2025-2020");
  expect_invalid_period("2020-2020");
}

TEST(PeriodParse, RejectsYearsOutsideRange) {
  expect_invalid_period("1899");
  expect_invalid_period("2201");
  expect_invalid_period("0000");
  expect_invalid_period("9999");
  expect_invalid_period("189912");
  expect_invalid_period("220101");
  expect_invalid_period("2201Q1");
  expect_invalid_period("1899S2");
  expect_invalid_period("1899NM");
  expect_invalid_period("2201YTD01");
  expect_invalid_period("1899-1905");
  expect_invalid_period("2195-2201");
}

TEST(PeriodParse, RejectsMalformedIds) {
  expect_invalid_period("");
  expect_invalid_period("202");
  expect_invalid_period("21");
  expect_invalid_period("2021q1");  // ids stay canonical: upper case only
  expect_invalid_period("2021s1");
  expect_invalid_period("2021nm");
  expect_invalid_period("2021ytd05");
  expect_invalid_period("2021Q1 ");
  expect_invalid_period(" 2021Q1");
  expect_invalid_period("2021Q1x");
  expect_invalid_period("2021Q11");
  expect_invalid_period("2021Q");
  expect_invalid_period("2021S");
  expect_invalid_period("2021S12");
  expect_invalid_period("20211");
  expect_invalid_period("2021001");
  expect_invalid_period("2021YTD5");
  expect_invalid_period("2021YTD005");
  expect_invalid_period("2021NMX");
  expect_invalid_period("2021N");
  expect_invalid_period("2020-25");
  expect_invalid_period("2020-20255");
  expect_invalid_period("2020–2025");  // en dash is for labels, not ids
  expect_invalid_period("2020_2025");
  expect_invalid_period("2020-");
  expect_invalid_period("-2020");
  expect_invalid_period("+2021");
  expect_invalid_period("2021W01");
  expect_invalid_period("2021-01");
  expect_invalid_period("Q12021");
  expect_invalid_period(std::string_view("2021\0", 5));
}

TEST(PeriodParse, ErrorCarriesTheIdAndAnExample) {
  try {
    Period::parse("2021Q5");
    FAIL();
  } catch (const Error& e) {
    ASSERT_EQ(e.args().size(), 1u);
    EXPECT_EQ(e.args()[0], "2021Q5");
    EXPECT_NE(e.message(Lang::vi).find("\"2021Q5\""), std::string::npos);
    EXPECT_NE(e.message(Lang::vi).find("2021YTD05"), std::string::npos);
    EXPECT_NE(e.message(Lang::en).find("\"2021Q5\""), std::string::npos);
  }
}

TEST(PeriodFactories, ValidateLikeParse) {
  EXPECT_EQ(Period::month(2021, 1), Period::parse("202101"));
  EXPECT_EQ(Period::quarter(2021, 2), Period::parse("2021Q2"));
  EXPECT_EQ(Period::six_months(2021, 2), Period::parse("2021S2"));
  EXPECT_EQ(Period::nine_months(2021), Period::parse("2021NM"));
  EXPECT_EQ(Period::year(2021), Period::parse("2021"));
  EXPECT_EQ(Period::year_to_date(2021, 5), Period::parse("2021YTD05"));
  EXPECT_EQ(Period::term(2020, 2025), Period::parse("2020-2025"));

  EXPECT_THROW(Period::month(2021, 0), Error);
  EXPECT_THROW(Period::month(2021, 13), Error);
  EXPECT_THROW(Period::quarter(2021, 0), Error);
  EXPECT_THROW(Period::quarter(2021, 5), Error);
  EXPECT_THROW(Period::six_months(2021, 0), Error);
  EXPECT_THROW(Period::six_months(2021, 3), Error);
  EXPECT_THROW(Period::year_to_date(2021, 0), Error);
  EXPECT_THROW(Period::year_to_date(2021, 13), Error);
  EXPECT_THROW(Period::term(2025, 2020), Error);
  EXPECT_THROW(Period::term(2020, 2020), Error);
  EXPECT_THROW(Period::year(1899), Error);
  EXPECT_THROW(Period::year(2201), Error);
  EXPECT_THROW(Period::nine_months(-2021), Error);
  EXPECT_THROW(Period::term(1899, 1905), Error);
  EXPECT_THROW(Period::term(2195, 2201), Error);
  try {
    Period::quarter(2021, 5);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "period.invalid");
    EXPECT_EQ(e.args().at(0), "2021Q5");
  }
}

TEST(PeriodTypes, NamesRoundTrip) {
  const char* names[] = {"month", "quarter",      "six_months", "nine_months",
                         "year",  "year_to_date", "term"};
  for (const char* name : names) {
    EXPECT_EQ(period_type_name(parse_period_type(name)), name);
  }
  EXPECT_EQ(parse_period_type("six_months"), PeriodType::six_months);
  EXPECT_EQ(period_type_name(PeriodType::year_to_date), "year_to_date");
  for (const char* bad : {"", "Month", "MONTH", "months", "quarterly", " year", "ytd"}) {
    try {
      parse_period_type(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.category(), ErrorCategory::invalid_input);
      EXPECT_EQ(e.code(), "period_type.invalid");
    }
  }
}

TEST(PeriodRange, StartAndEnd) {
  auto range = [](const char* id) {
    Period p = Period::parse(id);
    return format_iso_date(p.start()) + ".." + format_iso_date(p.end());
  };
  EXPECT_EQ(range("202101"), "2021-01-01..2021-01-31");
  EXPECT_EQ(range("202102"), "2021-02-01..2021-02-28");
  EXPECT_EQ(range("202402"), "2024-02-01..2024-02-29");
  EXPECT_EQ(range("202104"), "2021-04-01..2021-04-30");
  EXPECT_EQ(range("202112"), "2021-12-01..2021-12-31");
  EXPECT_EQ(range("2021Q1"), "2021-01-01..2021-03-31");
  EXPECT_EQ(range("2021Q2"), "2021-04-01..2021-06-30");
  EXPECT_EQ(range("2021Q3"), "2021-07-01..2021-09-30");
  EXPECT_EQ(range("2021Q4"), "2021-10-01..2021-12-31");
  EXPECT_EQ(range("2021S1"), "2021-01-01..2021-06-30");
  EXPECT_EQ(range("2021S2"), "2021-07-01..2021-12-31");
  EXPECT_EQ(range("2021NM"), "2021-01-01..2021-09-30");
  EXPECT_EQ(range("2021"), "2021-01-01..2021-12-31");
  EXPECT_EQ(range("2021YTD01"), "2021-01-01..2021-01-31");
  EXPECT_EQ(range("2024YTD02"), "2024-01-01..2024-02-29");
  EXPECT_EQ(range("2021YTD05"), "2021-01-01..2021-05-31");
  EXPECT_EQ(range("2021YTD12"), "2021-01-01..2021-12-31");
  EXPECT_EQ(range("2020-2025"), "2020-01-01..2025-12-31");
  EXPECT_EQ(range("1900"), "1900-01-01..1900-12-31");
  EXPECT_EQ(range("2200"), "2200-01-01..2200-12-31");
}

TEST(PeriodContains, Periods) {
  Period year = Period::parse("2021");
  EXPECT_TRUE(year.contains(Period::parse("202101")));
  EXPECT_TRUE(year.contains(Period::parse("202112")));
  EXPECT_TRUE(year.contains(Period::parse("2021Q4")));
  EXPECT_TRUE(year.contains(Period::parse("2021S2")));
  EXPECT_TRUE(year.contains(Period::parse("2021NM")));
  EXPECT_TRUE(year.contains(Period::parse("2021YTD12")));
  EXPECT_TRUE(year.contains(year));
  EXPECT_FALSE(year.contains(Period::parse("202201")));
  EXPECT_FALSE(year.contains(Period::parse("202012")));
  EXPECT_FALSE(year.contains(Period::parse("2020-2025")));

  Period q2 = Period::parse("2021Q2");
  EXPECT_TRUE(q2.contains(Period::parse("202104")));
  EXPECT_TRUE(q2.contains(Period::parse("202106")));
  EXPECT_FALSE(q2.contains(Period::parse("202103")));
  EXPECT_FALSE(q2.contains(Period::parse("202107")));
  EXPECT_FALSE(q2.contains(Period::parse("2021S1")));
  EXPECT_TRUE(Period::parse("2021S1").contains(q2));

  Period nine = Period::parse("2021NM");
  EXPECT_TRUE(nine.contains(Period::parse("2021Q3")));
  EXPECT_FALSE(nine.contains(Period::parse("2021Q4")));
  EXPECT_TRUE(nine.contains(Period::parse("2021S1")));
  EXPECT_FALSE(nine.contains(Period::parse("2021S2")));

  Period ytd5 = Period::parse("2021YTD05");
  EXPECT_TRUE(ytd5.contains(Period::parse("2021Q1")));
  EXPECT_TRUE(ytd5.contains(Period::parse("202105")));
  EXPECT_FALSE(ytd5.contains(Period::parse("202106")));
  EXPECT_FALSE(ytd5.contains(Period::parse("2021Q2")));
  EXPECT_TRUE(Period::parse("2021YTD06").contains(Period::parse("2021S1")));

  Period term = Period::parse("2020-2025");
  EXPECT_TRUE(term.contains(Period::parse("2020")));
  EXPECT_TRUE(term.contains(Period::parse("202512")));
  EXPECT_TRUE(term.contains(Period::parse("2021-2023")));
  EXPECT_FALSE(term.contains(Period::parse("2019")));
  EXPECT_FALSE(term.contains(Period::parse("2026Q1")));
  EXPECT_FALSE(term.contains(Period::parse("2015-2020")));  // shares 2020 only
}

TEST(PeriodContains, Dates) {
  Period q1 = Period::parse("2021Q1");
  EXPECT_TRUE(q1.contains(make_date(2021, 1, 1)));
  EXPECT_TRUE(q1.contains(make_date(2021, 3, 31)));
  EXPECT_FALSE(q1.contains(make_date(2020, 12, 31)));
  EXPECT_FALSE(q1.contains(make_date(2021, 4, 1)));
  Period term = Period::parse("2020-2025");
  EXPECT_TRUE(term.contains(make_date(2020, 1, 1)));
  EXPECT_TRUE(term.contains(make_date(2025, 12, 31)));
  EXPECT_FALSE(term.contains(make_date(2026, 1, 1)));
  EXPECT_FALSE(term.contains(make_date(2019, 12, 31)));
  EXPECT_TRUE(Period::parse("202402").contains(make_date(2024, 2, 29)));
}

TEST(PeriodLabel, Vietnamese) {
  EXPECT_EQ(Period::parse("202101").label(Lang::vi), "Tháng 1/2021");
  EXPECT_EQ(Period::parse("202112").label(Lang::vi), "Tháng 12/2021");
  EXPECT_EQ(Period::parse("2021Q1").label(Lang::vi), "Quý I/2021");
  EXPECT_EQ(Period::parse("2021Q2").label(Lang::vi), "Quý II/2021");
  EXPECT_EQ(Period::parse("2021Q3").label(Lang::vi), "Quý III/2021");
  EXPECT_EQ(Period::parse("2021Q4").label(Lang::vi), "Quý IV/2021");
  EXPECT_EQ(Period::parse("2021S1").label(Lang::vi), "6 tháng đầu năm 2021");
  EXPECT_EQ(Period::parse("2021S2").label(Lang::vi), "6 tháng cuối năm 2021");
  EXPECT_EQ(Period::parse("2021NM").label(Lang::vi), "9 tháng năm 2021");
  EXPECT_EQ(Period::parse("2021").label(Lang::vi), "Năm 2021");
  EXPECT_EQ(Period::parse("2021YTD05").label(Lang::vi), "Lũy kế 5 tháng năm 2021");
  EXPECT_EQ(Period::parse("2021YTD01").label(Lang::vi), "Lũy kế 1 tháng năm 2021");
  EXPECT_EQ(Period::parse("2021YTD12").label(Lang::vi), "Lũy kế 12 tháng năm 2021");
  EXPECT_EQ(Period::parse("2020-2025").label(Lang::vi), "Nhiệm kỳ 2020\u20132025");
}

TEST(PeriodLabel, English) {
  EXPECT_EQ(Period::parse("202101").label(Lang::en), "January 2021");
  EXPECT_EQ(Period::parse("202109").label(Lang::en), "September 2021");
  EXPECT_EQ(Period::parse("202112").label(Lang::en), "December 2021");
  EXPECT_EQ(Period::parse("2021Q1").label(Lang::en), "Q1 2021");
  EXPECT_EQ(Period::parse("2021Q4").label(Lang::en), "Q4 2021");
  EXPECT_EQ(Period::parse("2021S1").label(Lang::en), "First half of 2021");
  EXPECT_EQ(Period::parse("2021S2").label(Lang::en), "Second half of 2021");
  EXPECT_EQ(Period::parse("2021NM").label(Lang::en), "First nine months of 2021");
  EXPECT_EQ(Period::parse("2021").label(Lang::en), "Year 2021");
  EXPECT_EQ(Period::parse("2021YTD05").label(Lang::en), "January\u2013May 2021 (cumulative)");
  EXPECT_EQ(Period::parse("2021YTD12").label(Lang::en), "January\u2013December 2021 (cumulative)");
  EXPECT_EQ(Period::parse("2021YTD01").label(Lang::en), "January 2021 (cumulative)");
  EXPECT_EQ(Period::parse("2020-2025").label(Lang::en), "Term 2020\u20132025");
}

TEST(PeriodLabel, EveryMonthHasLabelsInBothLanguages) {
  for (unsigned m = 1; m <= 12; ++m) {
    Period p = Period::month(2021, m);
    EXPECT_EQ(p.label(Lang::vi), "Tháng " + std::to_string(m) + "/2021");
    std::string en = p.label(Lang::en);
    EXPECT_EQ(en.find("month."), std::string::npos) << en;  // no raw catalog key
    EXPECT_TRUE(en.ends_with(" 2021")) << en;
    EXPECT_NE(Period::year_to_date(2021, m).label(Lang::en).find("(cumulative)"),
              std::string::npos);
  }
}

TEST(PeriodSameLastYear, ShiftsOneYear) {
  EXPECT_EQ(Period::parse("202101").same_period_last_year(), Period::parse("202001"));
  EXPECT_EQ(Period::parse("2021Q3").same_period_last_year(), Period::parse("2020Q3"));
  EXPECT_EQ(Period::parse("2021S2").same_period_last_year(), Period::parse("2020S2"));
  EXPECT_EQ(Period::parse("2021NM").same_period_last_year(), Period::parse("2020NM"));
  EXPECT_EQ(Period::parse("2021").same_period_last_year(), Period::parse("2020"));
  EXPECT_EQ(Period::parse("2021YTD05").same_period_last_year(), Period::parse("2020YTD05"));
  EXPECT_EQ(Period::parse("2021YTD05").same_period_last_year().id(), "2020YTD05");
}

TEST(PeriodSameLastYear, TermShiftsByItsLength) {
  EXPECT_EQ(Period::parse("2020-2025").same_period_last_year(), Period::parse("2015-2020"));
  EXPECT_EQ(Period::parse("2020-2021").same_period_last_year(), Period::parse("2019-2020"));
}

TEST(PeriodSameLastYear, FailsBelowTheFirstYear) {
  EXPECT_THROW(Period::parse("1900").same_period_last_year(), Error);
  EXPECT_THROW(Period::parse("190001").same_period_last_year(), Error);
  EXPECT_THROW(Period::parse("1902-1905").same_period_last_year(), Error);
  EXPECT_EQ(Period::parse("1901").same_period_last_year(), Period::parse("1900"));
}

TEST(PeriodCompare, EqualityAndOrder) {
  EXPECT_EQ(Period::parse("2021Q1"), Period::quarter(2021, 1));
  EXPECT_NE(Period::parse("2021Q1"), Period::parse("2021S1"));
  EXPECT_NE(Period::parse("202101"), Period::parse("2021YTD01"));  // same range, other type
  EXPECT_LT(Period::parse("202101"), Period::parse("202102"));
  EXPECT_LT(Period::parse("2020Q4"), Period::parse("2021Q1"));
}

}  // namespace
}  // namespace mandate::core
