// build_scorecard and effective_value on the shared synthetic data set (see
// tests/support/sample_dataset.hpp for what it holds and where).
#include "core/scorecard.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/sample_dataset.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {

std::vector<std::string> codes(const std::vector<const Activity*>& activities) {
  std::vector<std::string> out;
  for (const Activity* a : activities)
    out.push_back(a->code);
  return out;
}

class ScorecardTest : public ::testing::Test {
 protected:
  Scorecard card(const std::string& unit, const std::string& period) {
    tree_ = UnitTree(data_.units);
    return build_scorecard(data_, tree_, *tree_.find_by_code(unit), Period::parse(period));
  }
  const IndicatorResult& result(const Scorecard& s, const std::string& code) {
    for (const auto& r : s.indicators)
      if (r.indicator->code == code)
        return r;
    ADD_FAILURE() << "no result for " << code;
    return s.indicators.front();
  }

  Dataset data_ = test_support::sample_dataset();
  UnitTree tree_;
};

// --- Plan and indicators -----------------------------------------------------

TEST_F(ScorecardTest, UsesTheUnitsOwnPlan) {
  Scorecard s = card("LS", "2021");
  EXPECT_EQ(s.unit->code, "LS");
  EXPECT_EQ(s.period.id(), "2021");
  ASSERT_NE(s.plan, nullptr);
  EXPECT_EQ(s.plan->code, "NQ-LS");
}

TEST_F(ScorecardTest, WardUsesItsNearestAncestorsPlan) {
  Scorecard s = card("LS-VT-CB1", "2021");
  ASSERT_NE(s.plan, nullptr);
  EXPECT_EQ(s.plan->code, "NQ-LS");
}

TEST_F(ScorecardTest, NearestPlanWins) {
  Plan ward_plan = data_.plans[0];
  ward_plan.code = "NQ-VT";
  ward_plan.unit = "LS-VT";
  ward_plan.indicators = {"POOR_RATE"};
  data_.plans.push_back(ward_plan);
  Scorecard s = card("LS-VT-CB1", "2021");
  ASSERT_NE(s.plan, nullptr);
  EXPECT_EQ(s.plan->code, "NQ-VT");
  ASSERT_EQ(s.indicators.size(), 1u);
}

TEST_F(ScorecardTest, NoPlanMeansNoIndicatorsOrTaskGroups) {
  data_.plans.clear();
  Scorecard s = card("LS", "2021");
  EXPECT_EQ(s.plan, nullptr);
  EXPECT_TRUE(s.indicators.empty());
  EXPECT_TRUE(s.task_groups.empty());
  EXPECT_EQ(s.task_scale, nullptr);
  EXPECT_EQ(s.meeting_scale, nullptr);
  EXPECT_EQ(s.meetings_good_or_better, 0u);
  // Activities and documents do not depend on a plan.
  EXPECT_EQ(s.model_meetings.size(), 3u);
  EXPECT_EQ(s.documents_total, 5u);
}

TEST_F(ScorecardTest, IndicatorsInPlanOrder) {
  Scorecard s = card("LS", "2021");
  ASSERT_EQ(s.indicators.size(), 3u);
  EXPECT_EQ(s.indicators[0].indicator->code, "BUDGET_REVENUE");
  EXPECT_EQ(s.indicators[1].indicator->code, "BHYT_COVERAGE");
  EXPECT_EQ(s.indicators[2].indicator->code, "POOR_RATE");
  // The results point into the data set.
  EXPECT_EQ(s.indicators[0].indicator, &data_.indicators[0]);
}

TEST_F(ScorecardTest, EstimateAloneIsAnEstimate) {
  Scorecard s = card("LS", "2021");
  const auto& r = result(s, "BUDGET_REVENUE");
  ASSERT_TRUE(r.evaluation.actual);
  EXPECT_EQ(*r.evaluation.actual, 430e9);
  ASSERT_TRUE(r.kind);
  EXPECT_EQ(*r.kind, ValueKind::estimate);
}

TEST_F(ScorecardTest, OfficialSupersedesEstimate) {
  Scorecard s = card("LS-VT", "2021");
  const auto& r = result(s, "BUDGET_REVENUE");
  ASSERT_TRUE(r.evaluation.actual);
  EXPECT_EQ(*r.evaluation.actual, 42e9);
  EXPECT_EQ(r.kind, ValueKind::official);
}

