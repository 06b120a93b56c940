#pragma once
// The audit log for any SQL connection: entries appended with the hash that
// chains them to the one before (store/audit_chain.hpp), read back for the
// API and for verification, and the chain sealed over the entries written
// before it existed (the migration that added it).
#include <string>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/store.hpp"

namespace mandate::store::sql {

// The schema version whose migration adds audit_log.hash.
inline constexpr int kAuditChainVersion = 8;

inline constexpr const char* kAuditColumns =
    "SELECT id, at, actor, address, action, entity, entity_key, before_json, after_json, hash"
    " FROM audit_log";

// One row selected with kAuditColumns.
template <typename Statement>
ChainedAuditEntry chained_audit_entry_from(Statement& st) {
  ChainedAuditEntry out;
  AuditEntry& e = out.entry;
  e.id = st.integer(0);
  e.at = st.text(1);
  e.actor = st.text(2);
  e.address = st.text(3);
  e.action = st.text(4);
  e.entity = st.text(5);
  e.entity_key = st.text(6);
  if (!st.is_null(7))
    e.before_json = st.text(7);
  if (!st.is_null(8))
    e.after_json = st.text(8);
  out.hash = st.text(9);
  return out;
}

// The newest entry's hash; "" when the log is empty. Writers hold the write
// lock, so no other entry can slip in between this read and the insert.
template <typename Connection>
std::string audit_head(Connection& c) {
  auto st = c.prepare("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
  return st.step() ? st.text(0) : std::string();
}

template <typename Connection>
void append_audit(Connection& c, const AuditEntry& e) {
  const std::string hash = audit_entry_hash(audit_head(c), e);
  auto st = c.prepare(
      "INSERT INTO audit_log(at, actor, address, action, entity, entity_key, before_json,"
      " after_json, hash) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, e.at).bind(2, e.actor).bind(3, e.address).bind(4, e.action).bind(5, e.entity);
  st.bind(6, e.entity_key);
  if (e.before_json)
    st.bind(7, *e.before_json);
  else
    st.bind_null(7);
  if (e.after_json)
    st.bind(8, *e.after_json);
  else
    st.bind_null(8);
  st.bind(9, hash);
  st.run();
}

template <typename Connection>
std::vector<ChainedAuditEntry> audit_chain_of(Connection& c, long long after_id, size_t limit) {
  auto st = c.prepare(std::string(kAuditColumns) + " WHERE id > ? ORDER BY id LIMIT ?");
  st.bind(1, after_id).bind(2, static_cast<long long>(limit));
  std::vector<ChainedAuditEntry> out;
  while (st.step())
    out.push_back(chained_audit_entry_from(st));
  return out;
}

// Chains every entry, oldest first: run once, in the migration's transaction,
// over the entries written before the chain existed.
template <typename Connection>
void seal_audit_chain(Connection& c) {
  std::string previous;
  for (long long after = 0;;) {
    const auto page = audit_chain_of(c, after, 1000);
    for (const auto& [e, stored] : page) {
      previous = audit_entry_hash(previous, e);
      c.prepare("UPDATE audit_log SET hash = ? WHERE id = ?").bind(1, previous).bind(2, e.id).run();
    }
    if (page.size() < 1000)
      return;
    after = page.back().entry.id;
  }
}

}  // namespace mandate::store::sql
