#include "service/value_audit.hpp"

#include <boost/json.hpp>

#include "io/metadata_json.hpp"

namespace mandate::service {

std::string value_cell_key(const core::Value& v) {
  return v.indicator + "/" + v.unit + "/" + v.period + "/" +
         std::string(core::value_kind_name(v.kind));
}

std::optional<std::string> value_audit_json(const std::optional<core::Value>& v) {
  if (!v)
    return std::nullopt;
  return boost::json::serialize(io::to_json(*v));
}

store::AuditEntry value_audit_entry(const Actor& actor, const std::optional<core::Value>& before,
                                    const std::optional<core::Value>& after) {
  const core::Value& cell = after ? *after : *before;
  const char* action = !before ? "create" : !after ? "delete" : "update";
  return {0,
          actor.at,
          actor.principal.username,
          actor.address,
          action,
          "value",
          value_cell_key(cell),
          value_audit_json(before),
          value_audit_json(after)};
}

}  // namespace mandate::service
