// The router and the error table, without sockets: handlers are plain
// functions from Request to Response.
#include "http/router.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "http/errors.hpp"

namespace mandate::http {
namespace {

Request make(std::string method, std::string target) {
  Request r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.path = r.target.substr(0, r.target.find('?'));
  return r;
}

Response echo_route(Request& r) {
  boost::json::object o;
  o["route"] = r.route;
  for (const auto& [k, v] : r.path_params)
    o[k] = v;
  return Response::json(200, o);
}

boost::json::object body(const Response& r) {
  return boost::json::parse(r.body).as_object();
}

class HttpRouter : public ::testing::Test {
 protected:
  void SetUp() override {
    router.add("GET", "/api/v1/units", echo_route);
    router.add("POST", "/api/v1/units", echo_route);
    router.add("GET", "/api/v1/units/{code}", echo_route);
    router.add("PUT", "/api/v1/units/{code}", echo_route);
    router.add("GET", "/api/v1/units/tree", echo_route);
    router.add("GET", "/api/v1/units/{code}/children/{child}", echo_route);
    router.add("GET", "/files/{path...}", echo_route);
    router.add("GET", "/", echo_route);
  }
  Router router;
};

TEST_F(HttpRouter, MatchesLiteralAndParameterSegments) {
  auto req = make("GET", "/api/v1/units/LS");
  Response r = router.dispatch(req);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(body(r)["route"], "/api/v1/units/{code}");
  EXPECT_EQ(body(r)["code"], "LS");
  EXPECT_EQ(req.param("code"), "LS");

  auto two = make("GET", "/api/v1/units/LS/children/VT");
  EXPECT_EQ(body(router.dispatch(two))["child"], "VT");

  auto root = make("GET", "/");
  EXPECT_EQ(body(router.dispatch(root))["route"], "/");
}

TEST_F(HttpRouter, LiteralSegmentBeatsParameter) {
  auto req = make("GET", "/api/v1/units/tree");
  EXPECT_EQ(body(router.dispatch(req))["route"], "/api/v1/units/tree");
}

TEST_F(HttpRouter, ParametersArePercentDecodedSegmentBySegment) {
  // An encoded slash stays inside its segment: document numbers contain "/".
  auto req = make("GET", "/api/v1/units/15%2FNQ-TU");
  req.path = "/api/v1/units/15/NQ-TU";
  Response r = router.dispatch(req);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(body(r)["code"], "15/NQ-TU");
  auto vi = make("GET", "/api/v1/units/Ph%C6%B0%E1%BB%9Dng%20V%C4%A9nh%20Tr%E1%BA%A1i");
  EXPECT_EQ(body(router.dispatch(vi))["code"], "Phường Vĩnh Trại");
}

TEST_F(HttpRouter, RestParameterTakesTheRest) {
  auto req = make("GET", "/files/a/b/c.txt");
  EXPECT_EQ(body(router.dispatch(req))["path"], "a/b/c.txt");
  auto none = make("GET", "/files");
  EXPECT_EQ(router.dispatch(none).status, 404);
}

TEST_F(HttpRouter, UnknownPathIs404InBothLanguages) {
  auto req = make("GET", "/api/v1/nothing");
  Response r = router.dispatch(req);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  auto e = body(r)["error"].as_object();
  EXPECT_EQ(e["code"], "http.not_found");
  EXPECT_EQ(e["status"], 404);
  EXPECT_NE(e["message"].as_object()["vi"].as_string().find("Không có tài nguyên"),
            std::string::npos);
  EXPECT_NE(e["message"].as_object()["en"].as_string().find("/api/v1/nothing"), std::string::npos);
  EXPECT_EQ(req.route, "(unmatched)");
}

TEST_F(HttpRouter, EmptySegmentDoesNotMatchAParameter) {
  auto req = make("GET", "/api/v1/units//children/x");
  EXPECT_EQ(router.dispatch(req).status, 404);
}

// Found by fuzz/router.cpp (fuzz/corpus/router/crash-invalid-utf8-method): the
// error message quoted the method's bytes as they came, so the body was not JSON.
TEST_F(HttpRouter, ErrorsQuotingBytesThatAreNotUtf8AreStillJson) {
  auto method = make("GET\x92", "/api/v1/units/LS");
  Response r = router.dispatch(method);
  EXPECT_EQ(r.status, 405);
  EXPECT_NO_THROW(body(r));

  auto path = make("GET", "/nowhere\xff");
  r = router.dispatch(path);
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(std::string(body(r)["error"].as_object()["message"].as_object()["en"].as_string())
                .find("/nowhere\xef\xbf\xbd"),
            std::string::npos);

  EXPECT_NO_THROW(boost::json::parse(error_response(400, "http.bad_target", {"/\xc3("}).body));
}

TEST_F(HttpRouter, KnownPathWithOtherMethodIs405WithAllow) {
  auto req = make("DELETE", "/api/v1/units/LS");
  Response r = router.dispatch(req);
  EXPECT_EQ(r.status, 405);
  std::string allow;
  for (const auto& [k, v] : r.headers)
    if (k == "Allow")
      allow = v;
  EXPECT_EQ(allow, "GET, HEAD, PUT");
  EXPECT_EQ(body(r)["error"].as_object()["code"], "http.method_not_allowed");
}

TEST_F(HttpRouter, HeadIsServedByGet) {
  auto req = make("HEAD", "/api/v1/units");
  Response r = router.dispatch(req);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(req.route, "/api/v1/units");
}

TEST_F(HttpRouter, FallbackHandlesUnmatchedPaths) {
  router.set_fallback([](Request& r) {
    EXPECT_EQ(r.route, "(unmatched)");
    r.route = "(static)";
    return Response::text(200, "index", "text/html; charset=utf-8");
  });
  auto req = make("GET", "/units/LS");
  EXPECT_EQ(router.dispatch(req).body, "index");
  EXPECT_EQ(req.route, "(static)");
  // A known path with another method is still a 405, not the fallback.
  auto del = make("DELETE", "/api/v1/units");
  EXPECT_EQ(router.dispatch(del).status, 405);
}

TEST_F(HttpRouter, DomainErrorsBecomeTheirStatus) {
  router.add("GET", "/bad", [](Request&) -> Response {
    throw core::invalid_input("period.invalid", {"2021X"}, "period");
  });
  router.add("GET", "/missing",
             [](Request&) -> Response { throw core::not_found("unit.not_found", {"XX"}); });
  auto req = make("GET", "/bad");
  Response r = router.dispatch(req);
  EXPECT_EQ(r.status, 400);
  auto e = body(r)["error"].as_object();
  EXPECT_EQ(e["code"], "period.invalid");
  EXPECT_EQ(e["field"], "period");
  EXPECT_EQ(e["status"], 400);
  EXPECT_FALSE(e["message"].as_object()["vi"].as_string().empty());
  EXPECT_FALSE(e["message"].as_object()["en"].as_string().empty());
  auto missing = make("GET", "/missing");
  Response m = router.dispatch(missing);
  EXPECT_EQ(m.status, 404);
  EXPECT_FALSE(body(m)["error"].as_object().contains("field"));
}

TEST_F(HttpRouter, OtherExceptionsAre500WithoutDetails) {
  router.add("GET", "/boom",
             [](Request&) -> Response { throw std::runtime_error("secret detail /etc/shadow"); });
  router.add("GET", "/bug", [](Request&) -> Response {
    throw core::Error(core::ErrorCategory::internal, "formula.cycle", {"secret"});
  });
  for (const char* path : {"/boom", "/bug"}) {
    auto req = make("GET", path);
    Response r = router.dispatch(req);
    EXPECT_EQ(r.status, 500) << path;
    EXPECT_EQ(r.body.find("secret"), std::string::npos) << r.body;
    EXPECT_EQ(body(r)["error"].as_object()["code"], "http.internal");
  }
}

TEST_F(HttpRouter, RejectsBadPatterns) {
  EXPECT_THROW(router.add("GET", "no-slash", echo_route), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/{rest...}/b", echo_route), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/api/v1/units", echo_route), std::invalid_argument);
}

TEST_F(HttpRouter, ListsItsRoutes) {
  auto routes = router.routes();
  ASSERT_EQ(routes.size(), 8u);
  EXPECT_EQ(routes[0].method, "GET");
  EXPECT_EQ(routes[0].pattern, "/api/v1/units");
}

TEST(HttpErrors, OneTableFromCategoryToStatus) {
  using core::ErrorCategory;
  EXPECT_EQ(status_for(ErrorCategory::invalid_input), 400);
  EXPECT_EQ(status_for(ErrorCategory::not_found), 404);
  EXPECT_EQ(status_for(ErrorCategory::conflict), 409);
  EXPECT_EQ(status_for(ErrorCategory::unauthenticated), 401);
  EXPECT_EQ(status_for(ErrorCategory::permission), 403);
  EXPECT_EQ(status_for(ErrorCategory::precondition_failed), 412);
  EXPECT_EQ(status_for(ErrorCategory::too_large), 413);
  EXPECT_EQ(status_for(ErrorCategory::unavailable), 503);
  EXPECT_EQ(status_for(ErrorCategory::corrupt), 500);
  EXPECT_EQ(status_for(ErrorCategory::internal), 500);
}

TEST(HttpErrors, UnavailableAsksToRetry) {
  Response r = error_response(core::Error(core::ErrorCategory::unavailable, "http.internal"));
  EXPECT_EQ(r.status, 503);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Retry-After");
}

TEST(HttpErrors, ServerMessagesHaveBothLanguages) {
  Response r = error_response(413, "http.body_too_large", {"8388608"});
  auto e = boost::json::parse(r.body).as_object()["error"].as_object();
  EXPECT_EQ(e["status"], 413);
  EXPECT_EQ(e["message"].as_object()["en"], "The request body exceeds the limit of 8388608 bytes");
  EXPECT_EQ(e["message"].as_object()["vi"], "Nội dung yêu cầu vượt quá giới hạn 8388608 byte");
}

}  // namespace
}  // namespace mandate::http
