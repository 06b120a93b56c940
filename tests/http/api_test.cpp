// The JSON API, black-box: sign-in and lockout, CSRF, ETag conflicts, error shapes, all-or-nothing
// bulk writes, audit, search and Vietnamese sorting — through a real `mandate serve`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "../support/api_fixture.hpp"

namespace {

using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
namespace json = boost::json;

using Api = mandate::test_support::ApiFixture;
using mandate::test_support::kPassword;

const std::string kBudget = "/api/v1/values/BUDGET_REVENUE/LS/2021?kind=estimate";

TEST_F(Api, LoginSetsAStrictHttpOnlyCookieAndLogoutEndsTheSession) {
  HttpClient c(server.port());
  HttpResponse r = c.post_json("/api/v1/auth/login",
                               json::object{{"username", "admin"}, {"password", kPassword}});
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.set_cookies.size(), 1u);
  EXPECT_NE(r.set_cookies[0].find("HttpOnly"), std::string::npos);
  EXPECT_NE(r.set_cookies[0].find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r.json().at("user").at("role").as_string(), "admin");
  c.set_header("X-CSRF-Token", std::string(r.json().at("csrfToken").as_string()));
  EXPECT_EQ(c.get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(c.request("POST", "/api/v1/auth/logout").status, 204);
  const auto cookies = c.cookies();
  c.clear_cookies();
  for (const auto& [k, v] : cookies)
    c.set_cookie(k, v);  // replay the old cookie
  EXPECT_EQ(c.get("/api/v1/auth/me").status, 401);
}

TEST_F(Api, WrongPasswordAndUnknownUserGetTheSameBilingualAnswer) {
  HttpClient c(server.port());
  HttpResponse wrong = c.post_json(
      "/api/v1/auth/login", json::object{{"username", "admin"}, {"password", "sai-mat-khau"}});
  HttpResponse unknown =
      c.post_json("/api/v1/auth/login", json::object{{"username", "nobody"}, {"password", "x"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(error_code(wrong), "auth.bad_credentials");
  EXPECT_EQ(wrong.json().at("error").at("message"), unknown.json().at("error").at("message"));
  EXPECT_FALSE(wrong.json().at("error").at("message").at("vi").as_string().empty());
  EXPECT_FALSE(wrong.json().at("error").at("message").at("en").as_string().empty());
}

TEST_F(Api, RepeatedFailuresLockTheAccountEvenForTheRightPassword) {
  HttpClient c(server.port());
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(error_code(c.post_json("/api/v1/auth/login",
                                     json::object{{"username", "viewer"}, {"password", "wrong!"}})),
              "auth.bad_credentials");
  EXPECT_EQ(error_code(c.post_json("/api/v1/auth/login",
                                   json::object{{"username", "viewer"}, {"password", "wrong!"}})),
            "auth.locked");
  HttpResponse right = c.post_json("/api/v1/auth/login",
                                   json::object{{"username", "viewer"}, {"password", kPassword}});
  EXPECT_EQ(right.status, 401);
  EXPECT_EQ(error_code(right), "auth.locked");
  // Others are not affected.
  EXPECT_EQ(signed_in("admin").get("/api/v1/auth/me").status, 200);
}

TEST_F(Api, EveryApiRouteNeedsSignIn) {
  HttpClient c(server.port());
  for (const std::string& target : std::vector<std::string>{
           "/api/v1/units", "/api/v1/units/LS", "/api/v1/indicators", "/api/v1/values?unit=LS",
           kBudget, "/api/v1/scorecard?unit=LS&period=2021", "/api/v1/reports?unit=LS&period=2021",
           "/api/v1/documents", "/api/v1/tasks", "/api/v1/activities", "/api/v1/audit",
           "/api/v1/plans", "/api/v1/targets", "/api/v1/fields", "/api/v1/rating-scales",
           "/api/v1/auth/me"}) {
    HttpResponse r = c.get(target);
    EXPECT_EQ(r.status, 401) << target << " " << r.body;
    EXPECT_EQ(error_code(r), "auth.required") << target;
  }
  EXPECT_EQ(c.request("PUT", kBudget, R"({"value": 1})", {{"If-Match", "\"x\""}}).status, 401);
}

TEST_F(Api, UnsafeRequestsNeedTheCsrfToken) {
  HttpClient c = signed_in("admin");
  const std::string etag = etag_of(c, kBudget);
  c.set_header("X-CSRF-Token", "forged");
  HttpResponse r = c.request("PUT", kBudget, R"({"value": 1})", {{"If-Match", etag}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "auth.csrf");
  EXPECT_EQ(etag_of(c, kBudget), etag);  // nothing changed
}

TEST_F(Api, ApiTokensWorkWithoutCookiesOrCsrf) {
  HttpClient c = signed_in("reporter");
  HttpResponse t = c.post_json("/api/v1/auth/tokens", json::object{{"name", "script"}});
  ASSERT_EQ(t.status, 201) << t.body;
  HttpClient script(server.port());
  script.set_header("Authorization", "Bearer " + std::string(t.json().at("token").as_string()));
  HttpResponse me = script.get("/api/v1/auth/me");
  EXPECT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("csrfToken").as_string(), "");  // no cookie, so no CSRF token
  HttpResponse put = script.request("PUT", "/api/v1/values/BUDGET_REVENUE/LS-VT/2022",
                                    R"({"value": 26000000000})", {{"If-None-Match", "*"}});
  EXPECT_EQ(put.status, 201) << put.body;
  HttpResponse out = script.request("PUT", "/api/v1/values/BUDGET_REVENUE/LS-CL/2022",
                                    R"({"value": 1})", {{"If-None-Match", "*"}});
  EXPECT_EQ(out.status, 403) << out.body;  // a token is scoped like its user
  script.set_header("Authorization", "Bearer not-a-token");
  EXPECT_EQ(error_code(script.get("/api/v1/units")), "auth.bad_token");
}

// The authorization matrix over every route is authorization_matrix_test.cpp.

TEST_F(Api, StaleWritesGet412WithTheCurrentVersion) {
  HttpClient a = signed_in("admin");
  HttpClient b = signed_in("planner");
  const std::string seen = etag_of(a, kBudget);
  ASSERT_FALSE(seen.empty());
  HttpResponse first =
      a.request("PUT", kBudget, R"({"value": 431000000000})", {{"If-Match", seen}});
  ASSERT_EQ(first.status, 200) << first.body;
  HttpResponse second = b.request("PUT", kBudget, R"({"value": 999})", {{"If-Match", seen}});
  EXPECT_EQ(second.status, 412) << second.body;
  EXPECT_EQ(error_code(second), "value.stale");
  EXPECT_EQ(second.json().at("current").at("value").to_number<double>(), 431000000000.0);
  EXPECT_EQ(second.header("ETag"), first.header("ETag"));
  // Without a precondition the write is refused outright.
  HttpResponse none = b.request("PUT", kBudget, R"({"value": 999})");
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(error_code(none), "etag.required");
  // Creating what exists is stale too.
  EXPECT_EQ(b.request("PUT", kBudget, R"({"value": 999})", {{"If-None-Match", "*"}}).status, 412);
  EXPECT_EQ(b.get(kBudget).json().at("value").to_number<double>(), 431000000000.0);
}

TEST_F(Api, RecordsHaveEtagsToo) {
  HttpClient c = signed_in("admin");
  HttpResponse doc = c.get("/api/v1/documents/TU-DA-2021-02");
  ASSERT_EQ(doc.status, 200) << doc.body;
  const std::string etag = doc.header("ETag");
  json::object body = doc.json().as_object();
  body["status"] = "amended";
  HttpResponse ok = c.request("PUT", "/api/v1/documents/TU-DA-2021-02", json::serialize(body),
                              {{"If-Match", etag}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  HttpResponse stale = c.request("PUT", "/api/v1/documents/TU-DA-2021-02", json::serialize(body),
                                 {{"If-Match", etag}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.json().at("current").at("status").as_string(), "amended");
  // A unit others refer to cannot be deleted.
  HttpResponse del = c.request("DELETE", "/api/v1/units/LS-VT", "",
                               {{"If-Match", etag_of(c, "/api/v1/units/LS-VT")}});
  EXPECT_EQ(del.status, 409) << del.body;
  EXPECT_EQ(error_code(del), "record.in_use");
}

TEST_F(Api, BadInputIsA400AndChangesNothing) {
  HttpClient c = signed_in("admin");
  const std::string etag = etag_of(c, kBudget);
  const std::pair<const char*, const char*> cases[] = {
      {R"({"value": )", "body.not_json"},
      {R"([1, 2])", "json.expected_object"},
      {R"({"value": 1, "colour": "red"})", "json.unknown_key"},
      {R"({"value": "430"})", "json.expected_number"},
      {R"({"value": 1e999})", "json.expected_number"},
  };
  for (const auto& [body, code] : cases) {
    HttpResponse r = c.request("PUT", kBudget, body, {{"If-Match", etag}});
    EXPECT_EQ(r.status, 400) << body << " " << r.body;
    EXPECT_EQ(error_code(r), code) << body;
  }
  // A count is whole and not negative; a computed indicator is never entered.
  EXPECT_EQ(error_code(c.request("PUT", "/api/v1/values/POPULATION/LS/2021", R"({"value": -5})",
                                 {{"If-Match", etag_of(c, "/api/v1/values/POPULATION/LS/2021")}})),
            "value.not_count");
  EXPECT_EQ(error_code(c.request("PUT", "/api/v1/values/POPULATION/LS/2021", R"({"value": 1.5})",
                                 {{"If-Match", etag_of(c, "/api/v1/values/POPULATION/LS/2021")}})),
            "value.not_count");
  EXPECT_EQ(error_code(c.request("PUT", "/api/v1/values/BHYT_COVERAGE/LS/2030", R"({"value": 50})",
                                 {{"If-None-Match", "*"}})),
            "value.computed_indicator");
  EXPECT_EQ(error_code(c.get("/api/v1/scorecard?unit=LS&period=2021Q5")), "period.invalid");
  EXPECT_EQ(etag_of(c, kBudget), etag);
}

TEST_F(Api, BulkWritesAreAllOrNothing) {
  HttpClient c = signed_in("admin");
  const std::string before = c.get(kBudget).body;
  HttpResponse bad =
      c.post_json("/api/v1/values/bulk",
                  json::object{{"values", json::array{json::object{{"indicator", "BUDGET_REVENUE"},
                                                                   {"unit", "LS"},
                                                                   {"period", "2021"},
                                                                   {"kind", "estimate"},
                                                                   {"value", 1}},
                                                      json::object{{"indicator", "BUDGET_REVENUE"},
                                                                   {"unit", "NOWHERE"},
                                                                   {"period", "2021"},
                                                                   {"value", 2}}}}});
  EXPECT_EQ(bad.status, 404) << bad.body;
  EXPECT_EQ(c.get(kBudget).body, before);
  HttpResponse good =
      c.post_json("/api/v1/values/bulk",
                  json::object{{"values", json::array{json::object{{"indicator", "POPULATION"},
                                                                   {"unit", "LS-VT"},
                                                                   {"period", "2021"},
                                                                   {"value", 17000}},
                                                      json::object{{"indicator", "POPULATION"},
                                                                   {"unit", "LS-CL"},
                                                                   {"period", "2021"},
                                                                   {"value", 15000}}}}});
  EXPECT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.json().at("changed").to_number<int>(), 2);
}

TEST_F(Api, WritesAreAuditedAndShowInTheScorecardAtOnce) {
  HttpClient c = signed_in("admin");
  // Read first, so a cached scorecard exists and must be replaced by the write.
  EXPECT_EQ(c.get("/api/v1/scorecard?unit=LS&period=2021")
                .json()
                .at("scorecard")
                .at("indicatorsMet")
                .to_number<int>(),
            17);
  HttpResponse put =
      c.request("PUT", kBudget, R"({"value": 300000000000})", {{"If-Match", etag_of(c, kBudget)}});
  ASSERT_EQ(put.status, 200) << put.body;
  HttpResponse card = c.get("/api/v1/scorecard?unit=LS&period=2021");
  ASSERT_EQ(card.status, 200);
  EXPECT_EQ(card.json().at("scorecard").at("indicatorsMet").to_number<int>(), 16);
  HttpResponse audit = c.get("/api/v1/audit?entity=value&limit=1");
  ASSERT_EQ(audit.status, 200);
  const json::value audit_json = audit.json();
  const auto& entry = audit_json.at("items").at(0);
  EXPECT_EQ(entry.at("actor").as_string(), "admin");
  EXPECT_EQ(entry.at("key").as_string(), "BUDGET_REVENUE/LS/2021/estimate");
  EXPECT_EQ(entry.at("before").at("value").to_number<double>(), 430000000000.0);
  EXPECT_EQ(entry.at("after").at("value").to_number<double>(), 300000000000.0);
  HttpResponse history = c.get("/api/v1/values/BUDGET_REVENUE/LS/2021/history");
  EXPECT_EQ(history.json().at("items").as_array().size(), 2u);
  HttpResponse logins = c.get("/api/v1/audit?entity=session&actor=admin");
  EXPECT_FALSE(logins.json().at("items").as_array().empty());
}

TEST_F(Api, SearchIgnoresDiacriticsAndSortingIsVietnamese) {
  HttpClient c = signed_in("admin");
  HttpResponse found = c.get("/api/v1/documents?unit=LS&q=quan%20triet");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_GT(found.json().at("total").to_number<int>(), 0);
  HttpResponse wards = c.get("/api/v1/units?parent=LS&sort=name&limit=100");
  ASSERT_EQ(wards.status, 200);
  std::vector<std::string> names;
  const json::value wards_json = wards.json();
  for (const auto& u : wards_json.at("items").as_array())
    names.emplace_back(u.at("name").as_string());
  auto pos = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) - names.begin();
  };
  EXPECT_LT(pos("Phường Chi Lăng"), pos("Phường Đông Kinh"));
  EXPECT_LT(pos("Phường Đông Kinh"), pos("Phường Hoàng Văn Thụ"));
  EXPECT_LT(pos("Phường Vĩnh Trại"), pos("Xã Hoàng Đồng"));
}

// Today's date in UTC, as the server reads its clock.
std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[11];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// The items of a list answer, which must be a 200.
std::vector<json::object> list_items(HttpClient& c, const std::string& path) {
  HttpResponse r = c.get(path);
  EXPECT_EQ(r.status, 200) << path << ": " << r.body;
  std::vector<json::object> out;
  if (r.status != 200)
    return out;
  const json::value body = r.json();  // alive while the items are copied
  for (const auto& item : body.at("items").as_array())
    out.push_back(item.as_object());
  return out;
}

// The demo's illustrative reorganisation of 1/7/2025 (data/demo/README.md).
TEST_F(Api, TheTreeAsOfADate) {
  HttpClient c = signed_in("admin");
  auto wards = [&](const std::string& day) {
    std::vector<std::string> codes;
    for (const auto& u : list_items(c, "/api/v1/units?parent=LS&asOf=" + day + "&limit=100"))
      if (u.at("type").as_string() == "ward" || u.at("type").as_string() == "commune")
        codes.emplace_back(u.at("code").as_string());
    std::sort(codes.begin(), codes.end());
    return codes;
  };
  EXPECT_EQ(wards("2025-06-30"), (std::vector<std::string>{"LS-CL", "LS-DK", "LS-HD", "LS-HVT",
                                                           "LS-MP", "LS-QL", "LS-TT", "LS-VT"}));
  EXPECT_EQ(wards("2025-07-01"),
            (std::vector<std::string>{"LS-DK25", "LS-KL", "LS-LVT", "LS-TT25"}));
  // The party cells are under the new wards from that day.
  auto parent_of = [&](const std::string& day, const std::string& code) {
    for (const auto& u : list_items(c, "/api/v1/units?asOf=" + day + "&limit=200&q=" + code))
      if (u.at("code").as_string() == code)
        return std::string(u.at("parent").as_string());
    return std::string("(absent)");
  };
  EXPECT_EQ(parent_of("2021-12-31", "LS-QL-CB-NT"), "LS-QL");
  EXPECT_EQ(parent_of("2025-07-01", "LS-QL-CB-NT"), "LS-KL");
  EXPECT_EQ(parent_of("2021-12-31", "LS-KL"), "(absent)");
  // Without asOf: every unit as stored.
  EXPECT_EQ(list_items(c, "/api/v1/units?parent=LS&limit=100").size(), 14u);

  for (const std::string bad : {"2025-02-30", "1/7/2025", ""}) {
    HttpResponse r = c.get("/api/v1/units?asOf=" + bad);
    EXPECT_EQ(r.status, 400) << bad << ": " << r.body;
    EXPECT_EQ(error_code(r), "query.invalid") << r.body;
    EXPECT_TRUE(r.body.find("asOf") != std::string::npos) << r.body;
    EXPECT_FALSE(r.json().at("error").at("message").at("en").as_string().empty());
  }
}

TEST_F(Api, TheTaskListIsFilteredByStatusFieldUnitAndOverdue) {
  HttpClient c = signed_in("admin");
  auto tasks = [&](const std::string& query) {
    return list_items(c, "/api/v1/tasks?limit=1000" + query);
  };
  auto text = [](const json::object& t, const char* key) {
    const auto* v = t.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
  };
  auto count = [](const std::vector<json::object>& items, auto&& keep) {
    return std::count_if(items.begin(), items.end(), keep);
  };
  const auto all = tasks("");
  ASSERT_GT(all.size(), 10u);

  const auto completed = tasks("&status=completed");
  ASSERT_FALSE(completed.empty());
  EXPECT_EQ(count(completed, [&](auto& t) { return text(t, "status") == "completed"; }),
            std::ssize(completed));
  EXPECT_EQ(std::ssize(completed),
            count(all, [&](auto& t) { return text(t, "status") == "completed"; }));

  const auto economy = tasks("&field=economy&status=in_progress");
  ASSERT_FALSE(economy.empty());
  EXPECT_EQ(std::ssize(economy), count(all, [&](auto& t) {
              return text(t, "field") == "economy" && text(t, "status") == "in_progress";
            }));

  // The unit filter takes the unit and everything below it.
  const auto ward = tasks("&unit=LS-VT&field=economy");
  ASSERT_FALSE(ward.empty());
  EXPECT_EQ(count(ward, [&](auto& t) { return text(t, "responsibleUnit") == "LS-VT"; }),
            std::ssize(ward));

  // Overdue: past the deadline today, neither completed nor cancelled.
  const std::string today = today_utc();
  auto overdue = [&](const json::object& t) {
    const std::string s = text(t, "status"), deadline = text(t, "deadline");
    return s != "completed" && s != "cancelled" && !deadline.empty() && deadline < today;
  };
  const auto late = tasks("&overdue=true");
  EXPECT_EQ(count(late, overdue), std::ssize(late));
  EXPECT_EQ(std::ssize(late), count(all, overdue));
  EXPECT_EQ(tasks("&overdue=false").size(), all.size());

  // Bad filters are errors, not empty lists.
  EXPECT_EQ(error_code(c.get("/api/v1/tasks?status=finished")), "task_status.invalid");
  EXPECT_EQ(error_code(c.get("/api/v1/tasks?field=no_such_field")), "list.field_invalid");
  EXPECT_EQ(error_code(c.get("/api/v1/tasks?overdue=maybe")), "query.invalid");
  EXPECT_EQ(c.get("/api/v1/tasks?status=finished").status, 400);
}

TEST_F(Api, TargetsAreFilteredByIndicatorUnitAndPeriod) {
  HttpClient c = signed_in("admin");
  auto targets = [&](const std::string& query) {
    return list_items(c, "/api/v1/targets?limit=1000" + query);
  };
  const auto all = targets("");
  const auto jobs = targets("&indicator=NEW_JOBS&period=2021");
  ASSERT_FALSE(jobs.empty());
  for (const auto& t : jobs) {
    EXPECT_EQ(t.at("indicator").as_string(), "NEW_JOBS");
    EXPECT_TRUE(t.at("period").as_string().starts_with("2021")) << t.at("period");
  }
  EXPECT_LT(jobs.size(), all.size());
  // A unit means it and everything below it; the city's own targets are not a ward's.
  const auto ward_targets = targets("&unit=LS-VT");
  ASSERT_FALSE(ward_targets.empty());
  for (const auto& t : ward_targets)
    EXPECT_TRUE(t.at("unit").as_string().starts_with("LS-VT")) << t.at("unit");
  EXPECT_EQ(error_code(c.get("/api/v1/targets?period=2021Q5")), "period.invalid");
  EXPECT_EQ(c.get("/api/v1/targets?unit=NOWHERE").status, 404);
  // A ward reporter reads the ward's targets, not another ward's.
  HttpClient ward = signed_in("reporter");
  EXPECT_EQ(ward.get("/api/v1/targets?unit=LS-DK").status, 403);
}

TEST_F(Api, ReportsComeInEveryFormat) {
  HttpClient c = signed_in("viewer");
  HttpResponse md = c.get("/api/v1/reports?unit=LS-VT&period=2021&format=md");
  ASSERT_EQ(md.status, 200) << md.body;
  EXPECT_NE(md.body.find("84 văn bản hướng dẫn"), std::string::npos);
  EXPECT_NE(md.header("Content-Type").find("text/markdown"), std::string::npos);
  HttpResponse en = c.get("/api/v1/reports?unit=LS-VT&period=2021&format=md&lang=en");
  EXPECT_NE(en.body.find("84 guidance documents"), std::string::npos) << en.body;
  HttpResponse text = c.get("/api/v1/reports?unit=LS-VT&period=2021&format=text");
  EXPECT_EQ(text.status, 200);
  EXPECT_NE(text.header("Content-Type").find("text/plain"), std::string::npos);
  EXPECT_EQ(c.get("/api/v1/reports?unit=LS-VT&period=2021&format=odt").status, 400);
}

TEST_F(Api, ReportFilesAreDownloads) {
  HttpClient c = signed_in("viewer");
  const std::string base = "/api/v1/reports?unit=LS-VT&period=2021&format=";
  const std::pair<const char*, const char*> files[] = {
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"pdf", "application/pdf"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"trace", "application/json"}};
  for (const auto& [format, type] : files) {
    HttpResponse r = c.get(base + format + "&layout=state&kind=year");
    ASSERT_EQ(r.status, 200) << format << ": " << r.body;
    EXPECT_NE(r.header("Content-Type").find(type), std::string::npos) << format;
    const std::string ext = std::string(format) == "trace" ? "trace.json" : format;
    EXPECT_EQ(r.header("Content-Disposition"),
              "attachment; filename=\"bao-cao-LS-VT-2021." + ext + "\"");
  }
  EXPECT_EQ(c.get(base + "pdf").body.substr(0, 5), "%PDF-");
  HttpResponse bad = c.get(base + "docx&layout=royal");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("party"), std::string::npos) << bad.body;
  EXPECT_EQ(c.get(base + "docx&kind=weekly").status, 400);
}

}  // namespace
