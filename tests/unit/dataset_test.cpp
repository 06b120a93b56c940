// validate_dataset: a valid data set passes; each test then breaks one thing
// and checks the error code and the path of the offending field.
#include "core/dataset.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "../support/sample_dataset.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {

using test_support::sample_dataset;

// Validates d and expects Error(invalid_input, code) at field; returns it.
Error expect_rejected(const Dataset& d, const std::string& code, const std::string& field) {
  try {
    validate_dataset(d);
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), ErrorCategory::invalid_input) << e.code();
    EXPECT_EQ(e.code(), code) << e.field();
    EXPECT_EQ(e.field(), field) << e.code();
    return e;
  }
  ADD_FAILURE() << "accepted; expected " << code << " at " << field;
  return Error(ErrorCategory::internal, "none");
}

// Applies change to a fresh sample and expects the error.
Error rejects(const std::function<void(Dataset&)>& change, const std::string& code,
              const std::string& field) {
  Dataset d = sample_dataset();
  change(d);
  return expect_rejected(d, code, field);
}

void accepts(const std::function<void(Dataset&)>& change) {
  Dataset d = sample_dataset();
  change(d);
  try {
    validate_dataset(d);
  } catch (const Error& e) {
    ADD_FAILURE() << "rejected: " << e.code() << " at " << e.field() << ": " << e.what();
  }
}

TEST(ValidateDataset, SampleIsValid) {
  EXPECT_NO_THROW(validate_dataset(sample_dataset()));
}

TEST(ValidateDataset, EmptyIsValid) {
  EXPECT_NO_THROW(validate_dataset(Dataset{}));
}

// --- Units -------------------------------------------------------------------

TEST(ValidateDatasetUnits, TreeErrorsArePlacedAtUnits) {
  rejects([](Dataset& d) { d.units[4].code.clear(); }, "unit.code_empty", "units");
  rejects([](Dataset& d) { d.units[8].code = "LS-VT"; }, "unit.duplicate", "units");
  rejects([](Dataset& d) { d.units[4].parent_code = "NOPE"; }, "unit.parent_unknown", "units");
  rejects([](Dataset& d) { d.units[0].parent_code = "LS-VT"; }, "unit.cycle", "units");
}

// --- Codes -------------------------------------------------------------------

TEST(ValidateDatasetCodes, DuplicateIndicatorCode) {
  Error e = rejects([](Dataset& d) { d.indicators[1].code = d.indicators[0].code; },
                    "dataset.duplicate", "indicators[1].code");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"indicators", "BUDGET_REVENUE"}));
}

TEST(ValidateDatasetCodes, EmptyCodes) {
  rejects([](Dataset& d) { d.indicators[2].code.clear(); }, "dataset.code_empty",
          "indicators[2].code");
  rejects([](Dataset& d) { d.fields[1].code.clear(); }, "dataset.code_empty", "fields[1].code");
  rejects([](Dataset& d) { d.plans[0].code.clear(); }, "dataset.code_empty", "plans[0].code");
  rejects([](Dataset& d) { d.tasks[3].code.clear(); }, "dataset.code_empty", "tasks[3].code");
  rejects([](Dataset& d) { d.activities[5].code.clear(); }, "dataset.code_empty",
          "activities[5].code");
  rejects([](Dataset& d) { d.documents[9].code.clear(); }, "dataset.code_empty",
          "documents[9].code");
}

TEST(ValidateDatasetCodes, DuplicatesOfEachKind) {
  rejects(
      [](Dataset& d) {
        d.fields.push_back({"economy", "Kinh tế (2)"});
      },
      "dataset.duplicate", "fields[2].code");
  rejects([](Dataset& d) { d.rating_scales.push_back(d.rating_scales[0]); }, "dataset.duplicate",
          "ratingScales[2].code");
  rejects([](Dataset& d) { d.plans.push_back(d.plans[0]); }, "dataset.duplicate", "plans[1].code");
  rejects([](Dataset& d) { d.tasks[2].code = "G1"; }, "dataset.duplicate", "tasks[2].code");
  rejects([](Dataset& d) { d.activities[7].code = "S1"; }, "dataset.duplicate",
          "activities[7].code");
  Error e = rejects([](Dataset& d) { d.documents[10].code = "D0"; }, "dataset.duplicate",
                    "documents[10].code");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"documents", "D0"}));
}

