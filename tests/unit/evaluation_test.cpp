// evaluate(): actual against target for every direction, "nearly met", and the
// cases without an actual or a target.
#include "core/evaluation.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "core/number_format.hpp"

namespace mandate::core {
namespace {

Indicator with_direction(Direction d, ValueType type = ValueType::number) {
  Indicator i;
  i.code = "X";
  i.name = "Chỉ tiêu X";
  i.direction = d;
  i.value_type = type;
  return i;
}

Status status_of(const Indicator& i, double actual, double target) {
  return evaluate(i, actual, target).status;
}

TEST(Evaluate, HigherIsBetter) {
  const Indicator i = with_direction(Direction::higher_is_better);
  EXPECT_EQ(status_of(i, 120, 100), Status::exceeded);
  EXPECT_EQ(status_of(i, 100, 100), Status::met);
  EXPECT_EQ(status_of(i, 99.9, 100), Status::not_met);
  EXPECT_EQ(status_of(i, 0, 100), Status::not_met);
  EXPECT_EQ(status_of(i, -5, -10), Status::exceeded);  // signs are not special
}

TEST(Evaluate, LowerIsBetter) {
  const Indicator i = with_direction(Direction::lower_is_better);
  EXPECT_EQ(status_of(i, 0.8, 1.0), Status::exceeded);
  EXPECT_EQ(status_of(i, 1.0, 1.0), Status::met);
  EXPECT_EQ(status_of(i, 1.2, 1.0), Status::not_met);
  EXPECT_EQ(status_of(i, 0, 1.0), Status::exceeded);
}

TEST(Evaluate, AtLeastIsMetNeverExceeded) {
  const Indicator i = with_direction(Direction::at_least);
  EXPECT_EQ(status_of(i, 150, 100), Status::met);
  EXPECT_EQ(status_of(i, 100, 100), Status::met);
  EXPECT_EQ(status_of(i, 99, 100), Status::not_met);
}

TEST(Evaluate, AtMostIsMetNeverExceeded) {
  const Indicator i = with_direction(Direction::at_most);
  EXPECT_EQ(status_of(i, 50, 100), Status::met);
  EXPECT_EQ(status_of(i, 100, 100), Status::met);
  EXPECT_EQ(status_of(i, 101, 100), Status::not_met);
}

TEST(Evaluate, YesNo) {
  const Indicator i = with_direction(Direction::yes_no, ValueType::yes_no);
  EXPECT_EQ(status_of(i, 1, 1), Status::met);
  EXPECT_EQ(status_of(i, 0, 0), Status::met);
  EXPECT_EQ(status_of(i, 0, 1), Status::not_met);
  EXPECT_EQ(status_of(i, 1, 0), Status::not_met);
}

TEST(Evaluate, YesNoIsNeverNearlyMet) {
  Indicator i = with_direction(Direction::yes_no, ValueType::yes_no);
  i.nearly_met_ratio = 0.0;  // any share would pass; yes/no has no share
  EXPECT_EQ(status_of(i, 0, 1), Status::not_met);
}

TEST(Evaluate, NearlyMetHigherIsBetter) {
  Indicator i = with_direction(Direction::higher_is_better, ValueType::percent);
  i.nearly_met_ratio = 0.95;
  EXPECT_EQ(status_of(i, 96, 100), Status::nearly_met);
  EXPECT_EQ(status_of(i, 95, 100), Status::nearly_met);  // the ratio itself counts
  EXPECT_EQ(status_of(i, 94.9, 100), Status::not_met);
  EXPECT_EQ(status_of(i, 100, 100), Status::met);
  EXPECT_EQ(status_of(i, 101, 100), Status::exceeded);
  EXPECT_EQ(status_of(i, 0, 100), Status::not_met);
}

TEST(Evaluate, NearlyMetAtLeast) {
  Indicator i = with_direction(Direction::at_least);
  i.nearly_met_ratio = 0.9;
  EXPECT_EQ(status_of(i, 91, 100), Status::nearly_met);
  EXPECT_EQ(status_of(i, 89, 100), Status::not_met);
}

TEST(Evaluate, NearlyMetLowerIsBetterUsesTargetOverActual) {
  Indicator i = with_direction(Direction::lower_is_better, ValueType::percent);
  i.nearly_met_ratio = 0.8;
  // 1.0 / 1.2 = 0.833 >= 0.8
  EXPECT_EQ(status_of(i, 1.2, 1.0), Status::nearly_met);
  // 1.0 / 1.25 = 0.8, just at the ratio
  EXPECT_EQ(status_of(i, 1.25, 1.0), Status::nearly_met);
  // 1.0 / 1.5 = 0.667 < 0.8
  EXPECT_EQ(status_of(i, 1.5, 1.0), Status::not_met);
  EXPECT_EQ(status_of(i, 0.9, 1.0), Status::exceeded);
}

TEST(Evaluate, NearlyMetAtMost) {
  Indicator i = with_direction(Direction::at_most);
  i.nearly_met_ratio = 0.9;
  EXPECT_EQ(status_of(i, 105, 100), Status::nearly_met);
  EXPECT_EQ(status_of(i, 120, 100), Status::not_met);
  EXPECT_EQ(status_of(i, 80, 100), Status::met);
}

TEST(Evaluate, WithoutNearlyMetRatioAMissIsNotMet) {
  const Indicator i = with_direction(Direction::higher_is_better);
  EXPECT_EQ(status_of(i, 99.99, 100), Status::not_met);
}

TEST(Evaluate, MissingActualIsNoData) {
  const Indicator i = with_direction(Direction::higher_is_better);
  Evaluation e = evaluate(i, std::nullopt, 100.0);
  EXPECT_EQ(e.status, Status::no_data);
  EXPECT_FALSE(e.actual);
  ASSERT_TRUE(e.target);
  EXPECT_EQ(*e.target, 100.0);
  EXPECT_FALSE(e.percent_of_target);
  EXPECT_FALSE(e.met_or_exceeded());
  EXPECT_EQ(evaluate(i, std::nullopt, std::nullopt).status, Status::no_data);
}

TEST(Evaluate, MissingTargetIsNoTarget) {
  const Indicator i = with_direction(Direction::higher_is_better);
  Evaluation e = evaluate(i, 42.0, std::nullopt);
  EXPECT_EQ(e.status, Status::no_target);
  ASSERT_TRUE(e.actual);
  EXPECT_EQ(*e.actual, 42.0);
  EXPECT_FALSE(e.target);
  EXPECT_FALSE(e.percent_of_target);
  EXPECT_FALSE(e.met_or_exceeded());
}

TEST(Evaluate, ZeroTargetHasNoPercentButAStatus) {
  Indicator i = with_direction(Direction::lower_is_better, ValueType::count);
  i.nearly_met_ratio = 0.9;  // must not divide by the zero target
  Evaluation met = evaluate(i, 0.0, 0.0);
  EXPECT_EQ(met.status, Status::met);
  EXPECT_FALSE(met.percent_of_target);
  Evaluation missed = evaluate(i, 3.0, 0.0);
  EXPECT_EQ(missed.status, Status::not_met);
  EXPECT_FALSE(missed.percent_of_target);

  Indicator higher = with_direction(Direction::higher_is_better, ValueType::count);
  higher.nearly_met_ratio = 0.9;
  Evaluation above = evaluate(higher, 2.0, 0.0);
  EXPECT_EQ(above.status, Status::exceeded);
  EXPECT_FALSE(above.percent_of_target);
}

TEST(Evaluate, PercentOfTarget) {
  const Indicator i = with_direction(Direction::higher_is_better, ValueType::money);
  Evaluation e = evaluate(i, 430e9, 368.5e9);
  EXPECT_EQ(e.status, Status::exceeded);
  ASSERT_TRUE(e.percent_of_target);
  EXPECT_DOUBLE_EQ(*e.percent_of_target, 430e9 / 368.5e9 * 100.0);
  EXPECT_EQ(round_half_away(*e.percent_of_target, 1), 116.7);
  EXPECT_EQ(format_percent(*e.percent_of_target, Lang::vi), "116,7%");
  EXPECT_TRUE(e.met_or_exceeded());
}

TEST(Evaluate, PercentOfTargetAlsoForMissesAndLowerIsBetter) {
  const Indicator i = with_direction(Direction::lower_is_better);
  Evaluation e = evaluate(i, 1.2, 1.0);
  ASSERT_TRUE(e.percent_of_target);
  EXPECT_DOUBLE_EQ(*e.percent_of_target, 120.0);
  EXPECT_FALSE(e.met_or_exceeded());
}

TEST(Evaluate, MetOrExceeded) {
  Evaluation e;
  for (Status s : {Status::exceeded, Status::met}) {
    e.status = s;
    EXPECT_TRUE(e.met_or_exceeded()) << status_name(s);
  }
  for (Status s : {Status::nearly_met, Status::not_met, Status::no_target, Status::no_data}) {
    e.status = s;
    EXPECT_FALSE(e.met_or_exceeded()) << status_name(s);
  }
}

TEST(Evaluate, StatusNames) {
  EXPECT_EQ(status_name(Status::exceeded), "exceeded");
  EXPECT_EQ(status_name(Status::met), "met");
  EXPECT_EQ(status_name(Status::nearly_met), "nearly_met");
  EXPECT_EQ(status_name(Status::not_met), "not_met");
  EXPECT_EQ(status_name(Status::no_target), "no_target");
  EXPECT_EQ(status_name(Status::no_data), "no_data");
}

}  // namespace
}  // namespace mandate::core
