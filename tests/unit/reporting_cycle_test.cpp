// Reporting cycles, rule by rule: deadlines, the submission state machine
// and who may take each step, completeness, validation rules, and task
// timeliness as government task tracking counts it.
#include <gtest/gtest.h>

#include <string>

#include "core/completeness.hpp"
#include "core/error.hpp"
#include "core/form.hpp"
#include "core/submission.hpp"
#include "core/task_timeliness.hpp"
#include "core/validation_rule.hpp"

namespace mandate::core {
namespace {

Date d(const char* iso) {
  return parse_iso_date(iso);
}

Unit unit(std::string code, UnitType type, std::string parent) {
  Unit u;
  u.code = std::move(code);
  u.name = "Đơn vị " + u.code;
  u.type = type;
  u.parent_code = std::move(parent);
  return u;
}

// Province → city → two wards (one with a party cell) and a commune.
UnitTree sample_tree() {
  return UnitTree({unit("P", UnitType::province, ""), unit("LS", UnitType::city, "P"),
                   unit("VT", UnitType::ward, "LS"), unit("CL", UnitType::ward, "LS"),
                   unit("HD", UnitType::commune, "LS"), unit("VT-CB", UnitType::party_cell, "VT")});
}

Form monthly_form() {
  Form f;
  f.code = "BM01";
  f.name = "Biểu tháng";
  f.period_type = PeriodType::month;
  f.unit_types = {UnitType::ward, UnitType::commune};
  f.indicators = {"A", "B"};
  f.deadline = {DeadlineRule::Kind::day_of_month, 1, 20, 0};
  f.grace_days = 5;
  f.approval_levels = {UnitType::city, UnitType::province};
  return f;
}

template <typename F>
void expect_error(F&& f, ErrorCategory category, const std::string& code) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), category) << e.code();
    EXPECT_EQ(e.code(), code);
    return;
  }
  ADD_FAILURE() << "accepted; expected " << code;
}

// --- dates and deadlines ----------------------------------------------------

TEST(VietnamDate, IsSevenHoursAheadOfUtc) {
  EXPECT_EQ(vietnam_date("2021-07-20T16:59:59Z"), d("2021-07-20"));
  EXPECT_EQ(vietnam_date("2021-07-20T17:00:00Z"), d("2021-07-21"));
  EXPECT_EQ(vietnam_date("2021-12-31T23:30:00.250Z"), d("2022-01-01"));
  expect_error([] { vietnam_date("2021-07-20"); }, ErrorCategory::invalid_input, "date.invalid");
  expect_error([] { vietnam_date("2021-07-20T25:00:00Z"); }, ErrorCategory::invalid_input,
               "date.invalid");
}

TEST(Form, DueDateFollowsTheRule) {
  Form f = monthly_form();
  EXPECT_EQ(due_date(f, Period::month(2021, 1)), d("2021-02-20"));
  EXPECT_EQ(due_date(f, Period::month(2021, 12)), d("2022-01-20"));  // into the next year
  EXPECT_EQ(grace_end(f, Period::month(2021, 12)), d("2022-01-25"));
  f.deadline.day = 31;  // past February's end: its last day
  EXPECT_EQ(due_date(f, Period::month(2021, 1)), d("2021-02-28"));
  // The six-month estimate, due on 15 June, before the period closes.
  f.period_type = PeriodType::six_months;
  f.deadline = {DeadlineRule::Kind::day_of_month, 0, 15, 0};
  EXPECT_EQ(due_date(f, Period::six_months(2021, 1)), d("2021-06-15"));
  f.deadline = {DeadlineRule::Kind::days_after_end, 0, 0, 10};
  EXPECT_EQ(due_date(f, Period::six_months(2021, 2)), d("2022-01-10"));
  expect_error([&] { due_date(f, Period::year(2021)); }, ErrorCategory::invalid_input,
               "form.period_mismatch");
}

