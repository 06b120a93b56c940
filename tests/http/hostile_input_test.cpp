// Hostile input, systematically (issue 9 §4): every JSON body route of the
// OpenAPI document is sent deep nesting, invalid UTF-8 and a non-object; every
// text field a user types is sent script, SQL and template text (stored and
// read back as plain text) and NUL or control characters (refused); none of
// it changes anything it should not. Also: the security headers on every kind
// of response, the session id rotating at sign-in, no secret in the log, and
// hostile attachment file names.
#include <gtest/gtest.h>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../support/api_fixture.hpp"
#include "../support/http_expect.hpp"

namespace {

using mandate::test_support::expect_error;
using mandate::test_support::expect_security_headers;
using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
using mandate::test_support::kPassword;
namespace json = boost::json;

// Text a user might type to attack the database, the web page or the report
// templates. Stored, it must come back exactly as sent.
const std::vector<std::string> kHostileTexts = {
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "'; DROP TABLE audit_log; --",
    "\" OR \"1\"=\"1",
    "Robert'); DELETE FROM users; --",
    "{{#units}}{{{name}}}{{/units}} ${7*7} %s%n",
    "../../../etc/passwd",
    "Nguyễn Thị Hồng — 😀 \u202Egnp.exe",
};

// Text that must be refused: it cannot be shown or written into XML (DOCX, XLSX).
const std::vector<std::string> kRefusedTexts = {
    std::string("a\0b", 3),
    "bell\x07",
    "escape\x1b[31m",
};

std::string quoted(const std::string& text) {
  return json::serialize(json::string(text));
}

// A record a user names in the interface: where it is written, its body with
// @TEXT@ for the text, and the field the text comes back in.
struct TextField {
  std::string target;
  std::string body;
  std::string field;
};

std::vector<TextField> text_fields(const std::string& suffix) {
  return {
      {"/api/v1/documents/HX-D" + suffix,
       R"({"kind": "guidance", "title": @TEXT@, "date": "2021-03-04", "issuer": "LS"})", "title"},
      {"/api/v1/tasks/HX-T" + suffix,
       R"({"plan": "NQ-XXIII", "parent": "TG1", "name": @TEXT@, "responsibleUnit": "LS"})", "name"},
      {"/api/v1/activities/HX-A" + suffix,
       R"({"kind": "study_session", "name": @TEXT@, "date": "2021-04-05", "unit": "LS"})", "name"},
      {"/api/v1/units/HX-U" + suffix,
       R"({"name": @TEXT@, "type": "residential_block", "parent": "LS-VT"})", "name"},
      {"/api/v1/plans/HX-P" + suffix, R"({"name": @TEXT@, "unit": "LS-CL", "term": "2020-2025"})",
       "name"},
      {"/api/v1/forms/HX-F" + suffix,
       R"({"name": @TEXT@, "periodType": "month", "unitTypes": ["ward"],
           "indicators": ["NEW_JOBS"], "deadline": {"kind": "days_after_end", "days": 10}})",
       "name"},
      {"/api/v1/validation-rules/HX-R" + suffix,
       R"({"name": @TEXT@, "kind": "range", "indicator": "NEW_JOBS", "min": 0})", "name"},
      {"/api/v1/values/POPULATION/LS-VT/" + std::to_string(2040 + std::stoi(suffix)),
       R"({"value": 1, "comment": @TEXT@})", "comment"},
  };
}

std::string with_text(std::string body, const std::string& text) {
  return body.replace(body.find("@TEXT@"), 6, quoted(text));
}

class HostileInput : public mandate::test_support::ApiFixture {
 protected:
  // The newest audit entry: every write adds one, so the same newest entry
  // means nothing was written.
  static long long newest_audit_entry(HttpClient& admin) {
    HttpResponse r = admin.get("/api/v1/audit?limit=1");
    EXPECT_EQ(r.status, 200) << r.body;
    const json::value body = r.json();
    const auto& items = body.at("items").as_array();
    return items.empty() ? 0 : items[0].at("id").as_int64();
  }
};

