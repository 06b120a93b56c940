// The HTTP request path as the server takes it after Beast: the target checked
// and decoded (http::parse_target), then the router (http::Router) with routes
// shaped like the server's. Input: the method, a newline, the target, a
// newline, the body. Every answer is a valid status with a JSON body, and a
// {name} parameter a route receives is never empty.
#include <boost/json.hpp>
#include <string>

#include "check.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "http/errors.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "http/target.hpp"
#include "io/json_reader.hpp"

namespace http = mandate::http;

namespace {

http::Response echo(http::Request& r) {
  boost::json::object o;
  o["route"] = r.route;
  for (const auto& [name, value] : r.path_params) {
    // {name} takes one non-empty segment; only {path...} may be empty.
    MANDATE_FUZZ_CHECK(!value.empty() || name == "path");
    o[mandate::core::quotable(name, std::string::npos)] =
        mandate::core::quotable(value, std::string::npos);
  }
  for (const auto& [name, value] : r.query)
    o[mandate::core::quotable(name, std::string::npos)] =
        mandate::core::quotable(value, std::string::npos);
  return http::Response::json(200, o);
}

// A handler that reads its body, as the API's POST and PUT handlers do.
http::Response read_body(http::Request& r) {
  return http::Response::json(201, mandate::io::parse_json(r.body));
}

const http::Router& router() {
  static const http::Router r = [] {
    http::Router router;
    router.add("GET", "/api/v1/units", echo);
    router.add("POST", "/api/v1/units", read_body);
    router.add("GET", "/api/v1/units/tree", echo);
    router.add("GET", "/api/v1/units/{code}", echo);
    router.add("PUT", "/api/v1/units/{code}", read_body);
    router.add("DELETE", "/api/v1/units/{code}", echo);
    router.add("GET", "/api/v1/documents/{number}", echo);
    router.add("POST", "/api/v1/submissions/{form}/{unit}/{period}/{step}", read_body);
    router.add("POST", "/api/v1/tasks/{code}/attachments", echo, 20u << 20);
    router.add("GET", "/api/v1/attachments/{id}", echo);
    router.add("POST", "/api/dataValueSets", read_body, 50u << 20);
    router.add("GET", "/api/v1/files/{path...}", echo);
    router.add("GET", "/health", echo);
    router.set_fallback([](http::Request& r) {
      r.route = "(static)";
      return http::error_response(404, "http.not_found", {r.path});
    });
    return router;
  }();
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = mandate::fuzz::as_text(data, size);
  const size_t end_of_method = input.find('\n');
  if (end_of_method == std::string_view::npos)
    return 0;
  const size_t end_of_target = input.find('\n', end_of_method + 1);
  http::Request request;
  request.method = std::string(input.substr(0, end_of_method));
  request.target = std::string(input.substr(end_of_method + 1, end_of_target - end_of_method - 1));
  if (end_of_target != std::string_view::npos)
    request.body = std::string(input.substr(end_of_target + 1));

  (void)router().body_limit(request.method, request.target);
  auto target = http::parse_target(request.target);
  if (!target)
    return 0;  // the server answers 400 before routing
  MANDATE_FUZZ_CHECK(!target->path.empty() && target->path.front() == '/');
  request.path = std::move(target->path);
  request.query = std::move(target->query);
  const http::Response response = router().dispatch(request);
  MANDATE_FUZZ_CHECK(response.status >= 200 && response.status <= 599);
  MANDATE_FUZZ_CHECK(response.body.empty() || boost::json::parse(response.body).is_object() ||
                     response.status == 201);
  return 0;
}