TEST_F(ScorecardTest, OfficialSupersedesEstimateWhateverTheOrder) {
  std::swap(data_.values[6], data_.values[7]);  // official first, then the estimate
  Scorecard s = card("LS-VT", "2021");
  EXPECT_EQ(*result(s, "BUDGET_REVENUE").evaluation.actual, 42e9);
  EXPECT_EQ(result(s, "BUDGET_REVENUE").kind, ValueKind::official);
}

TEST_F(ScorecardTest, TargetAndItsSource) {
  Scorecard s = card("LS", "2021");
  const auto& r = result(s, "BUDGET_REVENUE");
  ASSERT_TRUE(r.evaluation.target);
  EXPECT_EQ(*r.evaluation.target, 368.5e9);
  EXPECT_EQ(r.target_source, TargetSource::assigned_by_superior);
  EXPECT_EQ(r.target_note, "dự toán tỉnh giao");
  EXPECT_EQ(r.evaluation.status, Status::exceeded);
  ASSERT_TRUE(r.evaluation.percent_of_target);
  EXPECT_DOUBLE_EQ(*r.evaluation.percent_of_target, 430e9 / 368.5e9 * 100);
}

TEST_F(ScorecardTest, ComputedIndicatorFromOfficialInputs) {
  Scorecard s = card("LS", "2021");
  const auto& r = result(s, "BHYT_COVERAGE");
  ASSERT_TRUE(r.evaluation.actual);
  EXPECT_DOUBLE_EQ(*r.evaluation.actual, 95.0);  // 95 000 / 100 000 * 100
  EXPECT_EQ(r.kind, ValueKind::official);
  EXPECT_EQ(r.evaluation.status, Status::exceeded);  // target 93.5
}

TEST_F(ScorecardTest, ComputedIndicatorWithAnEstimatedInputIsAnEstimate) {
  Scorecard s = card("LS-VT", "2021");
  const auto& r = result(s, "BHYT_COVERAGE");
  ASSERT_TRUE(r.evaluation.actual);
  EXPECT_DOUBLE_EQ(*r.evaluation.actual, 90.0);  // 9 000 (estimate) / 10 000
  EXPECT_EQ(r.kind, ValueKind::estimate);
  EXPECT_EQ(r.evaluation.status, Status::no_target);
}

TEST_F(ScorecardTest, ComputedIndicatorDividingByZeroHasNoValue) {
  Scorecard s = card("LS-DK", "2021");
  const auto& r = result(s, "BHYT_COVERAGE");
  EXPECT_FALSE(r.evaluation.actual);
  EXPECT_FALSE(r.kind);
  EXPECT_EQ(r.evaluation.status, Status::no_data);
}

TEST_F(ScorecardTest, ComputedIndicatorTakesEachInputsOwnFigureElseItsParts) {
  data_.values.erase(data_.values.begin() + 3);  // LS POPULATION 2021
  Scorecard s = card("LS", "2021");
  // The city's own INSURED (95000) over its wards' POPULATION (10000 + 0).
  EXPECT_DOUBLE_EQ(*result(s, "BHYT_COVERAGE").evaluation.actual, 950.0);
  EXPECT_EQ(result(s, "BHYT_COVERAGE").kind, ValueKind::official);
  EXPECT_FALSE(result(card("LS-VT-CB1", "2021"), "BHYT_COVERAGE").evaluation.actual);
}

TEST_F(ScorecardTest, AFigureStoredForAComputedIndicatorIsNotUsed) {
  // The server refuses such values (value.computed_indicator); the rollups
  // compute the formula at every level, so an imported one changes nothing.
  data_.values.push_back({"BHYT_COVERAGE", "LS", "2021", ValueKind::official, 91.7, {}, false});
  Scorecard s = card("LS", "2021");
  EXPECT_EQ(*result(s, "BHYT_COVERAGE").evaluation.actual, 95.0);
}

