#include "http/api/context.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "core/text.hpp"
#include "http/errors.hpp"
#include "io/json_reader.hpp"
#include "io/json_writer.hpp"
#include "service/clock.hpp"
#include "service/feed_retention.hpp"
#include "service/record_service.hpp"

namespace mandate::http::api {

using core::Error;
using core::ErrorCategory;

ApiContext::ApiContext(store::Store& store, std::function<std::string()> now,
                       std::shared_ptr<service::AnalyticsCache> analytics)
    : store_(store),
      now_(now),
      cache_(store, std::move(analytics)),
      auth_(store, [now] { return service::from_iso(now()); }),
      imports_(store, cache_, now) {}

void ApiContext::follow(std::unique_ptr<store::ChangeListener> listener, long long kept) {
  // PostgreSQL wakes the follower at once; the wait only bounds how long
  // stopping takes. SQLite is polled: its data_version is one cheap read.
  constexpr std::chrono::milliseconds kInterval{100};
  // The feed is pruned at the first wake-up and then hourly; with several
  // servers each prunes, and the newest entries are kept either way.
  static constexpr std::chrono::hours kPruneEvery{1};
  follower_ = std::make_unique<service::FeedFollower>(
      std::move(listener),
      [this, kept, next_prune = std::chrono::steady_clock::time_point{}]() mutable {
        cache_.get();
        if (const auto t = std::chrono::steady_clock::now(); t >= next_prune) {
          if (const long long dropped = service::prune_change_feed(store_, now_(), kept);
              dropped > 0)
            spdlog::info("change feed: {} older entries dropped", dropped);
          next_prune = t + kPruneEvery;
        }
      },
      kInterval);
}

void ApiContext::remind(ReminderConfig config) {
  reminders_ = std::make_unique<service::ReminderRunner>([this, config] { remind_once(config); },
                                                         config.interval);
}

void ApiContext::remind_once(const ReminderConfig& config) {
  const auto snapshot = cache_.get();
  const std::string now = now_();
  const auto created = service::create_reminders(store_, *snapshot, core::vietnam_date(now),
                                                 config.settings, now, config.mailer != nullptr);
  service::MailOutcome mail;
  if (config.mailer)
    mail = service::send_pending_mail(store_, *snapshot, *config.mailer, now, config.public_url);
  for (const auto& line : mail.errors)
    spdlog::warn("{}", line);
  if (!created.empty() || mail.sent > 0 || mail.failed > 0) {
    const std::vector<std::string> args = {std::to_string(created.size()),
                                           std::to_string(mail.sent), std::to_string(mail.failed)};
    spdlog::info("{} / {}", core::tr(core::Lang::vi, "remind.serve_pass", args),
                 core::tr(core::Lang::en, "remind.serve_pass", args));
  }
}

service::Authenticated ApiContext::authenticate(const Request& request) {
  const std::string authorization = request.header("Authorization");
  if (authorization.rfind("Bearer ", 0) == 0)
    return auth_.from_api_token(authorization.substr(7));
  // HTTP Basic, as DHIS2 scripts sign in: checked like a login, no session, so no CSRF.
  if (authorization.rfind("Basic ", 0) == 0) {
    const auto credentials = service::basic_credentials(authorization.substr(6));
    if (!credentials)
      throw Error(ErrorCategory::unauthenticated, "auth.bad_credentials");
    return auth_.from_basic(credentials->first, credentials->second, request.remote_address);
  }
  const auto cookie = request.cookie(kSessionCookie);
  if (!cookie)
    throw Error(ErrorCategory::unauthenticated, "auth.required");
  auto who = auth_.from_session(*cookie);
  const bool safe = request.method == "GET" || request.method == "HEAD";
  if (!safe) {
    const std::string sent = request.header("X-CSRF-Token");
    if (who.csrf_token.empty() || !service::constant_time_equal(sent, who.csrf_token))
      throw Error(ErrorCategory::permission, "auth.csrf");
  }
  return who;
}

service::Actor ApiContext::actor(const Request& request) {
  return {authenticate(request).principal, request.remote_address, now()};
}

boost::json::object json_body(const Request& request) {
  boost::system::error_code ec;
  // Depth is bounded so a deeply nested body cannot exhaust the stack.
  boost::json::parse_options options;
  options.max_depth = 32;
  auto v = boost::json::parse(request.body, ec, {}, options);
  if (ec)
    throw core::invalid_input("body.not_json", {ec.message()}, "body");
  if (!v.is_object())
    throw core::invalid_input("json.expected_object", {"body"}, "body");
  return std::move(v.as_object());
}

void only_keys(const boost::json::object& o, std::initializer_list<std::string_view> allowed) {
  for (const auto& kv : o) {
    bool known = false;
    for (auto a : allowed)
      known = known || kv.key() == a;
    if (!known)
      throw core::invalid_input("json.unknown_key", {std::string(kv.key())}, std::string(kv.key()));
  }
}

std::string optional_text(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null())
    return {};
  if (!v->is_string())
    throw core::invalid_input("json.expected_string", {std::string(key)}, std::string(key));
  const auto& s = v->get_string();
  const std::string_view text(s.data(), s.size());
  if (!core::is_storable_text(text))
    throw core::invalid_input("text.invalid_utf8", {std::string(key)}, std::string(key));
  return core::to_nfc(text);
}

