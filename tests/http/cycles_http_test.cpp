// Reporting cycles black-box through a real `mandate serve` on the demo data:
// forms and rules as records, the submission state machine with its rights
// and levels, locked cells on every write path, rules on save, notes before
// submit, completeness of the demo's monthly form, and task timeliness.
#include <gtest/gtest.h>

#include <string>

#include "../support/api_fixture.hpp"

namespace {

using mandate::test_support::Account;
using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
namespace json = boost::json;

class Cycles : public mandate::test_support::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    // The city's approver (the demo forms are approved at the city) and a
    // reporter of another ward.
    for (const Account& a :
         {Account{"cityapprover", "LS", "approver"}, Account{"clreporter", "LS-CL", "reporter"}})
      mandate::test_support::add_user(server.db(), a);
  }

  static HttpResponse step(HttpClient& c, const std::string& report, const std::string& name,
                           const std::string& reason = "") {
    json::object body;
    if (!reason.empty())
      body["reason"] = reason;
    return c.post_json("/api/v1/submissions/" + report + "/" + name, body);
  }
  static HttpResponse put_value(HttpClient& c, const std::string& cell, double value,
                                const std::string& comment = "") {
    json::object body{{"value", value}};
    if (!comment.empty())
      body["comment"] = comment;
    // Replace what is there (If-Match), or create (If-None-Match: *).
    const std::string target = "/api/v1/values/" + cell;
    const HttpResponse now = c.get(target);
    return c.request(
        "PUT", target, json::serialize(body),
        {now.status == 200 ? std::pair<std::string, std::string>{"If-Match", now.header("ETag")}
                           : std::pair<std::string, std::string>{"If-None-Match", "*"}});
  }
  // A monthly form of the wards and communes on new jobs and complaints, approved
  // at the city: the demo's own monthly form leaves new jobs open, as other tests
  // write them.
  void make_form() {
    HttpClient planner = signed_in("planner");
    HttpResponse r = planner.request(
        "PUT", "/api/v1/forms/BC-VL",
        R"({"name": "Việc làm và đơn thư", "periodType": "month", "unitTypes": ["ward", "commune"],
            "indicators": ["NEW_JOBS", "COMPLAINTS_RECEIVED", "COMPLAINTS_RESOLVED"],
            "deadline": {"kind": "day_of_month", "day": 20}, "approvalLevels": ["city"]})",
        {{"If-None-Match", "*"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  static std::string text(const json::value& v) { return std::string(v.as_string()); }
  static int number(const json::value& v) { return v.to_number<int>(); }
};

TEST_F(Cycles, FormsAndRulesAreRecordsWithEtagsRightsAndAudit) {
  HttpClient viewer = signed_in("viewer");
  HttpResponse forms = viewer.get("/api/v1/forms");
  ASSERT_EQ(forms.status, 200) << forms.body;
  EXPECT_EQ(number(forms.json().at("total")), 3);
  HttpResponse one = viewer.get("/api/v1/forms/BC-THANG-PX");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(text(one.json().at("periodType")), "month");
  EXPECT_EQ(number(one.json().at_pointer("/deadline/day")), 20);
  EXPECT_FALSE(one.header("ETag").empty());

  const std::string body = R"({"name": "Biểu quý", "periodType": "quarter",
      "unitTypes": ["ward", "commune"], "indicators": ["NEW_JOBS"],
      "deadline": {"kind": "days_after_end", "days": 10}, "graceDays": 2,
      "afterGrace": "refuse", "approvalLevels": ["city"]})";
  HttpClient reporter = signed_in("reporter");
  EXPECT_EQ(reporter.request("PUT", "/api/v1/forms/BC-QUY", body, {{"If-None-Match", "*"}}).status,
            403);
  HttpClient planner = signed_in("planner");
  HttpResponse made =
      planner.request("PUT", "/api/v1/forms/BC-QUY", body, {{"If-None-Match", "*"}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(text(made.json().at("afterGrace")), "refuse");
  // A form that names an unknown indicator, a bad period type or an unknown key changes nothing.
  HttpResponse bad = planner.request(
      "PUT", "/api/v1/forms/BC-SAI",
      R"({"name": "Sai", "periodType": "month", "unitTypes": ["ward"], "indicators": ["NOPE"],
          "deadline": {"kind": "day_of_month", "day": 20}})",
      {{"If-None-Match", "*"}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(error_code(bad), "dataset.unknown_reference");
  EXPECT_EQ(text(bad.json().at_pointer("/error/field")), "indicators[0]");
  HttpResponse bad_type = planner.request(
      "PUT", "/api/v1/forms/BC-SAI",
      R"({"name": "Sai", "periodType": "term", "unitTypes": ["ward"], "indicators": ["NEW_JOBS"],
          "deadline": {"kind": "day_of_month", "day": 20}})",
      {{"If-None-Match", "*"}});
  EXPECT_EQ(error_code(bad_type), "form.period_type");
  HttpResponse bad_key = planner.request(
      "PUT", "/api/v1/forms/BC-SAI",
      R"({"name": "Sai", "periodType": "month", "unitTypes": ["ward"], "indicators": ["NEW_JOBS"],
          "deadline": {"kind": "day_of_month", "day": 20, "hour": 5}})",
      {{"If-None-Match", "*"}});
  EXPECT_EQ(error_code(bad_key), "json.unknown_key");
  EXPECT_EQ(planner.get("/api/v1/forms/BC-SAI").status, 404);

  // A form with reports, or an indicator a form names, is in use.
  const std::string monthly = planner.get("/api/v1/forms/BC-THANG-PX").header("ETag");
  HttpResponse in_use =
      planner.request("DELETE", "/api/v1/forms/BC-THANG-PX", "", {{"If-Match", monthly}});
  EXPECT_EQ(in_use.status, 409) << in_use.body;
  EXPECT_EQ(error_code(in_use), "record.in_use");
  EXPECT_EQ(
      planner.request("DELETE", "/api/v1/forms/BC-QUY", "", {{"If-Match", made.header("ETag")}})
          .status,
      204);

  // Rules: a range with its bounds the wrong way round is refused.
  HttpResponse rule = planner.request(
      "PUT", "/api/v1/validation-rules/QT-DAN-SO",
      R"({"name": "Dân số", "kind": "range", "indicator": "POPULATION", "min": 10, "max": 1})",
      {{"If-None-Match", "*"}});
  EXPECT_EQ(error_code(rule), "rule.range_inverted");
  rule =
      planner.request("PUT", "/api/v1/validation-rules/QT-DAN-SO",
                      R"({"name": "Dân số", "kind": "range", "indicator": "POPULATION", "min": 1})",
                      {{"If-None-Match", "*"}});
  ASSERT_EQ(rule.status, 201) << rule.body;
  EXPECT_EQ(number(viewer.get("/api/v1/validation-rules").json().at("total")), 5);

  HttpClient admin = signed_in("admin");
  HttpResponse audit = admin.get("/api/v1/audit?entity=form");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json().at("items").as_array().size(), 2u);  // created, deleted
}

