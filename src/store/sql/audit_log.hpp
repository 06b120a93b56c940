#pragma once
// The audit log for any SQL connection: entries appended with the hash that
// chains them to the one before (store/audit_chain.hpp), read back for the
// API and for verification, and the chain sealed over the entries written
// before it existed (the migration that added it).
#include <span>
#include <string>
#include <vector>

#include "store/audit_chain.hpp"
#include "store/sql/columns.hpp"
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

// Appends entries in order, each chained to the one before, a batch of rows
// per statement: ids follow the order of the rows, so the chain reads back in
// the order it was made.
template <typename Connection>
void append_audits(Connection& c, std::span<const AuditEntry> entries) {
  if (entries.empty())
    return;
  std::string previous = audit_head(c);
  for_each_batch(entries.size(), [&](size_t first, size_t count) {
    auto st = c.prepare(
        "INSERT INTO audit_log(at, actor, address, action, entity, entity_key, before_json,"
        " after_json, hash) VALUES " +
        repeated_rows("(?, ?, ?, ?, ?, ?, ?, ?, ?)", count));
    for (size_t row = 0; row < count; ++row) {
      const AuditEntry& e = entries[first + row];
      previous = audit_entry_hash(previous, e);
      const int p = static_cast<int>(row) * 9;
      st.bind(p + 1, e.at).bind(p + 2, e.actor).bind(p + 3, e.address).bind(p + 4, e.action);
      st.bind(p + 5, e.entity).bind(p + 6, e.entity_key);
      if (e.before_json)
        st.bind(p + 7, *e.before_json);
      else
        st.bind_null(p + 7);
      if (e.after_json)
        st.bind(p + 8, *e.after_json);
      else
        st.bind_null(p + 8);
      st.bind(p + 9, previous);
    }
    st.run();
  });
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