TEST_F(ScorecardTest, TargetIsLookedUpAtExactlyUnitAndPeriod) {
  // POOR_RATE at LS has a target for 2021 (1.0) and for the term (0.5).
  Scorecard year = card("LS", "2021");
  EXPECT_EQ(*result(year, "POOR_RATE").evaluation.target, 1.0);
  EXPECT_EQ(result(year, "POOR_RATE").target_source, TargetSource::annual_plan);
  Scorecard term = card("LS", "2020-2025");
  EXPECT_EQ(*result(term, "POOR_RATE").evaluation.target, 0.5);
  // The city's target is not the ward's, nor is the year's the half-year's.
  Scorecard ward = card("LS-VT", "2021");
  EXPECT_FALSE(result(ward, "POOR_RATE").evaluation.target);
  EXPECT_FALSE(result(ward, "BHYT_COVERAGE").evaluation.target);
  Scorecard half = card("LS", "2021S1");
  EXPECT_FALSE(result(half, "BUDGET_REVENUE").evaluation.target);
  EXPECT_FALSE(result(half, "BUDGET_REVENUE").target_source);
  EXPECT_TRUE(result(half, "BUDGET_REVENUE").target_note.empty());
}

TEST_F(ScorecardTest, ValuesAreNotAggregatedFromOtherPeriodsOrUnits) {
  // No value for the first half: no data, even though the year has one.
  Scorecard half = card("LS", "2021S1");
  EXPECT_FALSE(result(half, "BUDGET_REVENUE").evaluation.actual);
  EXPECT_EQ(result(half, "BUDGET_REVENUE").evaluation.status, Status::no_data);
}

TEST_F(ScorecardTest, TheCityShowsItsWardsRollupWhenItHasNoFigureOfItsOwn) {
  // 2022: the city has nothing of its own; a ward's month and another's quarter.
  data_.values.push_back(
      {"BUDGET_REVENUE", "LS-VT", "202203", ValueKind::official, 10e9, {}, false});
  data_.values.push_back(
      {"BUDGET_REVENUE", "LS-DK", "2022Q2", ValueKind::estimate, 5e9, {}, false});
  Scorecard year = card("LS", "2022");
  EXPECT_EQ(*result(year, "BUDGET_REVENUE").evaluation.actual, 15e9);
  EXPECT_EQ(result(year, "BUDGET_REVENUE").kind, ValueKind::estimate);
  EXPECT_EQ(*card("LS", "2022S1").indicators[0].evaluation.actual, 15e9);
  EXPECT_EQ(*card("LS-VT", "2022").indicators[0].evaluation.actual, 10e9);
  // The city's own figure, once entered, wins over its parts'.
  data_.values.push_back({"BUDGET_REVENUE", "LS", "2022", ValueKind::official, 20e9, {}, false});
  EXPECT_EQ(*result(card("LS", "2022"), "BUDGET_REVENUE").evaluation.actual, 20e9);
}

TEST_F(ScorecardTest, SamePeriodLastYear) {
  Scorecard s = card("LS", "2021");
  ASSERT_TRUE(result(s, "BUDGET_REVENUE").same_period_last_year);
  EXPECT_EQ(*result(s, "BUDGET_REVENUE").same_period_last_year, 350e9);
  EXPECT_EQ(*result(s, "POOR_RATE").same_period_last_year, 1.5);
  EXPECT_FALSE(result(s, "BHYT_COVERAGE").same_period_last_year);  // no 2020 inputs
  Scorecard ward = card("LS-VT", "2021");
  EXPECT_FALSE(result(ward, "BUDGET_REVENUE").same_period_last_year);
}

TEST_F(ScorecardTest, SamePeriodLastYearOfAComputedIndicator) {
  data_.values.push_back({"INSURED", "LS", "2020", ValueKind::official, 90000, {}, false});
  data_.values.push_back({"POPULATION", "LS", "2020", ValueKind::estimate, 100000, {}, false});
  Scorecard s = card("LS", "2021");
  ASSERT_TRUE(result(s, "BHYT_COVERAGE").same_period_last_year);
  EXPECT_DOUBLE_EQ(*result(s, "BHYT_COVERAGE").same_period_last_year, 90.0);
}

TEST_F(ScorecardTest, MetAndEvaluatedCounts) {
  Scorecard city = card("LS", "2021");
  // Budget exceeded, coverage exceeded, poor rate 1.2 > 1.0 not met.
  EXPECT_EQ(result(city, "POOR_RATE").evaluation.status, Status::not_met);
  EXPECT_EQ(city.indicators_evaluated, 3u);
  EXPECT_EQ(city.indicators_met, 2u);

  Scorecard ward = card("LS-VT", "2021");
  // Budget 42 bn against 40 bn: exceeded; coverage has no target; poor rate no data.
  EXPECT_EQ(result(ward, "BUDGET_REVENUE").evaluation.status, Status::exceeded);
  EXPECT_EQ(result(ward, "POOR_RATE").evaluation.status, Status::no_data);
  EXPECT_EQ(ward.indicators_evaluated, 1u);
  EXPECT_EQ(ward.indicators_met, 1u);
}

