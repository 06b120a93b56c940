#include "service/etag.hpp"

#include <charconv>

#include "service/auth_service.hpp"

namespace mandate::service {

std::string etag_of(const std::string& canonical_content) {
  return "\"" + secret_hash(canonical_content).substr(0, 24) + "\"";
}

std::string value_etag(const core::Value& v) {
  char number[64];
  auto [end, ec] = std::to_chars(number, number + sizeof number, v.value);
  std::string canonical = v.indicator + '\x1f' + v.unit + '\x1f' + v.period + '\x1f' +
                          std::string(core::value_kind_name(v.kind)) + '\x1f' +
                          std::string(number, end) + '\x1f' + v.comment;
  return etag_of(canonical);
}

}  // namespace mandate::service
