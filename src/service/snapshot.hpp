#pragma once
// An in-memory copy of the stored data set for reads: loaded once, shared by
// every request, and kept current by following the store's change feed
// (docs/architecture.md, "Reads from a snapshot"). Readers hold a shared_ptr, so an
// update never pulls data from under them.
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/task_timeliness.hpp"
#include "core/unit_tree.hpp"
#include "core/value_table.hpp"
#include "service/analytics_cache.hpp"
#include "store/store.hpp"

namespace mandate::service {

// Everything of a snapshot but its values, read together; shared by the
// snapshots that differ only in values.
struct SnapshotRecords {
  core::Dataset data;  // data.values is empty: the values are Snapshot::values
  core::UnitTree tree;
  // From the progress journals, which the data set does not hold.
  core::TaskCompletionDates task_completed_on;
};

class Snapshot {
  std::shared_ptr<const SnapshotRecords> records_;  // first: the references below point into it

 public:
  Snapshot(std::shared_ptr<const SnapshotRecords> records, core::ValueTable stored);
  // A snapshot of a whole data set, its values moved into the table (the
  // command line, tests); without rollups.
  static std::shared_ptr<Snapshot> of(core::Dataset data,
                                      core::TaskCompletionDates task_completed_on = {});
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  const std::shared_ptr<const SnapshotRecords>& records() const { return records_; }

  const core::Dataset& data;  // the records; data.values is empty
  const core::UnitTree& tree;
  const core::TaskCompletionDates& task_completed_on;
  const core::ValueTable values;
  // The newest change-feed entry the snapshot holds.
  long long feed_position = 0;
  // The rollups of data and values (null without analytics, as on the
  // command line); writes committed later may already be in it.
  std::shared_ptr<const core::analytics::Engine> engine;
  // Where writers report committed value writes so the engine follows at once.
  std::shared_ptr<AnalyticsCache> analytics;
};

// The snapshot's rollups, or (without analytics) rollups built for the caller.
std::shared_ptr<const core::analytics::Engine> engine_of(const Snapshot& snapshot);

// Tells the snapshot's analytics (if any) about writes just committed by a
// transaction whose newest change-feed entry is feed_through.
void committed(const Snapshot& snapshot, std::span<const CellWrite> writes, long long feed_through);

class SnapshotCache {
 public:
  // With analytics, every snapshot carries its engine, kept current with it.
  explicit SnapshotCache(store::Store& store, std::shared_ptr<AnalyticsCache> analytics = nullptr)
      : store_(store), analytics_(std::move(analytics)) {}
  // The current data. When the store changed since the last look, the change
  // feed after the snapshot's position is applied first: value entries to a
  // copy that shares the unchanged units' values; a records or metadata
  // marker reloads the records (not the values); metadata rebuilds the
  // rollups from memory; a gap in the feed, or a feed that went back (a
  // database restored), reloads everything.
  std::shared_ptr<const Snapshot> get();
  // How many times everything, values included, was read from the store.
  long long whole_loads() const;

 private:
  std::shared_ptr<const Snapshot> load_whole();
  std::shared_ptr<const Snapshot> follow();

  store::Store& store_;
  std::shared_ptr<AnalyticsCache> analytics_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> current_;
  long long seen_version_ = 0;  // the store's data version current_ was checked at
  long long whole_loads_ = 0;
};

}  // namespace mandate::service
