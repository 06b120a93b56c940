#include "core/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

#include "core/error.hpp"

namespace mandate::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

void expect_not_finite(const std::function<void()>& f) {
  try {
    f();
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), ErrorCategory::invalid_input);
    EXPECT_EQ(e.code(), "number.not_finite");
  }
}

TEST(RoundHalfAway, UsesTheTypedDecimalNotTheBinaryExpansion) {
  // 116.65, 1.005 and 0.05 are stored slightly below the typed value.
  EXPECT_EQ(round_half_away(116.65, 1), 116.7);
  EXPECT_EQ(round_half_away(1.005, 2), 1.01);
  EXPECT_EQ(round_half_away(0.05, 1), 0.1);
  EXPECT_EQ(round_half_away(2.675, 2), 2.68);
  EXPECT_EQ(round_half_away(1.15, 1), 1.2);
  EXPECT_EQ(round_half_away(-116.65, 1), -116.7);
  EXPECT_EQ(round_half_away(-1.005, 2), -1.01);
}

TEST(RoundHalfAway, HalvesGoAwayFromZero) {
  EXPECT_EQ(round_half_away(2.5, 0), 3.0);
  EXPECT_EQ(round_half_away(-2.5, 0), -3.0);
  EXPECT_EQ(round_half_away(0.5, 0), 1.0);
  EXPECT_EQ(round_half_away(-0.5, 0), -1.0);
  EXPECT_EQ(round_half_away(2.4999, 0), 2.0);
  EXPECT_EQ(round_half_away(1.25, 1), 1.3);
  EXPECT_EQ(round_half_away(-1.25, 1), -1.3);
  EXPECT_EQ(round_half_away(1.24, 1), 1.2);
}

TEST(RoundHalfAway, CarriesThroughNines) {
  EXPECT_EQ(round_half_away(9.95, 1), 10.0);
  EXPECT_EQ(round_half_away(99.999, 2), 100.0);
  EXPECT_EQ(round_half_away(-999.5, 0), -1000.0);
  EXPECT_EQ(round_half_away(0.96, 1), 1.0);
}

TEST(RoundHalfAway, SmallAndZero) {
  EXPECT_EQ(round_half_away(0.0, 2), 0.0);
  EXPECT_FALSE(std::signbit(round_half_away(-0.0, 2)));
  EXPECT_FALSE(std::signbit(round_half_away(-0.001, 2)));  // rounds to plain zero
  EXPECT_EQ(round_half_away(0.004, 2), 0.0);
  EXPECT_EQ(round_half_away(0.005, 2), 0.01);
  EXPECT_EQ(round_half_away(1e-7, 2), 0.0);
  EXPECT_EQ(round_half_away(1e-7, 7), 1e-7);
  EXPECT_EQ(round_half_away(5e-7, 6), 1e-6);
  EXPECT_EQ(round_half_away(4e-7, 6), 0.0);
  EXPECT_EQ(round_half_away(0.09, 0), 0.0);
  EXPECT_EQ(round_half_away(0.5e-300, 2), 0.0);
}

TEST(RoundHalfAway, LargeValuesAndExponentForms) {
  EXPECT_EQ(round_half_away(1e20, 2), 1e20);
  EXPECT_EQ(round_half_away(1e15, 0), 1e15);
  EXPECT_EQ(round_half_away(123456789012345.0, 0), 123456789012345.0);
  EXPECT_EQ(round_half_away(1.5e15, 0), 1.5e15);
  EXPECT_EQ(round_half_away(1.7976931348623157e308, 2), 1.7976931348623157e308);
}

TEST(RoundHalfAway, ManyDecimalsKeepsTheValue) {
  for (double x : {0.1, 116.65, -3.14159, 1e-7, 123.456, 2.0 / 3.0}) {
    EXPECT_EQ(round_half_away(x, 17), x);
    EXPECT_EQ(round_half_away(x, 400), x);
  }
}

TEST(RoundHalfAway, NegativeDecimalsRoundToTensAndHundreds) {
  EXPECT_EQ(round_half_away(1234.0, -1), 1230.0);
  EXPECT_EQ(round_half_away(1235.0, -1), 1240.0);
  EXPECT_EQ(round_half_away(1250.0, -2), 1300.0);
  EXPECT_EQ(round_half_away(-1250.0, -2), -1300.0);
  EXPECT_EQ(round_half_away(49.0, -2), 0.0);
}