TEST_F(Cycles, CompletenessOfTheDemoMonthlyForm) {
  HttpClient admin = signed_in("admin");
  HttpResponse r = admin.get("/api/v1/completeness?form=BC-THANG-PX&period=202112");
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value c = r.json();
  EXPECT_EQ(text(c.at("unit")), "LS");
  EXPECT_EQ(text(c.at("dueDate")), "2022-01-20");
  EXPECT_EQ(text(c.at("graceEnd")), "2022-01-25");
  const auto& totals = c.at("totals");
  EXPECT_EQ(number(totals.at("expected")), 8);
  EXPECT_EQ(number(totals.at("onTime")), 2);   // LS-VT, LS-HVT
  EXPECT_EQ(number(totals.at("late")), 2);     // LS-CL, LS-HD
  EXPECT_EQ(number(totals.at("missing")), 4);  // LS-DK reopened, LS-TT, LS-MP, LS-QL
  EXPECT_EQ(number(totals.at("notDue")), 0);
  EXPECT_DOUBLE_EQ(totals.at_pointer("/percent/sent").to_number<double>(), 50.0);
  EXPECT_DOUBLE_EQ(totals.at_pointer("/percent/missing").to_number<double>(), 50.0);
  std::set<std::string> chase;
  for (const auto& u : c.at("toChase").as_array())
    chase.insert(text(u));
  EXPECT_EQ(chase, (std::set<std::string>{"LS-DK", "LS-TT", "LS-MP", "LS-QL"}));
  bool found = false;
  for (const auto& child : c.at("byChild").as_array())
    if (text(child.at("unit")) == "LS-CL") {
      found = true;
      EXPECT_EQ(number(child.at("late")), 1);
    }
  EXPECT_TRUE(found) << r.body;

  // A ward sees its own; not the city's; the form's period type is checked.
  HttpClient reporter = signed_in("reporter");
  HttpResponse own = reporter.get("/api/v1/completeness?form=BC-THANG-PX&period=202112");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(number(own.json().at_pointer("/totals/expected")), 1);
  EXPECT_EQ(number(own.json().at_pointer("/totals/onTime")), 1);
  EXPECT_EQ(reporter.get("/api/v1/completeness?form=BC-THANG-PX&period=202112&unit=LS").status,
            403);
  EXPECT_EQ(error_code(admin.get("/api/v1/completeness?form=BC-THANG-PX&period=2021")),
            "form.period_mismatch");
  EXPECT_EQ(error_code(admin.get("/api/v1/completeness?period=202112")), "query.missing");
  EXPECT_EQ(admin.get("/api/v1/completeness?form=NOPE&period=202112").status, 404);
}

