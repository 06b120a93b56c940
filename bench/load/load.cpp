// The load and soak generator (issue 9, section 3): starts `mandate serve` on
// a copy of the demo database (SQLite, or PostgreSQL with
// MANDATE_TEST_BACKEND=postgresql under scripts/with-postgresql) and runs
// --clients closed-loop clients for --seconds, each on its own keep-alive
// connection with an API token, pausing a random 0–2×--think-ms between
// requests. The mix (weights out of 100):
//   30 dashboard (what its page asks): the scorecard, the trend and the children's
//      analytics, the projections, report completeness, task status
//   30 lists: values of a ward, tasks, indicators, documents
//   27 single value writes: PUT of a cell the client owns, with If-Match / If-None-Match
//    5 bulk imports of 120 values: half /api/v1/values/bulk, half DHIS2 dataValueSets
//    8 reports: Markdown (5), DOCX (2), PDF (1)
// Prints the server's resident memory every 10 s, then per route: requests,
// p50 / p99 / max latency and errors (any answer but 2xx, or no answer).
// Exit code 1 when there was any error.
//
//   bench/load/run [--seconds 600] [--clients 32] [--think-ms 50] [--threads N]
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../../tests/support/api_token.hpp"
#include "../../tests/support/http_client.hpp"
#include "../../tests/support/server_process.hpp"
#include "latencies.hpp"
#include "proc_status.hpp"

namespace {

using mandate::bench::Latencies;
using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
using Clock = std::chrono::steady_clock;
namespace json = boost::json;

struct Options {
  int seconds = 600;
  int clients = 32;
  int think_ms = 50;
  std::string threads;  // --threads for the server; empty: its default
};

const std::vector<std::string> kWards = {"LS-VT", "LS-CL", "LS-DK", "LS-HD", "LS-TT"};

std::string month(int year, int m) {
  return std::to_string(year) + (m < 10 ? "0" : "") + std::to_string(m);
}

// One client: its connection, its own cells and their versions.
class Client {
 public:
  Client(uint16_t port, const std::string& token, int index)
      : http_(port), rng_(static_cast<uint32_t>(index) * 7919u + 1), index_(index) {
    http_.set_header("Authorization", "Bearer " + token);
    http_.set_timeout(std::chrono::seconds(60));
  }

  void run(Clock::time_point until, int think_ms) {
    while (Clock::now() < until) {
      one_request();
      if (think_ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(rng_() % (2 * think_ms + 1)));
    }
  }

  const Latencies& latencies() const { return latencies_; }

 private:
  void one_request() {
    const int pick = static_cast<int>(rng_() % 100);
    const std::string ward = kWards[rng_() % kWards.size()];
    if (pick < 30) {
      static const char* kDashboard[][2] = {
          {"GET scorecard", "/api/v1/scorecard?unit=LS&period=2021"},
          {"GET analytics (trend)", "/api/v1/analytics?unit=LS&period=2020,2021,2022"},
          {"GET analytics (children)", "/api/v1/analytics?children=LS&period=2021"},
          {"GET analytics/projections", "/api/v1/analytics/projections?unit=LS&through=2021"},
          {"GET completeness", "/api/v1/completeness?form=BC-NAM-PX&period=2021&unit=LS"},
          {"GET task-status", "/api/v1/task-status?period=2021&unit=LS"}};
      const auto& d = kDashboard[pick % 6];
      timed(d[0], [&] { return http_.get(d[1]); });
    } else if (pick < 60) {
      const std::string kLists[][2] = {
          {"GET values (ward list)", "/api/v1/values?unit=" + ward + "&period=2021&limit=100"},
          {"GET tasks", "/api/v1/tasks?limit=50"},
          {"GET indicators", "/api/v1/indicators?limit=100"},
          {"GET documents", "/api/v1/documents?limit=50"}};
      const auto& l = kLists[pick % 4];
      timed(l[0], [&] { return http_.get(l[1]); });
    } else if (pick < 87) {
      put_value();
    } else if (pick < 92) {
      bulk_import(pick % 2 == 0);
    } else {
      const char* format = pick < 97 ? "md" : pick < 99 ? "docx" : "pdf";
      timed(std::string("GET reports (") + format + ")", [&] {
        return http_.get(std::string("/api/v1/reports?unit=LS&period=2021&format=") + format);
      });
    }
  }

  // A cell of the client's own (a ward-month of year 2030 + index), so that no
  // two clients race for it: a 412 would be an error.
  void put_value() {
    const int m = 1 + static_cast<int>(rng_() % 12);
    const std::string cell =
        "/api/v1/values/NEW_JOBS/" + kWards[index_ % kWards.size()] + "/" + month(2030 + index_, m);
    auto& etag = etags_[m];
    HttpClient::Headers headers = {{"Content-Type", "application/json"}};
    headers.emplace_back(etag.empty() ? "If-None-Match" : "If-Match", etag.empty() ? "*" : etag);
    const json::object body{{"value", static_cast<double>(rng_() % 1000)}, {"comment", "load"}};
    timed("PUT values/{cell}", [&] {
      HttpResponse r = http_.request("PUT", cell, json::serialize(body), headers);
      if (r.status == 200 || r.status == 201)
        etag = r.header("ETag");
      return r;
    });
  }

