// GET /api/v1/openapi.json: the OpenAPI 3.0 description of every route
// (docs/openapi.json, compiled into the binary). Public: no sign-in.
#include <string>
#include <vector>

#include "http/api/context.hpp"
#include "store/embedded_file.hpp"

namespace mandate::http {
// Generated from docs/openapi.json by cmake/embed_files.cmake.
extern const std::vector<mandate::store::EmbeddedFile> kOpenApiDocument;
}  // namespace mandate::http

namespace mandate::http::api {

void register_openapi_route(Router& router) {
  router.add("GET", "/api/v1/openapi.json", [](Request&) {
    const std::string body =
        kOpenApiDocument.empty() ? std::string() : std::string(kOpenApiDocument.front().content);
    return Response::text(200, body, "application/json; charset=utf-8")
        .with_header("Cache-Control", "no-cache");
  });
}

}  // namespace mandate::http::api