TEST_F(ScorecardTest, NearlyMetIsEvaluatedButNotMet) {
  data_.targets[1].value = 97;  // coverage 95 of 97: 0.979 >= 0.95
  Scorecard s = card("LS", "2021");
  EXPECT_EQ(result(s, "BHYT_COVERAGE").evaluation.status, Status::nearly_met);
  EXPECT_EQ(s.indicators_evaluated, 3u);
  EXPECT_EQ(s.indicators_met, 1u);
}

TEST_F(ScorecardTest, PlanNamingAnUnknownIndicatorIsCorrupt) {
  data_.plans[0].indicators.push_back("GHOST");
  try {
    card("LS", "2021");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), ErrorCategory::corrupt);
    EXPECT_EQ(e.code(), "dataset.unknown_reference");
    EXPECT_EQ(e.args(), std::vector<std::string>{"GHOST"});
  }
}

// --- Task groups -------------------------------------------------------------

TEST_F(ScorecardTest, TaskGroupsOfThePlansOwnUnit) {
  Scorecard s = card("LS", "2021");
  ASSERT_EQ(s.task_groups.size(), 3u);  // G1.1 is a task, not a group
  EXPECT_EQ(s.task_groups[0].task->code, "G1");
  EXPECT_EQ(s.task_groups[1].task->code, "G2");
  EXPECT_EQ(s.task_groups[2].task->code, "G3");
  ASSERT_NE(s.task_scale, nullptr);
  EXPECT_EQ(s.task_scale->code, "task");
  // Ratings for exactly the period: G1's 2020 rating is not used.
  ASSERT_NE(s.task_groups[0].rating, nullptr);
  EXPECT_EQ(s.task_groups[0].rating->level, "excellent");
  EXPECT_EQ(s.task_groups[0].rating->period, "2021");
  ASSERT_NE(s.task_groups[1].rating, nullptr);
  EXPECT_EQ(s.task_groups[1].rating->level, "good");
  EXPECT_EQ(s.task_groups[2].rating, nullptr);  // G3 not rated
  EXPECT_EQ(s.task_groups_good_or_better, 2u);
  EXPECT_EQ(s.task_groups_excellent, 1u);
}

TEST_F(ScorecardTest, TaskGroupRatingsOfAnotherPeriod) {
  Scorecard s = card("LS", "2020");
  ASSERT_EQ(s.task_groups.size(), 3u);
  ASSERT_NE(s.task_groups[0].rating, nullptr);
  EXPECT_EQ(s.task_groups[0].rating->level, "not_done");
  EXPECT_EQ(s.task_groups[1].rating, nullptr);
  EXPECT_EQ(s.task_groups_good_or_better, 0u);
  EXPECT_EQ(s.task_groups_excellent, 0u);
}

TEST_F(ScorecardTest, NoTaskGroupsForAUnitUnderSomeoneElsesPlan) {
  Scorecard s = card("LS-VT", "2021");
  ASSERT_NE(s.plan, nullptr);
  EXPECT_TRUE(s.task_groups.empty());
  EXPECT_EQ(s.task_scale, nullptr);
  EXPECT_EQ(s.task_groups_good_or_better, 0u);
  EXPECT_EQ(s.task_groups_excellent, 0u);
}

TEST_F(ScorecardTest, AllTaskGroupsUnrated) {
  data_.task_ratings.clear();
  Scorecard s = card("LS", "2021");
  ASSERT_EQ(s.task_groups.size(), 3u);
  for (const auto& g : s.task_groups)
    EXPECT_EQ(g.rating, nullptr);
  EXPECT_NE(s.task_scale, nullptr);
  EXPECT_EQ(s.task_groups_good_or_better, 0u);
  EXPECT_EQ(s.task_groups_excellent, 0u);
}

TEST_F(ScorecardTest, GoodOrBetterFollowsThePlansLevel) {
  data_.plans[0].task_good_level = "excellent";
  Scorecard strict = card("LS", "2021");
  EXPECT_EQ(strict.task_groups_good_or_better, 1u);
  data_.plans[0].task_good_level = "not_done";
  Scorecard lenient = card("LS", "2021");
  EXPECT_EQ(lenient.task_groups_good_or_better, 2u);  // the unrated G3 is not counted
  EXPECT_EQ(lenient.task_groups_excellent, 1u);
}

