#pragma once
// Reads a table in key order, a page at a time (keyset paging: each page
// starts after the last key of the one before), so a table of millions of
// rows never sits in memory, and both kinds of database give the same order.
#include <optional>
#include <string>
#include <vector>

#include "store/copy/canonical_row.hpp"

namespace mandate::store::copy {

// The statement that reads a page: the first one, or (after) the one that
// starts after the key bound as ?1, ?2, … .
template <typename Dialect>
std::string page_sql(const Layout& layout, long long page_rows, bool after) {
  std::string columns, keys, params;
  for (size_t i = 0; i < layout.columns.size(); ++i)
    columns += (i ? ", \"" : "\"") + layout.columns[i].name + "\"";
  for (size_t n = 0; n < layout.key.size(); ++n) {
    const Column& k = layout.columns[layout.key[n]];
    const char* sep = n ? ", " : "";
    keys += sep + Dialect::ordered(k.name, k.kind);
    params += sep + std::string("?") + std::to_string(n + 1);
  }
  return "SELECT " + columns + " FROM \"" + std::string(layout.spec->name) + "\"" +
         (after ? " WHERE (" + keys + ") > (" + params + ")" : std::string()) + " ORDER BY " +
         keys + " LIMIT " + std::to_string(page_rows);
}

template <typename Dialect>
class TableReader {
 public:
  using Connection = typename Dialect::Connection;

  TableReader(Connection& c, const Layout& layout, long long page_rows)
      : c_(c),
        layout_(layout),
        first_sql_(page_sql<Dialect>(layout, page_rows, false)),
        after_sql_(page_sql<Dialect>(layout, page_rows, true)),
        page_rows_(static_cast<size_t>(page_rows)) {}

  // The next row, valid until the next call; nullptr after the last.
  const Row* next() {
    if (at_ == rows_.size()) {
      if (done_)
        return nullptr;
      fetch();
      if (rows_.empty())
        return nullptr;
    }
    return &rows_[at_++];
  }

 private:
  void fetch() {
    auto q = c_.prepare(rows_.empty() ? first_sql_ : after_sql_);
    // Bound cells must outlive the statement's run (SQLite keeps pointers).
    Row last;
    if (!rows_.empty()) {
      last = rows_.back();
      for (size_t n = 0; n < layout_.key.size(); ++n)
        bind_cell(q, static_cast<int>(n + 1), last[layout_.key[n]],
                  layout_.columns[layout_.key[n]].kind);
    }
    rows_.clear();
    at_ = 0;
    while (q.step())
      rows_.push_back(read_row(q, layout_.columns));
    done_ = rows_.size() < page_rows_;
  }

  Connection& c_;
  const Layout& layout_;
  std::string first_sql_, after_sql_;
  size_t page_rows_ = 0;
  std::vector<Row> rows_;
  size_t at_ = 0;
  bool done_ = false;
};

// Walks two readers of the same table in key order and calls
// visit(source_row, target_row) for each key, with nullptr on the side that
// lacks it. target may be null: every source row is then unmatched.
template <typename SourceReader, typename TargetReader, typename Visit>
void merge_by_key(const Layout& layout, SourceReader& source, TargetReader* target, Visit&& visit) {
  const Row* a = source.next();
  const Row* b = target ? target->next() : nullptr;
  while (a || b) {
    const int c = !a ? 1 : (!b ? -1 : compare_keys(layout, *a, *b));
    if (c < 0) {
      visit(a, nullptr);
      a = source.next();
    } else if (c > 0) {
      visit(nullptr, b);
      b = target->next();
    } else {
      visit(a, b);
      a = source.next();
      b = target->next();
    }
  }
}

}  // namespace mandate::store::copy
