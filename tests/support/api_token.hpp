#pragma once
// An API token for an account (POST /api/v1/auth/tokens after a sign-in), so
// that harnesses and load generators send `Authorization: Bearer …` and skip
// the deliberately slow password check on every connection.
#include <stdexcept>
#include <string>

#include "accounts.hpp"
#include "http_client.hpp"

namespace mandate::test_support {

inline std::string api_token(uint16_t port, const std::string& username,
                             const std::string& name = "harness") {
  HttpClient c(port);
  const HttpResponse login = c.post_json(
      "/api/v1/auth/login", boost::json::object{{"username", username}, {"password", kPassword}});
  if (login.status != 200)
    throw std::runtime_error("sign-in as " + username + ": " + login.body);
  c.set_header("X-CSRF-Token", std::string(login.json().at("csrfToken").as_string()));
  const HttpResponse token =
      c.post_json("/api/v1/auth/tokens", boost::json::object{{"name", name}});
  if (token.status != 200 && token.status != 201)
    throw std::runtime_error("API token: " + token.body);
  return std::string(token.json().at("token").as_string());
}

}  // namespace mandate::test_support