TEST_F(ScorecardTest, RatingsOnAnotherScaleAreIgnored) {
  RatingScale other{"task2", "Thang khác", {{"excellent", "Xuất sắc"}, {"good", "Tốt"}}};
  data_.rating_scales.push_back(other);
  data_.task_ratings.push_back({"G3", "2021", "task2", "excellent", {}, false});
  Scorecard s = card("LS", "2021");
  EXPECT_EQ(s.task_groups[2].rating, nullptr);
  EXPECT_EQ(s.task_groups_excellent, 1u);
}

// --- Activities --------------------------------------------------------------

TEST_F(ScorecardTest, StudyParticipationSumsOverSubtreeAndPeriod) {
  Scorecard s = card("LS", "2021");
  // S1 (city, 2021) and S2 (party cell of Vĩnh Trại, 2021); not S3 (2022).
  EXPECT_EQ(codes(s.study_sessions), (std::vector<std::string>{"S1", "S2"}));
  EXPECT_EQ(s.study.attended, 100 + 480 + 20);
  EXPECT_EQ(s.study.eligible, 105 + 500 + 20);
  ASSERT_TRUE(s.study.rate());
  EXPECT_DOUBLE_EQ(*s.study.rate(), 600.0 / 625.0 * 100);  // a rate of sums, 96%
}

TEST_F(ScorecardTest, StudyParticipationOfAWardLeavesOutTheCity) {
  Scorecard s = card("LS-VT", "2021");
  EXPECT_EQ(codes(s.study_sessions), std::vector<std::string>{"S2"});
  EXPECT_EQ(s.study.attended, 20);
  EXPECT_EQ(s.study.eligible, 20);
  Scorecard other = card("LS-DK", "2021");
  EXPECT_TRUE(other.study_sessions.empty());
  EXPECT_FALSE(other.study.rate());
}

TEST_F(ScorecardTest, StudyParticipationOfAnotherPeriod) {
  Scorecard s = card("LS", "2022");
  EXPECT_EQ(codes(s.study_sessions), std::vector<std::string>{"S3"});
  Scorecard q1 = card("LS", "2021Q1");
  EXPECT_EQ(codes(q1.study_sessions), std::vector<std::string>{"S1"});  // 10 March
}

TEST_F(ScorecardTest, ModelMeetings) {
  Scorecard s = card("LS", "2021");
  EXPECT_EQ(codes(s.model_meetings), (std::vector<std::string>{"M1", "M2", "M3"}));
  ASSERT_NE(s.meeting_scale, nullptr);
  EXPECT_EQ(s.meeting_scale->code, "meeting");
  EXPECT_EQ(s.meetings_good_or_better, 2u);  // good and excellent, not fair

  Scorecard ward = card("LS-VT", "2021");
  EXPECT_EQ(codes(ward.model_meetings), (std::vector<std::string>{"M1", "M2"}));
  EXPECT_EQ(ward.meetings_good_or_better, 1u);
}

TEST_F(ScorecardTest, UnratedModelMeetingsAreCountedButNotGood) {
  data_.activities[3].rating_scale.clear();
  data_.activities[3].rating_level.clear();
  Scorecard s = card("LS", "2021");
  EXPECT_EQ(s.model_meetings.size(), 3u);
  EXPECT_EQ(s.meetings_good_or_better, 1u);
}

TEST_F(ScorecardTest, ContestsAndOtherActivities) {
  Scorecard s = card("LS", "2021");
  EXPECT_EQ(codes(s.contests), std::vector<std::string>{"C1"});
  EXPECT_EQ(codes(s.other_activities), std::vector<std::string>{"P1"});
  Scorecard ward = card("LS-DK", "2021");
  EXPECT_TRUE(ward.contests.empty());
  EXPECT_TRUE(ward.other_activities.empty());
}

// --- Documents ---------------------------------------------------------------

TEST_F(ScorecardTest, DocumentsOfTheCityAndItsOwnBodies) {
  Scorecard s = card("LS", "2021");
  // D1, D2 thematic (party committee), D3 plan (people's committee), D4 guidance
  // (department, on 31 December), D7 regulation amending D6. Not: D0 and D6
  // (2020), D5 (1 January 2022), D8 (the ward's), D9 (the ward party
  // committee's), D10 (a party cell's).
  EXPECT_EQ(s.documents_total, 5u);
  const std::map<DocumentKind, size_t> issued{
      {DocumentKind::thematic_resolution, 2}, {DocumentKind::plan, 1}, {DocumentKind::guidance, 1}};
  EXPECT_EQ(s.documents_by_kind, issued);
  const std::map<DocumentKind, size_t> amending{{DocumentKind::regulation, 1}};
  EXPECT_EQ(s.documents_amending_by_kind, amending);
}

