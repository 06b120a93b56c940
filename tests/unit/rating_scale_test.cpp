// Rating scales: ranks, lookups, counting "at this level or better", and validation.
#include "core/rating_scale.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace mandate::core {
namespace {

RatingScale task_scale() {
  return {"task",
          "Xếp loại nhiệm vụ",
          {{"excellent", "Hoàn thành xuất sắc"},
           {"good", "Hoàn thành tốt"},
           {"done", "Hoàn thành"},
           {"not_done", "Không hoàn thành"}}};
}

template <typename F>
Error expect_invalid(F&& f, const std::string& code) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), ErrorCategory::invalid_input);
    EXPECT_EQ(e.code(), code);
    return e;
  }
  ADD_FAILURE() << "expected error " << code;
  return Error(ErrorCategory::internal, "none");
}

TEST(RatingScale, RankIsZeroForTheBest) {
  const RatingScale s = task_scale();
  EXPECT_EQ(s.rank("excellent"), 0u);
  EXPECT_EQ(s.rank("good"), 1u);
  EXPECT_EQ(s.rank("done"), 2u);
  EXPECT_EQ(s.rank("not_done"), 3u);
}

TEST(RatingScale, UnknownLevelNamesLevelAndScale) {
  const RatingScale s = task_scale();
  Error e = expect_invalid([&] { s.rank("perfect"); }, "rating.level_unknown");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"perfect", "task"}));
  EXPECT_EQ(e.message(Lang::en), "Rating level \"perfect\" is not on scale \"task\"");
  // Codes are compared exactly: no case folding, no trimming, no names.
  expect_invalid([&] { s.rank("Excellent"); }, "rating.level_unknown");
  expect_invalid([&] { s.rank("good "); }, "rating.level_unknown");
  expect_invalid([&] { s.rank("Hoàn thành tốt"); }, "rating.level_unknown");
  expect_invalid([&] { s.rank(""); }, "rating.level_unknown");
}

TEST(RatingScale, LevelByCode) {
  const RatingScale s = task_scale();
  EXPECT_EQ(s.level("good").name, "Hoàn thành tốt");
  EXPECT_EQ(s.level("not_done").name, "Không hoàn thành");
  EXPECT_EQ(&s.level("done"), &s.levels[2]);
  expect_invalid([&] { s.level("great"); }, "rating.level_unknown");
}

TEST(RatingScale, CountAtOrAbove) {
  const RatingScale s = task_scale();
  const std::vector<std::string> ratings{"excellent", "good",     "done",
                                         "excellent", "not_done", "good"};
  EXPECT_EQ(s.count_at_or_above(ratings, "excellent"), 2u);
  EXPECT_EQ(s.count_at_or_above(ratings, "good"), 4u);
  EXPECT_EQ(s.count_at_or_above(ratings, "done"), 5u);
  EXPECT_EQ(s.count_at_or_above(ratings, "not_done"), 6u);
  EXPECT_EQ(s.count_at_or_above({}, "good"), 0u);
}

TEST(RatingScale, CountAtOrAboveRejectsUnknownLevels) {
  const RatingScale s = task_scale();
  Error threshold =
      expect_invalid([&] { s.count_at_or_above({"good"}, "superb"); }, "rating.level_unknown");
  EXPECT_EQ(threshold.args()[0], "superb");
  Error rating = expect_invalid(
      [&] {
        s.count_at_or_above({"good", "meh"}, "good");
      },
      "rating.level_unknown");
  EXPECT_EQ(rating.args()[0], "meh");
  // Even with nothing to count, the threshold must exist.
  expect_invalid([&] { s.count_at_or_above({}, "superb"); }, "rating.level_unknown");
}

TEST(RatingScale, SingleLevelScale) {
  RatingScale s{"pass", "Đạt", {{"pass", "Đạt"}}};
  validate_rating_scale(s);
  EXPECT_EQ(s.rank("pass"), 0u);
  EXPECT_EQ(s.count_at_or_above({"pass", "pass"}, "pass"), 2u);
}

TEST(ValidateRatingScale, AcceptsAValidScale) {
  EXPECT_NO_THROW(validate_rating_scale(task_scale()));
}

TEST(ValidateRatingScale, RejectsEmptyScaleCode) {
  RatingScale s = task_scale();
  s.code.clear();
  Error e = expect_invalid([&] { validate_rating_scale(s); }, "rating.code_empty");
  EXPECT_EQ(e.args(), std::vector<std::string>{"Xếp loại nhiệm vụ"});  // named by its name
}

TEST(ValidateRatingScale, RejectsScaleWithoutLevels) {
  RatingScale s = task_scale();
  s.levels.clear();
  Error e = expect_invalid([&] { validate_rating_scale(s); }, "rating.no_levels");
  EXPECT_EQ(e.args(), std::vector<std::string>{"task"});
}

TEST(ValidateRatingScale, RejectsLevelWithoutCode) {
  RatingScale s = task_scale();
  s.levels[2].code.clear();
  Error e = expect_invalid([&] { validate_rating_scale(s); }, "rating.code_empty");
  EXPECT_EQ(e.args(), std::vector<std::string>{"task"});
}

TEST(ValidateRatingScale, RejectsDuplicateLevel) {
  RatingScale s = task_scale();
  s.levels.push_back({"good", "Tốt (lần hai)"});
  Error e = expect_invalid([&] { validate_rating_scale(s); }, "rating.level_duplicate");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"task", "good"}));
}

TEST(ValidateRatingScale, LevelNamesMayRepeat) {
  // Only codes must be unique.
  RatingScale s = task_scale();
  s.levels[3].name = s.levels[2].name;
  EXPECT_NO_THROW(validate_rating_scale(s));
}

}  // namespace
}  // namespace mandate::core