TEST(Form, ValidationNamesTheField) {
  auto check = [](auto change, const std::string& code, const std::string& field) {
    Form f = monthly_form();
    change(f);
    try {
      validate_form(f);
      ADD_FAILURE() << "accepted; expected " << code;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), code);
      EXPECT_EQ(e.field(), field);
    }
  };
  EXPECT_NO_THROW(validate_form(monthly_form()));
  check([](Form& f) { f.code.clear(); }, "json.missing_key", "code");
  check([](Form& f) { f.period_type = PeriodType::term; }, "form.period_type", "periodType");
  check([](Form& f) { f.unit_types.clear(); }, "json.missing_key", "unitTypes");
  check([](Form& f) { f.indicators = {"A", "A"}; }, "dataset.duplicate", "indicators[1]");
  check([](Form& f) { f.deadline.day = 0; }, "form.out_of_range", "deadline.day");
  check([](Form& f) { f.deadline.months_after_end = 13; }, "form.out_of_range",
        "deadline.monthsAfterEnd");
  check([](Form& f) { f.grace_days = -1; }, "form.out_of_range", "graceDays");
  check(
      [](Form& f) {
        f.approval_levels = {UnitType::city, UnitType::city};
      },
      "dataset.duplicate", "approvalLevels[1]");
}

TEST(Form, MustReportFollowsTypeAndLifetime) {
  const Form f = monthly_form();
  Unit ward = unit("VT", UnitType::ward, "LS");
  EXPECT_TRUE(must_report(f, ward, Period::month(2025, 7)));
  EXPECT_FALSE(must_report(f, unit("VT-CB", UnitType::party_cell, "VT"), Period::month(2025, 7)));
  ward.valid_to = d("2025-06-30");  // merged away on 1/7/2025
  EXPECT_TRUE(must_report(f, ward, Period::month(2025, 6)));
  EXPECT_FALSE(must_report(f, ward, Period::month(2025, 7)));
  ward.valid_to.reset();
  ward.valid_from = d("2025-07-15");  // created mid-month: reports that month
  EXPECT_TRUE(must_report(f, ward, Period::month(2025, 7)));
  EXPECT_FALSE(must_report(f, ward, Period::month(2025, 6)));
}

TEST(Form, ApprovalChainGoesUpByType) {
  const UnitTree tree = sample_tree();
  Form f = monthly_form();
  auto codes = [&](const char* unit) {
    std::vector<std::string> out;
    for (const Unit* u : approval_chain(f, tree, unit))
      out.push_back(u->code);
    return out;
  };
  EXPECT_EQ(codes("VT"), (std::vector<std::string>{"LS", "P"}));
  EXPECT_EQ(codes("LS"), (std::vector<std::string>{"LS", "P"}));  // the city approves its own
  f.approval_levels = {UnitType::province, UnitType::city};       // a level below is skipped
  EXPECT_EQ(codes("VT"), (std::vector<std::string>{"P"}));
  f.approval_levels = {UnitType::district, UnitType::city};  // no district: skipped
  EXPECT_EQ(codes("VT"), (std::vector<std::string>{"LS"}));
}

// --- submission and approval -----------------------------------------------

struct Cycle {
  UnitTree tree = sample_tree();
  Form form = monthly_form();
  Principal ward_reporter{"vt.reporter", "VT", Role::reporter};
  Principal other_ward{"cl.reporter", "CL", Role::reporter};
  Principal city_approver{"ls.approver", "LS", Role::approver};
  Principal province_approver{"p.approver", "P", Role::approver};
  Principal ward_approver{"vt.approver", "VT", Role::approver};
  Principal city_viewer{"ls.viewer", "LS", Role::viewer};

  Submission take(const Submission& s, SubmissionStep step, const Principal& who,
                  std::string reason = "", std::string at = "2021-02-10T03:00:00Z") {
    return apply_step(s, {step, who, std::move(at), std::move(reason)}, form, tree);
  }
};

Submission fresh(const char* unit = "VT") {
  Submission s;
  s.form = "BM01";
  s.unit = unit;
  s.period = "202101";
  return s;
}