TEST(ValidateDatasetCodes, TheSameCodeInDifferentKindsIsFine) {
  accepts([](Dataset& d) {
    d.fields[0].code = "G1";  // also a task code
    for (auto& i : d.indicators)
      if (i.field == "economy")
        i.field = "G1";
    for (auto& t : d.tasks)
      if (t.field == "economy")
        t.field = "G1";
    for (auto& doc : d.documents)
      if (doc.field == "economy")
        doc.field = "G1";
  });
}

TEST(ValidateDatasetCodes, InvalidRatingScale) {
  rejects([](Dataset& d) { d.rating_scales[1].levels.clear(); }, "rating.no_levels",
          "ratingScales[1]");
  rejects([](Dataset& d) { d.rating_scales[0].levels[1].code = "excellent"; },
          "rating.level_duplicate", "ratingScales[0]");
}

// --- Indicators and formulas ---------------------------------------------------

TEST(ValidateDatasetIndicators, UnknownFieldAndResponsibleUnit) {
  rejects([](Dataset& d) { d.indicators[1].field = "health"; }, "dataset.unknown_reference",
          "indicators[1].field");
  rejects([](Dataset& d) { d.indicators[0].responsible_unit = "LS-XX"; },
          "dataset.unknown_reference", "indicators[0].responsibleUnit");
  accepts([](Dataset& d) {
    d.indicators[1].field.clear();  // both optional
    d.indicators[0].responsible_unit.clear();
  });
}

TEST(ValidateDatasetIndicators, DecimalsRange) {
  rejects([](Dataset& d) { d.indicators[0].decimals = 7; }, "indicator.decimals",
          "indicators[0].decimals");
  rejects([](Dataset& d) { d.indicators[0].decimals = -1; }, "indicator.decimals",
          "indicators[0].decimals");
  accepts([](Dataset& d) {
    d.indicators[0].decimals = 0;
    d.indicators[1].decimals = 6;
  });
}

TEST(ValidateDatasetIndicators, FormulaSyntaxError) {
  Error e = rejects([](Dataset& d) { d.indicators[3].formula = "{INSURED} / "; },
                    "formula.syntax.unexpected_end", "indicators[3].formula");
  ASSERT_GE(e.args().size(), 2u);
  EXPECT_EQ(e.args()[0], "{INSURED} / ");
  rejects([](Dataset& d) { d.indicators[3].formula = "{INSURED} = 1"; },
          "formula.syntax.single_equals", "indicators[3].formula");
  rejects([](Dataset& d) { d.indicators[4].formula = "{INSURED"; }, "formula.syntax.unclosed_brace",
          "indicators[4].formula");
}

TEST(ValidateDatasetIndicators, FormulaCycleBetweenTwoIndicators) {
  // INSURED computed from BHYT_COVERAGE, which is computed from INSURED.
  Error e = rejects([](Dataset& d) { d.indicators[1].formula = "{BHYT_COVERAGE} * 1"; },
                    "formula.cycle", "indicators");
  ASSERT_EQ(e.args().size(), 1u);
  EXPECT_EQ(e.args()[0], "BHYT_COVERAGE → INSURED → BHYT_COVERAGE");
}

TEST(ValidateDatasetIndicators, FormulaReferringToItself) {
  Error e = rejects([](Dataset& d) { d.indicators[3].formula = "{BHYT_COVERAGE} + 1"; },
                    "formula.cycle", "indicators");
  EXPECT_EQ(e.args(), std::vector<std::string>{"BHYT_COVERAGE → BHYT_COVERAGE"});
}

TEST(ValidateDatasetIndicators, FormulaUnknownReference) {
  Error e = rejects([](Dataset& d) { d.indicators[3].formula = "{INSURED} / {POPULATON} * 100"; },
                    "formula.unknown_reference", "indicators");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"BHYT_COVERAGE", "POPULATON"}));
}

TEST(ValidateDatasetIndicators, FormulaMayReferToALaterIndicator) {
  accepts([](Dataset& d) { d.indicators[0].formula = "{POOR_RATE} * 2"; });
}

// --- Plans -------------------------------------------------------------------

