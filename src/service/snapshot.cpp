#include "service/snapshot.hpp"

namespace mandate::service {

void committed(const Snapshot& snapshot, std::span<const CellWrite> writes) {
  if (snapshot.analytics)
    snapshot.analytics->apply(writes);
}

std::span<const core::Value* const> Snapshot::values_of(const std::string& unit) const {
  std::call_once(values_by_unit_indexed_, [this] {
    for (const auto& v : data.values)
      values_by_unit_[v.unit].push_back(&v);
  });
  const auto it = values_by_unit_.find(unit);
  if (it == values_by_unit_.end())
    return {};
  return it->second;
}

std::shared_ptr<const Snapshot> SnapshotCache::get() {
  std::lock_guard lock(mutex_);
  const long long version = store_.data_version();
  if (!current_ || current_->version != version) {
    auto next = std::make_shared<Snapshot>();
    // The data and the feed position in one read transaction: the feed after
    // it is exactly what the data does not hold yet.
    long long feed_position = 0;
    next->data = store_.load(feed_position);
    next->tree = core::UnitTree(next->data.units);
    next->task_completed_on = core::completion_dates(store_.completed_task_journals());
    next->version = version;
    if (analytics_) {
      next->engine = analytics_->sync(next->data, store_, feed_position);
      next->analytics = analytics_;
    }
    current_ = std::move(next);
  }
  return current_;
}

}  // namespace mandate::service