  // 120 values: the client's two years (2100 + 2 index …) at the five wards.
  void bulk_import(bool dhis2) {
    json::array values;
    const std::string value = std::to_string(rng_() % 1000);
    for (int y = 0; y < 2; ++y)
      for (int m = 1; m <= 12; ++m)
        for (const auto& w : kWards) {
          const std::string period = month(2100 + 2 * index_ + y, m);
          if (dhis2)
            values.push_back(json::object{
                {"dataElement", "NEW_JOBS"}, {"orgUnit", w}, {"period", period}, {"value", value}});
          else
            values.push_back(json::object{{"indicator", "NEW_JOBS"},
                                          {"unit", w},
                                          {"period", period},
                                          {"value", std::stod(value)}});
        }
    const std::string target =
        dhis2 ? "/api/dataValueSets?idScheme=CODE&atomicMode=ALL" : "/api/v1/values/bulk";
    const json::object body =
        dhis2 ? json::object{{"dataValues", values}} : json::object{{"values", values}};
    timed(dhis2 ? "POST dataValueSets (120)" : "POST values/bulk (120)", [&] {
      return http_.request("POST", target, json::serialize(body),
                           {{"Content-Type", "application/json"}});
    });
  }

  template <typename Send>
  void timed(const std::string& route, Send send) {
    const auto start = Clock::now();
    bool ok = false;
    try {
      const HttpResponse r = send();
      ok = r.status >= 200 && r.status < 300;
      if (!ok && errors_shown_++ < 3)
        std::fprintf(stderr, "%s: %d %s\n", route.c_str(), r.status, r.body.substr(0, 300).c_str());
    } catch (const std::exception& e) {
      if (errors_shown_++ < 3)
        std::fprintf(stderr, "%s: %s\n", route.c_str(), e.what());
    }
    latencies_.add(route, std::chrono::duration<double, std::milli>(Clock::now() - start).count(),
                   ok);
  }

  HttpClient http_;
  std::mt19937 rng_;
  int index_;
  std::map<int, std::string> etags_;  // month → ETag of the client's cell
  Latencies latencies_;
  int errors_shown_ = 0;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i], value = argv[i + 1];
    if (arg == "--seconds")
      o.seconds = std::stoi(value);
    else if (arg == "--clients")
      o.clients = std::stoi(value);
    else if (arg == "--think-ms")
      o.think_ms = std::stoi(value);
    else if (arg == "--threads")
      o.threads = value;
    else
      throw std::invalid_argument("unknown option " + arg);
  }
  if (argc % 2 == 0)
    throw std::invalid_argument("an option without its value");
  return o;
}

int run(const Options& options) {
  mandate::test_support::ServerOptions server_options;
  if (!options.threads.empty())
    server_options.args = {"--threads", options.threads};
  mandate::test_support::ServerProcess server(server_options);
  mandate::test_support::add_user(MANDATE_BINARY, server.db(), mandate::test_support::kAccounts[0]);
  const std::string token = mandate::test_support::api_token(server.port(), "admin", "load");
  std::printf("load: %d clients, think 0–%d ms, %d s, %s, server pid %d, RSS %.0f MiB at start\n",
              options.clients, 2 * options.think_ms, options.seconds,
              mandate::test_support::on_postgresql() ? "PostgreSQL" : "SQLite", server.pid(),
              mandate::bench::rss_mib(server.pid()));
  std::fflush(stdout);

  const auto start = Clock::now();
  const auto until = start + std::chrono::seconds(options.seconds);
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < options.clients; ++i)
    clients.push_back(std::make_unique<Client>(server.port(), token, i));
  std::vector<std::thread> threads;
  for (auto& c : clients)
    threads.emplace_back([&c, until, &options] { c->run(until, options.think_ms); });
  std::printf("| elapsed s | server RSS MiB |\n| ---: | ---: |\n");
  for (int t = 10; t <= options.seconds; t += 10) {
    std::this_thread::sleep_until(start + std::chrono::seconds(t));
    std::printf("| %d | %.1f |\n", t, mandate::bench::rss_mib(server.pid()));
    std::fflush(stdout);
  }
  for (auto& t : threads)
    t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  Latencies all;
  for (const auto& c : clients)
    all.merge(c->latencies());
  std::printf("\n%zu requests in %.0f s (%.1f per s), %zu errors\n\n", all.count(), seconds,
              static_cast<double>(all.count()) / seconds, all.errors());
  all.print(seconds);
  if (!server.running())
    std::printf("the server died\n");
  return all.errors() == 0 && server.running() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "load: %s\n", e.what());
    return 2;
  }
}