TEST_F(HostileInput, ScriptSqlAndTemplateTextIsStoredAndReadBackAsPlainText) {
  HttpClient c = signed_in("admin");
  int n = 0;
  for (const auto& text : kHostileTexts) {
    for (const auto& f : text_fields(std::to_string(n++))) {
      HttpResponse put =
          c.request("PUT", f.target, with_text(f.body, text), {{"If-None-Match", "*"}});
      ASSERT_TRUE(put.status == 200 || put.status == 201) << f.target << " " << put.body;
      HttpResponse got = c.get(f.target);
      ASSERT_EQ(got.status, 200) << f.target << " " << got.body;
      EXPECT_EQ(got.json().at(f.field).as_string(), text) << f.target;
      EXPECT_EQ(got.header("Content-Type"), "application/json; charset=utf-8");
    }
    // Searching for it finds it and nothing breaks.
    HttpResponse found =
        c.get("/api/v1/search?q=" + boost::urls::encode(text, boost::urls::unreserved_chars));
    EXPECT_EQ(found.status, 200) << text << " " << found.body;
  }
  // The reports still come out, with the text inside as text.
  for (const char* format : {"md", "json", "docx", "pdf", "xlsx"}) {
    HttpResponse r = c.get(std::string("/api/v1/reports?unit=LS&period=2021&format=") + format);
    EXPECT_EQ(r.status, 200) << format << " " << r.body.substr(0, 300);
  }
}

TEST_F(HostileInput, NulAndControlCharactersInAnyTextFieldAreRefusedAndChangeNothing) {
  HttpClient c = signed_in("admin");
  const long long before = newest_audit_entry(c);
  int n = 100;
  for (const auto& text : kRefusedTexts) {
    for (const auto& f : text_fields(std::to_string(n++))) {
      HttpResponse put =
          c.request("PUT", f.target, with_text(f.body, text), {{"If-None-Match", "*"}});
      expect_error(put, 400, "text.invalid_utf8");
      EXPECT_EQ(c.get(f.target).status, 404) << f.target;
    }
  }
  HttpResponse user = c.post_json("/api/v1/users", json::object{{"username", "hx-user"},
                                                                {"displayName", "a\x01z"},
                                                                {"unit", "LS-VT"},
                                                                {"role", "viewer"},
                                                                {"password", kPassword}});
  expect_error(user, 400, "text.invalid_utf8");
  EXPECT_EQ(newest_audit_entry(c), before);
}

// Every route that reads a JSON body, as the OpenAPI document lists them, with
// its path filled in: deep nesting, bytes that are not UTF-8 and a body that
// is not an object are a 400 in both languages before anything is written.
TEST_F(HostileInput, EveryJsonBodyRouteRefusesDeepNestingInvalidUtf8AndNonObjects) {
  std::ifstream in(std::string(MANDATE_SOURCE_DIR) + "/docs/openapi.json");
  std::stringstream text;
  text << in.rdbuf();
  const json::object paths = json::parse(text.str()).at("paths").as_object();
  const std::vector<std::pair<std::regex, std::string>> fill = {
      {std::regex(R"(\{indicator\})"), "POPULATION"}, {std::regex(R"(\{unit\})"), "LS-VT"},
      {std::regex(R"(\{period\})"), "2021"},          {std::regex(R"(\{task\})"), "TG1"},
      {std::regex(R"(\{form\})"), "BC-THANG-PX"},     {std::regex(R"(\{step\})"), "submit"},
      {std::regex(R"(\{username\})"), "viewer"},      {std::regex(R"(\{version\})"), "40"},
      {std::regex(R"(\{code\})"), "HX-NEW"},
  };
  const std::string deep = "{\"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  const std::vector<std::pair<std::string, std::string>> bodies = {
      {"deep nesting", deep},
      {"invalid UTF-8", "{\"name\": \"\xC3\x28\xFF\"}"},
      {"a lone surrogate", R"({"name": "\uD800"})"},
      {"not an object", "[1, 2, 3]"},
  };
  HttpClient c = signed_in("admin");
  const long long before = newest_audit_entry(c);
  size_t routes = 0;
  for (const auto& [path, operations] : paths) {
    for (const auto& [method, operation] : operations.as_object()) {
      const auto* body = operation.as_object().if_contains("requestBody");
      if (!body || !body->at("content").as_object().contains("application/json"))
        continue;
      std::string target(path);
      for (const auto& [pattern, value] : fill)
        target = std::regex_replace(target, pattern, value);
      ASSERT_EQ(target.find('{'), std::string::npos) << "no sample value for " << path;
      std::string verb(method);
      for (auto& ch : verb)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      ++routes;
      for (const auto& [what, sent] : bodies) {
        HttpResponse r = c.request(verb, target, sent,
                                   {{"Content-Type", "application/json"}, {"If-None-Match", "*"}});
        EXPECT_EQ(r.status, 400) << verb << " " << target << " with " << what << ": " << r.body;
        if (r.status == 400) {
          const json::value error = r.json();
          const auto& message = error.at("error").at("message");
          EXPECT_FALSE(message.at("vi").as_string().empty());
          EXPECT_FALSE(message.at("en").as_string().empty());
        }
        expect_security_headers(r);
      }
    }
  }
  EXPECT_GE(routes, 25u);
  EXPECT_EQ(c.get("/healthz").status, 200);
  EXPECT_EQ(newest_audit_entry(c), before);
}

