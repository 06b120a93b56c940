#pragma once
// The access log: one JSON object per line per request, e.g.
//   {"time":"2026-11-27T21:00:00.123Z","remote":"127.0.0.1","method":"GET",
//    "route":"/api/v1/units/{code}","path":"/api/v1/units/LS","query":"lang=vi",
//    "status":200,"bytes":512,"duration_ms":1.234}
// Never written: cookies, the Authorization header, bodies; query values whose
// names look secret (password, token, secret, session, key, ...) become "***".
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace mandate::http {

struct AccessEntry {
  std::chrono::system_clock::time_point time;
  std::string_view remote;
  std::string_view method;
  std::string_view route;   // the matched pattern, or "(unmatched)", "(static)", "(invalid)"
  std::string_view target;  // as received; logged as its path and its redacted query
  int status = 0;
  size_t bytes = 0;  // response body bytes
  double duration_ms = 0;
};

// The JSON line (without the line feed).
std::string format_access_entry(const AccessEntry& entry);

// True for a query parameter name whose value must not be logged.
bool is_secret_param(std::string_view name);

class AccessLog {
 public:
  explicit AccessLog(std::shared_ptr<spdlog::logger> logger);
  // A logger writing to standard output, one line per entry, flushed every second.
  static AccessLog to_stdout();
  void write(const AccessEntry& entry) const;

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace mandate::http