TEST(Submission, GoesUpLevelByLevelAndLocks) {
  Cycle c;
  Submission s = fresh();
  EXPECT_FALSE(locks_values(s.state));
  s = c.take(s, SubmissionStep::submit, c.ward_reporter);
  EXPECT_EQ(s.state, SubmissionState::submitted);
  EXPECT_EQ(s.submitted_by, "vt.reporter");
  EXPECT_EQ(s.submitted_at, "2021-02-10T03:00:00Z");
  EXPECT_TRUE(locks_values(s.state));
  s = c.take(s, SubmissionStep::approve, c.city_approver);
  EXPECT_EQ(s.state, SubmissionState::submitted);
  EXPECT_EQ(s.approvals, 1);
  s = c.take(s, SubmissionStep::approve, c.province_approver);
  EXPECT_EQ(s.state, SubmissionState::approved);
  EXPECT_EQ(s.approvals, 2);
  EXPECT_TRUE(locks_values(s.state));
  expect_error([&] { c.take(s, SubmissionStep::approve, c.province_approver); },
               ErrorCategory::conflict, "submission.step_not_allowed");
}

TEST(Submission, EachStepBelongsToTheRightPeople) {
  Cycle c;
  Submission s = fresh();
  expect_error([&] { c.take(s, SubmissionStep::submit, c.other_ward); }, ErrorCategory::permission,
               "access.denied.enter_values");
  expect_error([&] { c.take(s, SubmissionStep::submit, c.city_viewer); }, ErrorCategory::permission,
               "access.denied.enter_values");
  s = c.take(s, SubmissionStep::submit, c.ward_reporter);
  // A reporter cannot approve; a ward approver is below the city level.
  expect_error([&] { c.take(s, SubmissionStep::approve, c.ward_reporter); },
               ErrorCategory::permission, "access.denied.approve");
  expect_error([&] { c.take(s, SubmissionStep::approve, c.ward_approver); },
               ErrorCategory::permission, "access.denied.approve");
  // The province may give the city's level too (its scope holds the city).
  Submission by_province = c.take(s, SubmissionStep::approve, c.province_approver);
  EXPECT_EQ(by_province.approvals, 1);
  s = c.take(s, SubmissionStep::approve, c.city_approver);
  // The city cannot give the province's level.
  expect_error([&] { c.take(s, SubmissionStep::approve, c.city_approver); },
               ErrorCategory::permission, "access.denied.approve");
}

TEST(Submission, UndoingGoesBackDownInOrder) {
  Cycle c;
  Submission s = c.take(fresh(), SubmissionStep::submit, c.ward_reporter);
  // Recall before any approval.
  Submission recalled = c.take(s, SubmissionStep::recall, c.ward_reporter);
  EXPECT_EQ(recalled.state, SubmissionState::draft);
  s = c.take(s, SubmissionStep::approve, c.city_approver);
  expect_error([&] { c.take(s, SubmissionStep::recall, c.ward_reporter); }, ErrorCategory::conflict,
               "submission.step_not_allowed");
  s = c.take(s, SubmissionStep::approve, c.province_approver);
  // The city cannot take back the province's level; the province can.
  expect_error([&] { c.take(s, SubmissionStep::unapprove, c.city_approver); },
               ErrorCategory::permission, "access.denied.approve");
  s = c.take(s, SubmissionStep::unapprove, c.province_approver);
  EXPECT_EQ(s.state, SubmissionState::submitted);
  EXPECT_EQ(s.approvals, 1);
  s = c.take(s, SubmissionStep::unapprove, c.city_approver);
  EXPECT_EQ(s.approvals, 0);
  expect_error([&] { c.take(s, SubmissionStep::unapprove, c.city_approver); },
               ErrorCategory::conflict, "submission.step_not_allowed");
}