TEST_F(HostileInput, QueryStringsWithNulOrInvalidUtf8AreRefusedOrHarmless) {
  HttpClient c = signed_in("admin");
  for (const std::string q : {"%00", "%C3%28", "%FF%FE", "%27%20OR%201%3D1%20--",
                              "%3Cscript%3Ealert(1)%3C%2Fscript%3E"}) {
    for (const std::string target :
         {"/api/v1/search?q=", "/api/v1/documents?q=", "/api/v1/tasks?q=", "/api/v1/values?unit=",
          "/api/v1/scorecard?period=2021&unit=", "/api/v1/units?asOf="}) {
      HttpResponse r = c.get(target + q);
      EXPECT_TRUE(r.status == 200 || r.status == 400 || r.status == 404)
          << target << q << " " << r.status << " " << r.body;
      if (r.status != 200) {
        EXPECT_FALSE(r.json().at("error").at("message").at("en").as_string().empty()) << r.body;
      }
      // What the client sent may be quoted back, but only inside valid JSON
      // that no browser takes for a page (with nosniff, below).
      EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8") << target << q;
      EXPECT_NO_THROW(r.json()) << target << q;
      expect_security_headers(r);
    }
  }
}

// The headers are set where every response is written, so each kind of
// answer is probed: success, redirect-free errors of every layer, downloads.
TEST_F(HostileInput, SecurityHeadersOnEveryKindOfResponse) {
  HttpClient anonymous(server.port());
  HttpClient c = signed_in("admin");
  HttpClient viewer = signed_in("viewer");
  std::vector<std::pair<std::string, HttpResponse>> responses = {
      {"health", anonymous.get("/healthz")},
      {"openapi", anonymous.get("/api/v1/openapi.json")},
      {"metrics", anonymous.get("/metrics")},
      {"401", anonymous.get("/api/v1/units")},
      {"404 route", c.get("/api/v1/no-such-thing")},
      {"404 record", c.get("/api/v1/documents/NO-SUCH")},
      {"405", c.request("PATCH", "/api/v1/units/LS")},
      {"400", c.get("/api/v1/scorecard?unit=LS&period=2021Q9")},
      {"403", viewer.request("PUT", "/api/v1/values/POPULATION/LS-VT/2035", R"({"value": 1})",
                             {{"If-None-Match", "*"}})},
      {"412", c.request("PUT", "/api/v1/units/LS", R"({"name": "x"})", {{"If-Match", "\"0\""}})},
      {"list", c.get("/api/v1/values?unit=LS-VT")},
      {"docx", c.get("/api/v1/reports?unit=LS&period=2021&format=docx")},
      {"xlsx template", c.get("/api/v1/data-entry-template?unit=LS-VT&period=2022")},
      {"204", c.request("POST", "/api/v1/notifications/read-all")},
  };
  for (const auto& [what, r] : responses) {
    SCOPED_TRACE(what);
    EXPECT_NE(r.status, 500) << r.body;
    expect_security_headers(r);
  }
  // Below the router: a target refused before routing, and oversized headers.
  HttpClient raw(server.port());
  raw.send_raw("GET /api/v1/../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
  expect_security_headers(raw.read_response());
  HttpClient big(server.port());
  big.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(70000, 'a') +
               "\r\n\r\n");
  HttpResponse r431 = big.read_response();
  EXPECT_EQ(r431.status, 431);
  expect_security_headers(r431);
}

