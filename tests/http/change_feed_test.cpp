// Two `mandate serve` processes on one database (a SQLite file, or one
// PostgreSQL database in the .pg variant): a session opened on one answers on
// the other; a value written through one reaches the other's rollups within
// a second, applied from the change feed without rebuilding; a server killed
// with SIGKILL in the middle of bulk imports loses nothing it acknowledged
// and leaves nothing half-imported; on PostgreSQL the follower resumes after
// its LISTEN connection is terminated.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "../support/api_fixture.hpp"
#include "store/store.hpp"

namespace {

using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
using mandate::test_support::ServerOptions;
using mandate::test_support::ServerProcess;
using Clock = std::chrono::steady_clock;
namespace json = boost::json;

const std::string kCity2022 = "/api/v1/analytics?indicator=NEW_JOBS&unit=LS&period=2022";

std::optional<double> city_new_jobs(HttpClient& c) {
  HttpResponse r = c.get(kCity2022);
  EXPECT_EQ(r.status, 200) << r.body;
  const json::value v = r.json().at("rows").as_array().at(0).at("value");
  if (v.is_null())
    return std::nullopt;
  return v.to_number<double>();
}

// A gauge of /metrics (which needs no sign-in and reads no data).
double gauge(HttpClient& c, const std::string& name) {
  HttpResponse r = c.get("/metrics");
  EXPECT_EQ(r.status, 200);
  std::smatch m;
  const std::regex line("\n" + name + " ([0-9.e+]+)");
  if (!std::regex_search(r.body, m, line)) {
    ADD_FAILURE() << name << " not in /metrics";
    return -1;
  }
  return std::stod(m[1]);
}

// Waits until fn() is true; false after timeout.
template <typename Fn>
bool within(std::chrono::milliseconds timeout, Fn fn) {
  const auto until = Clock::now() + timeout;
  while (!fn()) {
    if (Clock::now() > until)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

class ChangeFeed : public mandate::test_support::ApiFixture {
 protected:
  ChangeFeed() : other(sharing(server.db())) {}

  static ServerOptions sharing(const std::string& db) {
    ServerOptions o;
    o.shared_db = db;
    return o;
  }

  // A client of the other server carrying the session opened on the first.
  HttpClient same_session_on_other(const HttpClient& first) {
    HttpClient c(other.port());
    for (const auto& [name, value] : first.cookies())
      c.set_cookie(name, value);
    return c;
  }

  ServerProcess other;
};

TEST_F(ChangeFeed, ASessionOpenedOnOneServerAnswersOnTheOther) {
  HttpClient admin = signed_in("admin");
  HttpClient there = same_session_on_other(admin);
  HttpResponse me = there.get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json().at("user").at("username").as_string(), "admin");
  // Logging out on one ends the session on both: at once, but for the
  // millisecond a server may trust its last look at the data version
  // (SqliteStore::kVersionRecheck).
  HttpResponse out = admin.request("POST", "/api/v1/auth/logout");
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_TRUE(within(std::chrono::milliseconds(500),
                     [&] { return there.get("/api/v1/auth/me").status == 401; }));
}

TEST_F(ChangeFeed, AWriteThroughOneServerReachesTheOthersRollupWithinASecond) {
  HttpClient admin = signed_in("admin");
  HttpClient reader(other.port());
  {
    HttpResponse r = reader.post_json(
        "/api/v1/auth/login",
        json::object{{"username", "planner"}, {"password", mandate::test_support::kPassword}});
    ASSERT_EQ(r.status, 200) << r.body;
  }
  HttpClient metrics(other.port());
  EXPECT_EQ(city_new_jobs(reader), std::nullopt);
  const double builds = gauge(metrics, "mandate_analytics_builds");
  const double applied = gauge(metrics, "mandate_feed_applied_id");

  for (double value : {120.0, 75.0}) {
    HttpResponse put = admin.request(
        "PUT", "/api/v1/values/NEW_JOBS/LS-VT/202203",
        json::serialize(json::object{{"value", value}}),
        {{value == 120 ? "If-None-Match" : "If-Match",
          value == 120 ? "*" : etag_of(admin, "/api/v1/values/NEW_JOBS/LS-VT/202203")},
         {"Content-Type", "application/json"}});
    ASSERT_TRUE(put.status == 201 || put.status == 200) << put.body;
    const auto written = Clock::now();
    // The other server's follower applies the feed between requests: its
    // position moves with no request that reads data.
    EXPECT_TRUE(within(std::chrono::milliseconds(1000),
                       [&] { return gauge(metrics, "mandate_feed_applied_id") > applied; }));
    EXPECT_TRUE(
        within(std::chrono::milliseconds(1000), [&] { return city_new_jobs(reader) == value; }));
    EXPECT_LT(Clock::now() - written, std::chrono::milliseconds(1000));
  }
  // Applied incrementally: the other server never rebuilt its rollups.
  EXPECT_EQ(gauge(metrics, "mandate_analytics_builds"), builds);

  // A deletion travels too.
  const std::string cell = "/api/v1/values/NEW_JOBS/LS-VT/202203";
  HttpResponse del = admin.request("DELETE", cell, "", {{"If-Match", etag_of(admin, cell)}});
  ASSERT_EQ(del.status, 204) << del.body;
  EXPECT_TRUE(within(std::chrono::milliseconds(1000),
                     [&] { return city_new_jobs(reader) == std::nullopt; }));
  EXPECT_EQ(gauge(metrics, "mandate_analytics_builds"), builds);
}

TEST_F(ChangeFeed, AMetadataChangeRebuildsTheOthersRollups) {
  HttpClient admin = signed_in("admin");
  HttpClient metrics(other.port());
  const double builds = gauge(metrics, "mandate_analytics_builds");
  HttpResponse target =
      admin.request("PUT", "/api/v1/targets/NEW_JOBS/LS/2022",
                    R"({"value": 20, "source": "annual_plan"})", {{"If-None-Match", "*"}});
  ASSERT_EQ(target.status, 201) << target.body;
  EXPECT_TRUE(within(std::chrono::milliseconds(2000),
                     [&] { return gauge(metrics, "mandate_analytics_builds") > builds; }));
}

// Bulk imports, one after the other, through the first server until it is
// killed with SIGKILL; then, through the other server: every acknowledged
// batch is there whole, and the batch in flight whole or not at all. Batch b
// writes 10 years of months (from 1900 + 10 b, before the demo's data) at
// five wards, every value 1000 + b, so the city's yearly sum counts them.
TEST_F(ChangeFeed, SigkillInTheMiddleOfBulkImportsKeepsAcknowledgedAndWholeBatches) {
  constexpr int kBatches = 10, kYears = 10;
  const std::vector<std::string> wards = {"LS-VT", "LS-CL", "LS-DK", "LS-HD", "LS-TT"};
  const int per_batch = kYears * 12 * static_cast<int>(wards.size());
  HttpClient admin = signed_in("admin");
  auto batch_value = [](int batch) { return 1000.0 + batch; };
  auto batch_body = [&](int batch) {
    json::array values;
    for (int y = 0; y < kYears; ++y)
      for (int m = 1; m <= 12; ++m)
        for (const auto& ward : wards)
          values.push_back(json::object{{"indicator", "NEW_JOBS"},
                                        {"unit", ward},
                                        {"period", std::to_string(1900 + batch * kYears + y) +
                                                       (m < 10 ? "0" : "") + std::to_string(m)},
                                        {"value", batch_value(batch)}});
    return json::object{{"values", values}};
  };
  std::atomic<int> acknowledged = 0;  // batches answered 200, in order
  std::thread writer([&] {
    for (int batch = 0; batch < kBatches; ++batch) {
      HttpResponse r;
      try {
        r = admin.post_json("/api/v1/values/bulk", batch_body(batch));
      } catch (const std::exception&) {
        return;  // the server died under the request
      }
      if (r.status != 200) {
        ADD_FAILURE() << r.status << " " << r.body;
        return;
      }
      acknowledged = batch + 1;
    }
  });
  ASSERT_TRUE(within(std::chrono::milliseconds(20000), [&] { return acknowledged >= 2; }));
  ASSERT_EQ(server.stop(SIGKILL), -SIGKILL);
  writer.join();

  HttpClient reader(other.port());
  ASSERT_EQ(reader
                .post_json("/api/v1/auth/login",
                           json::object{{"username", "admin"},
                                        {"password", mandate::test_support::kPassword}})
                .status,
            200);
  // How many values of a batch are stored: the city's yearly sums over its years.
  auto values_of = [&](int batch) {
    double sum = 0;
    for (int y = 0; y < kYears; ++y) {
      HttpResponse r = reader.get("/api/v1/analytics?indicator=NEW_JOBS&unit=LS&period=" +
                                  std::to_string(1900 + batch * kYears + y));
      EXPECT_EQ(r.status, 200) << r.body;
      const json::value v = r.json().at("rows").as_array().at(0).at("value");
      if (!v.is_null())
        sum += v.to_number<double>();
    }
    return static_cast<int>(sum / batch_value(batch) + 0.5);
  };
  const int done = acknowledged;
  for (int batch = 0; batch < done; ++batch)
    EXPECT_EQ(values_of(batch), per_batch) << "acknowledged batch " << batch;
  if (done < kBatches) {
    const int in_flight = values_of(done);
    EXPECT_TRUE(in_flight == 0 || in_flight == per_batch) << in_flight << " of batch " << done;
  }
  for (int batch = done + 1; batch < kBatches; ++batch)
    EXPECT_EQ(values_of(batch), 0) << "batch " << batch << " was never sent";
}

// The other server's follower picks up a write without any request to it
// reading data; on PostgreSQL after its LISTEN connection was terminated
// (pg_terminate_backend), on SQLite by polling the file's data version.
TEST_F(ChangeFeed, TheFollowerCatchesUpWithoutRequestsAndAfterALostConnection) {
  HttpClient admin = signed_in("admin");
  HttpClient metrics(other.port());
  if (mandate::test_support::on_postgresql()) {
    const std::string db = server.db().substr(server.db().rfind('/') + 1);
    ASSERT_TRUE(mandate::test_support::psql(
        "postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" +
                        db + "' AND query LIKE 'LISTEN%'"));
  }
  const double applied = gauge(metrics, "mandate_feed_applied_id");
  HttpResponse put = admin.request("PUT", "/api/v1/values/NEW_JOBS/LS-CL/202205",
                                   json::serialize(json::object{{"value", 80}}),
                                   {{"If-None-Match", "*"}, {"Content-Type", "application/json"}});
  ASSERT_EQ(put.status, 201) << put.body;
  EXPECT_TRUE(within(std::chrono::milliseconds(3000),
                     [&] { return gauge(metrics, "mandate_feed_applied_id") > applied; }));
}

// The server keeps only the newest entries of the feed (--change-feed-kept):
// its follower prunes at its first wake-up, marking the cut for servers behind.
TEST(ChangeFeedRetention, TheServerPrunesTheFeedToWhatItKeeps) {
  ServerOptions options;
  options.args = {"--change-feed-kept", "3"};
  ServerProcess server(options);
  auto store = mandate::store::open_store(server.db(), mandate::store::OpenMode::existing);
  // The demo's import left hundreds of entries. On PostgreSQL the follower
  // wakes as its listener connects and may prune them before this write
  // (then the write is a fourth entry until the next hourly pass).
  {
    // A write behind the server's back wakes its follower.
    auto tx = store->begin({"test", "2026-01-01T00:00:00Z"});
    tx->upsert(mandate::core::Value{"NEW_JOBS", "LS-VT", "190001",
                                    mandate::core::ValueKind::official, 5, "", false});
    tx->commit();
  }
  EXPECT_TRUE(within(std::chrono::milliseconds(3000),
                     [&] { return store->changes_after(0, 1'000'000).size() <= 4; }));
  const auto kept = store->changes_after(0, 10);
  EXPECT_GE(kept.size(), 3u);
  ASSERT_FALSE(kept.empty());
  EXPECT_EQ(kept.front().kind, mandate::store::FeedKind::gap);
  EXPECT_EQ(kept.back().value.period, "190001");
}

}  // namespace
