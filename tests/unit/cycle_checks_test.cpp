// Reporting cycles over a whole data set: forms, rules and submissions as
// validated records, which report locks a cell, rules on save, and what a
// submit needs (notes on broken rules and missed targets).
#include <gtest/gtest.h>

#include "../support/sample_dataset.hpp"
#include "core/cycle_checks.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {

using test_support::sample_dataset;

// The sample with a monthly ward form on INSURED and POPULATION approved at
// the city, a refusing rule INSURED <= POPULATION and a warning range on
// POPULATION, and LS-VT's values for March 2022.
Dataset cycle_sample() {
  Dataset d = sample_dataset();
  Form f;
  f.code = "BM";
  f.name = "Biểu tháng";
  f.unit_types = {UnitType::ward};
  f.indicators = {"INSURED", "POPULATION"};
  f.approval_levels = {UnitType::city};
  d.forms.push_back(f);
  ValidationRule cap;
  cap.code = "R-CAP";
  cap.name = "Không vượt dân số";
  cap.indicator = "INSURED";
  cap.other_indicator = "POPULATION";
  cap.refuse_on_save = true;
  d.validation_rules.push_back(cap);
  ValidationRule range;
  range.code = "R-RANGE";
  range.name = "Dân số hợp lý";
  range.kind = RuleKind::range;
  range.indicator = "POPULATION";
  range.max = 20000;
  d.validation_rules.push_back(range);
  d.values.push_back({"INSURED", "LS-VT", "202203", ValueKind::official, 900, "", false});
  d.values.push_back({"POPULATION", "LS-VT", "202203", ValueKind::official, 1000, "", false});
  return d;
}

Submission report(std::string unit, std::string period, SubmissionState state, int approvals) {
  Submission s;
  s.form = "BM";
  s.unit = std::move(unit);
  s.period = std::move(period);
  s.state = state;
  s.approvals = approvals;
  return s;
}

std::string rejected_code(const Dataset& d, std::string* field = nullptr) {
  try {
    validate_dataset(d);
  } catch (const Error& e) {
    if (field)
      *field = e.field();
    return e.code();
  }
  return "accepted";
}

TEST(CycleRecords, FormsRulesAndSubmissionsAreValidated) {
  Dataset d = cycle_sample();
  d.submissions.push_back(report("LS-VT", "202203", SubmissionState::approved, 1));
  EXPECT_EQ(rejected_code(d), "accepted");

  std::string field;
  Dataset unknown = cycle_sample();
  unknown.forms[0].indicators.push_back("NOPE");
  EXPECT_EQ(rejected_code(unknown, &field), "dataset.unknown_reference");
  EXPECT_EQ(field, "forms[0].indicators[2]");

  Dataset rule = cycle_sample();
  rule.validation_rules[0].other_indicator = "NOPE";
  EXPECT_EQ(rejected_code(rule, &field), "dataset.unknown_reference");
  EXPECT_EQ(field, "validationRules[0].otherIndicator");

  Dataset twice = cycle_sample();
  twice.validation_rules.push_back(twice.validation_rules[0]);
  EXPECT_EQ(rejected_code(twice), "dataset.duplicate");

  // A submission of a unit that does not report the form, of the wrong period
  // type, or with approvals its state cannot have.
  Dataset other = cycle_sample();
  other.submissions.push_back(report("LS-TU", "202203", SubmissionState::submitted, 0));
  EXPECT_EQ(rejected_code(other, &field), "submission.not_reporting");
  EXPECT_EQ(field, "submissions[0].unit");
  Dataset period = cycle_sample();
  period.submissions.push_back(report("LS-VT", "2022", SubmissionState::submitted, 0));
  EXPECT_EQ(rejected_code(period, &field), "form.period_mismatch");
  EXPECT_EQ(field, "submissions[0].period");
  for (auto [state, approvals] :
       {std::pair{SubmissionState::approved, 0}, std::pair{SubmissionState::submitted, 1},
        std::pair{SubmissionState::reopened, 1}, std::pair{SubmissionState::submitted, -1}}) {
    Dataset bad = cycle_sample();
    bad.submissions.push_back(report("LS-VT", "202203", state, approvals));
    EXPECT_EQ(rejected_code(bad), "submission.approvals_invalid")
        << submission_state_name(state) << " " << approvals;
  }
  Dataset dup = cycle_sample();
  dup.submissions.push_back(report("LS-VT", "202203", SubmissionState::submitted, 0));
  dup.submissions.push_back(report("LS-VT", "202203", SubmissionState::reopened, 0));
  EXPECT_EQ(rejected_code(dup), "dataset.duplicate_cell");
}

