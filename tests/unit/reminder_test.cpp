// Who is reminded of what, when: deadline reminders for a unit's own
// reporters, leaders' digests, step notifications, and their text in both
// languages. Pure: the clock is the `today` each test gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "core/notification.hpp"
#include "core/reminder.hpp"

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

// City → two wards; a department that reports nothing.
UnitTree sample_tree() {
  return UnitTree({unit("LS", UnitType::city, ""), unit("VT", UnitType::ward, "LS"),
                   unit("CL", UnitType::ward, "LS"), unit("BTG", UnitType::department, "LS")});
}

// Monthly, due the 20th of the following month, 5 days' grace, approved at the city.
Form monthly_form() {
  Form f;
  f.code = "BM01";
  f.name = "Biểu tháng";
  f.period_type = PeriodType::month;
  f.unit_types = {UnitType::ward};
  f.indicators = {"A"};
  f.deadline = {DeadlineRule::Kind::day_of_month, 1, 20, 0};
  f.grace_days = 5;
  f.approval_levels = {UnitType::city};
  return f;
}

const std::vector<Principal> kUsers = {
    {"vt_reporter", "VT", Role::reporter},   {"vt_viewer", "VT", Role::viewer},
    {"cl_reporter", "CL", Role::reporter},   {"city_leader", "LS", Role::viewer},
    {"city_approver", "LS", Role::approver},
};

struct Fixture {
  UnitTree tree = sample_tree();
  std::vector<Form> forms = {monthly_form()};
  std::vector<Submission> submissions;
  std::vector<Task> tasks;

  std::vector<PlannedNotification> plan(const char* today, ReminderSettings s = {}) {
    ReminderInput in;
    in.forms = forms;
    in.tree = &tree;
    in.submissions = submissions;
    in.tasks = tasks;
    in.users = kUsers;
    in.today = d(today);
    in.settings = s;
    return plan_reminders(in);
  }
};

std::vector<std::string> described(const std::vector<PlannedNotification>& list) {
  std::vector<std::string> out;
  for (const auto& n : list)
    out.push_back(n.username + " " + std::string(notification_kind_name(n.kind)) + " " + n.form +
                  " " + n.unit + " " + n.period + " " + n.occasion);
  std::sort(out.begin(), out.end());
  return out;
}

// The deadline reminders only (October's report, missing too, is in the digests).
std::vector<PlannedNotification> reminders(std::vector<PlannedNotification> list) {
  std::erase_if(list, [](const auto& n) { return n.kind == NotificationKind::digest; });
  return list;
}

Submission sent(const char* unit, const char* period, SubmissionState state) {
  Submission s;
  s.form = "BM01";
  s.unit = unit;
  s.period = period;
  s.state = state;
  s.submitted_at = "2021-12-01T02:00:00Z";
  return s;
}

TEST(Reminders, PeriodsAreFoundByTheirDueDate) {
  const auto periods = periods_due_between(monthly_form(), d("2021-12-01"), d("2022-01-31"));
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0].id(), "202111");  // due 20 December
  EXPECT_EQ(periods[1].id(), "202112");  // due 20 January
  Form year = monthly_form();
  year.period_type = PeriodType::year;
  year.deadline = {DeadlineRule::Kind::days_after_end, 0, 0, 15};
  const auto years = periods_due_between(year, d("2022-01-15"), d("2022-01-15"));
  ASSERT_EQ(years.size(), 1u);
  EXPECT_EQ(years[0].id(), "2021");
}

TEST(Reminders, BeforeTheDeadlineOnlyTheUnitsOwnReportersAreReminded) {
  Fixture f;
  EXPECT_TRUE(reminders(f.plan("2021-12-16")).empty()) << "four days before: not yet";
  const auto soon = reminders(f.plan("2021-12-17"));
  EXPECT_EQ(described(soon), (std::vector<std::string>{
                                 "cl_reporter deadline_soon BM01 CL 202111 ",
                                 "vt_reporter deadline_soon BM01 VT 202111 ",
                             }));
  EXPECT_EQ(soon[0].days_left, 3);
  EXPECT_EQ(*soon[0].due, d("2021-12-20"));
  // The setting moves the first reminder; 0 turns "soon" off.
  EXPECT_EQ(reminders(f.plan("2021-12-16", {.days_before = 4})).size(), 2u);
  EXPECT_TRUE(reminders(f.plan("2021-12-19", {.days_before = 0})).empty());
}