TEST_F(Cycles, SubmitApproveReopenWithRightsLevelsAndJournal) {
  make_form();
  const std::string report = "BC-VL/LS-VT/202201";
  HttpClient reporter = signed_in("reporter");
  HttpClient clreporter = signed_in("clreporter");
  HttpClient ward_approver = signed_in("approver");
  HttpClient city_approver = signed_in("cityapprover");

  // Another ward cannot submit this ward's report; nothing to approve before a submit.
  EXPECT_EQ(step(clreporter, report, "submit").status, 403);
  EXPECT_EQ(error_code(step(city_approver, report, "approve")), "submission.step_not_allowed");
  HttpResponse sent = step(reporter, report, "submit");
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(text(sent.json().at("state")), "submitted");
  EXPECT_EQ(text(sent.json().at("submittedBy")), "reporter");

  // A reporter cannot approve; the ward's own approver is the wrong level (the city approves).
  EXPECT_EQ(step(reporter, report, "approve").status, 403);
  EXPECT_EQ(step(ward_approver, report, "approve").status, 403);
  HttpResponse approved = step(city_approver, report, "approve");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(text(approved.json().at("state")), "approved");
  EXPECT_EQ(number(approved.json().at("approvals")), 1);

  // Approved: the form's cells are locked; a recall is no longer possible.
  HttpResponse locked = put_value(reporter, "NEW_JOBS/LS-VT/202201", 4);
  EXPECT_EQ(locked.status, 409) << locked.body;
  EXPECT_EQ(error_code(locked), "submission.locked");
  EXPECT_EQ(error_code(step(reporter, report, "recall")), "submission.step_not_allowed");
  // Indicators not on the form stay open.
  EXPECT_EQ(put_value(reporter, "POPULATION/LS-VT/202201", 4).status, 201);

  // Reopening needs a reason and the approver's right.
  HttpResponse no_reason = step(city_approver, report, "reopen");
  EXPECT_EQ(no_reason.status, 400) << no_reason.body;
  EXPECT_EQ(error_code(no_reason), "submission.reason_missing");
  EXPECT_EQ(step(reporter, report, "reopen", "sửa số").status, 403);
  HttpResponse reopened = step(city_approver, report, "reopen", "Số việc làm chưa khớp");
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(text(reopened.json().at("state")), "reopened");
  EXPECT_EQ(text(reopened.json().at("reopenReason")), "Số việc làm chưa khớp");
  EXPECT_EQ(put_value(reporter, "NEW_JOBS/LS-VT/202201", 4).status, 201);

  // Submitted again and recalled by the ward before anyone approves.
  ASSERT_EQ(step(reporter, report, "submit").status, 200);
  HttpResponse recalled = step(reporter, report, "recall");
  ASSERT_EQ(recalled.status, 200) << recalled.body;
  EXPECT_EQ(text(recalled.json().at("state")), "draft");

  HttpResponse journal = reporter.get("/api/v1/submissions/" + report + "/steps");
  ASSERT_EQ(journal.status, 200) << journal.body;
  const json::value journal_body = journal.json();
  const auto& steps = journal_body.at("items").as_array();
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(text(steps[1].at("step")), "approve");
  EXPECT_EQ(text(steps[1].at("actor")), "cityapprover");
  EXPECT_EQ(text(steps[2].at("reason")), "Số việc làm chưa khớp");
  EXPECT_EQ(clreporter.get("/api/v1/submissions/" + report + "/steps").status, 403);

  HttpResponse list = reporter.get("/api/v1/submissions?form=BC-VL&period=202201");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(number(list.json().at("total")), 1);
  // The city sees every ward's reports of the demo month; a ward only its own.
  HttpClient admin = signed_in("admin");
  EXPECT_EQ(number(admin.get("/api/v1/submissions?period=202112").json().at("total")), 5);
  EXPECT_EQ(number(reporter.get("/api/v1/submissions?period=202112").json().at("total")), 1);

  HttpResponse audit = admin.get("/api/v1/audit?entity=submission&key=" + report);
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json().at("items").as_array().size(), 5u);

  // Bad paths: an unknown step, a unit that does not report the form, a reason on a bad body.
  EXPECT_EQ(error_code(step(reporter, report, "publish")), "submission.step_invalid");
  HttpClient admin2 = signed_in("admin");
  EXPECT_EQ(error_code(step(admin2, "BC-THANG-PX/LS-TU/202201", "submit")),
            "submission.not_reporting");
  EXPECT_EQ(error_code(step(admin2, "BC-VL/LS-VT/2022", "submit")), "form.period_mismatch");
  EXPECT_EQ(error_code(reporter.post_json("/api/v1/submissions/" + report + "/submit",
                                          json::object{{"why", "x"}})),
            "json.unknown_key");
}