TEST(ValidateDatasetPlans, UnitIsRequired) {
  rejects([](Dataset& d) { d.plans[0].unit.clear(); }, "dataset.unknown_reference",
          "plans[0].unit");
  rejects([](Dataset& d) { d.plans[0].unit = "HN"; }, "dataset.unknown_reference", "plans[0].unit");
}

TEST(ValidateDatasetPlans, TermMustBeATerm) {
  Error e =
      rejects([](Dataset& d) { d.plans[0].term = "2021"; }, "plan.term_not_term", "plans[0].term");
  EXPECT_EQ(e.args(), std::vector<std::string>{"2021"});
  rejects([](Dataset& d) { d.plans[0].term = "2021Q1"; }, "plan.term_not_term", "plans[0].term");
  rejects([](Dataset& d) { d.plans[0].term = "2025-2020"; }, "period.invalid", "plans[0].term");
  rejects([](Dataset& d) { d.plans[0].term.clear(); }, "period.invalid", "plans[0].term");
}

TEST(ValidateDatasetPlans, UnknownIndicator) {
  Error e = rejects([](Dataset& d) { d.plans[0].indicators[1] = "BHYT"; },
                    "dataset.unknown_reference", "plans[0].indicators[1]");
  EXPECT_EQ(e.args(), std::vector<std::string>{"BHYT"});
  rejects([](Dataset& d) { d.plans[0].indicators.push_back(""); }, "dataset.unknown_reference",
          "plans[0].indicators[3]");
}

TEST(ValidateDatasetPlans, UnknownDocument) {
  rejects([](Dataset& d) { d.plans[0].document = "D99"; }, "dataset.unknown_reference",
          "plans[0].document");
  accepts([](Dataset& d) { d.plans[0].document.clear(); });
}

TEST(ValidateDatasetPlans, RatingScalesAndLevels) {
  rejects([](Dataset& d) { d.plans[0].task_good_level = "great"; }, "rating.level_unknown",
          "plans[0].taskGoodLevel");
  rejects([](Dataset& d) { d.plans[0].task_good_level.clear(); }, "rating.level_unknown",
          "plans[0].taskGoodLevel");
  rejects([](Dataset& d) { d.plans[0].meeting_good_level = "done"; }, "rating.level_unknown",
          "plans[0].meetingGoodLevel");
  // An unknown scale is reported at the scale's own key.
  rejects([](Dataset& d) { d.plans[0].task_scale = "tasks"; }, "dataset.unknown_reference",
          "plans[0].taskScale");
  rejects([](Dataset& d) { d.plans[0].meeting_scale = "meetings"; }, "dataset.unknown_reference",
          "plans[0].meetingScale");
  accepts([](Dataset& d) {
    d.plans[0].meeting_scale.clear();
    d.plans[0].meeting_good_level.clear();
  });
}

// --- Targets and values ------------------------------------------------------

TEST(ValidateDatasetValues, UnknownUnit) {
  Error e = rejects([](Dataset& d) { d.values[0].unit = "LS-XX"; }, "dataset.unknown_reference",
                    "values[0].unit");
  EXPECT_EQ(e.args(), std::vector<std::string>{"LS-XX"});
  rejects([](Dataset& d) { d.values[5].unit.clear(); }, "dataset.unknown_reference",
          "values[5].unit");
}

TEST(ValidateDatasetValues, UnknownIndicator) {
  rejects([](Dataset& d) { d.values[3].indicator = "NOPE"; }, "dataset.unknown_reference",
          "values[3].indicator");
}

TEST(ValidateDatasetValues, BadPeriod) {
  Error e = rejects([](Dataset& d) { d.values[0].period = "2021Q5"; }, "period.invalid",
                    "values[0].period");
  EXPECT_EQ(e.args(), std::vector<std::string>{"2021Q5"});
  rejects([](Dataset& d) { d.values[2].period.clear(); }, "period.invalid", "values[2].period");
}

TEST(ValidateDatasetValues, PercentAboveHundred) {
  // values[4] is POOR_RATE, a percentage without its own maximum: 0..100.
  Error e =
      rejects([](Dataset& d) { d.values[4].value = 120; }, "value.out_of_range", "values[4].value");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"POOR_RATE", "120", "0.5", "100"}));
  accepts([](Dataset& d) { d.values[4].value = 100; });
}