TEST(RoundHalfAway, NonFinitePassesThrough) {
  EXPECT_TRUE(std::isnan(round_half_away(kNaN, 1)));
  EXPECT_EQ(round_half_away(kInf, 1), kInf);
  EXPECT_EQ(round_half_away(-kInf, 1), -kInf);
}

TEST(FormatNumber, Vietnamese) {
  EXPECT_EQ(format_number(1234567, Lang::vi), "1.234.567");
  EXPECT_EQ(format_number(65.3, Lang::vi), "65,3");
  EXPECT_EQ(format_number(-0.5, Lang::vi), "-0,5");
  EXPECT_EQ(format_number(116.65, Lang::vi, 1), "116,7");
  EXPECT_EQ(format_number(430, Lang::vi), "430");
  EXPECT_EQ(format_number(430.0001, Lang::vi), "430");
  EXPECT_EQ(format_number(1.5, Lang::vi, 3), "1,5");  // trailing zeros dropped
  EXPECT_EQ(format_number(1234.5678, Lang::vi), "1.234,57");
  EXPECT_EQ(format_number(999.995, Lang::vi), "1.000");
  EXPECT_EQ(format_number(100, Lang::vi), "100");
  EXPECT_EQ(format_number(1000, Lang::vi), "1.000");
  EXPECT_EQ(format_number(-1000, Lang::vi), "-1.000");
  EXPECT_EQ(format_number(-1234567.891, Lang::vi), "-1.234.567,89");
  EXPECT_EQ(format_number(0.01, Lang::vi), "0,01");
  EXPECT_EQ(format_number(0.001, Lang::vi), "0");
  EXPECT_EQ(format_number(2.5, Lang::vi, 0), "3");
  EXPECT_EQ(format_number(-2.5, Lang::vi, 0), "-3");
}

TEST(FormatNumber, English) {
  EXPECT_EQ(format_number(1234567, Lang::en), "1,234,567");
  EXPECT_EQ(format_number(65.3, Lang::en), "65.3");
  EXPECT_EQ(format_number(-0.5, Lang::en), "-0.5");
  EXPECT_EQ(format_number(116.65, Lang::en, 1), "116.7");
  EXPECT_EQ(format_number(1234.5678, Lang::en), "1,234.57");
}

TEST(FormatNumber, Zero) {
  EXPECT_EQ(format_number(0, Lang::vi), "0");
  EXPECT_EQ(format_number(-0.0, Lang::vi), "0");
  EXPECT_EQ(format_number(-0.0, Lang::en), "0");
  EXPECT_EQ(format_number(-0.004, Lang::vi), "0");  // rounds to zero: no "-0"
  EXPECT_EQ(format_number(-0.4, Lang::vi, 0), "0");
}

TEST(FormatNumber, HugeNumbersPrintInFull) {
  EXPECT_EQ(format_number(1e15, Lang::vi), "1.000.000.000.000.000");
  EXPECT_EQ(format_number(1e15, Lang::en), "1,000,000,000,000,000");
  EXPECT_EQ(format_number(123456789012345.0, Lang::vi), "123.456.789.012.345");
  EXPECT_EQ(format_number(1e20, Lang::vi), "100.000.000.000.000.000.000");
  EXPECT_EQ(format_number(-1.5e21, Lang::en), "-1,500,000,000,000,000,000,000");
  std::string max = format_number(std::numeric_limits<double>::max(), Lang::en);
  EXPECT_EQ(max.substr(0, 8), "179,769,");
  EXPECT_EQ(max.size(), 309u + 102u);  // 309 digits, 102 separators
}

TEST(FormatNumber, TinyNumbers) {
  EXPECT_EQ(format_number(1e-7, Lang::vi, 7), "0,0000001");
  EXPECT_EQ(format_number(1e-7, Lang::vi, 10), "0,0000001");
  EXPECT_EQ(format_number(1.25e-5, Lang::en, 6), "0.000013");
  EXPECT_EQ(format_number(1e-7, Lang::vi), "0");
}

TEST(FormatNumber, GroupingBoundaries) {
  EXPECT_EQ(format_number(1, Lang::vi), "1");
  EXPECT_EQ(format_number(12, Lang::vi), "12");
  EXPECT_EQ(format_number(999, Lang::vi), "999");
  EXPECT_EQ(format_number(12345, Lang::vi), "12.345");
  EXPECT_EQ(format_number(123456, Lang::vi), "123.456");
  EXPECT_EQ(format_number(1234567890, Lang::vi), "1.234.567.890");
}

