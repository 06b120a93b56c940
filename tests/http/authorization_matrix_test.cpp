// The whole authorization matrix: every route the OpenAPI document describes ×
// every role × a unit inside (LS-VT) and outside (LS-CL) a ward user's scope.
// Allowed requests must succeed (2xx), refused ones must get 403 — and the
// test fails when a route has no probe, so a new route cannot skip the matrix.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "../support/api_fixture.hpp"

namespace {

using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
using mandate::test_support::kAccounts;
namespace json = boost::json;

// What a route needs (docs/api.md, "Roles and scopes").
enum class Right {
  public_route,         // no sign-in
  signed_in,            // any account; results are filtered to the caller's scope
  read,                 // read the unit
  enter,                // enter values, documents, activities, progress, files
  enter_anywhere,       // a role that enters values, no unit named (the caller's own imports)
  plan,                 // plan the unit (units, targets, tasks, plans, restructuring)
  plan_root,            // plan the whole tree (indicators, fields, rating scales)
  approve,              // rate tasks
  administer,           // manage the accounts of the unit
  administer_anywhere,  // an administrator, no unit named (the list of accounts in scope)
  administer_root       // the audit log
};

bool allowed(Right right, const std::string& role, bool city, bool in_scope) {
  const bool reach = in_scope || city;
  switch (right) {
    case Right::public_route:
    case Right::signed_in:
      return true;
    case Right::read:
      return reach;
    case Right::enter:
      return reach && role != "viewer";
    case Right::enter_anywhere:
      return role != "viewer";
    case Right::plan:
      return reach && (role == "admin" || role == "planner");
    case Right::plan_root:
      return city && (role == "admin" || role == "planner");
    case Right::approve:
      return reach && (role == "admin" || role == "approver");
    case Right::administer:
      return reach && role == "admin";
    case Right::administer_anywhere:
      return role == "admin";
    case Right::administer_root:
      return city && role == "admin";
  }
  return false;
}

const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

// One account probing one unit: keys unique to both, so no probe makes
// another's precondition stale.
struct Probe {
  HttpClient& c;
  uint16_t port;
  std::string who;  // account name
  std::string unit;
  std::string tag;                                  // who + unit, for unique codes
  int year;                                         // unique per account and unit
  std::map<std::string, std::string>& attachments;  // tag -> attachment id
  std::function<std::string(const std::string&)> etag;

  HttpResponse create(const std::string& target, const std::string& body) {
    return c.request("PUT", target, body, {{"If-None-Match", "*"}});
  }
  HttpResponse remove(const std::string& target) {
    return c.request("DELETE", target, "", {{"If-Match", etag(target)}});
  }
};

struct Route {
  std::string method;
  std::string pattern;  // as in docs/openapi.json
  Right right;
  std::function<HttpResponse(Probe&)> send;
};

std::string document_body(const std::string& issuer) {
  return R"({"kind": "guidance", "title": "Hướng dẫn thử", "date": "2021-03-04", "issuer": ")" +
         issuer + R"("})";
}
std::string task_body(const std::string& unit) {
  return R"({"plan": "NQ-XXIII", "parent": "TG1", "name": "Nhiệm vụ thử", "responsibleUnit": ")" +
         unit + R"("})";
}
std::string activity_body(const std::string& unit) {
  return R"({"kind": "study_session", "name": "Học tập nghị quyết", "date": "2021-04-05",
             "unit": ")" +
         unit + R"("})";
}
std::string unit_body(const std::string& parent) {
  return R"({"name": "Tổ dân phố thử", "type": "residential_block", "parent": ")" + parent +
         R"("})";
}
std::string plan_body(const std::string& unit) {
  return R"({"name": "Kế hoạch thử", "unit": ")" + unit + R"(", "term": "2020-2025"})";
}
// A restructuring whose common parent is the probed unit (LS-VT) or the city (LS-CL).
std::string unit_change_body(const std::string& unit) {
  const std::string from = unit == "LS-VT" ? "LS-VT-DU" : "LS-CL";
  return R"({"kind": "rename", "effective": "2025-07-01", "from": [")" + from +
         R"("], "newName": "Tên mới"})";
}
const std::string kFormBody = R"({"name": "Biểu thử", "periodType": "month",
    "unitTypes": ["ward"], "indicators": ["NEW_JOBS"], "deadline": {"kind": "days_after_end",
    "days": 10}})";
