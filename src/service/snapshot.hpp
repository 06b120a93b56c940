#pragma once
// An in-memory copy of the stored data set for reads: loaded once, shared by
// every request, reloaded when the store says something was written. Readers
// hold a shared_ptr, so a reload never pulls data from under them.
#include <memory>
#include <mutex>

#include "core/dataset.hpp"
#include "core/unit_tree.hpp"
#include "store/store.hpp"

namespace mandate::service {

struct Snapshot {
  core::Dataset data;
  core::UnitTree tree;
  long long version = 0;
};

class SnapshotCache {
 public:
  explicit SnapshotCache(store::Store& store) : store_(store) {}
  // The current data; reloads first when the store changed since the last load.
  std::shared_ptr<const Snapshot> get();

 private:
  store::Store& store_;
  std::mutex mutex_;
  std::shared_ptr<const Snapshot> current_;
};

}  // namespace mandate::service