TEST(FormatNumber, NonFiniteIsAnError) {
  expect_not_finite([] { format_number(kNaN, Lang::vi); });
  expect_not_finite([] { format_number(kInf, Lang::en); });
  expect_not_finite([] { format_number(-kInf, Lang::vi); });
  expect_not_finite([] { format_percent(kNaN, Lang::vi); });
  expect_not_finite([] { format_money(kInf, Lang::vi); });
  expect_not_finite([] { format_money(kNaN, Lang::en, MoneyScale::dong); });
}

TEST(FormatPercent, OneDecimalByDefault) {
  EXPECT_EQ(format_percent(116.65, Lang::vi), "116,7%");
  EXPECT_EQ(format_percent(116.65, Lang::en), "116.7%");
  EXPECT_EQ(format_percent(100, Lang::vi), "100%");
  EXPECT_EQ(format_percent(0, Lang::vi), "0%");
  EXPECT_EQ(format_percent(-3.25, Lang::vi), "-3,3%");
  EXPECT_EQ(format_percent(89.4736842, Lang::vi, 2), "89,47%");
  EXPECT_EQ(format_percent(1234.5, Lang::vi), "1.234,5%");
}

TEST(FormatMoney, AutomaticScale) {
  EXPECT_EQ(format_money(430000000000, Lang::vi), "430 tỷ đồng");
  EXPECT_EQ(format_money(430000000000, Lang::en), "430 billion VND");
  EXPECT_EQ(format_money(65300000, Lang::vi), "65,3 triệu đồng");
  EXPECT_EQ(format_money(65300000, Lang::en), "65.3 million VND");
  EXPECT_EQ(format_money(500000, Lang::vi), "500.000 đồng");
  EXPECT_EQ(format_money(500000, Lang::en), "500,000 VND");
  EXPECT_EQ(format_money(1234567890123, Lang::vi), "1.234,6 tỷ đồng");
  EXPECT_EQ(format_money(0, Lang::vi), "0 đồng");
  EXPECT_EQ(format_money(-0.0, Lang::vi), "0 đồng");
}

TEST(FormatMoney, ScaleBoundaries) {
  EXPECT_EQ(format_money(1e9, Lang::vi), "1 tỷ đồng");
  EXPECT_EQ(format_money(999999999, Lang::vi), "1 tỷ đồng");  // not "1.000 triệu"
  EXPECT_EQ(format_money(949999999, Lang::vi), "950 triệu đồng");
  EXPECT_EQ(format_money(1e6, Lang::vi), "1 triệu đồng");
  EXPECT_EQ(format_money(999999, Lang::vi), "999.999 đồng");
  EXPECT_EQ(format_money(999999.96, Lang::vi), "1 triệu đồng");
  EXPECT_EQ(format_money(1050000, Lang::vi), "1,1 triệu đồng");
  EXPECT_EQ(format_money(1049999, Lang::vi), "1 triệu đồng");
}

TEST(FormatMoney, NegativeKeepsItsSign) {
  EXPECT_EQ(format_money(-430000000000, Lang::vi), "-430 tỷ đồng");
  EXPECT_EQ(format_money(-65300000, Lang::en), "-65.3 million VND");
  EXPECT_EQ(format_money(-500000, Lang::vi), "-500.000 đồng");
  EXPECT_EQ(format_money(-999999999, Lang::vi), "-1 tỷ đồng");
}

TEST(FormatMoney, ExplicitScaleAndDecimals) {
  EXPECT_EQ(format_money(430000000000, Lang::vi, MoneyScale::million), "430.000 triệu đồng");
  EXPECT_EQ(format_money(430000000000, Lang::vi, MoneyScale::dong), "430.000.000.000 đồng");
  EXPECT_EQ(format_money(65300000, Lang::vi, MoneyScale::billion), "0,1 tỷ đồng");
  EXPECT_EQ(format_money(65300000, Lang::vi, MoneyScale::billion, 3), "0,065 tỷ đồng");
  EXPECT_EQ(format_money(65350000, Lang::vi, MoneyScale::million, 2), "65,35 triệu đồng");
  EXPECT_EQ(format_money(65350000, Lang::vi, MoneyScale::automatic, 0), "65 triệu đồng");
  EXPECT_EQ(format_money(1234.5, Lang::vi, MoneyScale::dong), "1.234,5 đồng");
  EXPECT_EQ(format_money(5e20, Lang::vi), "500.000.000.000 tỷ đồng");
}