std::string required_text(const boost::json::object& o, std::string_view key) {
  if (!o.contains(key))
    throw core::invalid_input("json.missing_key", {std::string(key)}, std::string(key));
  return optional_text(o, key);
}

double required_number(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v)
    throw core::invalid_input("json.missing_key", {std::string(key)}, std::string(key));
  const auto d = io::json_number(*v);
  if (!d)
    throw core::invalid_input("json.expected_number", {std::string(key)}, std::string(key));
  return *d;
}

std::string required_query(const Request& request, std::string_view name) {
  auto v = request.query_param(name);
  if (!v || v->empty())
    throw core::invalid_input("query.missing", {std::string(name)}, std::string(name));
  return core::to_nfc(*v);
}

Page page_of(const Request& request) {
  Page p;
  auto number = [&](std::string_view name, size_t lo, size_t hi, size_t fallback) {
    auto v = request.query_param(name);
    if (!v)
      return fallback;
    size_t n = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || end != v->data() + v->size() || n < lo || n > hi)
      throw core::invalid_input("query.invalid", {std::string(name), *v}, std::string(name));
    return n;
  };
  p.limit = number("limit", 1, 1000, 100);
  p.offset = number("offset", 0, SIZE_MAX, 0);
  return p;
}

core::Lang lang_of(const Request& request) {
  if (auto q = request.query_param("lang"))
    return core::parse_lang(*q);
  const std::string accept = request.header("Accept-Language");
  return accept.rfind("en", 0) == 0 ? core::Lang::en : core::Lang::vi;
}

std::pair<service::Precondition, std::string> precondition_of(const Request& request) {
  const std::string if_match = request.header("If-Match");
  if (!if_match.empty())
    return {service::Precondition::if_match, if_match};
  if (request.header("If-None-Match") == "*")
    return {service::Precondition::if_absent, ""};
  throw core::invalid_input("etag.required", {}, "If-Match");
}

std::string required_if_match(const Request& request) {
  std::string if_match = request.header("If-Match");
  if (if_match.empty())
    throw core::invalid_input("etag.required", {}, "If-Match");
  return if_match;
}

Response stale_response(const core::Error& e, const boost::json::value& current,
                        const std::string& current_etag) {
  Response resp = error_response(e);
  auto body = boost::json::parse(resp.body).as_object();
  body["current"] = current;
  resp.body = io::compact_json(body);
  if (!current_etag.empty())
    resp.with_header("ETag", current_etag);
  return resp;
}

Response stale_response(const service::StaleRecord& e) {
  return stale_response(
      e, e.current_json() ? boost::json::parse(*e.current_json()) : boost::json::value(nullptr),
      e.current_etag());
}

}  // namespace mandate::http::api