TEST(ValidateDatasetValues, PercentBelowItsOwnMinimum) {
  Error e =
      rejects([](Dataset& d) { d.values[4].value = 0.4; }, "value.out_of_range", "values[4].value");
  EXPECT_EQ(e.args()[2], "0.5");
}

TEST(ValidateDatasetValues, PercentWithItsOwnMaximumMayExceedHundred) {
  accepts([](Dataset& d) {
    d.indicators[4].max_value = 300;
    d.values[4].value = 250;
  });
}

TEST(ValidateDatasetValues, NegativePercentWithoutMinimum) {
  rejects(
      [](Dataset& d) {
        d.indicators[4].min_value.reset();
        d.values[4].value = -1;
      },
      "value.out_of_range", "values[4].value");
}

TEST(ValidateDatasetValues, CountMustBeAWholeNonNegativeNumber) {
  // values[2] is INSURED, a count.
  Error e =
      rejects([](Dataset& d) { d.values[2].value = -1; }, "value.not_count", "values[2].value");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"INSURED", "-1"}));
  rejects([](Dataset& d) { d.values[2].value = 2.5; }, "value.not_count", "values[2].value");
  accepts([](Dataset& d) { d.values[2].value = 0; });
}

TEST(ValidateDatasetValues, YesNoMustBeZeroOrOne) {
  auto with_yes_no = [](double v) {
    return [v](Dataset& d) {
      Indicator i;
      i.code = "HAS_PLAN";
      i.name = "Có kế hoạch";
      i.value_type = ValueType::yes_no;
      i.direction = Direction::yes_no;
      d.indicators.push_back(i);
      d.values.push_back({"HAS_PLAN", "LS", "2021", ValueKind::official, v, {}, false});
    };
  };
  Error e = rejects(with_yes_no(2), "value.not_yes_no", "values[12].value");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"HAS_PLAN", "2"}));
  rejects(with_yes_no(0.5), "value.not_yes_no", "values[12].value");
  accepts(with_yes_no(0));
  accepts(with_yes_no(1));
}

TEST(ValidateDatasetValues, NotFinite) {
  rejects([](Dataset& d) { d.values[0].value = std::nan(""); }, "value.not_finite",
          "values[0].value");
  rejects([](Dataset& d) { d.values[0].value = INFINITY; }, "value.not_finite", "values[0].value");
}

TEST(ValidateDatasetValues, DuplicateCell) {
  Error e = rejects([](Dataset& d) { d.values.push_back(d.values[3]); }, "dataset.duplicate_cell",
                    "values[12]");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"POPULATION", "LS", "2021"}));
}

TEST(ValidateDatasetValues, EstimateAndOfficialOfOneCellAreNotDuplicates) {
  // The sample already has both for LS-VT budget 2021; another estimate elsewhere is fine too.
  accepts([](Dataset& d) {
    d.values.push_back({"POPULATION", "LS", "2021", ValueKind::estimate, 99000, {}, false});
  });
}

TEST(ValidateDatasetTargets, Errors) {
  rejects([](Dataset& d) { d.targets[0].indicator = "NOPE"; }, "dataset.unknown_reference",
          "targets[0].indicator");
  rejects([](Dataset& d) { d.targets[1].unit = "LS-XX"; }, "dataset.unknown_reference",
          "targets[1].unit");
  rejects([](Dataset& d) { d.targets[2].period = "2021S3"; }, "period.invalid",
          "targets[2].period");
  rejects([](Dataset& d) { d.targets[1].value = 101; }, "value.out_of_range", "targets[1].value");
  Error e = rejects([](Dataset& d) { d.targets.push_back(d.targets[0]); }, "dataset.duplicate_cell",
                    "targets[5]");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"BUDGET_REVENUE", "LS", "2021"}));
}

TEST(ValidateDatasetTargets, SameIndicatorAndUnitInOtherPeriodsIsFine) {
  // targets[2] and [3] are POOR_RATE at LS for 2021 and for the term.
  accepts([](Dataset& d) {
    d.targets.push_back({"POOR_RATE", "LS", "2022", 0.9, TargetSource::annual_plan, {}, false});
  });
}

