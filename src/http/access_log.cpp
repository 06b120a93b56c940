#include "http/access_log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <cmath>
#include <ctime>

#include "io/json_writer.hpp"

namespace mandate::http {
namespace {

std::string iso_time(std::chrono::system_clock::time_point t) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buf[40];
  const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms % 1000));
  return buf;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// The query with secret values replaced, still percent-encoded as received.
std::string redacted_query(std::string_view query) {
  std::string out;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos)
      end = query.size();
    std::string_view pair = query.substr(start, end - start);
    if (!out.empty() || start > 0)
      out += '&';
    const size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    std::string name(key);
    if (auto decoded = boost::urls::make_pct_string_view(key))
      name = decoded->decode();
    if (eq != std::string_view::npos && is_secret_param(name)) {
      out.append(key);
      out += "=***";
    } else {
      out.append(pair);
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

bool is_secret_param(std::string_view name) {
  const std::string n = lower(name);
  for (std::string_view part : {"password", "passwd", "token", "secret", "session", "csrf",
                                "apikey", "api_key", "auth", "signature"}) {
    if (n.find(part) != std::string::npos)
      return true;
  }
  return n == "key" || n == "sid" || n == "pass" || n == "pwd" || n == "sig";
}

std::string format_access_entry(const AccessEntry& e) {
  std::string_view path = e.target;
  std::string_view query;
  if (const size_t q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  // Fragments never reach a server, but a hand-made request may carry one.
  if (const size_t f = query.find('#'); f != std::string_view::npos)
    query = query.substr(0, f);
  boost::json::object o;
  o["time"] = iso_time(e.time);
  o["remote"] = e.remote;
  o["method"] = e.method;
  o["route"] = e.route;
  o["path"] = path;
  if (!query.empty())
    o["query"] = redacted_query(query);
  o["status"] = e.status;
  o["bytes"] = e.bytes;
  o["duration_ms"] = std::round(e.duration_ms * 1000) / 1000;
  return io::compact_json(o);
}

AccessLog::AccessLog(std::shared_ptr<spdlog::logger> logger) : logger_(std::move(logger)) {}

AccessLog AccessLog::to_stdout() {
  if (auto existing = spdlog::get("access"))
    return AccessLog(std::move(existing));
  auto logger =
      std::make_shared<spdlog::logger>("access", std::make_shared<spdlog::sinks::stdout_sink_mt>());
  logger->set_pattern("%v");
  logger->set_level(spdlog::level::info);
  // A flush per line is a write(2) per request; once a second keeps the log
  // current for anyone tailing it at a fraction of the cost.
  logger->flush_on(spdlog::level::warn);
  spdlog::register_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
  return AccessLog(std::move(logger));
}

void AccessLog::write(const AccessEntry& entry) const {
  if (logger_)
    logger_->info(format_access_entry(entry));
}

}  // namespace mandate::http
