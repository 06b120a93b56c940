#pragma once
// The server's own routes: GET /healthz and GET /metrics.
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace mandate::http {

// GET /healthz -> 200 {"status":"ok"}
void add_health_route(Router& router);
// GET /metrics -> the Prometheus text format
void add_metrics_route(Router& router, const Metrics& metrics);

}  // namespace mandate::http
