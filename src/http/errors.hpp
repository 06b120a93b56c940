#pragma once
// One table from error category to HTTP status, and one JSON shape for every
// error response:
//   {"error": {"code": "period.invalid", "status": 400,
//              "message": {"vi": "...", "en": "..."}, "field": "period"}}
#include "core/error.hpp"
#include "http/request.hpp"

namespace mandate::http {

int status_for(core::ErrorCategory category);
Response error_response(const core::Error& e);
// For failures found by the HTTP layer itself (bad target, body too large, ...):
// code names a catalog message.
Response error_response(int status, const std::string& code, std::vector<std::string> args = {});

}  // namespace mandate::http