TEST(Submission, ReopenNeedsAReasonAndUnlocks) {
  Cycle c;
  Submission s = c.take(fresh(), SubmissionStep::submit, c.ward_reporter);
  s = c.take(s, SubmissionStep::approve, c.city_approver);
  expect_error([&] { c.take(s, SubmissionStep::reopen, c.city_approver); },
               ErrorCategory::invalid_input, "submission.reason_missing");
  expect_error([&] { c.take(s, SubmissionStep::reopen, c.ward_reporter, "sai số"); },
               ErrorCategory::permission, "access.denied.approve");
  s = c.take(s, SubmissionStep::reopen, c.city_approver, "Số thu ngân sách nhập nhầm");
  EXPECT_EQ(s.state, SubmissionState::reopened);
  EXPECT_EQ(s.approvals, 0);
  EXPECT_EQ(s.reopen_reason, "Số thu ngân sách nhập nhầm");
  EXPECT_FALSE(locks_values(s.state));
  s = c.take(s, SubmissionStep::submit, c.ward_reporter);
  EXPECT_EQ(s.state, SubmissionState::submitted);
  // A draft is not reopened: it can simply be submitted.
  expect_error([&] { c.take(fresh(), SubmissionStep::reopen, c.city_approver, "x"); },
               ErrorCategory::conflict, "submission.step_not_allowed");
}

TEST(Submission, RefusingFormNeedsAReopeningAfterGrace) {
  Cycle c;
  c.form.after_grace = AfterGrace::refuse;
  // Due 20/2, grace to 25/2 (office dates). 25/2 23:00 in Vietnam still counts.
  EXPECT_EQ(
      c.take(fresh(), SubmissionStep::submit, c.ward_reporter, "", "2021-02-25T16:00:00Z").state,
      SubmissionState::submitted);
  expect_error(
      [&] { c.take(fresh(), SubmissionStep::submit, c.ward_reporter, "", "2021-02-25T17:00:00Z"); },
      ErrorCategory::conflict, "submission.past_grace");
  Submission s = c.take(fresh(), SubmissionStep::reopen, c.city_approver, "Cho nộp muộn",
                        "2021-03-01T01:00:00Z");
  EXPECT_EQ(s.state, SubmissionState::reopened);
  s = c.take(s, SubmissionStep::submit, c.ward_reporter, "", "2021-03-02T01:00:00Z");
  EXPECT_EQ(s.state, SubmissionState::submitted);
  // A form that accepts late reports takes them without a reopening.
  c.form.after_grace = AfterGrace::accept_late;
  EXPECT_EQ(
      c.take(fresh(), SubmissionStep::submit, c.ward_reporter, "", "2021-04-01T01:00:00Z").state,
      SubmissionState::submitted);
}

TEST(Submission, WithoutApprovalLevelsSubmittingIsFinal) {
  Cycle c;
  c.form.approval_levels.clear();
  Submission s = c.take(fresh(), SubmissionStep::submit, c.ward_reporter);
  EXPECT_EQ(s.state, SubmissionState::approved);
  expect_error([&] { c.take(s, SubmissionStep::reopen, c.city_viewer, "x"); },
               ErrorCategory::permission, "access.denied.approve");
  EXPECT_EQ(c.take(s, SubmissionStep::reopen, c.ward_approver, "x").state,
            SubmissionState::reopened);
}

TEST(Submission, NamesRoundTrip) {
  for (auto s : {SubmissionState::draft, SubmissionState::submitted, SubmissionState::approved,
                 SubmissionState::reopened})
    EXPECT_EQ(parse_submission_state(submission_state_name(s)), s);
  EXPECT_EQ(parse_submission_step("unapprove"), SubmissionStep::unapprove);
  expect_error([] { parse_submission_step("approve_all"); }, ErrorCategory::invalid_input,
               "submission.step_invalid");
}

// --- completeness ------------------------------------------------------------

