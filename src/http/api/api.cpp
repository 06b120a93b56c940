#include "http/api/api.hpp"

#include "http/api/context.hpp"

namespace mandate::http::api {

void register_api(Router& router, store::Store& store, std::function<std::string()> now,
                  std::shared_ptr<service::AnalyticsCache> analytics,
                  std::shared_ptr<const report::TemplateLibrary> templates,
                  std::unique_ptr<store::ChangeListener> listener, ReminderConfig reminders,
                  long long change_feed_kept) {
  if (!analytics)
    analytics = std::make_shared<service::AnalyticsCache>();
  auto api = std::make_shared<ApiContext>(store, std::move(now), std::move(analytics));
  api->cache().get();  // loads the data and builds the rollups now, not at the first request
  if (listener)
    api->follow(std::move(listener), change_feed_kept);
  register_auth_routes(router, api);
  register_data_routes(router, api);
  if (!templates)
    templates = std::make_shared<report::TemplateLibrary>();
  register_report_routes(router, api, std::move(templates));
  register_record_routes(router, api);
  register_dhis2_routes(router, api);
  register_attachment_routes(router, api);
  register_task_update_routes(router, api);
  register_search_routes(router, api);
  register_analytics_routes(router, api);
  register_import_routes(router, api);
  register_cycle_routes(router, api);
  register_notification_routes(router, api);
  register_user_routes(router, api);
  if (reminders.interval.count() > 0)
    api->remind(std::move(reminders));
  register_openapi_route(router);
}

}  // namespace mandate::http::api
