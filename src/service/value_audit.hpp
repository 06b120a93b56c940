#pragma once
// How a change of a value cell enters the audit log, shared by every writer of
// values (single and bulk writes, DHIS2 imports) so the entries look alike.
#include <optional>
#include <string>

#include "core/indicator.hpp"
#include "service/value_service.hpp"
#include "store/store.hpp"

namespace mandate::service {

// "BUDGET_REVENUE/LS/2021/estimate": the audit key of a value cell.
std::string value_cell_key(const core::Value& v);

// The value as JSON text, for an audit entry's before / after.
std::optional<std::string> value_audit_json(const std::optional<core::Value>& v);

// The entry for a cell going from `before` to `after` (either may be absent):
// action "create", "update" or "delete", entity "value".
store::AuditEntry value_audit_entry(const Actor& actor, const std::optional<core::Value>& before,
                                    const std::optional<core::Value>& after);

}  // namespace mandate::service
