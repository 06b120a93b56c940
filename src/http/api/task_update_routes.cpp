// /api/v1/tasks/{code}/updates: a task's progress journal.
#include "http/api/context.hpp"
#include "io/journal_json.hpp"
#include "service/task_update_service.hpp"

namespace mandate::http::api {

void register_task_update_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("GET", "/api/v1/tasks/{code}/updates", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const auto items = service::task_updates(api->store(), *s, who, r.param("code"));
    return Response::json(
        200, paged(items, page_of(r), [](const core::TaskUpdate& u) { return io::to_json(u); }));
  });

  // Append-only, so no If-Match: two people reporting at once both get in.
  router.add("POST", "/api/v1/tasks/{code}/updates", [api](Request& r) {
    const auto actor = api->actor(r);
    const auto update = io::task_update_from_json(json_body(r));
    const auto saved =
        service::add_task_update(api->store(), api->cache(), actor, r.param("code"), update);
    return Response::json(201, io::to_json(saved));
  });
}

}  // namespace mandate::http::api
