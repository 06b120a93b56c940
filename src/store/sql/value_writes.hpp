#pragma once
// Value cells read and written many at a time, for any SQL connection: a
// batch of cells is read in one statement and its changes are written in one
// statement per table (data_values, value_history, changes). A 100,000-row
// import is then a few thousand statements, not several per value: on
// PostgreSQL each statement is a round trip to the server.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/error.hpp"
#include "store/sql/change_feed.hpp"
#include "store/sql/columns.hpp"
#include "store/store.hpp"

namespace mandate::store::sql {

// A cell as stored: the ids of its indicator and unit (0: no such record) and
// what it holds.
struct StoredCell {
  long long indicator_id = 0, unit_id = 0;
  std::optional<core::Value> value;
};

// The stored state of each cell (its indicator, unit, period and kind).
template <typename Connection>
std::vector<StoredCell> read_cells(Connection& c, std::span<const core::Value> cells) {
  std::vector<StoredCell> out(cells.size());
  for_each_batch(cells.size(), [&](size_t first, size_t count) {
    // column1 is the cell's index in the batch: the rows come back in any order.
    auto q =
        c.prepare("SELECT c.column1, i.id, u.id, v.value, v.comment, v.illustrative FROM (VALUES " +
                  repeated_rows("(?, ?, ?, ?, ?)", count) +
                  ") AS c LEFT JOIN indicators i ON i.code = c.column2"
                  " LEFT JOIN units u ON u.code = c.column3"
                  " LEFT JOIN data_values v ON v.indicator_id = i.id AND v.unit_id = u.id"
                  " AND v.period = c.column4 AND v.kind = c.column5");
    for (size_t row = 0; row < count; ++row) {
      const core::Value& cell = cells[first + row];
      const int p = static_cast<int>(row) * 5;
      q.bind(p + 1, static_cast<long long>(row)).bind(p + 2, cell.indicator);
      q.bind(p + 3, cell.unit).bind(p + 4, cell.period);
      q.bind(p + 5, core::value_kind_name(cell.kind));
    }
    while (q.step()) {
      const size_t index = first + static_cast<size_t>(q.integer(0));
      const core::Value& cell = cells[index];
      StoredCell& s = out[index];
      s.indicator_id = q.is_null(1) ? 0 : q.integer(1);
      s.unit_id = q.is_null(2) ? 0 : q.integer(2);
      if (q.is_null(3))
        continue;
      s.value = cell;
      s.value->value = q.real(3);
      s.value->comment = q.text(4);
      s.value->illustrative = q.integer(5) != 0;
    }
  });
  return out;
}

template <typename Connection>
std::vector<std::optional<core::Value>> find_values(Connection& c,
                                                    std::span<const core::Value> cells) {
  std::vector<std::optional<core::Value>> out;
  out.reserve(cells.size());
  for (StoredCell& s : read_cells(c, cells))
    out.push_back(std::move(s.value));
  return out;
}

namespace detail {

// One written cell: its change, ids and what it held before.
struct CellWrite {
  const CellChange* change;
  const StoredCell* stored;
};

template <typename Connection>
void write_cells(Connection& c, std::span<const CellWrite> writes, const ChangeContext& context) {
  std::vector<const CellWrite*> upserts;
  std::vector<const CellChange*> changes;
  for (const CellWrite& w : writes) {
    changes.push_back(w.change);
    if (!w.change->removed) {
      upserts.push_back(&w);
      continue;
    }
    // Deletes are rare (DHIS2's delete strategy, one cell through the API):
    // one statement each.
    const core::Value& v = w.change->value;
    c.prepare(
         "DELETE FROM data_values WHERE indicator_id = ? AND unit_id = ? AND period = ?"
         " AND kind = ?")
        .bind(1, w.stored->indicator_id)
        .bind(2, w.stored->unit_id)
        .bind(3, v.period)
        .bind(4, core::value_kind_name(v.kind))
        .run();
  }
  for_each_batch(upserts.size(), [&](size_t first, size_t count) {
    // The cells are distinct within a batch (write_values), as one statement
    // may not update a row twice.
    auto st = c.prepare(
        "INSERT INTO data_values(indicator_id, unit_id, period, kind, value, comment,"
        " illustrative, updated_by, updated_at) VALUES " +
        repeated_rows("(?, ?, ?, ?, ?, ?, ?, ?, ?)", count) +
        " ON CONFLICT (indicator_id, unit_id, period, kind) DO UPDATE SET"
        " value = excluded.value, comment = excluded.comment,"
        " illustrative = excluded.illustrative, updated_by = excluded.updated_by,"
        " updated_at = excluded.updated_at");
    for (size_t row = 0; row < count; ++row) {
      const CellWrite& w = *upserts[first + row];
      const core::Value& v = w.change->value;
      const int p = static_cast<int>(row) * 9;
      st.bind(p + 1, w.stored->indicator_id).bind(p + 2, w.stored->unit_id);
      st.bind(p + 3, v.period).bind(p + 4, core::value_kind_name(v.kind)).bind(p + 5, v.value);
      st.bind(p + 6, v.comment).bind(p + 7, v.illustrative).bind(p + 8, context.actor);
      st.bind(p + 9, context.at);
    }
    st.run();
  });
  for_each_batch(writes.size(), [&](size_t first, size_t count) {
    auto st = c.prepare(
        "INSERT INTO value_history(indicator_id, unit_id, period, kind, old_value, new_value,"
        " comment, changed_by, changed_at) VALUES " +
        repeated_rows("(?, ?, ?, ?, ?, ?, ?, ?, ?)", count));
    for (size_t row = 0; row < count; ++row) {
      const CellWrite& w = writes[first + row];
      const core::Value& v = w.change->value;
      const int p = static_cast<int>(row) * 9;
      st.bind(p + 1, w.stored->indicator_id).bind(p + 2, w.stored->unit_id);
      st.bind(p + 3, v.period).bind(p + 4, core::value_kind_name(v.kind));
      st.bind(p + 5, w.stored->value ? std::optional(w.stored->value->value) : std::nullopt);
      if (w.change->removed)
        st.bind_null(p + 6).bind(p + 7, std::string_view(""));
      else
        st.bind(p + 6, v.value).bind(p + 7, v.comment);
      st.bind(p + 8, context.actor).bind(p + 9, context.at);
    }
    st.run();
  });
  append_value_changes(c, changes);
}

// Writes a run of changes to distinct cells; true for each that changed.
template <typename Connection>
void write_run(Connection& c, std::span<const CellChange> run, const ChangeContext& context,
               std::vector<bool>::iterator changed) {
  std::vector<core::Value> cells;
  cells.reserve(run.size());
  for (const CellChange& change : run)
    cells.push_back(change.value);
  const std::vector<StoredCell> stored = read_cells(c, cells);
  std::vector<CellWrite> writes;
  for (size_t i = 0; i < run.size(); ++i) {
    const core::Value& v = run[i].value;
    const StoredCell& s = stored[i];
    if (!run[i].removed && (s.indicator_id == 0 || s.unit_id == 0))
      throw core::invalid_input("dataset.unknown_reference",
                                {s.indicator_id == 0 ? v.indicator : v.unit});
    const bool differs = run[i].removed ? s.value.has_value()
                                        : !s.value || s.value->value != v.value ||
                                              s.value->comment != v.comment ||
                                              s.value->illustrative != v.illustrative;
    changed[static_cast<std::ptrdiff_t>(i)] = differs;
    if (differs)
      writes.push_back({&run[i], &s});
  }
  write_cells(c, writes, context);
}

}  // namespace detail

// StoreTransaction::write_values: the changes in runs of distinct cells (a
// cell written twice starts a new run, which reads what the one before left).
template <typename Connection>
std::vector<bool> write_values(Connection& c, std::span<const CellChange> changes,
                               const ChangeContext& context) {
  std::vector<bool> changed(changes.size());
  std::unordered_set<std::string> cells;
  size_t first = 0;
  auto flush = [&](size_t end) {
    detail::write_run(c, changes.subspan(first, end - first), context,
                      changed.begin() + static_cast<std::ptrdiff_t>(first));
    cells.clear();
    first = end;
  };
  for (size_t i = 0; i < changes.size(); ++i) {
    const core::Value& v = changes[i].value;
    std::string key = v.indicator + '\x1f' + v.unit + '\x1f' + v.period + '\x1f' +
                      std::string(core::value_kind_name(v.kind));
    if (cells.contains(key))
      flush(i);
    cells.insert(std::move(key));
  }
  flush(changes.size());
  return changed;
}

}  // namespace mandate::store::sql