TEST_F(ScorecardTest, DocumentsOfAWardIncludeItsPartyCommittee) {
  Scorecard s = card("LS-VT", "2021");
  // D8 issued by the ward, D9 by its party committee; not D10 from a party cell.
  EXPECT_EQ(s.documents_total, 2u);
  const std::map<DocumentKind, size_t> issued{{DocumentKind::plan, 1},
                                              {DocumentKind::directive, 1}};
  EXPECT_EQ(s.documents_by_kind, issued);
  EXPECT_TRUE(s.documents_amending_by_kind.empty());
  Scorecard cell = card("LS-VT-CB1", "2021");
  EXPECT_EQ(cell.documents_total, 1u);  // the party cell reports its own
  Scorecard none = card("LS-DK", "2021");
  EXPECT_EQ(none.documents_total, 0u);
  EXPECT_TRUE(none.documents_by_kind.empty());
}

TEST_F(ScorecardTest, DocumentPeriodBoundaries) {
  Scorecard y2022 = card("LS", "2022");
  EXPECT_EQ(y2022.documents_total, 1u);  // D5 on 1 January 2022
  EXPECT_EQ(y2022.documents_by_kind.at(DocumentKind::guidance), 1u);
  Scorecard q4 = card("LS", "2021Q4");
  EXPECT_EQ(q4.documents_total, 1u);  // D4 on 31 December 2021
  Scorecard dec = card("LS", "202112");
  EXPECT_EQ(dec.documents_total, 1u);
  Scorecard nov = card("LS", "202111");
  EXPECT_EQ(nov.documents_total, 0u);
  Scorecard term = card("LS", "2020-2025");
  EXPECT_EQ(term.documents_total, 8u);  // D0..D7
}

// --- effective_value ---------------------------------------------------------

TEST_F(ScorecardTest, EffectiveValue) {
  auto v = effective_value(data_, "BUDGET_REVENUE", "LS-VT", "2021");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, 42e9);
  EXPECT_EQ(v->kind, ValueKind::official);

  v = effective_value(data_, "BUDGET_REVENUE", "LS", "2021");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, 430e9);
  EXPECT_EQ(v->kind, ValueKind::estimate);

  v = effective_value(data_, "BHYT_COVERAGE", "LS", "2021");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 95.0);
  EXPECT_EQ(v->kind, ValueKind::official);

  v = effective_value(data_, "BHYT_COVERAGE", "LS-VT", "2021");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->kind, ValueKind::estimate);

  EXPECT_FALSE(effective_value(data_, "BHYT_COVERAGE", "LS-DK", "2021"));  // 0 / 0
  EXPECT_FALSE(effective_value(data_, "BUDGET_REVENUE", "LS", "2019"));
  EXPECT_FALSE(effective_value(data_, "BUDGET_REVENUE", "LS-DK", "2021"));
  EXPECT_FALSE(effective_value(data_, "NO_SUCH", "LS", "2021"));
}

TEST_F(ScorecardTest, EffectiveValueOfANestedFormula) {
  Indicator uninsured;
  uninsured.code = "UNINSURED_RATE";
  uninsured.name = "Tỷ lệ chưa tham gia BHYT";
  uninsured.value_type = ValueType::percent;
  uninsured.formula = "100 - {BHYT_COVERAGE}";
  data_.indicators.push_back(uninsured);
  auto v = effective_value(data_, "UNINSURED_RATE", "LS-VT", "2021");
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 10.0);
  EXPECT_EQ(v->kind, ValueKind::estimate);  // an input of an input is an estimate
}

TEST_F(ScorecardTest, EffectiveValueSurvivesACycleInUnvalidatedData) {
  data_.indicators[1].formula = "{BHYT_COVERAGE}";  // INSURED <-> BHYT_COVERAGE
  EXPECT_FALSE(effective_value(data_, "BHYT_COVERAGE", "LS-DK-CB1", "2021"));
}

}  // namespace
}  // namespace mandate::core
