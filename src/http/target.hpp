#pragma once
// The request target taken apart (Boost.URL): the checks done before routing
// and the percent-decoding of path, segments and query.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mandate::http {

struct Target {
  std::string path;                   // decoded: "/api/v1/documents/15/NQ-TU"
  std::vector<std::string> segments;  // decoded one by one: {"api", "v1", "documents", "15/NQ-TU"}
  std::multimap<std::string, std::string> query;  // decoded, '+' as space
};

// Nothing unless target is in origin form ("/path?query") with valid
// percent-encoding and no segment that is "." or ".." (also when encoded,
// "%2e%2e") or contains NUL.
std::optional<Target> parse_target(std::string_view target);

}  // namespace mandate::http
