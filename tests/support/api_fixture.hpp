#pragma once
// A real `mandate serve` on the demo data with one account per role, and
// clients signed in as them: what the API's black-box tests share.
#include <gtest/gtest.h>

#include <string>

#include "accounts.hpp"
#include "http_client.hpp"
#include "server_process.hpp"

namespace mandate::test_support {

// The account added to the test's server, failing the test when it cannot be.
inline void add_user(const std::string& db, const Account& a) {
  ASSERT_NO_THROW(add_user(MANDATE_BINARY, db, a)) << a.username;
}

class ApiFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& a : kAccounts)
      add_user(server.db(), a);
  }

  // A client signed in as username, with its CSRF token sent on every request.
  HttpClient signed_in(const std::string& username) {
    HttpClient c(server.port());
    HttpResponse r = c.post_json(
        "/api/v1/auth/login", boost::json::object{{"username", username}, {"password", kPassword}});
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status == 200)
      c.set_header("X-CSRF-Token", std::string(r.json().at("csrfToken").as_string()));
    return c;
  }

  static std::string error_code(const HttpResponse& r) {
    try {
      return std::string(r.json().at("error").at("code").as_string());
    } catch (const std::exception&) {
      return "(no error body: " + r.body + ")";
    }
  }

  static std::string etag_of(HttpClient& c, const std::string& target) {
    return c.get(target).header("ETag");
  }

  ServerProcess server;
};

}  // namespace mandate::test_support