TEST(Reminders, OnTheDayAndOverdueAndThenOnlyInTheDigest) {
  Fixture f;
  EXPECT_EQ(described(reminders(f.plan("2021-12-20"))),
            (std::vector<std::string>{"cl_reporter deadline_today BM01 CL 202111 ",
                                      "vt_reporter deadline_today BM01 VT 202111 "}));
  const auto late = f.plan("2021-12-21");
  const auto names = described(late);
  EXPECT_TRUE(std::count(names.begin(), names.end(), "vt_reporter overdue BM01 VT 202111 "));
  for (const auto& n : late)
    if (n.kind == NotificationKind::overdue) {
      ASSERT_TRUE(n.grace_end);
      EXPECT_EQ(*n.grace_end, d("2021-12-25"));
    }
  // Eight days late: no more overdue reminders, the digest keeps it in view.
  for (const auto& n : f.plan("2021-12-28"))
    EXPECT_EQ(n.kind, NotificationKind::digest) << n.username;
}

TEST(Reminders, ASentReportIsNotRemindedAReopenedOneIs) {
  Fixture f;
  f.submissions = {sent("VT", "202111", SubmissionState::submitted),
                   sent("CL", "202111", SubmissionState::reopened)};
  EXPECT_EQ(described(reminders(f.plan("2021-12-18"))),
            (std::vector<std::string>{"cl_reporter deadline_soon BM01 CL 202111 "}));
}

TEST(Reminders, LeadersGetADigestOfTheirScope) {
  Fixture f;
  f.submissions = {sent("VT", "202111", SubmissionState::approved)};
  Task group;
  group.code = "TG";
  group.name = "Nhóm";
  Task task;
  task.code = "T1";
  task.name = "Chỉnh trang đô thị";
  task.parent_code = "TG";
  task.responsible_unit = "CL";
  task.deadline = d("2021-12-01");
  task.status = TaskStatus::in_progress;
  f.tasks = {group, task};
  const auto out = f.plan("2021-12-22");
  std::vector<PlannedNotification> digests;
  for (const auto& n : out)
    if (n.kind == NotificationKind::digest)
      digests.push_back(n);
  // The city's viewer and approver; the ward's viewer has nothing missing
  // and no task overdue in Vĩnh Trại; reporters get no digest.
  ASSERT_EQ(digests.size(), 2u);
  for (const auto& dg : digests) {
    EXPECT_TRUE(dg.username == "city_leader" || dg.username == "city_approver");
    EXPECT_EQ(dg.occasion, "2021-12-22");
    ASSERT_EQ(dg.lines.size(), 1u);
    EXPECT_EQ(dg.lines[0].period, "202111");
    EXPECT_EQ(dg.lines[0].expected, 2);
    EXPECT_EQ(dg.lines[0].missing, std::vector<std::string>{"CL"});
    EXPECT_EQ(dg.overdue_tasks, 1);
    EXPECT_EQ(dg.overdue_task_codes, std::vector<std::string>{"T1"});
  }
  // The same day planned again plans the same digest: the store keeps one.
  EXPECT_EQ(described(f.plan("2021-12-22")), described(out));
}

TEST(Reminders, SettingsOutOfRangeAreRefused) {
  EXPECT_NO_THROW(validate_reminder_settings({}));
  for (const ReminderSettings& s :
       {ReminderSettings{.days_before = -1}, ReminderSettings{.days_before = 32},
        ReminderSettings{.overdue_days = 0}, ReminderSettings{.digest_days = 367}}) {
    try {
      validate_reminder_settings(s);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.category(), ErrorCategory::invalid_input);
    }
  }
}

