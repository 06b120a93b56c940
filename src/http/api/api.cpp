#include "http/api/api.hpp"

#include "http/api/context.hpp"

namespace mandate::http::api {

void register_api(Router& router, store::Store& store, std::function<std::string()> now) {
  auto api = std::make_shared<ApiContext>(store, std::move(now));
  register_auth_routes(router, api);
  register_data_routes(router, api);
  register_report_routes(router, api);
  register_record_routes(router, api);
  register_dhis2_routes(router, api);
  register_attachment_routes(router, api);
  register_task_update_routes(router, api);
  register_search_routes(router, api);
  register_openapi_route(router);
}

}  // namespace mandate::http::api
