#pragma once
// Checks every response of the server must pass: the security headers, and
// the shape of an error (status, code, a message in both languages).
#include <gtest/gtest.h>

#include <string>

#include "http_client.hpp"

namespace mandate::test_support {

inline void expect_security_headers(const HttpResponse& r) {
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(r.header("Content-Security-Policy"), "default-src 'self'; frame-ancestors 'none'");
  EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.header("Server"), "mandate");
  EXPECT_FALSE(r.header("Date").empty());
}

inline void expect_error(const HttpResponse& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
  auto e = r.json().as_object()["error"].as_object();
  EXPECT_EQ(std::string(e["code"].as_string()), code) << r.body;
  EXPECT_EQ(e["status"], status);
  EXPECT_FALSE(e["message"].as_object()["vi"].as_string().empty());
  EXPECT_FALSE(e["message"].as_object()["en"].as_string().empty());
  expect_security_headers(r);
}

}  // namespace mandate::test_support