TEST(StepNotifications, SubmittedGoesToTheNextLevelsApproversApprovedBackToTheUnit) {
  const UnitTree tree = sample_tree();
  const Form form = monthly_form();
  Submission s = sent("VT", "202111", SubmissionState::submitted);
  auto out =
      plan_step_notifications(form, tree, kUsers, s, SubmissionStep::submit, "vt_reporter", "1");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].username, "city_approver");
  EXPECT_EQ(out[0].kind, NotificationKind::submission_submitted);
  EXPECT_EQ(out[0].occasion, "1");

  s.state = SubmissionState::approved;
  s.approvals = 1;
  out =
      plan_step_notifications(form, tree, kUsers, s, SubmissionStep::approve, "city_approver", "2");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].username, "vt_reporter");  // the viewer enters nothing
  EXPECT_EQ(out[0].kind, NotificationKind::submission_approved);

  s.state = SubmissionState::reopened;
  s.reopen_reason = "Thiếu số liệu";
  out =
      plan_step_notifications(form, tree, kUsers, s, SubmissionStep::reopen, "city_approver", "3");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, NotificationKind::submission_reopened);
  EXPECT_EQ(out[0].reason, "Thiếu số liệu");
  // A recall tells no one; nor is anyone told of their own step.
  EXPECT_TRUE(
      plan_step_notifications(form, tree, kUsers, s, SubmissionStep::recall, "vt_reporter", "4")
          .empty());
}

TEST(NotificationText, BothLanguagesWithNamesDatesAndPeriods) {
  NotificationFacts f;
  f.kind = NotificationKind::deadline_soon;
  f.form = "Biểu tháng";
  f.unit = "Phường Vĩnh Trại";
  f.period = "202111";
  f.due = d("2021-12-20");
  f.days_left = 3;
  auto vi = render_notification(f, Lang::vi);
  EXPECT_EQ(vi.title, "Sắp đến hạn nộp báo cáo Biểu tháng — Tháng 11/2021");
  EXPECT_NE(vi.body.find("chậm nhất ngày 20/12/2021 (còn 3 ngày)"), std::string::npos) << vi.body;
  auto en = render_notification(f, Lang::en);
  EXPECT_EQ(en.title, "Report due soon: Biểu tháng — November 2021");

  f.kind = NotificationKind::digest;
  f.day = d("2021-12-22");
  f.lines = {{"Biểu tháng", "202111", d("2021-12-20"), 12, 1, {}}};
  for (int i = 0; i < 11; ++i)
    f.lines[0].missing.push_back("Xã " + std::to_string(i));
  f.overdue_tasks = 1;
  f.overdue_task_names = {"Chỉnh trang đô thị"};
  vi = render_notification(f, Lang::vi);
  EXPECT_EQ(vi.title, "Tổng hợp ngày 22/12/2021: 11 báo cáo chưa nộp, 1 nhiệm vụ quá hạn");
  EXPECT_NE(vi.body.find("11/12 đơn vị chưa nộp: Xã 0, "), std::string::npos) << vi.body;
  EXPECT_NE(vi.body.find(" và 1 nơi khác"), std::string::npos) << "ten names, then a count";
  EXPECT_NE(vi.body.find("Nộp muộn: 1."), std::string::npos);
  EXPECT_NE(vi.body.find("Nhiệm vụ quá hạn chưa hoàn thành (1): Chỉnh trang đô thị."),
            std::string::npos);
}

TEST(NotificationText, KindsHaveStableNames) {
  for (auto k :
       {NotificationKind::deadline_soon, NotificationKind::deadline_today,
        NotificationKind::overdue, NotificationKind::digest, NotificationKind::submission_submitted,
        NotificationKind::submission_approved, NotificationKind::submission_reopened})
    EXPECT_EQ(parse_notification_kind(notification_kind_name(k)), k);
  EXPECT_THROW(parse_notification_kind("reminder"), Error);
}

}  // namespace
}  // namespace mandate::core
