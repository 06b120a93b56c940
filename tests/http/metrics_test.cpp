// Metrics in the Prometheus text format.
#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace mandate::http {
namespace {

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

TEST(Metrics, CountsRequestsByRouteMethodAndStatus) {
  Metrics m;
  m.observe_request("/api/v1/units/{code}", "GET", 200, 0.002);
  m.observe_request("/api/v1/units/{code}", "GET", 200, 0.004);
  m.observe_request("/api/v1/units/{code}", "GET", 404, 0.001);
  m.observe_request("/healthz", "BREW", 405, 0.0001);
  const std::string text = m.render();
  EXPECT_TRUE(contains(text, "# TYPE mandate_http_requests_total counter\n")) << text;
  EXPECT_TRUE(contains(text, "# HELP mandate_http_requests_total ")) << text;
  EXPECT_TRUE(contains(text,
                       "mandate_http_requests_total{route=\"/api/v1/units/"
                       "{code}\",method=\"GET\",status=\"200\"} 2\n"))
      << text;
  EXPECT_TRUE(contains(text,
                       "mandate_http_requests_total{route=\"/api/v1/units/"
                       "{code}\",method=\"GET\",status=\"404\"} 1\n"))
      << text;
  // Methods outside the standard set share one label value.
  EXPECT_TRUE(contains(text, "method=\"OTHER\",status=\"405\"} 1\n")) << text;
}

TEST(Metrics, LatencyHistogramIsCumulative) {
  Metrics m;
  m.observe_request("/r", "GET", 200, 0.0007);  // <= 0.001
  m.observe_request("/r", "GET", 200, 0.003);   // <= 0.005
  m.observe_request("/r", "GET", 200, 20);      // only +Inf
  const std::string text = m.render();
  const std::string l = "route=\"/r\",method=\"GET\"";
  EXPECT_TRUE(contains(text, "# TYPE mandate_http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(
      contains(text, "mandate_http_request_duration_seconds_bucket{" + l + ",le=\"0.0005\"} 0\n"))
      << text;
  EXPECT_TRUE(
      contains(text, "mandate_http_request_duration_seconds_bucket{" + l + ",le=\"0.001\"} 1\n"))
      << text;
  EXPECT_TRUE(
      contains(text, "mandate_http_request_duration_seconds_bucket{" + l + ",le=\"0.005\"} 2\n"))
      << text;
  EXPECT_TRUE(
      contains(text, "mandate_http_request_duration_seconds_bucket{" + l + ",le=\"10\"} 2\n"))
      << text;
  EXPECT_TRUE(
      contains(text, "mandate_http_request_duration_seconds_bucket{" + l + ",le=\"+Inf\"} 3\n"))
      << text;
  EXPECT_TRUE(contains(text, "mandate_http_request_duration_seconds_count{" + l + "} 3\n"));
  EXPECT_TRUE(contains(text, "mandate_http_request_duration_seconds_sum{" + l + "} 20.0037"))
      << text;
}

TEST(Metrics, GaugesAndDatabaseTime) {
  Metrics m;
  m.request_started();
  m.request_started();
  m.request_finished();
  m.connection_opened();
  m.observe_db(0.25);
  m.observe_db(0.5);
  double size = 42;
  m.add_gauge("mandate_db_size_bytes", "Size of the database file.", [&size] { return size; });
  m.add_gauge("mandate_broken", "Throws.", []() -> double { throw std::runtime_error("x"); });
  EXPECT_THROW(m.add_gauge("mandate_db_size_bytes", "again", [] { return 0.0; }),
               std::invalid_argument);
  EXPECT_THROW(m.add_gauge("bad name", "", [] { return 0.0; }), std::invalid_argument);
  const std::string text = m.render();
  EXPECT_TRUE(contains(text, "# TYPE mandate_http_requests_in_flight gauge\n"));
  EXPECT_TRUE(contains(text, "mandate_http_requests_in_flight 1\n")) << text;
  EXPECT_TRUE(contains(text, "mandate_http_connections_open 1\n")) << text;
  EXPECT_TRUE(contains(text, "mandate_db_operations_total 2\n")) << text;
  EXPECT_TRUE(contains(text, "mandate_db_seconds_total 0.75\n")) << text;
  EXPECT_TRUE(contains(text, "# TYPE mandate_db_size_bytes gauge\nmandate_db_size_bytes 42\n"))
      << text;
  EXPECT_FALSE(contains(text, "mandate_broken")) << text;
}

TEST(Metrics, EscapesLabelValues) {
  Metrics m;
  m.observe_request("/a\"b\\c\nd", "GET", 200, 0);
  EXPECT_TRUE(contains(m.render(), "route=\"/a\\\"b\\\\c\\nd\"")) << m.render();
}

TEST(Metrics, ThreadSafe) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&m, t] {
      for (int i = 0; i < 2000; ++i) {
        m.observe_request("/r" + std::to_string(i % 5), "GET", 200 + t % 2, 0.001);
        if (i % 500 == 0)
          (void)m.render();
      }
    });
  }
  for (auto& t : threads)
    t.join();
  const std::string text = m.render();
  // 8 threads x 2000 requests over 5 routes: 3200 per route, split by status 200/201.
  EXPECT_TRUE(contains(text,
                       "mandate_http_request_duration_seconds_count{route=\"/r0\",method=\"GET\"} "
                       "3200\n"))
      << text;
  EXPECT_TRUE(contains(
      text, "mandate_http_requests_total{route=\"/r4\",method=\"GET\",status=\"201\"} 1600\n"));
}

}  // namespace
}  // namespace mandate::http
