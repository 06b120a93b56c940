#pragma once
// An in-memory copy of the stored data set for reads: loaded once, shared by
// every request, reloaded when the store says something was written. Readers
// hold a shared_ptr, so a reload never pulls data from under them.
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dataset.hpp"
#include "core/task_timeliness.hpp"
#include "core/unit_tree.hpp"
#include "service/analytics_cache.hpp"
#include "store/store.hpp"

namespace mandate::service {

struct Snapshot {
  core::Dataset data;
  core::UnitTree tree;
  // From the progress journals, which the data set does not hold.
  core::TaskCompletionDates task_completed_on;
  long long version = 0;
  // The rollups of data (null without analytics, as on the command line);
  // writes committed later may already be in it.
  std::shared_ptr<const core::analytics::Engine> engine;
  // Where writers report committed value writes so the engine follows at once.
  std::shared_ptr<AnalyticsCache> analytics;

  // The stored values of one unit. Indexed at first use, once per snapshot,
  // so a report's trace reads its subtree's values, not a country's millions.
  std::span<const core::Value* const> values_of(const std::string& unit) const;

 private:
  mutable std::once_flag values_by_unit_indexed_;
  mutable std::unordered_map<std::string, std::vector<const core::Value*>> values_by_unit_;
};

// Tells the snapshot's analytics (if any) about writes just committed.
void committed(const Snapshot& snapshot, std::span<const CellWrite> writes);

class SnapshotCache {
 public:
  // With analytics, every snapshot carries its engine, checked (and rebuilt
  // when needed) at each reload.
  explicit SnapshotCache(store::Store& store, std::shared_ptr<AnalyticsCache> analytics = nullptr)
      : store_(store), analytics_(std::move(analytics)) {}
  // The current data; reloads first when the store changed since the last load.
  std::shared_ptr<const Snapshot> get();

 private:
  store::Store& store_;
  std::shared_ptr<AnalyticsCache> analytics_;
  std::mutex mutex_;
  std::shared_ptr<const Snapshot> current_;
};

}  // namespace mandate::service