TEST_F(HostileInput, TheSessionIdRotatesAtSignInAndTheOldOneEnds) {
  HttpClient c(server.port());
  const json::object login{{"username", "admin"}, {"password", kPassword}};
  ASSERT_EQ(c.post_json("/api/v1/auth/login", login).status, 200);
  const auto first = c.cookies();
  ASSERT_EQ(c.post_json("/api/v1/auth/login", login).status, 200);  // sends the first cookie
  const auto second = c.cookies();
  ASSERT_EQ(first.size(), 1u);
  EXPECT_NE(first.begin()->second, second.begin()->second);
  EXPECT_EQ(c.get("/api/v1/auth/me").status, 200);
  HttpClient replay(server.port());
  replay.set_cookie(first.begin()->first, first.begin()->second);
  EXPECT_EQ(replay.get("/api/v1/auth/me").status, 401);
  // A failed sign-in does not end the session the browser holds.
  ASSERT_EQ(
      c.post_json("/api/v1/auth/login", json::object{{"username", "admin"}, {"password", "x"}})
          .status,
      401);
  EXPECT_EQ(c.get("/api/v1/auth/me").status, 200);
}

// Passwords, session ids, CSRF and API tokens pass through the server in
// bodies, cookies, headers and query strings; none of them may be logged.
TEST_F(HostileInput, NoSecretReachesTheLog) {
  HttpClient c(server.port());
  HttpResponse login = c.post_json("/api/v1/auth/login",
                                   json::object{{"username", "admin"}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200);
  const std::string csrf(login.json().at("csrfToken").as_string());
  c.set_header("X-CSRF-Token", csrf);
  const std::string session = c.cookies().begin()->second;
  HttpResponse token = c.post_json("/api/v1/auth/tokens", json::object{{"name", "script"}});
  ASSERT_EQ(token.status, 201) << token.body;
  const std::string api_token(token.json().at("token").as_string());
  const std::string new_password = "một-mật-khẩu-mới-rất-dài";
  EXPECT_EQ(
      c.post_json("/api/v1/users/viewer/password", json::object{{"password", new_password}}).status,
      204);
  HttpClient bearer(server.port());
  bearer.set_header("Authorization", "Bearer " + api_token);
  EXPECT_EQ(bearer.get("/api/v1/units?access_token=" + api_token).status, 200);
  HttpClient wrong(server.port());
  wrong.post_json(
      "/api/v1/auth/login",
      json::object{{"username", "admin"}, {"password", "sai-" + std::string(kPassword)}});
  ASSERT_TRUE(server.wait_for_output("/api/v1/auth/login"));
  const std::string log = server.output();
  for (const std::string& secret : {std::string(kPassword), new_password, session, csrf, api_token})
    EXPECT_EQ(log.find(secret), std::string::npos) << "a secret is in the log";
}

TEST_F(HostileInput, AttachmentFileNamesAreNeverPathsOrHeaders) {
  HttpClient c = signed_in("admin");
  const std::string document = "HX-ATTACH";
  ASSERT_EQ(c.request("PUT", "/api/v1/documents/" + document,
                      R"({"kind": "guidance", "title": "Tệp đính kèm", "date": "2021-03-04",
                          "issuer": "LS"})",
                      {{"If-None-Match", "*"}})
                .status,
            201);
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";
  for (const std::string name :
       {"..%2F..%2Fetc%2Fpasswd", "..%5C..%5Cwindows%5Cwin.ini", "a%0D%0ASet-Cookie%3A%20x%3D1.pdf",
        "%22%3B%20filename%3Devil.exe", "%3Cscript%3E.pdf"}) {
    HttpResponse up =
        c.request("POST", "/api/v1/documents/" + document + "/attachments?filename=" + name, pdf,
                  {{"Content-Type", "application/pdf"}});
    if (up.status == 400) {
      EXPECT_FALSE(up.json().at("error").at("message").at("vi").as_string().empty());
      continue;
    }
    ASSERT_EQ(up.status, 201) << name << " " << up.body;
    const std::string id = std::to_string(up.json().at("id").as_int64());
    const std::string stored(up.json().at("filename").as_string());
    EXPECT_EQ(stored.find('/'), std::string::npos) << stored;
    EXPECT_EQ(stored.find('\\'), std::string::npos) << stored;
    HttpResponse down = c.get("/api/v1/attachments/" + id);
    ASSERT_EQ(down.status, 200);
    EXPECT_FALSE(down.has_header("Set-Cookie")) << name;
    const std::string disposition = down.header("Content-Disposition");
    EXPECT_EQ(disposition.find_first_of("\r\n"), std::string::npos) << disposition;
    EXPECT_EQ(down.body, pdf);
    expect_security_headers(down);
  }
}

}  // namespace
