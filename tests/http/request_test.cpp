// Request helpers, response factories, the access log line and the catalog
// text of the HTTP layer.
#include "http/request.hpp"

#include <gtest/gtest.h>

#include "core/catalog.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "http/access_log.hpp"

namespace mandate::http {
namespace {

TEST(HttpRequest, HeadersIgnoreCase) {
  Request r;
  r.headers["Content-Type"] = "application/json";
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(r.header("Accept"), "");
}

TEST(HttpRequest, Cookies) {
  Request r;
  EXPECT_FALSE(r.cookie("a"));
  r.headers["cookie"] = "a=1; mandate_session=abc.def ;  quoted=\"x y\"; flag; a=2; e=";
  EXPECT_EQ(r.cookie("a"), "1");
  EXPECT_EQ(r.cookie("mandate_session"), "abc.def");
  EXPECT_EQ(r.cookie("quoted"), "x y");
  EXPECT_EQ(r.cookie("e"), "");
  EXPECT_FALSE(r.cookie("flag"));
  EXPECT_FALSE(r.cookie("mandate"));
  EXPECT_FALSE(r.cookie(""));
}

TEST(HttpRequest, QueryParameters) {
  Request r;
  r.query.emplace("unit", "LS");
  r.query.emplace("tag", "a");
  r.query.emplace("tag", "b");
  EXPECT_EQ(r.query_param("unit"), "LS");
  EXPECT_EQ(r.query_param("tag"), "a");
  EXPECT_FALSE(r.query_param("period"));
}

TEST(HttpRequest, ResponseFactories) {
  Response j = Response::json(201, boost::json::object{{"ok", true}});
  EXPECT_EQ(j.status, 201);
  EXPECT_EQ(j.body, R"({"ok":true})");
  EXPECT_EQ(j.content_type, "application/json; charset=utf-8");
  Response t = Response::text(200, "hi", "text/plain").with_header("X-A", "1");
  EXPECT_EQ(t.content_type, "text/plain");
  ASSERT_EQ(t.headers.size(), 1u);
  EXPECT_EQ(t.headers[0].second, "1");
  Response n = Response::no_content();
  EXPECT_EQ(n.status, 204);
  EXPECT_TRUE(n.content_type.empty());
  EXPECT_TRUE(n.body.empty());
}

TEST(HttpAccessLog, OneJsonLineWithoutSecrets) {
  AccessEntry e;
  e.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1795806000123));
  e.remote = "127.0.0.1";
  e.method = "GET";
  e.route = "/api/v1/units/{code}";
  e.target = "/api/v1/units/LS?lang=vi&password=hunter2&csrf_token=t0k&Token=x&q=a%20b";
  e.status = 200;
  e.bytes = 512;
  e.duration_ms = 1.23456;
  const std::string line = format_access_entry(e);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto o = boost::json::parse(line).as_object();
  EXPECT_EQ(o["time"], "2026-11-27T19:00:00.123Z");
  EXPECT_EQ(o["remote"], "127.0.0.1");
  EXPECT_EQ(o["method"], "GET");
  EXPECT_EQ(o["route"], "/api/v1/units/{code}");
  EXPECT_EQ(o["path"], "/api/v1/units/LS");
  EXPECT_EQ(o["query"], "lang=vi&password=***&csrf_token=***&Token=***&q=a%20b");
  EXPECT_EQ(o["status"], 200);
  EXPECT_EQ(o["bytes"], 512);
  EXPECT_DOUBLE_EQ(o["duration_ms"].as_double(), 1.235);
  EXPECT_EQ(line.find("hunter2"), std::string::npos);
  EXPECT_EQ(line.find("t0k"), std::string::npos);
}

TEST(HttpAccessLog, SecretNames) {
  for (const char* name : {"password", "new_password", "token", "access_token", "api_key", "apiKey",
                           "session", "secret", "key", "PASSWORD"})
    EXPECT_TRUE(is_secret_param(name)) << name;
  for (const char* name : {"unit", "period", "lang", "q", "page", "sort", "monkey"})
    EXPECT_FALSE(is_secret_param(name)) << name;
}

TEST(HttpCatalog, TextIsWellFormedNfcAndBilingual) {
  for (const auto& m : core::catalog::http_messages()) {
    EXPECT_TRUE(core::is_valid_utf8(m.vi)) << m.key;
    EXPECT_TRUE(core::is_valid_utf8(m.en)) << m.key;
    EXPECT_EQ(core::to_nfc(m.vi), m.vi) << m.key;
    EXPECT_FALSE(m.vi.empty()) << m.key;
    EXPECT_FALSE(m.en.empty()) << m.key;
    for (int i = 0; i < 4; ++i) {
      const std::string ph = "{" + std::to_string(i) + "}";
      EXPECT_EQ(m.vi.find(ph) == std::string_view::npos, m.en.find(ph) == std::string_view::npos)
          << m.key << " " << ph;
    }
  }
}

TEST(HttpCatalog, HasEveryKeyTheServerUses) {
  for (const char* key : {"http.bad_request",
                          "http.bad_target",
                          "http.not_found",
                          "http.method_not_allowed",
                          "http.body_too_large",
                          "http.header_too_large",
                          "http.internal",
                          "http.listening",
                          "http.stopping",
                          "http.stopped",
                          "http.listen_invalid",
                          "http.bind_failed",
                          "http.web_root_missing",
                          "cli.help.serve",
                          "cli.help.listen",
                          "cli.help.threads",
                          "cli.help.web_root",
                          "cli.help.read_timeout_ms",
                          "cli.help.idle_timeout_ms",
                          "cli.help.shutdown_deadline_ms"})
    EXPECT_TRUE(core::has_message(key)) << key;
}

}  // namespace
}  // namespace mandate::http
