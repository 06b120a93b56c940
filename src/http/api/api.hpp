#pragma once
// The JSON API under /api/v1: thin handlers that parse, call a service, and
// serialise. Who may do what is decided in the services, never here.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/reminder.hpp"
#include "http/router.hpp"
#include "report/template_library.hpp"
#include "service/analytics_cache.hpp"
#include "service/feed_retention.hpp"
#include "service/mailer.hpp"
#include "store/change_listener.hpp"
#include "store/store.hpp"

namespace mandate::http::api {

// The server's reminder pass (docs/reporting-cycles.md, "Reminders"): every
// interval (0: never), on a thread of its own; e-mail through mailer when
// there is one, with links under public_url.
struct ReminderConfig {
  std::chrono::milliseconds interval{0};
  core::ReminderSettings settings;
  std::shared_ptr<service::Mailer> mailer;
  std::string public_url;
};

// now: the current time as an ISO 8601 UTC string (injected for tests).
// analytics: the rollup engine's cache (one is made when none is given). The
// data is loaded and the rollups built here, before the first request.
// templates: the report templates (the compiled-in ones when none is given).
// listener: wakes a thread that follows the change feed between requests
// (service::FeedFollower), and keeps the newest change_feed_kept entries of
// the feed (service::prune_change_feed); without one, each request catches
// up by itself.
void register_api(Router& router, store::Store& store, std::function<std::string()> now,
                  std::shared_ptr<service::AnalyticsCache> analytics = nullptr,
                  std::shared_ptr<const report::TemplateLibrary> templates = nullptr,
                  std::unique_ptr<store::ChangeListener> listener = nullptr,
                  ReminderConfig reminders = {},
                  long long change_feed_kept = service::kChangeFeedKept);

}  // namespace mandate::http::api
