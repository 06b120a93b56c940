#include "store/audit_chain.hpp"

#include "store/sha256.hpp"

namespace mandate::store {

std::string audit_entry_hash(std::string_view previous, const AuditEntry& e) {
  Sha256 sha;
  sha.add(previous);
  for (const std::string* field :
       {&e.at, &e.actor, &e.address, &e.action, &e.entity, &e.entity_key})
    sha.add(*field);
  for (const auto* json : {&e.before_json, &e.after_json}) {
    sha.add_present(json->has_value());
    if (*json)
      sha.add(**json);
  }
  return sha.hex();
}

AuditVerification verify_audit_chain(Store& store) {
  constexpr size_t kPage = 1000;
  AuditVerification out;
  std::string previous;
  long long after = 0;
  for (;;) {
    const auto page = store.audit_chain(after, kPage);
    for (const auto& [e, hash] : page) {
      ++out.entries;
      if (hash != audit_entry_hash(previous, e)) {
        out.broken_at = e.id;
        return out;
      }
      previous = hash;
    }
    if (page.size() < kPage)
      break;
    after = page.back().entry.id;
  }
  out.head = previous;
  return out;
}

}  // namespace mandate::store
