// GET /api/v1/analytics and /api/v1/analytics/projections black-box through a
// real `mandate serve` on the demo data: a saved value reaches every rollup at
// once (same and other connections, after deletes, bulk and DHIS2 imports, and
// writes by another process), the scorecard shows the rollup, scopes hold,
// bad parameters are refused in both languages, /metrics counts the engine.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "../support/api_fixture.hpp"

namespace {

using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
namespace json = boost::json;

using Analytics = mandate::test_support::ApiFixture;

// The demo city has no value of its own for 2022, so its 2022 figures are its wards'.
const std::string kCity2022 = "/api/v1/analytics?indicator=NEW_JOBS&unit=LS&period=2022";

void put_value(HttpClient& c, const std::string& cell, double value) {
  HttpResponse r =
      c.request("PUT", "/api/v1/values/" + cell, json::serialize(json::object{{"value", value}}),
                {{"If-None-Match", "*"}, {"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 201) << r.body;
}

json::object only_row(const HttpResponse& r) {
  const json::value body = r.json();
  const auto& rows = body.at("rows").as_array();
  EXPECT_EQ(rows.size(), 1u) << r.body;
  return rows.at(0).as_object();
}

std::optional<double> value_of(const json::value& v) {
  if (v.is_null())
    return std::nullopt;
  return v.to_number<double>();
}

std::optional<double> city_new_jobs(HttpClient& c) {
  HttpResponse r = c.get(kCity2022);
  EXPECT_EQ(r.status, 200) << r.body;
  return value_of(only_row(r).at("value"));
}

// The scorecard's actual for one indicator.
std::optional<double> scorecard_actual(HttpClient& c, const std::string& unit,
                                       const std::string& period, const std::string& indicator) {
  HttpResponse r = c.get("/api/v1/scorecard?unit=" + unit + "&period=" + period);
  EXPECT_EQ(r.status, 200) << r.body;
  const json::value body = r.json();
  for (const auto& i : body.at_pointer("/scorecard/indicators").as_array())
    if (i.at("code").as_string() == indicator)
      return value_of(i.at("actual"));
  ADD_FAILURE() << indicator << " not in the scorecard: " << r.body;
  return std::nullopt;
}

TEST_F(Analytics, AWardsMonthReachesTheCityAtOnceOnEveryConnection) {
  HttpClient admin = signed_in("admin");
  HttpClient planner = signed_in("planner");
  EXPECT_EQ(city_new_jobs(admin), std::nullopt);

  put_value(admin, "NEW_JOBS/LS-VT/202203", 120);
  EXPECT_EQ(city_new_jobs(admin), 120);
  EXPECT_EQ(city_new_jobs(planner), 120);
  put_value(planner, "NEW_JOBS/LS-CL/202205", 80);
  EXPECT_EQ(city_new_jobs(admin), 200);

  const json::object row = only_row(admin.get(kCity2022));
  EXPECT_TRUE(row.at("reported").is_null());
  EXPECT_EQ(value_of(row.at("aggregated")), 200);
  EXPECT_EQ(row.at("reportingUnits").to_number<int>(), 2);
  EXPECT_EQ(row.at("estimate").as_bool(), false);
  EXPECT_EQ(row.at("status").as_string(), "no_target");

  // The quarter holds March only; the ward's own year is its month.
  HttpResponse quarters =
      admin.get("/api/v1/analytics?indicator=NEW_JOBS&unit=LS,LS-VT&period=2022Q1,2022Q2");
  ASSERT_EQ(quarters.status, 200) << quarters.body;
  const json::value grid = quarters.json();
  const auto& rows = grid.at("rows").as_array();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(value_of(rows[0].at("value")), 120);  // LS 2022Q1
  EXPECT_EQ(value_of(rows[1].at("value")), 80);   // LS 2022Q2
  EXPECT_EQ(value_of(rows[2].at("value")), 120);  // LS-VT 2022Q1
  EXPECT_TRUE(rows[3].at("value").is_null());     // LS-VT 2022Q2
  EXPECT_TRUE(grid.at("totals").as_array().empty()) << "LS-VT lies within LS";

  // The dashboard's scorecard takes the rollup.
  EXPECT_EQ(scorecard_actual(planner, "LS", "2022", "NEW_JOBS"), 200);
}

TEST_F(Analytics, ADeletedValueLeavesTheRollup) {
  HttpClient admin = signed_in("admin");
  put_value(admin, "NEW_JOBS/LS-VT/202203", 120);
  put_value(admin, "NEW_JOBS/LS-CL/202205", 80);
  HttpClient other = signed_in("planner");
  EXPECT_EQ(city_new_jobs(other), 200);
  const std::string cell = "/api/v1/values/NEW_JOBS/LS-CL/202205";
  HttpResponse del = admin.request("DELETE", cell, "", {{"If-Match", etag_of(admin, cell)}});
  ASSERT_EQ(del.status, 204) << del.body;
  EXPECT_EQ(city_new_jobs(other), 120);
  EXPECT_EQ(scorecard_actual(other, "LS", "2022", "NEW_JOBS"), 120);
}

TEST_F(Analytics, BulkAndDhis2ImportsReachTheRollupAndTheChildrensTotal) {
  HttpClient admin = signed_in("admin");
  HttpResponse bulk =
      admin.post_json("/api/v1/values/bulk",
                      json::object{{"values", json::array{json::object{{"indicator", "NEW_JOBS"},
                                                                       {"unit", "LS-VT"},
                                                                       {"period", "2022"},
                                                                       {"value", 300}},
                                                          json::object{{"indicator", "NEW_JOBS"},
                                                                       {"unit", "LS-DK"},
                                                                       {"period", "2022S1"},
                                                                       {"kind", "estimate"},
                                                                       {"value", 100}}}}});
  ASSERT_EQ(bulk.status, 200) << bulk.body;
  EXPECT_EQ(city_new_jobs(admin), 400);
  EXPECT_EQ(only_row(admin.get(kCity2022)).at("estimate").as_bool(), true);

  HttpResponse dhis2 = admin.request(
      "POST", "/api/dataValueSets?dataElementIdScheme=CODE&orgUnitIdScheme=code",
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value\nNEW_JOBS,202207,LS-HD,,,50\n",
      {{"Content-Type", "application/csv"}});
  ASSERT_EQ(dhis2.status, 200) << dhis2.body;
  EXPECT_EQ(city_new_jobs(admin), 450);

  HttpResponse children = admin.get("/api/v1/analytics?indicator=NEW_JOBS&children=LS&period=2022");
  ASSERT_EQ(children.status, 200) << children.body;
  const json::value parsed = children.json();
  const auto& body = parsed.as_object();
  EXPECT_EQ(body.at("parent").as_string(), "LS");
  double sum = 0;
  for (const auto& row : body.at("rows").as_array())
    sum += value_of(row.at("value")).value_or(0);
  EXPECT_EQ(sum, 450);
  const auto& totals = body.at("totals").as_array();
  ASSERT_EQ(totals.size(), 1u) << children.body;
  EXPECT_EQ(value_of(totals[0].at("value")), 450);
}

TEST_F(Analytics, AWriteByAnotherProcessIsPickedUp) {
  HttpClient admin = signed_in("admin");
  EXPECT_EQ(city_new_jobs(admin), std::nullopt);
  const std::string cmd = std::string(MANDATE_BINARY) + " value set --db '" + server.db() +
                          "' --indicator NEW_JOBS --unit LS-TT --period 2022Q3 --value 42" +
                          " >/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  EXPECT_EQ(city_new_jobs(admin), 42);
}

TEST_F(Analytics, TargetsAndRestructuringsAreFollowed) {
  HttpClient admin = signed_in("admin");
  put_value(admin, "NEW_JOBS/LS-DK/202203", 10);
  put_value(admin, "NEW_JOBS/LS-DK/202208", 5);
  HttpResponse target =
      admin.request("PUT", "/api/v1/targets/NEW_JOBS/LS/2022",
                    R"({"value": 20, "source": "annual_plan"})", {{"If-None-Match", "*"}});
  ASSERT_EQ(target.status, 201) << target.body;
  json::object row = only_row(admin.get(kCity2022));
  EXPECT_EQ(value_of(row.at("target")), 20);
  EXPECT_EQ(row.at("status").as_string(), "not_met");

  // From July, Đông Kinh and Chi Lăng are parts of Vĩnh Trại.
  HttpResponse merge = admin.request(
      "PUT", "/api/v1/unit-changes/UC-TEST",
      R"({"kind": "merge", "effective": "2022-07-01", "from": ["LS-DK", "LS-CL"], "to": ["LS-VT"]})",
      {{"If-None-Match", "*"}});
  ASSERT_EQ(merge.status, 201) << merge.body;
  HttpResponse vt = admin.get("/api/v1/analytics?indicator=NEW_JOBS&unit=LS-VT&period=2022,2022S1");
  ASSERT_EQ(vt.status, 200) << vt.body;
  const json::value parsed = vt.json();
  EXPECT_EQ(value_of(parsed.at("rows").at(0).at("value")), 5);  // August only
  EXPECT_TRUE(parsed.at("rows").at(1).at("value").is_null());
  EXPECT_EQ(city_new_jobs(admin), 15);  // through Vĩnh Trại from July
}

TEST_F(Analytics, TheDemoCityKeepsItsOwnFiguresTargetsAndStatuses) {
  HttpClient admin = signed_in("admin");
  HttpResponse r = admin.get("/api/v1/analytics?unit=LS&period=2021");
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value parsed = r.json();
  const auto& rows = parsed.at("rows").as_array();
  EXPECT_EQ(rows.size(), 19u) << "the plan's indicators by default";
  int met = 0;
  for (const auto& row : rows) {
    const auto status = row.at("status").as_string();
    met += status == "met" || status == "exceeded";
    if (row.at("indicator").as_string() == "BUDGET_REVENUE") {
      EXPECT_EQ(value_of(row.at("value")), 430e9);
      EXPECT_NEAR(*value_of(row.at("percentOfTarget")), 116.7, 0.05);
    }
  }
  EXPECT_EQ(met, 17);

  HttpResponse level = admin.get("/api/v1/analytics?indicator=POPULATION&level=1&period=2021");
  ASSERT_EQ(level.status, 200) << level.body;
  EXPECT_GE(level.json().at("rows").as_array().size(), 8u);
}

TEST_F(Analytics, ProjectionsTowardsTheTermTargets) {
  HttpClient admin = signed_in("admin");
  HttpResponse r = admin.get("/api/v1/analytics/projections?unit=LS&through=2021");
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value parsed = r.json();
  const auto& body = parsed.as_object();
  EXPECT_EQ(body.at("term").as_string(), "2020-2025");
  EXPECT_EQ(body.at("items").as_array().size(), 19u);
  bool new_jobs = false;
  for (const auto& item : body.at("items").as_array())
    if (item.at("indicator").as_string() == "NEW_JOBS") {
      new_jobs = true;
      EXPECT_EQ(value_of(item.at("target")), 12500);
      EXPECT_EQ(item.at("points").to_number<int>(), 2);  // 2020 and 2021
    }
  EXPECT_TRUE(new_jobs);
  EXPECT_TRUE(body.at("atRisk").is_array());
}

TEST_F(Analytics, AWardSeesItsOwnScopeOnly) {
  HttpClient reporter = signed_in("reporter");
  HttpResponse city = reporter.get(kCity2022);
  EXPECT_EQ(city.status, 403) << city.body;
  EXPECT_EQ(error_code(city), "access.denied.read");
  EXPECT_EQ(reporter.get("/api/v1/analytics?unit=LS-VT,LS-CL&period=2022").status, 403);
  EXPECT_EQ(reporter.get("/api/v1/analytics?children=LS&period=2022").status, 403);
  EXPECT_EQ(reporter.get("/api/v1/analytics/projections?unit=LS").status, 403);

  HttpResponse own = reporter.get("/api/v1/analytics?indicator=BUDGET_REVENUE&period=2021");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(only_row(own).at("unit").as_string(), "LS-VT");
  EXPECT_EQ(value_of(only_row(own).at("value")), 25e9);
  // A level lists only the units the caller may read.
  HttpResponse level = reporter.get("/api/v1/analytics?indicator=NEW_JOBS&level=1&period=2022");
  ASSERT_EQ(level.status, 200) << level.body;
  const json::value levels = level.json();
  for (const auto& row : levels.at("rows").as_array())
    EXPECT_EQ(row.at("unit").as_string(), "LS-VT");
  EXPECT_EQ(signed_in("viewer").get("/api/v1/analytics?period=2021").status, 200);
  EXPECT_EQ(HttpClient(server.port()).get("/api/v1/analytics?period=2021").status, 401);
}

TEST_F(Analytics, BadParametersAreRefusedInBothLanguages) {
  HttpClient admin = signed_in("admin");
  const std::pair<std::string, std::string> cases[] = {
      {"/api/v1/analytics?unit=LS", "query.missing"},
      {"/api/v1/analytics?unit=LS&period=2021Q5", "period.invalid"},
      {"/api/v1/analytics?unit=LS&level=1&period=2021", "analytics.selection_conflict"},
      {"/api/v1/analytics?level=x&period=2021", "query.invalid"},
      {"/api/v1/analytics?period=2030-2035", "analytics.term_unknown"},
      {"/api/v1/analytics/projections?unit=LS&term=2021", "analytics.term_expected"},
      {"/api/v1/analytics/projections?unit=LS&through=soon", "query.invalid"},
  };
  for (const auto& [target, code] : cases) {
    HttpResponse r = admin.get(target);
    EXPECT_EQ(r.status, 400) << target << ": " << r.body;
    EXPECT_EQ(error_code(r), code) << target;
    const json::value body = r.json();
    const auto& message = body.at("error").at("message");
    EXPECT_FALSE(message.at("vi").as_string().empty()) << target;
    EXPECT_FALSE(message.at("en").as_string().empty()) << target;
    EXPECT_NE(message.at("vi"), message.at("en")) << target;
  }
  EXPECT_EQ(admin.get("/api/v1/analytics?indicator=NO_SUCH&period=2021").status, 404);
}

TEST_F(Analytics, MetricsCountTheEngine) {
  HttpClient admin = signed_in("admin");
  put_value(admin, "NEW_JOBS/LS-VT/202203", 120);
  const std::string metrics = HttpClient(server.port()).get("/metrics").body;
  auto gauge = [&](const std::string& name) {
    const size_t at = metrics.find("\n" + name + " ");
    EXPECT_NE(at, std::string::npos) << name << " in\n" << metrics;
    return at == std::string::npos ? 0.0 : std::stod(metrics.substr(at + name.size() + 2));
  };
  // The demo's 40 of the city and Vĩnh Trại, 72 of the wards around the 2025
  // reorganisation, and the one just saved.
  EXPECT_EQ(gauge("mandate_analytics_values"), 40 + 72 + 1);
  EXPECT_GT(gauge("mandate_analytics_bytes"), 0);
  EXPECT_GT(gauge("mandate_analytics_bytes_per_value"), 0);
}

}  // namespace
