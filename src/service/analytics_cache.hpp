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

namespace mandate::service {

// A committed change of one value cell: the value written, or (removed) the
// value the cell held before it was deleted.
struct CellWrite {
  core::Value value;
  bool removed = false;
};

class AnalyticsCache {
 public:
  // The engine matching data: the current one when it holds exactly data's
  // values over the same metadata, else a new one built from data (logged).
  std::shared_ptr<const core::analytics::Engine> sync(const core::Dataset& data);
  // Applies writes the server has just committed, in order.
  void apply(std::span<const CellWrite> writes);
  // The current engine (null before the first sync), for /metrics.
  std::shared_ptr<const core::analytics::Engine> current() const;

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<core::analytics::Engine> engine_;
  std::string metadata_;      // what the engine was built over (analytics_fingerprint.hpp)
  std::uint64_t values_ = 0;  // order-independent hash of the values it holds
  bool diverged_ = false;     // a write could not be applied: rebuild at the next sync
};

}  // namespace mandate::service
