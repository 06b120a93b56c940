#pragma once
// Per-route request counts, latencies and errors, and the table they print as.
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace mandate::bench {

class Latencies {
 public:
  void add(const std::string& route, double ms, bool ok) {
    auto& r = routes_[route];
    r.ms.push_back(ms);
    if (!ok)
      ++r.errors;
  }
  void merge(const Latencies& other) {
    for (const auto& [name, r] : other.routes_) {
      auto& mine = routes_[name];
      mine.ms.insert(mine.ms.end(), r.ms.begin(), r.ms.end());
      mine.errors += r.errors;
    }
  }
  size_t count() const {
    size_t n = 0;
    for (const auto& [name, r] : routes_)
      n += r.ms.size();
    return n;
  }
  size_t errors() const {
    size_t n = 0;
    for (const auto& [name, r] : routes_)
      n += r.errors;
    return n;
  }
  // A Markdown table: route, count, p50, p99, max (ms), errors.
  void print(double seconds) {
    std::printf("| route | requests | per s | p50 ms | p99 ms | max ms | errors |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (auto& [name, r] : routes_) {
      std::sort(r.ms.begin(), r.ms.end());
      std::printf("| %s | %zu | %.1f | %.1f | %.1f | %.1f | %zu |\n", name.c_str(), r.ms.size(),
                  static_cast<double>(r.ms.size()) / seconds, at(r.ms, 0.50), at(r.ms, 0.99),
                  r.ms.empty() ? 0.0 : r.ms.back(), r.errors);
    }
  }

 private:
  struct Route {
    std::vector<double> ms;
    size_t errors = 0;
  };
  static double at(const std::vector<double>& sorted, double q) {
    if (sorted.empty())
      return 0;
    const size_t i = static_cast<size_t>(q * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(i, sorted.size() - 1)];
  }
  std::map<std::string, Route> routes_;
};

}  // namespace mandate::bench
