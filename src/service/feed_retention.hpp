#pragma once
// Keeps the change feed (table `changes`) from growing without end: every
// write appends to it, and a server only ever needs the entries after the
// last one it applied. A server further behind than what is kept rebuilds
// its rollups from the store (store::StoreTransaction::prune_changes).
#include <string>

#include "store/store.hpp"

namespace mandate::service {

// Entries kept: far more than servers fall behind between wake-ups (a
// 100,000-row import is followed in seconds), a few megabytes of rows.
inline constexpr long long kChangeFeedKept = 100'000;

// Drops the older entries in one write transaction; returns how many.
long long prune_change_feed(store::Store& store, const std::string& at,
                            long long keep = kChangeFeedKept);

}  // namespace mandate::service
