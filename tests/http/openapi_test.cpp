// GET /api/v1/openapi.json: the served document is docs/openapi.json, and it
// describes exactly the routes the server registers — every route has an
// operation, every operation has a route.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "../support/http_client.hpp"
#include "../support/server_process.hpp"
#include "../support/temp_dir.hpp"
#include "http/api/api.hpp"
#include "http/builtin_routes.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "store/store.hpp"

namespace {

using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
using mandate::test_support::ServerProcess;
using mandate::test_support::TempDir;
namespace json = boost::json;

using Operation = std::pair<std::string, std::string>;  // lowercase method, path pattern

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The routes `mandate serve` registers, built the same way in process.
std::set<Operation> server_routes() {
  TempDir dir;
  auto store = mandate::store::open_store(dir.file("openapi.sqlite"),
                                          mandate::store::OpenMode::create_or_open);
  mandate::http::Metrics metrics;
  mandate::http::Router router;
  mandate::http::add_health_route(router);
  mandate::http::add_metrics_route(router, metrics);
  mandate::http::api::register_api(router, *store,
                                   [] { return std::string("2026-01-01T00:00:00Z"); });
  std::set<Operation> out;
  for (const auto& r : router.routes())
    out.emplace(lower(r.method), r.pattern);
  return out;
}

const std::set<std::string> kHttpMethods = {"get",     "put",  "post",  "delete",
                                            "options", "head", "patch", "trace"};

std::set<Operation> documented(const json::object& doc) {
  std::set<Operation> out;
  for (const auto& [path, item] : doc.at("paths").as_object())
    for (const auto& [method, operation] : item.as_object())
      if (kHttpMethods.count(std::string(method)))
        out.emplace(std::string(method), std::string(path));
  return out;
}

json::value file_document() {
  // Not __FILE__: ccache's base_dir makes it relative to the build folder.
  const auto path = std::filesystem::path(MANDATE_SOURCE_DIR) / "docs" / "openapi.json";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

class OpenApi : public ::testing::Test {
 protected:
  json::value served() {
    HttpClient client(server.port());
    HttpResponse r = client.get("/api/v1/openapi.json");
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("Content-Type").rfind("application/json", 0), 0u)
        << r.header("Content-Type");
    EXPECT_EQ(r.header("Cache-Control"), "no-cache");
    return r.json();
  }

  ServerProcess server;
};

TEST_F(OpenApi, IsServedWithoutSignInAndEqualsTheDocsFile) {
  const json::value doc = served();
  EXPECT_EQ(doc, file_document());
  EXPECT_EQ(doc.at("openapi").as_string(), "3.0.3");
  EXPECT_EQ(doc.at("info").at("title").as_string(), "Mandate API");
}

TEST_F(OpenApi, DescribesEveryRouteAndNothingElse) {
  const json::object doc = served().as_object();
  const std::set<Operation> routes = server_routes();
  const std::set<Operation> described = documented(doc);
  ASSERT_FALSE(routes.empty());
  for (const auto& [method, pattern] : routes)
    EXPECT_TRUE(described.count({method, pattern}))
        << "not described: " << method << " " << pattern;
  for (const auto& [method, path] : described)
    EXPECT_TRUE(routes.count({method, path})) << "no such route: " << method << " " << path;
}

TEST_F(OpenApi, OperationsHaveSummariesResponsesAndResolvableReferences) {
  const json::value whole = served();
  const json::object& doc = whole.as_object();
  const auto& components = doc.at("components").as_object();
  for (const char* scheme : {"sessionCookie", "csrfToken", "bearerToken", "basicAuth"})
    EXPECT_TRUE(components.at("securitySchemes").as_object().contains(scheme)) << scheme;
  EXPECT_TRUE(components.at("schemas").as_object().contains("Error"));

  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      const auto& o = operation.as_object();
      EXPECT_TRUE(o.contains("summary") && !o.at("summary").as_string().empty())
          << method << " " << path;
      EXPECT_TRUE(o.contains("responses") && !o.at("responses").as_object().empty())
          << method << " " << path;
      // Every {param} of the path is declared as a path parameter.
      std::string p(path);
      for (size_t open = p.find('{'); open != std::string::npos; open = p.find('{', open + 1)) {
        const std::string name = p.substr(open + 1, p.find('}', open) - open - 1);
        bool declared = false;
        if (const auto* params = o.if_contains("parameters"))
          for (const auto& param : params->as_array())
            if (const auto* n = param.as_object().if_contains("name"))
              declared = declared || (n->as_string() == name &&
                                      param.as_object().at("in").as_string() == "path");
        EXPECT_TRUE(declared) << method << " " << path << ": {" << name << "}";
      }
    }
  }

  // Every "$ref" points at something in the document.
  std::vector<const json::value*> stack{&doc.at("paths"), &doc.at("components")};
  while (!stack.empty()) {
    const json::value* v = stack.back();
    stack.pop_back();
    if (v->is_array()) {
      for (const auto& x : v->as_array())
        stack.push_back(&x);
    } else if (v->is_object()) {
      for (const auto& [key, x] : v->as_object()) {
        if (key == "$ref") {
          std::string ref(x.as_string());
          ASSERT_EQ(ref.rfind("#/", 0), 0u) << ref;
          boost::system::error_code ec;
          const json::value* target = whole.find_pointer(ref.substr(1), ec);
          EXPECT_TRUE(target != nullptr && !ec) << "dangling $ref " << ref;
        } else {
          stack.push_back(&x);
        }
      }
    }
  }
}

}  // namespace
