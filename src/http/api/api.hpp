#pragma once
// The JSON API under /api/v1: thin handlers that parse, call a service, and
// serialise. Who may do what is decided in the services, never here.
#include <functional>
#include <string>

#include "http/router.hpp"
#include "store/store.hpp"

namespace mandate::http::api {

// now: the current time as an ISO 8601 UTC string (injected for tests).
void register_api(Router& router, store::Store& store, std::function<std::string()> now);

}  // namespace mandate::http::api