TEST(CycleChecks, SubmittedAndApprovedReportsLockTheirFormsCells) {
  Dataset d = cycle_sample();
  EXPECT_EQ(locking_submission(d, "INSURED", "LS-VT", "202203"), nullptr);
  d.submissions.push_back(report("LS-VT", "202203", SubmissionState::submitted, 0));
  EXPECT_NE(locking_submission(d, "INSURED", "LS-VT", "202203"), nullptr);
  try {
    require_unlocked(d, "POPULATION", "LS-VT", "202203");
    FAIL() << "expected a lock";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "submission.locked");
    EXPECT_EQ(e.category(), ErrorCategory::conflict);
    EXPECT_EQ(e.args().back(), "BM");
  }
  // Not on the form, another unit or period: open.
  EXPECT_NO_THROW(require_unlocked(d, "BUDGET_REVENUE", "LS-VT", "202203"));
  EXPECT_NO_THROW(require_unlocked(d, "INSURED", "LS-DK", "202203"));
  EXPECT_NO_THROW(require_unlocked(d, "INSURED", "LS-VT", "202204"));
  d.submissions[0].state = SubmissionState::reopened;
  EXPECT_NO_THROW(require_unlocked(d, "INSURED", "LS-VT", "202203"));
}

TEST(CycleChecks, RulesOnSaveRefuseOrWarn) {
  const Dataset d = cycle_sample();
  const Value ok{"INSURED", "LS-VT", "202203", ValueKind::official, 950, "", false};
  EXPECT_TRUE(check_saved_values(d, ValueTable(d.values), std::span(&ok, 1)).empty());
  // The saved value replaces the stored one: 1100 insured of 1000 people is refused.
  const Value over{"INSURED", "LS-VT", "202203", ValueKind::official, 1100, "", false};
  try {
    check_saved_values(d, ValueTable(d.values), std::span(&over, 1));
    FAIL() << "expected rule.violated";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "rule.violated");
    EXPECT_EQ(e.args()[0], "R-CAP");
  }
  // Lowering the population under the insured breaks the same rule from the other side.
  const Value fewer{"POPULATION", "LS-VT", "202203", ValueKind::official, 800, "", false};
  EXPECT_THROW(check_saved_values(d, ValueTable(d.values), std::span(&fewer, 1)), Error);
  // ... unless the batch lowers the insured too.
  const std::vector<Value> both{
      fewer, {"INSURED", "LS-VT", "202203", ValueKind::official, 700, "", false}};
  EXPECT_TRUE(check_saved_values(d, ValueTable(d.values), both).empty());
  // A rule that does not refuse comes back as a warning.
  const Value big{"POPULATION", "LS-VT", "202203", ValueKind::official, 30000, "", false};
  const auto warnings = check_saved_values(d, ValueTable(d.values), std::span(&big, 1));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rule, "R-RANGE");
}

TEST(CycleChecks, SubmitNeedsNotesOnBrokenRulesAndMissedTargets) {
  Dataset d = cycle_sample();
  const Form& form = d.forms[0];
  EXPECT_TRUE(check_for_submit(d, ValueTable(d.values), form, "LS-VT", "202203").notes.empty());

  d.values.back().value = 30000;  // POPULATION breaks R-RANGE
  d.targets.push_back({"INSURED", "LS-VT", "202203", 2000, TargetSource::annual_plan, "", false});
  auto check = check_for_submit(d, ValueTable(d.values), form, "LS-VT", "202203");
  ASSERT_EQ(check.violations.size(), 1u);
  ASSERT_EQ(check.missed_targets, std::vector<std::string>{"INSURED"});
  ASSERT_EQ(check.notes.size(), 2u);

  // A comment on each cell explains them; the violations are still reported.
  for (auto& v : d.values)
    if (v.unit == "LS-VT" && v.period == "202203")
      v.comment = "Giải trình";
  check = check_for_submit(d, ValueTable(d.values), form, "LS-VT", "202203");
  EXPECT_TRUE(check.notes.empty());
  EXPECT_EQ(check.violations.size(), 1u);
}

TEST(CycleChecks, TheEarliestPeriodHasNoPreviousToCompareWith) {
  Dataset d = cycle_sample();
  ValidationRule change;
  change.code = "R-CHANGE";
  change.name = "Thay đổi";
  change.kind = RuleKind::change;
  change.indicator = "POPULATION";
  change.max_change_percent = 10;
  d.validation_rules.push_back(change);
  const Value first{"POPULATION", "LS-VT", "1900", ValueKind::official, 1000, "", false};
  EXPECT_TRUE(check_saved_values(d, ValueTable(d.values), std::span(&first, 1)).empty());
}

TEST(CycleChecks, OfficialFiguresWinOverEstimates) {
  Dataset d = cycle_sample();
  d.values.push_back({"POPULATION", "LS-VT", "202203", ValueKind::estimate, 5, "", false});
  EXPECT_EQ(indicator_values(ValueTable(d.values), "LS-VT", "202203").at("POPULATION"), 1000);
  d.values.push_back({"BUDGET_REVENUE", "LS-VT", "202203", ValueKind::estimate, 5, "", false});
  EXPECT_EQ(indicator_values(ValueTable(d.values), "LS-VT", "202203").at("BUDGET_REVENUE"), 5);
}

}  // namespace
}  // namespace mandate::core