// --- Tasks -------------------------------------------------------------------

TEST(ValidateDatasetTasks, References) {
  rejects([](Dataset& d) { d.tasks[0].plan = "NQ-X"; }, "dataset.unknown_reference",
          "tasks[0].plan");
  rejects([](Dataset& d) { d.tasks[3].parent_code = "G9"; }, "dataset.unknown_reference",
          "tasks[3].parent");
  rejects([](Dataset& d) { d.tasks[0].field = "defence"; }, "dataset.unknown_reference",
          "tasks[0].field");
  rejects([](Dataset& d) { d.tasks[0].responsible_unit = "LS-XX"; }, "dataset.unknown_reference",
          "tasks[0].responsibleUnit");
  rejects([](Dataset& d) { d.tasks[0].coordinating_units.push_back("LS-XX"); },
          "dataset.unknown_reference", "tasks[0].coordinatingUnits");
}

TEST(ValidateDatasetTasks, ParentMayComeLater) {
  accepts([](Dataset& d) {
    Task t = d.tasks[3];  // G1.1 under G1
    d.tasks.erase(d.tasks.begin() + 3);
    d.tasks.insert(d.tasks.begin(), t);
  });
}

TEST(ValidateDatasetTasks, OwnParent) {
  Error e = rejects([](Dataset& d) { d.tasks[1].parent_code = "G2"; }, "task.own_parent",
                    "tasks[1].parent");
  EXPECT_EQ(e.args(), std::vector<std::string>{"G2"});
}

TEST(ValidateDatasetTasks, ProgressRange) {
  Error e = rejects([](Dataset& d) { d.tasks[0].progress = 101; }, "task.progress_range",
                    "tasks[0].progress");
  EXPECT_EQ(e.args(), std::vector<std::string>{"G1"});
  rejects([](Dataset& d) { d.tasks[2].progress = -1; }, "task.progress_range", "tasks[2].progress");
  accepts([](Dataset& d) {
    d.tasks[0].progress = 100;
    d.tasks[1].progress = 0;
  });
}

TEST(ValidateDatasetTasks, DeadlineBeforeStart) {
  Error e = rejects(
      [](Dataset& d) {
        d.tasks[0].start = make_date(2021, 6, 1);
        d.tasks[0].deadline = make_date(2021, 5, 31);
      },
      "task.deadline_before_start", "tasks[0].deadline");
  EXPECT_EQ(e.args(), std::vector<std::string>{"G1"});
  accepts([](Dataset& d) {
    d.tasks[0].start = make_date(2021, 6, 1);
    d.tasks[0].deadline = make_date(2021, 6, 1);  // the same day is fine
  });
  accepts([](Dataset& d) {
    d.tasks[1].start.reset();
    d.tasks[1].deadline = make_date(2000, 1, 1);  // no start: nothing to compare
  });
}

TEST(ValidateDatasetTaskRatings, UnknownLevel) {
  Error e = rejects([](Dataset& d) { d.task_ratings[1].level = "great"; }, "rating.level_unknown",
                    "taskRatings[1].level");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"great", "task"}));
  // A level of another scale is not on this one.
  rejects([](Dataset& d) { d.task_ratings[0].level = "fair"; }, "rating.level_unknown",
          "taskRatings[0].level");
}

TEST(ValidateDatasetTaskRatings, UnknownScaleIsReportedAtScale) {
  rejects([](Dataset& d) { d.task_ratings[0].scale = "tasks"; }, "dataset.unknown_reference",
          "taskRatings[0].scale");
  rejects([](Dataset& d) { d.task_ratings[0].scale.clear(); }, "dataset.unknown_reference",
          "taskRatings[0].scale");
}

TEST(ValidateDatasetTaskRatings, OtherErrors) {
  rejects([](Dataset& d) { d.task_ratings[0].task = "G9"; }, "dataset.unknown_reference",
          "taskRatings[0].task");
  rejects([](Dataset& d) { d.task_ratings[0].period = "21"; }, "period.invalid",
          "taskRatings[0].period");
  Error e = rejects(
      [](Dataset& d) {
        d.task_ratings.push_back(d.task_ratings[1]);
        d.task_ratings.back().level = "done";
      },
      "dataset.duplicate_cell", "taskRatings[4]");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"G2", "", "2021"}));
}