TEST_F(Cycles, LockedCellsRefuseEveryWritePath) {
  make_form();
  HttpClient admin = signed_in("admin");
  HttpClient reporter = signed_in("reporter");
  // A value entered, then its report submitted: the cell is locked.
  ASSERT_EQ(put_value(reporter, "NEW_JOBS/LS-VT/202202", 12).status, 201);
  ASSERT_EQ(step(reporter, "BC-VL/LS-VT/202202", "submit").status, 200);
  const std::string cell = "/api/v1/values/NEW_JOBS/LS-VT/202202";
  const std::string etag = admin.get(cell).header("ETag");

  HttpResponse put = admin.request("PUT", cell, R"({"value": 13})", {{"If-Match", etag}});
  EXPECT_EQ(put.status, 409);
  EXPECT_EQ(error_code(put), "submission.locked");
  HttpResponse del = admin.request("DELETE", cell, "", {{"If-Match", etag}});
  EXPECT_EQ(del.status, 409);
  EXPECT_EQ(error_code(del), "submission.locked");

  // Bulk: all or nothing, so the open cell beside the locked one is not written either.
  HttpResponse bulk = admin.post_json("/api/v1/values/bulk", json::parse(R"({"values": [
        {"indicator": "NEW_JOBS", "unit": "LS-CL", "period": "202202", "value": 3},
        {"indicator": "NEW_JOBS", "unit": "LS-VT", "period": "202202", "value": 14}]})"));
  EXPECT_EQ(bulk.status, 409) << bulk.body;
  EXPECT_EQ(error_code(bulk), "submission.locked");
  EXPECT_EQ(admin.get("/api/v1/values/NEW_JOBS/LS-CL/202202").status, 404);

  // DHIS2 import: the row is a conflict and nothing of it is stored.
  HttpResponse dhis2 = admin.request(
      "POST", "/api/dataValueSets?dataElementIdScheme=CODE&orgUnitIdScheme=code",
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value\nNEW_JOBS,202202,LS-VT,,,15\n",
      {{"Content-Type", "application/csv"}});
  EXPECT_NE(dhis2.body.find("E7643"), std::string::npos) << dhis2.body;
  EXPECT_NE(dhis2.body.find("is locked"), std::string::npos) << dhis2.body;  // English by default

  // Excel/CSV import: the row is refused with the locked error.
  HttpResponse csv = admin.request("POST", "/api/v1/imports?filename=v.csv",
                                   "unit,period,indicator,value\nLS-VT,202202,NEW_JOBS,16\n");
  EXPECT_EQ(csv.status, 422) << csv.body;
  EXPECT_NE(csv.body.find("submission.locked"), std::string::npos) << csv.body;

  // Nothing changed the cell.
  EXPECT_EQ(admin.get(cell).json().at("value").to_number<double>(), 12);
  EXPECT_EQ(admin.get(cell).header("ETag"), etag);

  // The demo's approved and submitted reports are locked too.
  EXPECT_EQ(error_code(put_value(admin, "COMPLAINTS_RECEIVED/LS-HVT/202112", 1)),
            "submission.locked");
  EXPECT_EQ(put_value(admin, "COMPLAINTS_RECEIVED/LS-DK/202112", 1).status, 201);  // reopened
}

