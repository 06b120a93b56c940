#pragma once
// The change feed (table `changes`, migration 0005), for any SQL connection:
// appended in the writing transaction, read by every server from the last id
// it applied (docs/architecture.md, "Change feed").
#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "store/sql/columns.hpp"
#include "store/store.hpp"

namespace mandate::store::sql {

inline std::string_view feed_kind_name(FeedKind kind) {
  static constexpr const char* kNames[] = {"value", "records", "metadata", "gap"};
  return kNames[static_cast<size_t>(kind)];
}

inline FeedKind parse_feed_kind(std::string_view name) {
  for (FeedKind k : {FeedKind::value, FeedKind::records, FeedKind::metadata, FeedKind::gap})
    if (name == feed_kind_name(k))
      return k;
  return FeedKind::gap;  // a kind this version does not know: reload everything
}

// Each cell now holds its value or was deleted, in this order; a batch of
// rows per statement, so ids follow the order of the rows.
template <typename Connection>
void append_value_changes(Connection& c, std::span<const CellChange* const> changes) {
  for_each_batch(changes.size(), [&](size_t first, size_t count) {
    auto st = c.prepare(
        "INSERT INTO changes(kind, indicator, unit, period, value_kind, value, comment,"
        " illustrative) VALUES " +
        repeated_rows("('value', ?, ?, ?, ?, ?, ?, ?)", count));
    for (size_t row = 0; row < count; ++row) {
      const CellChange& change = *changes[first + row];
      const core::Value& v = change.value;
      const int p = static_cast<int>(row) * 7;
      st.bind(p + 1, v.indicator).bind(p + 2, v.unit).bind(p + 3, v.period);
      st.bind(p + 4, core::value_kind_name(v.kind));
      if (change.removed)
        st.bind_null(p + 5);
      else
        st.bind(p + 5, v.value);
      st.bind(p + 6, v.comment).bind(p + 7, v.illustrative);
    }
    st.run();
  });
}

// The marker of a transaction that changed records: FeedKind::records or
// FeedKind::metadata (followers reload the records; on metadata they also
// rebuild their rollups).
template <typename Connection>
void append_marker(Connection& c, FeedKind kind) {
  c.prepare("INSERT INTO changes(kind) VALUES(?)").bind(1, feed_kind_name(kind)).run();
}

template <typename Connection>
long long prune_changes(Connection& c, long long keep) {
  auto oldest_kept = c.prepare("SELECT id FROM changes ORDER BY id DESC LIMIT 1 OFFSET ?");
  oldest_kept.bind(1, std::max(keep, 1LL) - 1);
  if (!oldest_kept.step())
    return 0;
  const long long cut = oldest_kept.integer(0);
  auto drop = c.prepare("DELETE FROM changes WHERE id < ?");
  drop.bind(1, cut).run();
  const long long dropped = c.changes();
  if (dropped > 0) {
    auto mark = c.prepare(
        "UPDATE changes SET kind = 'gap', indicator = '', unit = '', period = '',"
        " value_kind = '', value = NULL, comment = '', illustrative = 0 WHERE id = ?");
    mark.bind(1, cut).run();
  }
  return dropped;
}

template <typename Connection>
std::vector<FeedChange> changes_after(Connection& c, long long after, std::size_t limit) {
  auto st = c.prepare(
      "SELECT id, kind, indicator, unit, period, value_kind, value, comment, illustrative"
      " FROM changes"
      " WHERE id > ? ORDER BY id LIMIT ?");
  st.bind(1, after).bind(2, static_cast<long long>(limit));
  std::vector<FeedChange> out;
  while (st.step()) {
    FeedChange f;
    f.id = st.integer(0);
    f.kind = parse_feed_kind(st.text(1));
    if (f.kind == FeedKind::value) {
      f.value.indicator = st.text(2);
      f.value.unit = st.text(3);
      f.value.period = st.text(4);
      f.value.kind = core::parse_value_kind(st.text(5));
      f.removed = st.is_null(6);
      if (!f.removed)
        f.value.value = st.real(6);
      f.value.comment = st.text(7);
      f.value.illustrative = st.integer(8) != 0;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace mandate::store::sql