TEST(FormatMoney, ScalingIsExact) {
  // 116.65 billion must round as typed, like round_half_away.
  EXPECT_EQ(format_money(116650000000, Lang::vi), "116,7 tỷ đồng");
  EXPECT_EQ(format_money(1005000, Lang::en, MoneyScale::million, 2), "1.01 million VND");
}

TEST(ParseViNumber, AcceptsOfficeSpellings) {
  EXPECT_EQ(parse_vi_number("65,3"), 65.3);
  EXPECT_EQ(parse_vi_number("1.234.567"), 1234567.0);
  EXPECT_EQ(parse_vi_number("1.234,5"), 1234.5);
  EXPECT_EQ(parse_vi_number("1.234.567,89"), 1234567.89);
  EXPECT_EQ(parse_vi_number("-2"), -2.0);
  EXPECT_EQ(parse_vi_number("0,5"), 0.5);
  EXPECT_EQ(parse_vi_number("-0,5"), -0.5);
  EXPECT_EQ(parse_vi_number("65.3"), 65.3);
  EXPECT_EQ(parse_vi_number("1.2345"), 1.2345);
  EXPECT_EQ(parse_vi_number("1234.567"), 1234.567);  // a 4-digit group cannot be grouped
  EXPECT_EQ(parse_vi_number("0.123"), 0.123);        // nor can a leading zero
  EXPECT_EQ(parse_vi_number("1.234"), 1234.0);       // vi thousands
  EXPECT_EQ(parse_vi_number("123.456"), 123456.0);
  EXPECT_EQ(parse_vi_number(" 12 "), 12.0);
  EXPECT_EQ(parse_vi_number("\t12\n"), 12.0);
  EXPECT_EQ(parse_vi_number("0"), 0.0);
  EXPECT_EQ(parse_vi_number("007"), 7.0);
  EXPECT_EQ(parse_vi_number("1234567"), 1234567.0);
  EXPECT_EQ(parse_vi_number("116,65"), 116.65);
  EXPECT_EQ(parse_vi_number("123456789012345"), 123456789012345.0);
  EXPECT_EQ(parse_vi_number("1234,5"), 1234.5);
}

TEST(ParseViNumber, NegativeZeroIsZero) {
  auto v = parse_vi_number("-0");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(*v, 0.0);
  EXPECT_FALSE(std::signbit(*v));
}

TEST(ParseViNumber, RejectsEverythingElse) {
  for (const char* bad : {"",
                          " ",
                          "-",
                          "abc",
                          "1,2,3",
                          "1.23.4",
                          "1e5",
                          "1E5",
                          "NaN",
                          "nan",
                          "inf",
                          "-inf",
                          "Infinity",
                          "12a",
                          "a12",
                          "1.234.5678",
                          "1.2.3",
                          "12.",
                          "12,",
                          ".5",
                          ",5",
                          "-,5",
                          "--1",
                          "+5",
                          "1 234",
                          "1,234.5",
                          "1.234,5,6",
                          "0x10",
                          "1..2",
                          "1,,2",
                          "- 1",
                          "1-",
                          "12.34.567",
                          "1234.567.890",
                          "0.123.456",
                          "1.234.567,",
                          "١٢٣",
                          "1\xc2\xa0"
                          "234"}) {
    EXPECT_FALSE(parse_vi_number(bad).has_value()) << '"' << bad << '"';
  }
}

TEST(ParseViNumber, RejectsOverflow) {
  EXPECT_FALSE(parse_vi_number("1" + std::string(400, '0')).has_value());
  EXPECT_TRUE(parse_vi_number("1" + std::string(300, '0')).has_value());
}

TEST(ParseViNumber, RoundTripsWithFormat) {
  for (double x : {0.0, 1.0, -2.0, 65.3, 1234.5, 1234567.0, -1234567.89, 0.25, 116.65}) {
    auto back = parse_vi_number(format_number(x, Lang::vi));
    ASSERT_TRUE(back.has_value()) << x;
    EXPECT_EQ(*back, x);
  }
}

}  // namespace
}  // namespace mandate::core
