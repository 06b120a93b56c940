#pragma once
// The search index holds folded text (core/search_text.hpp); the table
// search_index_state says which folding built it. When the program folds
// differently the index is rebuilt from the records, whatever the backend.
#include "core/dataset.hpp"
#include "core/search_text.hpp"

namespace mandate::store::sql {

// Raise when search_text or search_terms change what they produce: the
// index is then rebuilt at the next start.
inline constexpr long long kFoldingVersion = 1;

template <typename Connection>
bool search_index_stale(Connection& c) {
  auto q = c.prepare("SELECT version FROM search_index_state WHERE id = 1");
  return !q.step() || q.integer(0) != kFoldingVersion;
}

// Call inside a write transaction.
template <typename Backend>
void rebuild_search_index(typename Backend::Connection& c, const core::Dataset& d) {
  c.exec("DELETE FROM search_index");
  auto put_all = [&](core::SearchEntity entity, const auto& items) {
    for (const auto& x : items)
      Backend::index(c, entity, x.code, core::search_text(x));
  };
  put_all(core::SearchEntity::indicator, d.indicators);
  put_all(core::SearchEntity::task, d.tasks);
  put_all(core::SearchEntity::document, d.documents);
  put_all(core::SearchEntity::activity, d.activities);
  c.prepare("UPDATE search_index_state SET version = ? WHERE id = 1")
      .bind(1, kFoldingVersion)
      .run();
}

}  // namespace mandate::store::sql