const std::string kRuleBody = R"({"name": "Quy tắc thử", "kind": "range",
    "indicator": "NEW_JOBS", "min": 0})";
std::string dhis2_value(const std::string& unit, int year, int value) {
  return R"({"dataValues": [{"dataElement": "POPULATION", "period": ")" + std::to_string(year) +
         R"(", "orgUnit": ")" + unit + R"(", "value": ")" + std::to_string(value) + R"("}]})";
}

// A CSV of one value for the unit, as the Excel round-trip imports it.
std::string import_csv(const std::string& unit, int year) {
  return "unit,period,indicator,value\n" + unit + "," + std::to_string(year) + ",POPULATION,42\n";
}

std::vector<Route> routes() {
  using R = Right;
  const std::string v1 = "/api/v1";
  std::vector<Route> out = {
      {"GET", "/healthz", R::public_route, [](Probe& p) { return p.c.get("/healthz"); }},
      {"GET", "/metrics", R::public_route, [](Probe& p) { return p.c.get("/metrics"); }},
      {"GET", v1 + "/openapi.json", R::public_route,
       [](Probe& p) { return p.c.get("/api/v1/openapi.json"); }},
      {"POST", v1 + "/auth/login", R::public_route,
       [](Probe& p) {
         HttpClient fresh(p.port);
         return fresh.post_json(
             "/api/v1/auth/login",
             json::object{{"username", p.who}, {"password", mandate::test_support::kPassword}});
       }},
      {"GET", v1 + "/auth/me", R::signed_in, [](Probe& p) { return p.c.get("/api/v1/auth/me"); }},
      {"POST", v1 + "/auth/tokens", R::signed_in,
       [](Probe& p) {
         return p.c.post_json("/api/v1/auth/tokens", json::object{{"name", "t-" + p.tag}});
       }},
      {"GET", v1 + "/search", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/search?q=quan%20triet"); }},
      {"GET", v1 + "/indicators", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/indicators"); }},
      {"GET", v1 + "/indicators/{code}", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/indicators/POPULATION"); }},
      {"GET", v1 + "/fields", R::signed_in, [](Probe& p) { return p.c.get("/api/v1/fields"); }},
      {"GET", v1 + "/fields/{code}", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/fields/economy"); }},
      {"GET", v1 + "/rating-scales", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/rating-scales"); }},
      {"GET", v1 + "/rating-scales/{code}", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/rating-scales/task"); }},
      {"GET", v1 + "/plans", R::signed_in, [](Probe& p) { return p.c.get("/api/v1/plans"); }},
      {"GET", v1 + "/targets", R::signed_in, [](Probe& p) { return p.c.get("/api/v1/targets"); }},
      {"GET", v1 + "/unit-changes", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/unit-changes"); }},
      {"GET", v1 + "/forms", R::signed_in, [](Probe& p) { return p.c.get("/api/v1/forms"); }},
      {"GET", v1 + "/forms/{code}", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/forms/BC-THANG-PX"); }},
      {"GET", v1 + "/validation-rules", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/validation-rules"); }},
      {"GET", v1 + "/validation-rules/{code}", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/validation-rules/QT-DON-THU"); }},
      {"PUT", v1 + "/forms/{code}", R::plan_root,
       [](Probe& p) { return p.create("/api/v1/forms/FMN-" + p.tag, kFormBody); }},
      {"DELETE", v1 + "/forms/{code}", R::plan_root,
       [](Probe& p) { return p.remove("/api/v1/forms/FMX-" + p.tag); }},
      {"PUT", v1 + "/validation-rules/{code}", R::plan_root,
       [](Probe& p) { return p.create("/api/v1/validation-rules/RN-" + p.tag, kRuleBody); }},
      {"DELETE", v1 + "/validation-rules/{code}", R::plan_root,
       [](Probe& p) { return p.remove("/api/v1/validation-rules/RX-" + p.tag); }},
      {"GET", v1 + "/submissions", R::read,
       [](Probe& p) { return p.c.get("/api/v1/submissions?unit=" + p.unit); }},
      {"GET", v1 + "/submissions/{form}/{unit}/{period}/steps", R::read,
       [](Probe& p) {
         return p.c.get("/api/v1/submissions/BC-THANG-PX/" + p.unit + "/202112/steps");
       }},
      // Submitting a month of its own: a draft with no values needs no notes. The
      // month lies in 2022 to mid-2025, while the demo's old wards still exist.
      {"POST", v1 + "/submissions/{form}/{unit}/{period}/{step}", R::enter,
       [](Probe& p) {
         const int n = (p.year - 2100) / 5;  // 0, 1, 2, ... per probe
         return p.c.post_json("/api/v1/submissions/BC-THANG-PX/" + p.unit + "/" +
                                  std::to_string(202201 + n / 12 * 100 + n % 12) + "/submit",
                              json::object{});
       }},
      {"GET", v1 + "/completeness", R::read,
       [](Probe& p) {
         return p.c.get("/api/v1/completeness?form=BC-THANG-PX&period=202112&unit=" + p.unit);
       }},
      {"GET", v1 + "/task-status", R::read,
       [](Probe& p) { return p.c.get("/api/v1/task-status?period=2021&unit=" + p.unit); }},

      {"GET", v1 + "/plans/{code}", R::read,
       [](Probe& p) { return p.c.get("/api/v1/plans/PX-" + p.tag); }},
      {"GET", v1 + "/units", R::read,
       [](Probe& p) { return p.c.get("/api/v1/units?unit=" + p.unit); }},
      {"GET", v1 + "/units/{code}", R::read,
       [](Probe& p) { return p.c.get("/api/v1/units/" + p.unit); }},
      {"GET", v1 + "/values", R::read,
       [](Probe& p) { return p.c.get("/api/v1/values?unit=" + p.unit); }},
      {"GET", v1 + "/values/{indicator}/{unit}/{period}", R::read,
       [](Probe& p) {
         return p.c.get("/api/v1/values/POPULATION/" + p.unit + "/" + std::to_string(p.year + 1));
       }},
      {"GET", v1 + "/values/{indicator}/{unit}/{period}/history", R::read,
       [](Probe& p) {
         return p.c.get("/api/v1/values/POPULATION/" + p.unit + "/" + std::to_string(p.year + 1) +
                        "/history");
       }},
      {"GET", v1 + "/targets/{indicator}/{unit}/{period}", R::read,
       [](Probe& p) {
         return p.c.get("/api/v1/targets/POPULATION/" + p.unit + "/" + std::to_string(p.year + 1));
       }},
      {"GET", v1 + "/scorecard", R::read,
       [](Probe& p) { return p.c.get("/api/v1/scorecard?period=2021&unit=" + p.unit); }},
      {"GET", v1 + "/reports", R::read,
       [](Probe& p) { return p.c.get("/api/v1/reports?period=2021&format=md&unit=" + p.unit); }},
      {"GET", v1 + "/analytics", R::read,
       [](Probe& p) {
         return p.c.get("/api/v1/analytics?indicator=POPULATION&period=2021&unit=" + p.unit);
       }},
      {"GET", v1 + "/analytics/projections", R::read,
       [](Probe& p) {
         return p.c.get("/api/v1/analytics/projections?term=2020-2025&unit=" + p.unit);
       }},
      {"GET", v1 + "/documents", R::read,
       [](Probe& p) { return p.c.get("/api/v1/documents?unit=" + p.unit); }},
      {"GET", v1 + "/documents/{code}", R::read,
       [](Probe& p) { return p.c.get("/api/v1/documents/D-" + p.tag); }},
      {"GET", v1 + "/documents/{code}/attachments", R::read,
       [](Probe& p) { return p.c.get("/api/v1/documents/D-" + p.tag + "/attachments"); }},
      {"GET", v1 + "/tasks", R::read,
       [](Probe& p) { return p.c.get("/api/v1/tasks?unit=" + p.unit); }},
      {"GET", v1 + "/tasks/{code}", R::read,
       [](Probe& p) { return p.c.get("/api/v1/tasks/T-" + p.tag); }},
      {"GET", v1 + "/tasks/{code}/attachments", R::read,
       [](Probe& p) { return p.c.get("/api/v1/tasks/T-" + p.tag + "/attachments"); }},
      {"GET", v1 + "/tasks/{code}/updates", R::read,
       [](Probe& p) { return p.c.get("/api/v1/tasks/T-" + p.tag + "/updates"); }},
      {"GET", v1 + "/tasks/{task}/ratings/{period}", R::read,
       [](Probe& p) { return p.c.get("/api/v1/tasks/T-" + p.tag + "/ratings/2021"); }},
      {"GET", v1 + "/activities", R::read,
       [](Probe& p) { return p.c.get("/api/v1/activities?unit=" + p.unit); }},
      {"GET", v1 + "/activities/{code}", R::read,
       [](Probe& p) { return p.c.get("/api/v1/activities/AX-" + p.tag); }},
      {"GET", v1 + "/attachments/{id}", R::read,
       [](Probe& p) { return p.c.get("/api/v1/attachments/" + p.attachments.at(p.tag)); }},
      {"GET", v1 + "/unit-changes/{code}", R::read,
       [](Probe& p) { return p.c.get("/api/v1/unit-changes/UX-" + p.tag); }},

      {"PUT", v1 + "/values/{indicator}/{unit}/{period}", R::enter,
       [](Probe& p) {
         return p.create("/api/v1/values/POPULATION/" + p.unit + "/" + std::to_string(p.year),
                         R"({"value": 1000})");
       }},
      {"DELETE", v1 + "/values/{indicator}/{unit}/{period}", R::enter,
       [](Probe& p) {
         return p.remove("/api/v1/values/POPULATION/" + p.unit + "/" + std::to_string(p.year + 1));
       }},
      {"POST", v1 + "/values/bulk", R::enter,
       [](Probe& p) {
         return p.c.post_json(
             "/api/v1/values/bulk",
             json::parse(R"({"values": [{"indicator": "POPULATION", "unit": ")" + p.unit +
                         R"(", "period": ")" + std::to_string(p.year + 2) +
                         R"(", "kind": "official", "value": 5}]})"));
       }},
      {"PUT", v1 + "/documents/{code}", R::enter,
       [](Probe& p) { return p.create("/api/v1/documents/DN-" + p.tag, document_body(p.unit)); }},
      {"DELETE", v1 + "/documents/{code}", R::enter,
       [](Probe& p) { return p.remove("/api/v1/documents/DX-" + p.tag); }},
      {"POST", v1 + "/documents/{code}/attachments", R::enter,
       [](Probe& p) {
         return p.c.request("POST", "/api/v1/documents/D-" + p.tag + "/attachments?filename=a.pdf",
                            kPdf);
       }},
      {"POST", v1 + "/tasks/{code}/attachments", R::enter,
       [](Probe& p) {
         return p.c.request("POST", "/api/v1/tasks/T-" + p.tag + "/attachments?filename=a.pdf",
                            kPdf);
       }},
      {"DELETE", v1 + "/attachments/{id}", R::enter,
       [](Probe& p) { return p.remove("/api/v1/attachments/" + p.attachments.at(p.tag)); }},
      {"POST", v1 + "/tasks/{code}/updates", R::enter,
       [](Probe& p) {
         return p.c.post_json("/api/v1/tasks/T-" + p.tag + "/updates",
                              json::object{{"date", "2021-06-30"}, {"progress", 30}});
       }},
      {"PUT", v1 + "/activities/{code}", R::enter,
       [](Probe& p) { return p.create("/api/v1/activities/AN-" + p.tag, activity_body(p.unit)); }},
      {"DELETE", v1 + "/activities/{code}", R::enter,
       [](Probe& p) { return p.remove("/api/v1/activities/AX-" + p.tag); }},

      {"PUT", v1 + "/units/{code}", R::plan,
       [](Probe& p) { return p.create("/api/v1/units/UN-" + p.tag, unit_body(p.unit)); }},
      {"DELETE", v1 + "/units/{code}", R::plan,
       [](Probe& p) { return p.remove("/api/v1/units/UX-" + p.tag); }},
      {"PUT", v1 + "/targets/{indicator}/{unit}/{period}", R::plan,
       [](Probe& p) {
         return p.create("/api/v1/targets/POPULATION/" + p.unit + "/" + std::to_string(p.year),
                         R"({"value": 5, "source": "annual_plan"})");
       }},
      {"DELETE", v1 + "/targets/{indicator}/{unit}/{period}", R::plan,
       [](Probe& p) {
         return p.remove("/api/v1/targets/POPULATION/" + p.unit + "/" + std::to_string(p.year + 1));
       }},
      {"PUT", v1 + "/tasks/{code}", R::plan,
       [](Probe& p) { return p.create("/api/v1/tasks/TN-" + p.tag, task_body(p.unit)); }},
      {"DELETE", v1 + "/tasks/{code}", R::plan,
       [](Probe& p) { return p.remove("/api/v1/tasks/TX-" + p.tag); }},
      {"PUT", v1 + "/plans/{code}", R::plan,
       [](Probe& p) { return p.create("/api/v1/plans/PN-" + p.tag, plan_body(p.unit)); }},
      {"DELETE", v1 + "/plans/{code}", R::plan,
       [](Probe& p) { return p.remove("/api/v1/plans/PX-" + p.tag); }},
      {"PUT", v1 + "/unit-changes/{code}", R::plan,
       [](Probe& p) {
         return p.create("/api/v1/unit-changes/UN-" + p.tag, unit_change_body(p.unit));
       }},
      {"DELETE", v1 + "/unit-changes/{code}", R::plan,
       [](Probe& p) { return p.remove("/api/v1/unit-changes/UX-" + p.tag); }},

      {"PUT", v1 + "/indicators/{code}", R::plan_root,
       [](Probe& p) {
         return p.create("/api/v1/indicators/IN-" + p.tag,
                         R"({"name": "Chỉ tiêu thử", "valueType": "count",
                             "direction": "higher_is_better", "aggregation": "sum"})");
       }},
      {"DELETE", v1 + "/indicators/{code}", R::plan_root,
       [](Probe& p) { return p.remove("/api/v1/indicators/IX-" + p.tag); }},
      {"PUT", v1 + "/fields/{code}", R::plan_root,
       [](Probe& p) { return p.create("/api/v1/fields/FN-" + p.tag, R"({"name": "Lĩnh vực"})"); }},
      {"DELETE", v1 + "/fields/{code}", R::plan_root,
       [](Probe& p) { return p.remove("/api/v1/fields/FX-" + p.tag); }},
      {"PUT", v1 + "/rating-scales/{code}", R::plan_root,
       [](Probe& p) {
         return p.create("/api/v1/rating-scales/SN-" + p.tag,
                         R"({"name": "Thang", "levels": [{"code": "a", "name": "Tốt"}]})");
       }},
      {"DELETE", v1 + "/rating-scales/{code}", R::plan_root,
       [](Probe& p) { return p.remove("/api/v1/rating-scales/SX-" + p.tag); }},

      {"PUT", v1 + "/tasks/{task}/ratings/{period}", R::approve,
       [](Probe& p) {
         return p.create("/api/v1/tasks/T-" + p.tag + "/ratings/2022",
                         R"({"scale": "task", "level": "good"})");
       }},
      {"DELETE", v1 + "/tasks/{task}/ratings/{period}", R::approve,
       [](Probe& p) { return p.remove("/api/v1/tasks/T-" + p.tag + "/ratings/2021"); }},
      {"GET", v1 + "/audit", R::administer_root, [](Probe& p) { return p.c.get("/api/v1/audit"); }},

      // Everyone's own notifications (the test runs a reminder pass first, so
      // every account has some); nobody reaches another's.
      {"GET", v1 + "/notifications", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/notifications?unread=true&limit=5"); }},
      {"GET", v1 + "/notifications/unread-count", R::signed_in,
       [](Probe& p) { return p.c.get("/api/v1/notifications/unread-count"); }},
      {"POST", v1 + "/notifications/{id}/read", R::signed_in,
       [](Probe& p) {
         const HttpResponse list = p.c.get("/api/v1/notifications?limit=1");
         const json::value body = list.json();
         const auto& items = body.at("items").as_array();
         const std::string id =
             items.empty() ? "0" : std::to_string(items[0].at("id").to_number<long long>());
         return p.c.post_json("/api/v1/notifications/" + id + "/read", json::object{});
       }},
      {"POST", v1 + "/notifications/read-all", R::signed_in,
       [](Probe& p) { return p.c.post_json("/api/v1/notifications/read-all", json::object{}); }},

      // Accounts: the fixtures give each probe its own account "u-<tag>" in the unit.
      {"GET", v1 + "/users", R::administer_anywhere,
       [](Probe& p) { return p.c.get("/api/v1/users?role=viewer"); }},
      {"POST", v1 + "/users", R::administer,
       [](Probe& p) {
         return p.c.post_json("/api/v1/users",
                              json::object{{"username", "n-" + p.tag},
                                           {"unit", p.unit},
                                           {"role", "viewer"},
                                           {"password", mandate::test_support::kPassword}});
       }},
      {"GET", v1 + "/users/{username}", R::administer,
       [](Probe& p) { return p.c.get("/api/v1/users/u-" + p.tag); }},
      {"PUT", v1 + "/users/{username}", R::administer,
       [](Probe& p) {
         const std::string target = "/api/v1/users/u-" + p.tag;
         return p.c.request("PUT", target, R"({"displayName": "Người thử"})",
                            {{"If-Match", p.etag(target)}});
       }},
      {"POST", v1 + "/users/{username}/password", R::administer,
       [](Probe& p) {
         return p.c.post_json("/api/v1/users/u-" + p.tag + "/password",
                              json::object{{"password", mandate::test_support::kPassword}});
       }},
      {"POST", v1 + "/users/{username}/unlock", R::administer,
       [](Probe& p) {
         return p.c.post_json("/api/v1/users/u-" + p.tag + "/unlock", json::object{});
       }},

      {"GET", v1 + "/templates/data-entry", R::read,
       [](Probe& p) { return p.c.get("/api/v1/templates/data-entry?period=2021&unit=" + p.unit); }},
      {"POST", v1 + "/imports", R::enter,
       [](Probe& p) {
         return p.c.request("POST", "/api/v1/imports?filename=v.csv",
                            import_csv(p.unit, p.year + 4));
       }},
      {"GET", v1 + "/imports", R::enter_anywhere,
       [](Probe& p) { return p.c.get("/api/v1/imports"); }},
      {"GET", v1 + "/imports/{id}", R::enter_anywhere,
       [](Probe& p) {
         // The caller's own import (a viewer has none: refused by role first).
         HttpResponse started =
             p.c.request("POST", "/api/v1/imports?filename=v.csv", import_csv("LS-VT", p.year + 4));
         const std::string id = started.status == 200
                                    ? std::string(started.json().at("id").as_string())
                                    : std::string("none");
         return p.c.get("/api/v1/imports/" + id);
       }},
  };
  // DHIS2's paths, with and without a version and a format suffix: reading
  // needs the unit, importing the right to enter its values.
  int variant = 0;  // each path writes another figure, so each import changes the cell
  for (const std::string prefix : {"/api", "/api/{version}"}) {
    for (const std::string suffix : {"", ".json", ".csv"}) {
      const int value = 100 + variant++;
      const std::string pattern = prefix + "/dataValueSets" + suffix;
      const std::string path =
          (prefix == "/api" ? "/api" : "/api/41") + std::string("/dataValueSets") + suffix;
      out.push_back({"GET", pattern, R::read, [path](Probe& p) {
                       return p.c.get(path + "?idScheme=CODE&period=2021&orgUnit=" + p.unit);
                     }});
      out.push_back({"POST", pattern, R::enter, [path, suffix, value](Probe& p) {
                       const std::string year = std::to_string(p.year + 3);
                       if (suffix == ".csv")
                         return p.c.request(
                             "POST", path + "?idScheme=CODE",
                             "dataelement,period,orgunit,catoptcombo,attroptcombo,value\n"
                             "POPULATION," +
                                 year + "," + p.unit + ",,," + std::to_string(value) + "\n",
                             {{"Content-Type", "application/csv"}});
                       return p.c.request("POST", path + "?idScheme=CODE",
                                          dhis2_value(p.unit, p.year + 3, value),
                                          {{"Content-Type", "application/json"}});
                     }});
    }
  }
  // Last, since they end the session or change the password.
  out.push_back({"POST", v1 + "/auth/password", R::signed_in, [](Probe& p) {
                   return p.c.post_json(
                       "/api/v1/auth/password",
                       json::object{{"oldPassword", mandate::test_support::kPassword},
                                    {"newPassword", mandate::test_support::kPassword}});
                 }});
  out.push_back({"POST", v1 + "/auth/logout", R::signed_in,
                 [](Probe& p) { return p.c.post_json("/api/v1/auth/logout", json::object{}); }});
  return out;
}

std::string upper(std::string s) {
  for (char& ch : s)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

// How many values an import took in (imported + updated).
int taken_in(const HttpResponse& r) {
  const json::value s = r.json();
  return static_cast<int>(s.at_pointer("/response/importCount/imported").to_number<double>() +
                          s.at_pointer("/response/importCount/updated").to_number<double>());
}

class AuthorizationMatrix : public mandate::test_support::ApiFixture {
 protected:
  // What the probes delete, read or attach to, made by the city's administrator.
  void make_fixtures(HttpClient& admin, const std::string& tag, const std::string& unit, int year,
                     std::map<std::string, std::string>& attachments) {
    auto create = [&](const std::string& target, const std::string& body) {
      HttpResponse r = admin.request("PUT", target, body, {{"If-None-Match", "*"}});
      ASSERT_EQ(r.status, 201) << target << ": " << r.body;
    };
    create("/api/v1/documents/D-" + tag, document_body(unit));
    create("/api/v1/documents/DX-" + tag, document_body(unit));
    create("/api/v1/tasks/T-" + tag, task_body(unit));
    create("/api/v1/tasks/TX-" + tag, task_body(unit));
    create("/api/v1/tasks/T-" + tag + "/ratings/2021", R"({"scale": "task", "level": "good"})");
    create("/api/v1/activities/AX-" + tag, activity_body(unit));
    create("/api/v1/units/UX-" + tag, unit_body(unit));
    create("/api/v1/plans/PX-" + tag, plan_body(unit));
    create("/api/v1/unit-changes/UX-" + tag, unit_change_body(unit));
    create("/api/v1/indicators/IX-" + tag, R"({"name": "Chỉ tiêu xóa", "valueType": "count",
        "direction": "higher_is_better", "aggregation": "sum"})");
    create("/api/v1/fields/FX-" + tag, R"({"name": "Lĩnh vực xóa"})");
    create("/api/v1/forms/FMX-" + tag, kFormBody);
    create("/api/v1/validation-rules/RX-" + tag, kRuleBody);
    create("/api/v1/rating-scales/SX-" + tag,
           R"({"name": "Thang xóa", "levels": [{"code": "a", "name": "Tốt"}]})");
    create("/api/v1/values/POPULATION/" + unit + "/" + std::to_string(year + 1), R"({"value": 7})");
    create("/api/v1/targets/POPULATION/" + unit + "/" + std::to_string(year + 1),
           R"({"value": 7, "source": "annual_plan"})");
    HttpResponse account = admin.post_json(
        "/api/v1/users", json::object{{"username", "u-" + tag},
                                      {"unit", unit},
                                      {"role", "viewer"},
                                      {"password", mandate::test_support::kPassword}});
    ASSERT_EQ(account.status, 201) << account.body;
    HttpResponse file =
        admin.request("POST", "/api/v1/documents/D-" + tag + "/attachments?filename=f.pdf", kPdf);
    ASSERT_EQ(file.status, 201) << file.body;
    attachments[tag] = std::to_string(file.json().at("id").to_number<long long>());
  }
};

TEST_F(AuthorizationMatrix, EveryRouteEveryRoleInsideAndOutsideTheScope) {
  const std::vector<Route> table = routes();

  // Every route the server describes has a probe, and every probe a route.
  HttpClient anonymous(server.port());
  const json::value doc = anonymous.get("/api/v1/openapi.json").json();
  std::set<std::string> described, probed;
  for (const auto& [path, item] : doc.at("paths").as_object())
    for (const auto& [method, op] : item.as_object())
      if (method == "get" || method == "put" || method == "post" || method == "delete")
        described.insert(upper(std::string(method)) + " " + std::string(path));
  for (const auto& r : table)
    probed.insert(r.method + " " + r.pattern);
  for (const auto& d : described)
    EXPECT_TRUE(probed.contains(d)) << "no authorization probe for " << d;
  for (const auto& p : probed)
    EXPECT_TRUE(described.contains(p)) << "probe for an undescribed route: " << p;

  // 18 December 2021: every account has a reminder or a digest of the demo's forms.
  ASSERT_EQ(mandate::test_support::run_command(
                {MANDATE_BINARY, "remind", "--db", server.db(), "--today", "2021-12-18"}, true),
            0);
  HttpClient admin = signed_in("admin");
  std::map<std::string, std::string> attachments;
  std::map<std::string, int> years;
  int next_year = 2100;
  for (const auto& account : kAccounts)
    for (const std::string unit : {"LS-VT", "LS-CL"}) {
      const std::string tag = std::string(account.username) + "-" + unit;
      years[tag] = next_year;
      next_year += 5;
      make_fixtures(admin, tag, unit, years[tag], attachments);
    }
  auto etag = [&](const std::string& target) { return admin.get(target).header("ETag"); };

  // Route by route, so the probes that end sessions or change passwords come last.
  std::vector<HttpClient> clients;
  for (const auto& account : kAccounts)
    clients.push_back(signed_in(account.username));
  int checks = 0;
  for (const auto& route : table) {
    for (size_t i = 0; i < std::size(kAccounts); ++i) {
      const auto& account = kAccounts[i];
      const std::string who = account.username;
      const bool city = std::string(account.unit) == "LS";
      for (const std::string unit : {"LS-VT", "LS-CL"}) {
        const std::string tag = who + "-" + unit;
        Probe probe{clients[i], server.port(), who, unit, tag, years[tag], attachments, etag};
        const bool expect = allowed(route.right, account.role, city, unit == "LS-VT");
        const std::string label = who + " " + route.method + " " + route.pattern + " @" + unit;
        HttpResponse r;
        try {
          r = route.send(probe);
        } catch (const std::exception& e) {
          FAIL() << label << ": " << e.what();
        }
        ++checks;
        const bool dhis2_import =
            route.pattern.find("dataValueSets") != std::string::npos && route.method == "POST";
        const bool value_import = route.pattern == "/api/v1/imports" && route.method == "POST";
        if (value_import && r.status != 403) {
          // Rows outside the caller's scope are row errors of a refused import.
          const bool refused =
              r.status == 422 && r.body.find("org_unit_out_of_scope") != std::string::npos;
          EXPECT_EQ(r.status == 200, expect) << label << ": " << r.body.substr(0, 400);
          EXPECT_TRUE(r.status == 200 || refused) << label << ": " << r.body.substr(0, 400);
        } else if (dhis2_import && r.status != 403) {
          // DHIS2 refuses values outside the caller's scope one by one, as
          // conflicts in a 200 or 409 import summary, like DHIS2 itself.
          ASSERT_TRUE(r.status == 200 || r.status == 409) << label << ": " << r.body;
          EXPECT_EQ(taken_in(r), expect ? 1 : 0) << label << ": " << r.body.substr(0, 400);
        } else if (!expect) {
          EXPECT_EQ(r.status, 403) << label << ": " << r.body.substr(0, 300);
        } else {
          EXPECT_GE(r.status, 200) << label;
          EXPECT_LT(r.status, 300) << label << ": " << r.body.substr(0, 300);
        }
        if (route.right == Right::public_route || route.right == Right::signed_in ||
            route.right == Right::enter_anywhere || route.right == Right::plan_root ||
            route.right == Right::administer_anywhere || route.right == Right::administer_root)
          break;  // no unit in these requests: one probe per account is enough
      }
    }
  }
  EXPECT_GT(checks, 6 * 70);
}

}  // namespace
