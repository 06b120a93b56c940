#pragma once
// The change feed (table `changes`, migration 0005), for any SQL connection:
// appended in the writing transaction, read by every server from the last id
// it applied (docs/architecture.md, "Change feed").
#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "store/sql/columns.hpp"
#include "store/store.hpp"

namespace mandate::store::sql {

// Each cell now holds its value or was deleted, in this order; a batch of
// rows per statement, so ids follow the order of the rows.
template <typename Connection>
void append_value_changes(Connection& c, std::span<const CellChange* const> changes) {
  for_each_batch(changes.size(), [&](size_t first, size_t count) {
    auto st =
        c.prepare("INSERT INTO changes(kind, indicator, unit, period, value_kind, value) VALUES " +
                  repeated_rows("('value', ?, ?, ?, ?, ?)", count));
    for (size_t row = 0; row < count; ++row) {
      const CellChange& change = *changes[first + row];
      const core::Value& v = change.value;
      const int p = static_cast<int>(row) * 5;
      st.bind(p + 1, v.indicator).bind(p + 2, v.unit).bind(p + 3, v.period);
      st.bind(p + 4, core::value_kind_name(v.kind));
      if (change.removed)
        st.bind_null(p + 5);
      else
        st.bind(p + 5, v.value);
    }
    st.run();
  });
}

// Something the rollups are built over changed: followers rebuild.
template <typename Connection>
void append_metadata_change(Connection& c) {
  c.prepare("INSERT INTO changes(kind) VALUES('metadata')").run();
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
        "UPDATE changes SET kind = 'metadata', indicator = '', unit = '', period = '',"
        " value_kind = '', value = NULL WHERE id = ?");
    mark.bind(1, cut).run();
  }
  return dropped;
}

template <typename Connection>
std::vector<FeedChange> changes_after(Connection& c, long long after, std::size_t limit) {
  auto st = c.prepare(
      "SELECT id, kind, indicator, unit, period, value_kind, value FROM changes"
      " WHERE id > ? ORDER BY id LIMIT ?");
  st.bind(1, after).bind(2, static_cast<long long>(limit));
  std::vector<FeedChange> out;
  while (st.step()) {
    FeedChange f;
    f.id = st.integer(0);
    f.metadata = st.text(1) == "metadata";
    if (!f.metadata) {
      f.value.indicator = st.text(2);
      f.value.unit = st.text(3);
      f.value.period = st.text(4);
      f.value.kind = core::parse_value_kind(st.text(5));
      f.removed = st.is_null(6);
      if (!f.removed)
        f.value.value = st.real(6);
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace mandate::store::sql