TEST_F(Cycles, RulesOnSaveAndNotesBeforeSubmit) {
  make_form();
  HttpClient clreporter = signed_in("clreporter");
  // A rule that refuses on save: resolved complaints cannot exceed those received.
  ASSERT_EQ(put_value(clreporter, "COMPLAINTS_RECEIVED/LS-CL/202203", 10).status, 201);
  HttpResponse refused = put_value(clreporter, "COMPLAINTS_RESOLVED/LS-CL/202203", 12);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(error_code(refused), "rule.violated");
  EXPECT_EQ(clreporter.get("/api/v1/values/COMPLAINTS_RESOLVED/LS-CL/202203").status, 404);

  // A rule that only warns: the value is saved, the warning comes back.
  HttpResponse warned = put_value(clreporter, "NEW_JOBS/LS-CL/202203", 600);
  ASSERT_EQ(warned.status, 201) << warned.body;
  const json::value warned_body = warned.json();
  const auto& warnings = warned_body.at("warnings").as_array();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(text(warnings[0].at("rule")), "QT-VIEC-LAM");

  // Submitting needs a note on that cell: refused with the list of cells.
  const std::string report = "BC-VL/LS-CL/202203";
  HttpResponse no_note = step(clreporter, report, "submit");
  EXPECT_EQ(no_note.status, 409) << no_note.body;
  EXPECT_EQ(error_code(no_note), "submission.notes_required");
  const json::value no_note_body = no_note.json();
  const auto& cells = no_note_body.at("notesRequired").as_array();
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_EQ(text(cells[0].at("indicator")), "NEW_JOBS");
  EXPECT_EQ(text(cells[0].at("reason")), "QT-VIEC-LAM");
  HttpClient admin = signed_in("admin");
  EXPECT_EQ(number(admin.get("/api/v1/submissions?unit=LS-CL&period=202203").json().at("total")),
            0);

  ASSERT_EQ(
      put_value(clreporter, "NEW_JOBS/LS-CL/202203", 600, "Khai trương cụm công nghiệp").status,
      200);
  HttpResponse sent = step(clreporter, report, "submit");
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(text(sent.json().at_pointer("/violations/0/rule")), "QT-VIEC-LAM");

  // A missed target needs a note as well.
  HttpClient planner = signed_in("planner");
  ASSERT_EQ(planner
                .request("PUT", "/api/v1/targets/NEW_JOBS/LS-CL/202204",
                         R"({"value": 100, "source": "annual_plan"})", {{"If-None-Match", "*"}})
                .status,
            201);
  ASSERT_EQ(put_value(clreporter, "NEW_JOBS/LS-CL/202204", 40).status, 201);
  HttpResponse missed = step(clreporter, "BC-VL/LS-CL/202204", "submit");
  EXPECT_EQ(error_code(missed), "submission.notes_required");
  EXPECT_EQ(text(missed.json().at_pointer("/notesRequired/0/reason")), "target");
}

TEST_F(Cycles, TaskStatusCountsAddUp) {
  HttpClient admin = signed_in("admin");
  HttpResponse r = admin.get("/api/v1/task-status?period=2021&unit=LS");
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value t = r.json().at("totals");
  const int total = number(t.at("total"));
  EXPECT_GT(total, 0);
  EXPECT_EQ(number(t.at("completedOnTime")) + number(t.at("completedLate")) +
                number(t.at("inProgress")) + number(t.at("overdue")),
            total);
  double percent = 0;
  for (const auto& [k, v] : t.at("percent").as_object())
    percent += v.to_number<double>();
  EXPECT_NEAR(percent, 100.0, 0.2);

  HttpClient viewer = signed_in("viewer");
  EXPECT_EQ(viewer.get("/api/v1/task-status?period=2021&unit=LS").status, 403);
  EXPECT_EQ(error_code(viewer.get("/api/v1/task-status?unit=LS-VT")), "query.missing");
  EXPECT_EQ(error_code(viewer.get("/api/v1/task-status?period=2021Q9")), "period.invalid");

  // A task completed after its deadline (30/6/2022) counts late, in the
  // counts and in the report's sentence.
  HttpClient reporter = signed_in("reporter");
  ASSERT_EQ(reporter
                .post_json("/api/v1/tasks/TG3.1.1/updates",
                           json::object{
                               {"date", "2022-07-10"}, {"progress", 100}, {"status", "completed"}})
                .status,
            201);
  const json::value ward =
      admin.get("/api/v1/task-status?period=2022&unit=LS-VT").json().at("totals");
  EXPECT_EQ(number(ward.at("completedLate")), 1);
  const std::string report = admin.get("/api/v1/reports?unit=LS-VT&period=2022&format=md").body;
  EXPECT_NE(report.find("Năm 2022 có " + std::to_string(number(ward.at("total"))) +
                        " nhiệm vụ cụ thể: " + std::to_string(number(ward.at("completedOnTime"))) +
                        " hoàn thành đúng hạn"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find(", 1 hoàn thành quá hạn ("), std::string::npos) << report;
}

}  // namespace
