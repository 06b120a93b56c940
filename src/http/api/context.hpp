#pragma once
// What every API handler shares: the services, and the per-request steps of
// authentication (session cookie + CSRF, or a bearer token), body parsing and
// query reading.
#include <algorithm>
#include <boost/json.hpp>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/i18n.hpp"
#include "http/api/api.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "report/template_library.hpp"
#include "service/auth_service.hpp"
#include "service/feed_follower.hpp"
#include "service/import_jobs.hpp"
#include "service/record_service.hpp"
#include "service/reminder_service.hpp"
#include "service/snapshot.hpp"
#include "service/value_service.hpp"
#include "store/store.hpp"

namespace mandate::http::api {

inline constexpr const char* kSessionCookie = "mandate_session";

class ApiContext {
 public:
  // analytics: the rollup engine's cache, shared with /metrics.
  ApiContext(store::Store& store, std::function<std::string()> now,
             std::shared_ptr<service::AnalyticsCache> analytics);

  store::Store& store() { return store_; }
  service::SnapshotCache& cache() { return cache_; }
  service::AuthService& auth() { return auth_; }
  service::ImportJobs& imports() { return imports_; }
  std::string now() const { return now_(); }
  // Starts following the change feed between requests (service::FeedFollower).
  // Keeps the newest `kept` entries of the feed (service::prune_change_feed).
  void follow(std::unique_ptr<store::ChangeListener> listener, long long kept);
  // Starts the reminder pass on its own thread (service::ReminderRunner).
  void remind(ReminderConfig config);
  // One reminder pass now: creates what today calls for and sends pending mail.
  void remind_once(const ReminderConfig& config);

  // Who is calling. Unsafe methods with a session cookie must carry the
  // session's CSRF token in X-CSRF-Token. Throws unauthenticated / permission.
  service::Authenticated authenticate(const Request& request);
  service::Actor actor(const Request& request);

 private:
  store::Store& store_;
  std::function<std::string()> now_;
  service::SnapshotCache cache_;
  service::AuthService auth_;
  service::ImportJobs imports_;
  std::unique_ptr<service::FeedFollower> follower_;     // its thread stops before the cache goes
  std::unique_ptr<service::ReminderRunner> reminders_;  // last: its thread stops first
};

// The body as a JSON object; throws invalid_input "body.not_json".
boost::json::object json_body(const Request& request);
// Rejects keys of the object that are not in `allowed` ("json.unknown_key").
void only_keys(const boost::json::object& o, std::initializer_list<std::string_view> allowed);
std::string required_text(const boost::json::object& o, std::string_view key);
std::string optional_text(const boost::json::object& o, std::string_view key);
double required_number(const boost::json::object& o, std::string_view key);
// Query parameter or throws "query.missing".
std::string required_query(const Request& request, std::string_view name);
// Paging from ?limit= (1..1000, default 100) and ?offset= (default 0).
struct Page {
  size_t limit = 100;
  size_t offset = 0;
};
Page page_of(const Request& request);
// ?lang=en or the first language of Accept-Language; Vietnamese otherwise.
core::Lang lang_of(const Request& request);

// {"items": [...page...], "total": N, "limit": L, "offset": O}
template <typename T, typename ToJson>
boost::json::object paged(const std::vector<T>& items, const Page& page, ToJson&& to_json) {
  boost::json::array out;
  for (size_t i = page.offset; i < items.size() && out.size() < page.limit; ++i)
    out.push_back(to_json(items[i]));
  return {{"items", std::move(out)},
          {"total", items.size()},
          {"limit", page.limit},
          {"offset", page.offset}};
}

// ?q= through the store's full-text index: the codes of matching records of
// that kind, best first; nullopt when there is no ?q=.
std::optional<std::vector<std::string>> searched_codes(ApiContext& api, const Request& request,
                                                       core::SearchEntity entity);
// Keeps the items whose code was found, in the order found (best first).
template <typename T, typename Code>
void keep_found(std::vector<T>& items, const std::optional<std::vector<std::string>>& codes,
                Code&& code) {
  if (!codes)
    return;
  std::unordered_map<std::string_view, size_t> rank;
  for (size_t i = 0; i < codes->size(); ++i)
    rank.emplace((*codes)[i], i);
  std::erase_if(items, [&](const T& x) { return !rank.contains(code(x)); });
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return rank.at(code(a)) < rank.at(code(b)); });
}

// The precondition a PUT names: If-Match with the version read, or
// If-None-Match: * to create only; neither is "etag.required".
std::pair<service::Precondition, std::string> precondition_of(const Request& request);
// The If-Match a DELETE must carry ("etag.required" without it).
std::string required_if_match(const Request& request);
// 412 for a stale write: the error plus `current` (the record or value as it
// is now, or null when it is gone) and, when there is one, its ETag.
Response stale_response(const core::Error& e, const boost::json::value& current,
                        const std::string& current_etag);
Response stale_response(const service::StaleRecord& e);

void register_auth_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_data_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_report_routes(Router& router, std::shared_ptr<ApiContext> api,
                            std::shared_ptr<const report::TemplateLibrary> templates);
void register_record_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_dhis2_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_attachment_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_task_update_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_search_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_analytics_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_import_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_cycle_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_notification_routes(Router& router, std::shared_ptr<ApiContext> api);
void register_user_routes(Router& router, std::shared_ptr<ApiContext> api);
// GET /api/v1/openapi.json: the OpenAPI description (docs/openapi.json), public.
void register_openapi_route(Router& router);

}  // namespace mandate::http::api