TEST(Completeness, CountsEveryReportingUnitAtEveryLevel) {
  Cycle c;
  const Period jan = Period::month(2021, 1);  // due 20/2
  Submission vt = c.take(fresh("VT"), SubmissionStep::submit, c.ward_reporter, "",
                         "2021-02-20T16:00:00Z");  // 23:00 on the 20th in Vietnam: on time
  Principal cl_reporter{"cl", "CL", Role::reporter};
  Submission cl = c.take(fresh("CL"), SubmissionStep::submit, cl_reporter, "",
                         "2021-02-20T17:00:00Z");  // midnight: the 21st, late
  Submission other_period = fresh("HD");
  other_period.period = "202102";
  other_period.state = SubmissionState::submitted;
  other_period.submitted_at = "2021-02-01T00:00:00Z";
  const std::vector<Submission> stored{vt, cl, other_period};

  const Completeness before = completeness(c.form, c.tree, "LS", jan, stored, d("2021-02-20"));
  EXPECT_EQ(before.due, d("2021-02-20"));
  EXPECT_EQ(before.grace_end, d("2021-02-25"));
  EXPECT_EQ(before.totals.expected, 3);  // two wards and a commune; not the city or the cell
  EXPECT_EQ(before.totals.on_time, 1);
  EXPECT_EQ(before.totals.late, 1);
  EXPECT_EQ(before.totals.not_due, 1);
  EXPECT_EQ(before.to_chase(), std::vector<std::string>{"HD"});

  const Completeness after = completeness(c.form, c.tree, "P", jan, stored, d("2021-03-01"));
  EXPECT_EQ(after.totals.missing, 1);
  EXPECT_EQ(after.totals.sent(), 2);
  ASSERT_EQ(after.by_child.size(), 1u);  // everything is under the city
  EXPECT_EQ(after.by_child[0].first, "LS");
  EXPECT_EQ(after.by_child[0].second.expected, 3);
  ASSERT_EQ(after.units.size(), 3u);
  EXPECT_EQ(after.units[0].unit, "VT");
  EXPECT_EQ(after.units[0].status, ReportingStatus::on_time);
  EXPECT_EQ(after.units[0].submitted_at, "2021-02-20T16:00:00Z");
}

TEST(Completeness, AReopenedReportIsNotSent) {
  Cycle c;
  Submission s = c.take(fresh(), SubmissionStep::submit, c.ward_reporter);
  s = c.take(s, SubmissionStep::reopen, c.city_approver, "sửa");
  const Date due = d("2021-02-20");
  EXPECT_EQ(reporting_status(&s, due, d("2021-02-19")), ReportingStatus::not_due);
  EXPECT_EQ(reporting_status(&s, due, d("2021-02-21")), ReportingStatus::missing);
  EXPECT_EQ(reporting_status(nullptr, due, d("2021-02-20")), ReportingStatus::not_due);
}

// --- validation rules ---------------------------------------------------------

ValidationRule rule(RuleKind kind) {
  ValidationRule r;
  r.code = "R1";
  r.name = "Quy tắc";
  r.kind = kind;
  r.indicator = "A";
  return r;
}

TEST(ValidationRules, CompareRangeAndChange) {
  ValidationRule le = rule(RuleKind::compare);
  le.other_indicator = "B";  // A <= B: numerator within denominator
  ValidationRule range = rule(RuleKind::range);
  range.code = "R2";
  range.min = 0;
  range.max = 100;
  ValidationRule change = rule(RuleKind::change);
  change.code = "R3";
  change.max_change_percent = 50;
  const std::vector<ValidationRule> rules{le, range, change};

  EXPECT_TRUE(check_rules(rules, {{"A", 80}, {"B", 90}}, {{"A", 60}}).empty());
  // Equal within rounding is not a violation.
  EXPECT_TRUE(check_rules(rules, {{"A", 90.0000000001}, {"B", 90}}, {}).empty());

  const auto broken = check_rules(rules, {{"A", 120}, {"B", 90}}, {{"A", 60}});
  ASSERT_EQ(broken.size(), 3u);
  EXPECT_EQ(broken[0].rule, "R1");
  EXPECT_EQ(broken[0].other, 90);
  EXPECT_EQ(broken[1].rule, "R2");
  EXPECT_EQ(broken[1].other, 100);
  EXPECT_EQ(broken[2].rule, "R3");  // 60 → 120 is +100%
  EXPECT_EQ(broken[2].other, 60);

  // Missing values are not judged; nor is a change from zero.
  EXPECT_TRUE(check_rules(rules, {{"A", 5}}, {{"A", 0}}).empty());
  EXPECT_TRUE(check_rules(rules, {{"B", 5}}, {}).empty());
}

