#include "http/builtin_routes.hpp"

namespace mandate::http {

void add_health_route(Router& router) {
  router.add("GET", "/healthz", [](Request&) {
    return Response::json(200, boost::json::object{{"status", "ok"}})
        .with_header("Cache-Control", "no-store");
  });
}

void add_metrics_route(Router& router, const Metrics& metrics) {
  router.add("GET", "/metrics", [&metrics](Request&) {
    return Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8")
        .with_header("Cache-Control", "no-store");
  });
}

}  // namespace mandate::http