// --- Activities --------------------------------------------------------------

TEST(ValidateDatasetActivities, AttendedMoreThanEligible) {
  Error e = rejects([](Dataset& d) { d.activities[0].attendance[1].attended = 501; },
                    "activity.attended_exceeds_eligible", "activities[0].attendance");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"S1", "party_members", "501", "500"}));
  accepts([](Dataset& d) { d.activities[0].attendance[1].attended = 500; });
}

TEST(ValidateDatasetActivities, NegativeCounts) {
  rejects([](Dataset& d) { d.activities[1].attendance[0].eligible = -1; }, "activity.negative",
          "activities[1].attendance");
  Error e = rejects([](Dataset& d) { d.activities[6].participants = -5; }, "activity.negative",
                    "activities[6].participants");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"C1", "participants"}));
}

TEST(ValidateDatasetActivities, References) {
  rejects([](Dataset& d) { d.activities[0].unit = "LS-XX"; }, "dataset.unknown_reference",
          "activities[0].unit");
  rejects([](Dataset& d) { d.activities[0].unit.clear(); }, "dataset.unknown_reference",
          "activities[0].unit");
  rejects([](Dataset& d) { d.activities[0].plan = "NQ-X"; }, "dataset.unknown_reference",
          "activities[0].plan");
}

TEST(ValidateDatasetActivities, Rating) {
  rejects([](Dataset& d) { d.activities[3].rating_level = "great"; }, "rating.level_unknown",
          "activities[3].ratingLevel");
  rejects([](Dataset& d) { d.activities[3].rating_scale = "meetings"; },
          "dataset.unknown_reference", "activities[3].ratingScale");
  // A level without a scale names the missing scale.
  rejects([](Dataset& d) { d.activities[3].rating_scale.clear(); }, "dataset.unknown_reference",
          "activities[3].ratingScale");
  rejects([](Dataset& d) { d.activities[3].rating_level.clear(); }, "rating.level_unknown",
          "activities[3].ratingLevel");
  accepts([](Dataset& d) {
    d.activities[3].rating_scale.clear();
    d.activities[3].rating_level.clear();
  });
}

// --- Documents ---------------------------------------------------------------

TEST(ValidateDatasetDocuments, References) {
  Error e = rejects([](Dataset& d) { d.documents[7].amends = "D99"; }, "dataset.unknown_reference",
                    "documents[7].amends");
  EXPECT_EQ(e.args(), std::vector<std::string>{"D99"});
  rejects([](Dataset& d) { d.documents[1].implements = "D99"; }, "dataset.unknown_reference",
          "documents[1].implements");
  rejects([](Dataset& d) { d.documents[2].issuer = "LS-XX"; }, "dataset.unknown_reference",
          "documents[2].issuer");
  rejects([](Dataset& d) { d.documents[2].issuer.clear(); }, "dataset.unknown_reference",
          "documents[2].issuer");
  rejects([](Dataset& d) { d.documents[1].field = "health"; }, "dataset.unknown_reference",
          "documents[1].field");
  rejects([](Dataset& d) { d.documents[3].plan = "NQ-X"; }, "dataset.unknown_reference",
          "documents[3].plan");
}

TEST(ValidateDatasetDocuments, MayAmendALaterEntry) {
  accepts([](Dataset& d) { d.documents[0].amends = "D10"; });
}

// --- Order of checks -----------------------------------------------------------

TEST(ValidateDataset, ReportsTheFirstProblem) {
  Dataset d = sample_dataset();
  d.documents[0].issuer = "NOPE";   // checked last
  d.units[4].parent_code = "NOPE";  // checked first
  expect_rejected(d, "unit.parent_unknown", "units");
}

TEST(ValidateDataset, MessagesNameThePlaceInBothLanguages) {
  Error e = rejects([](Dataset& d) { d.values[0].unit = "LS-XX"; }, "dataset.unknown_reference",
                    "values[0].unit");
  EXPECT_EQ(e.message(Lang::en), "Reference to \"LS-XX\", which does not exist");
  EXPECT_EQ(e.message(Lang::vi), "Tham chiếu tới \"LS-XX\" không tồn tại");
}

}  // namespace
}  // namespace mandate::core
