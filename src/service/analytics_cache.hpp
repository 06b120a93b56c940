#pragma once
// The server's rollup engine (core/analytics), kept current: the server's own
// committed value writes are applied to it at once; whenever a fresh snapshot
// is loaded, the engine is checked against it and rebuilt when anything else
// moved — another process's writes, or metadata (units, indicators,
// restructurings, plans' terms, targets), which the engine does not take
// incrementally.
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "core/analytics/engine.hpp"
#include "core/dataset.hpp"
#include "store/store.hpp"

namespace mandate::service {

// A committed change of one value cell: the value written, or (removed) the
// value the cell held before it was deleted.
struct CellWrite {
  core::Value value;
  bool removed = false;
};

class AnalyticsCache {
 public:
  // The engine matching data, a snapshot read when the store's change feed
  // stood at feed_position (Store::load reads both in one transaction): first the feed's value
  // changes since the last one applied are applied incrementally; then, if
  // the feed held a metadata marker, or the engine still differs from data
  // (metadata as text, values by hash: a change the feed did not explain),
  // it is rebuilt from data (logged).
  std::shared_ptr<const core::analytics::Engine> sync(const core::Dataset& data,
                                                      store::Store& store, long long feed_position);
  // Applies writes the server has just committed, in order.
  void apply(std::span<const CellWrite> writes);
  // The current engine (null before the first sync), for /metrics.
  std::shared_ptr<const core::analytics::Engine> current() const;
  // The id of the last change-feed entry applied; builds and rebuilds count.
  long long fed_through() const;
  // How many times the engine was built from a whole snapshot (the first
  // build included): a follower that applies the feed incrementally keeps it.
  long long builds() const;

 private:
  // Applies writes under mutex_; false when one cannot be applied.
  bool apply_locked(std::span<const CellWrite> writes);

  mutable std::mutex mutex_;
  std::shared_ptr<core::analytics::Engine> engine_;
  std::string metadata_;       // what the engine was built over (analytics_fingerprint.hpp)
  std::uint64_t values_ = 0;   // order-independent hash of the values it holds
  bool diverged_ = false;      // a write could not be applied: rebuild at the next sync
  long long fed_through_ = 0;  // change feed entries up to this id are in the engine
  long long builds_ = 0;
};

}  // namespace mandate::service
