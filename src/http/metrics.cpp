#include "http/metrics.hpp"

#include <fmt/format.h>

#include <cmath>
#include <mutex>
#include <stdexcept>

namespace mandate::http {

struct Metrics::Series {
  std::atomic<uint64_t> count{0};
};

struct Metrics::Histogram {
  std::array<std::atomic<uint64_t>, kBuckets.size()> buckets{};  // not cumulative
  std::atomic<uint64_t> count{0};
  std::atomic<uint64_t> sum_ns{0};
};

namespace {

std::string_view normal_method(std::string_view method) {
  for (std::string_view m : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (m == method)
      return m;
  }
  return "OTHER";
}

// Label values escape backslash, double quote and line feed.
std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string number(double v) {
  if (std::isnan(v))
    return "NaN";
  if (std::isinf(v))
    return v > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", v);
}

bool valid_metric_name(std::string_view name) {
  if (name.empty())
    return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
      return false;
  }
  return true;
}

template <typename... T>
void append(std::string& out, fmt::format_string<T...> format, T&&... args) {
  fmt::format_to(std::back_inserter(out), format, std::forward<T>(args)...);
}

// HELP text escapes backslash and line feed.
std::string escape_help(std::string_view help) {
  std::string out;
  for (char c : help) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

void family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  append(out, "# HELP {} {}\n# TYPE {} {}\n", name, escape_help(help), name, type);
}

}  // namespace

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

Metrics::Series& Metrics::counter_for(std::string_view route, std::string_view method, int status) {
  CounterKey key{std::string(route), std::string(method), status};
  {
    std::shared_lock lock(mutex_);
    auto it = requests_.find(key);
    if (it != requests_.end())
      return *it->second;
  }
  std::unique_lock lock(mutex_);
  auto& slot = requests_[std::move(key)];
  if (!slot)
    slot = std::make_unique<Series>();
  return *slot;
}

Metrics::Histogram& Metrics::histogram_for(std::string_view route, std::string_view method) {
  HistogramKey key{std::string(route), std::string(method)};
  {
    std::shared_lock lock(mutex_);
    auto it = latency_.find(key);
    if (it != latency_.end())
      return *it->second;
  }
  std::unique_lock lock(mutex_);
  auto& slot = latency_[std::move(key)];
  if (!slot)
    slot = std::make_unique<Histogram>();
  return *slot;
}

void Metrics::observe_request(std::string_view route, std::string_view method, int status,
                              double seconds) {
  method = normal_method(method);
  counter_for(route, method, status).count.fetch_add(1, std::memory_order_relaxed);
  Histogram& h = histogram_for(route, method);
  if (!(seconds >= 0))
    seconds = 0;
  size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i])
    ++i;
  if (i < kBuckets.size())
    h.buckets[i].fetch_add(1, std::memory_order_relaxed);
  h.sum_ns.fetch_add(static_cast<uint64_t>(seconds * 1e9), std::memory_order_relaxed);
  h.count.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::observe_db(double seconds) {
  if (!(seconds >= 0))
    seconds = 0;
  db_operations_.fetch_add(1, std::memory_order_relaxed);
  db_nanoseconds_.fetch_add(static_cast<uint64_t>(seconds * 1e9), std::memory_order_relaxed);
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  if (!valid_metric_name(name))
    throw std::invalid_argument("not a valid metric name: " + name);
  std::unique_lock lock(mutex_);
  for (const Gauge& g : gauges_) {
    if (g.name == name)
      throw std::invalid_argument("gauge registered twice: " + name);
  }
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::string out;
  out.reserve(4096);
  std::shared_lock lock(mutex_);

  family(out, "mandate_http_requests_total", "counter",
         "HTTP requests answered, by route pattern, method and status.");
  for (const auto& [key, series] : requests_) {
    const auto& [route, method, status] = key;
    append(out, "mandate_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
           escape_label(route), method, status, series->count.load(std::memory_order_relaxed));
  }

  family(out, "mandate_http_request_duration_seconds", "histogram",
         "Time from the first byte of a request to the last byte of its response.");
  for (const auto& [key, h] : latency_) {
    const std::string labels =
        fmt::format("route=\"{}\",method=\"{}\"", escape_label(key.first), key.second);
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h->buckets[i].load(std::memory_order_relaxed);
      append(out, "mandate_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels,
             number(kBuckets[i]), cumulative);
    }
    const uint64_t count = std::max(cumulative, h->count.load(std::memory_order_relaxed));
    append(out, "mandate_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels,
           count);
    append(out, "mandate_http_request_duration_seconds_sum{{{}}} {}\n", labels,
           number(static_cast<double>(h->sum_ns.load(std::memory_order_relaxed)) / 1e9));
    append(out, "mandate_http_request_duration_seconds_count{{{}}} {}\n", labels, count);
  }

  family(out, "mandate_http_requests_in_flight", "gauge",
         "Requests received and not yet answered.");
  append(out, "mandate_http_requests_in_flight {}\n", in_flight_.load(std::memory_order_relaxed));
  family(out, "mandate_http_connections_open", "gauge", "Open client connections.");
  append(out, "mandate_http_connections_open {}\n", connections_.load(std::memory_order_relaxed));

  family(out, "mandate_db_operations_total", "counter", "Database operations timed.");
  append(out, "mandate_db_operations_total {}\n", db_operations_.load(std::memory_order_relaxed));
  family(out, "mandate_db_seconds_total", "counter", "Time spent in the database, in seconds.");
  append(out, "mandate_db_seconds_total {}\n",
         number(static_cast<double>(db_nanoseconds_.load(std::memory_order_relaxed)) / 1e9));

  for (const Gauge& g : gauges_) {
    double value;
    try {
      value = g.read();
    } catch (...) {
      continue;
    }
    family(out, g.name, "gauge", g.help);
    append(out, "{} {}\n", g.name, number(value));
  }
  return out;
}

}  // namespace mandate::http
