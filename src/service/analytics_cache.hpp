#pragma once
// The server's rollup engine (core/analytics), kept current: the server's own
// committed value writes are applied to it at once (apply); the snapshot cache
// hands it the change feed's value writes as it follows the feed (follow), and
// a whole snapshot when the records the engine is built over changed
// (rebuild: units, indicators, restructurings, plans' terms, targets).
#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "core/analytics/engine.hpp"
#include "core/dataset.hpp"
#include "core/value_table.hpp"

namespace mandate::service {

using CellWrite = core::CellWrite;

class AnalyticsCache {
 public:
  // The engine of records and values, a snapshot holding the change feed
  // through feed_position: built again unless one is built over the same
  // metadata (analytics_fingerprint.hpp) and has followed every value write.
  std::shared_ptr<const core::analytics::Engine> rebuild(const core::Dataset& records,
                                                         const core::ValueTable& values,
                                                         long long feed_position);
  // Applies the change feed's value writes up to entry `through` (oldest
  // first), on top of what was applied before; the snapshot that holds them
  // is records and values, which the engine is rebuilt from when a write
  // cannot be applied.
  std::shared_ptr<const core::analytics::Engine> follow(std::span<const CellWrite> writes,
                                                        long long through,
                                                        const core::Dataset& records,
                                                        const core::ValueTable& values);
  // Applies writes the server has just committed, in order, whose newest
  // change-feed entry is feed_through — unless the engine has followed the
  // feed past it already (then a later write may have overtaken them).
  void apply(std::span<const CellWrite> writes, long long feed_through);
  // The current engine (null before the first build), for /metrics.
  std::shared_ptr<const core::analytics::Engine> current() const;
  // The id of the last change-feed entry applied; builds count.
  long long fed_through() const;
  // How many times the engine was built from a whole snapshot (the first
  // build included): a follower that applies the feed keeps it.
  long long builds() const;

 private:
  // Applies writes under mutex_; false when one cannot be applied.
  bool apply_locked(std::span<const CellWrite> writes);
  void build_locked(const core::Dataset& records, const core::ValueTable& values,
                    long long feed_position);

  mutable std::mutex mutex_;
  std::shared_ptr<core::analytics::Engine> engine_;
  std::string metadata_;       // what the engine was built over (analytics_fingerprint.hpp)
  bool diverged_ = false;      // a write could not be applied: rebuild at the next look
  long long fed_through_ = 0;  // change feed entries up to this id are in the engine
  long long builds_ = 0;
};

}  // namespace mandate::service