TEST(ValidationRules, BadRulesAreRefused) {
  auto check = [](ValidationRule r, const std::string& code, const std::string& field) {
    try {
      validate_rule(r);
      ADD_FAILURE() << "accepted; expected " << code;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), code);
      EXPECT_EQ(e.field(), field);
    }
  };
  check(rule(RuleKind::compare), "json.missing_key", "otherIndicator");
  ValidationRule self = rule(RuleKind::compare);
  self.other_indicator = "A";
  check(self, "rule.same_indicator", "otherIndicator");
  check(rule(RuleKind::range), "json.missing_key", "min");
  ValidationRule inverted = rule(RuleKind::range);
  inverted.min = 10;
  inverted.max = 1;
  check(inverted, "rule.range_inverted", "max");
  check(rule(RuleKind::change), "rule.change_limit", "maxChangePercent");
  ValidationRule stray = rule(RuleKind::change);
  stray.max_change_percent = 20;
  stray.max = 5;
  check(stray, "rule.field_not_allowed", "max");
  EXPECT_EQ(parse_comparison("<="), Comparison::less_or_equal);
  EXPECT_THROW(parse_comparison("=<"), Error);
}

TEST(ValidationRules, MissesAndBreachesNeedANote) {
  const std::vector<RuleViolation> violations{{"R1", "A", 120, 90}, {"R3", "A", 120, 60}};
  const std::vector<std::string> missed{"B", "C"};
  const auto needed = notes_required(violations, missed, {{"C", "Do thiên tai"}, {"B", "  "}});
  ASSERT_EQ(needed.size(), 3u);
  EXPECT_EQ(needed[0].indicator, "A");
  EXPECT_EQ(needed[0].reason, "R1");
  EXPECT_EQ(needed[1].reason, "R3");
  EXPECT_EQ(needed[2].indicator, "B");  // blank is no note
  EXPECT_EQ(needed[2].reason, "target");
}

// --- task timeliness -------------------------------------------------------------

Task task(std::string code, TaskStatus status, const char* deadline, std::string unit = "VT") {
  Task t;
  t.code = std::move(code);
  t.plan = "P";
  t.parent_code = "G1";
  t.name = t.code;
  t.responsible_unit = std::move(unit);
  t.status = status;
  if (deadline)
    t.deadline = d(deadline);
  return t;
}

TEST(TaskTimeliness, FourWaysAsGovernmentCountsThem) {
  const Date today = d("2021-07-01");
  EXPECT_EQ(task_timeliness(task("a", TaskStatus::completed, "2021-06-30"), d("2021-06-30"), today),
            TaskTimeliness::completed_on_time);
  EXPECT_EQ(task_timeliness(task("b", TaskStatus::completed, "2021-06-30"), d("2021-07-01"), today),
            TaskTimeliness::completed_late);
  EXPECT_EQ(task_timeliness(task("c", TaskStatus::completed, "2021-06-30"), std::nullopt, today),
            TaskTimeliness::completed_on_time);
  EXPECT_EQ(task_timeliness(task("d", TaskStatus::in_progress, "2021-07-01"), std::nullopt, today),
            TaskTimeliness::in_progress);
  EXPECT_EQ(task_timeliness(task("e", TaskStatus::not_started, "2021-06-30"), std::nullopt, today),
            TaskTimeliness::overdue);
  EXPECT_EQ(task_timeliness(task("f", TaskStatus::in_progress, nullptr), std::nullopt, today),
            TaskTimeliness::in_progress);
  EXPECT_FALSE(
      task_timeliness(task("g", TaskStatus::cancelled, "2021-01-01"), std::nullopt, today));
}

