#pragma once
// The audit log as a hash chain: every entry stores SHA-256 over the hash of
// the entry before it and its own fields, so altering or removing an entry
// breaks the chain at that entry or the next. Anyone who can write the
// database can also rebuild the whole chain: the head hash that verification
// prints is what an operator keeps elsewhere (docs/security.md).
#include <optional>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace mandate::store {

// The hash of entry e following an entry whose hash is previous ("" for the
// first). The id is left out: the chain's order is the ids' order.
std::string audit_entry_hash(std::string_view previous, const AuditEntry& e);

struct AuditVerification {
  long long entries = 0;  // checked, oldest first
  // The first entry whose hash does not follow: it was altered, or the one
  // before it was removed. None when the whole chain holds.
  std::optional<long long> broken_at;
  std::string head;  // the newest entry's hash when the chain holds
};

AuditVerification verify_audit_chain(Store& store);

}  // namespace mandate::store
