#include "http/errors.hpp"

#include "core/text.hpp"

namespace mandate::http {
namespace {

using core::ErrorCategory;
using core::Lang;

// Messages and fields quote outside bytes (a target, a method, a key name),
// which need not be UTF-8; the body must stay valid JSON, so bad bytes become
// U+FFFD (found by fuzz/router.cpp). Error arguments are quotable already
// (core::Error); messages made here from other text are made so, whole.
constexpr size_t kWhole = std::string::npos;
Response make(int status, const std::string& code, const std::string& vi, const std::string& en,
              const std::string& field) {
  boost::json::object error;
  error["code"] = code;
  error["status"] = status;
  error["message"] =
      boost::json::object{{"vi", core::quotable(vi, kWhole)}, {"en", core::quotable(en, kWhole)}};
  if (!field.empty())
    error["field"] = core::quotable(field, kWhole);
  Response r = Response::json(status, boost::json::object{{"error", std::move(error)}});
  if (status == 503)
    r.with_header("Retry-After", "1");
  return r;
}

}  // namespace

int status_for(ErrorCategory category) {
  switch (category) {
    case ErrorCategory::invalid_input:
      return 400;
    case ErrorCategory::not_found:
      return 404;
    case ErrorCategory::conflict:
      return 409;
    case ErrorCategory::unauthenticated:
      return 401;
    case ErrorCategory::permission:
      return 403;
    case ErrorCategory::precondition_failed:
      return 412;
    case ErrorCategory::too_large:
      return 413;
    case ErrorCategory::unavailable:
      return 503;
    case ErrorCategory::corrupt:
    case ErrorCategory::internal:
      return 500;
  }
  return 500;
}

Response error_response(const core::Error& e) {
  const int status = status_for(e.category());
  // A 500 says nothing about its cause to the caller (the router logs it).
  if (status == 500)
    return error_response(500, "http.internal");
  return make(status, e.code(), e.message(Lang::vi), e.message(Lang::en), e.field());
}

Response error_response(int status, const std::string& code, std::vector<std::string> args) {
  return make(status, code, core::tr(Lang::vi, code, args), core::tr(Lang::en, code, args), {});
}

}  // namespace mandate::http
