#pragma once
// Counters, gauges and latency histograms of the server, rendered in the
// Prometheus text exposition format (version 0.0.4) for `GET /metrics`.
// Thread-safe. Requests are labelled by route pattern, never by raw path, so
// the number of series stays bounded.
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace mandate::http {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 14> kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // One finished request. method outside the standard set is counted as "OTHER".
  void observe_request(std::string_view route, std::string_view method, int status, double seconds);
  void request_started() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void request_finished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
  void connection_opened() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { connections_.fetch_sub(1, std::memory_order_relaxed); }

  // Time spent in the database by one operation.
  void observe_db(double seconds);

  // A gauge read when /metrics is rendered. name must be a valid metric name
  // ([a-zA-Z_:][a-zA-Z0-9_:]*) not used before; read must be thread-safe.
  void add_gauge(std::string name, std::string help, std::function<double()> read);

  // The Prometheus text format.
  std::string render() const;

 private:
  struct Series;
  struct Histogram;
  using CounterKey = std::tuple<std::string, std::string, int>;  // route, method, status
  using HistogramKey = std::pair<std::string, std::string>;      // route, method

  Series& counter_for(std::string_view route, std::string_view method, int status);
  Histogram& histogram_for(std::string_view route, std::string_view method);

  mutable std::shared_mutex mutex_;
  std::map<CounterKey, std::unique_ptr<Series>> requests_;
  std::map<HistogramKey, std::unique_ptr<Histogram>> latency_;
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  std::vector<Gauge> gauges_;

  std::atomic<long> in_flight_{0};
  std::atomic<long> connections_{0};
  std::atomic<uint64_t> db_operations_{0};
  std::atomic<uint64_t> db_nanoseconds_{0};
};

}  // namespace mandate::http