TEST(TaskTimeliness, CountsPerUnitAndPeriod) {
  const UnitTree tree = sample_tree();
  Task group = task("G1", TaskStatus::in_progress, "2021-01-01");
  group.parent_code.clear();
  Task later = task("late-start", TaskStatus::in_progress, "2022-12-31");
  later.start = d("2022-01-01");
  const std::vector<Task> tasks{
      group,                                                       // a group: not counted
      task("t1", TaskStatus::completed, "2021-06-30"),             // done 10/6: on time
      task("t2", TaskStatus::completed, "2021-03-31"),             // done 15/4: late
      task("t3", TaskStatus::in_progress, "2021-05-31"),           // overdue
      task("t4", TaskStatus::in_progress, "2021-12-31", "CL"),     // in progress
      task("t5", TaskStatus::completed, "2021-12-31", "HD"),       // done 2022: open in 2021
      task("t6", TaskStatus::completed, "2020-12-31", "HD"),       // done in 2020: not 2021's
      task("t7", TaskStatus::cancelled, "2021-06-30"),             // cancelled: not counted
      task("t9", TaskStatus::completed, "2020-06-30"),             // no date, due in 2020: 2020's
      task("t8", TaskStatus::in_progress, "2021-06-30", "VT-CB"),  // below VT: counted for VT
      later,                                                       // starts after 2021
  };
  const std::map<std::string, Date, std::less<>> done{{"t1", d("2021-06-10")},
                                                      {"t2", d("2021-04-15")},
                                                      {"t5", d("2022-01-10")},
                                                      {"t6", d("2020-12-01")}};
  const auto city =
      count_task_timeliness(tasks, done, tree, "LS", Period::year(2021), d("2022-03-01"));
  EXPECT_EQ(city.total, 6);
  EXPECT_EQ(city.completed_on_time, 1);
  EXPECT_EQ(city.completed_late, 1);
  EXPECT_EQ(city.overdue, 2);      // t3, t8 past their deadlines
  EXPECT_EQ(city.in_progress, 2);  // t4, and t5: still open on 31/12 but not past due
  EXPECT_NEAR(city.percent(TaskTimeliness::overdue), 100.0 / 3, 1e-9);

  const auto ward =
      count_task_timeliness(tasks, done, tree, "VT", Period::year(2021), d("2022-03-01"));
  EXPECT_EQ(ward.total, 4);  // t1, t2, t3, t8
  // Midway through the year, t1 was not due and not done yet.
  const auto midyear =
      count_task_timeliness(tasks, done, tree, "VT", Period::year(2021), d("2021-06-01"));
  EXPECT_EQ(midyear.in_progress, 2);  // t1, t8
  EXPECT_EQ(midyear.completed_late, 1);
  EXPECT_EQ(midyear.overdue, 1);
  EXPECT_DOUBLE_EQ(TaskTimelinessCounts{}.percent(TaskTimeliness::overdue), 0.0);
}

TEST(TaskTimeliness, CompletionDatesFromTheProgressJournals) {
  auto entry = [](const char* task, const char* date, TaskStatus status) {
    TaskUpdate u;
    u.task = task;
    u.date = d(date);
    u.status = status;
    return u;
  };
  const std::vector<TaskUpdate> journals{
      entry("a", "2021-03-01", TaskStatus::in_progress),
      entry("a", "2021-04-10", TaskStatus::completed),
      entry("a", "2021-04-20", TaskStatus::completed),  // still completed: 10/4 stands
      entry("b", "2021-02-01", TaskStatus::completed),
      entry("b", "2021-05-01", TaskStatus::in_progress),  // reopened...
      entry("b", "2021-07-15", TaskStatus::completed),    // ...and completed again
      entry("c", "2021-06-01", TaskStatus::completed),
      entry("c", "2021-06-05", TaskStatus::in_progress),  // reopened, not completed since
  };
  const TaskCompletionDates dates = completion_dates(journals);
  EXPECT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates.at("a"), d("2021-04-10"));
  EXPECT_EQ(dates.at("b"), d("2021-07-15"));
  EXPECT_FALSE(dates.contains("c"));
  EXPECT_FALSE(completion_date({}));
}

}  // namespace
}  // namespace mandate::core
