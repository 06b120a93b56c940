#include "service/snapshot.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/analytics/from_dataset.hpp"

namespace mandate::service {
namespace {

constexpr std::size_t kFeedPage = 10'000;

// What the change feed after a position says: its value writes, in order,
// and whether records, metadata or a gap came with them.
struct FeedRead {
  std::vector<CellWrite> writes;
  long long through = 0;  // the last entry read
  bool records = false, metadata = false, gap = false;

  // Reads the entries after `after` up to `until` (the whole feed when
  // until < 0), appending to what was read before.
  void read(store::Store& store, long long after, long long until) {
    through = std::max(through, after);
    for (;;) {
      const auto page = store.changes_after(through, kFeedPage);
      for (const store::FeedChange& c : page) {
        if (until >= 0 && c.id > until)
          return;
        through = c.id;
        switch (c.kind) {
          case store::FeedKind::value:
            writes.push_back(CellWrite{c.value, c.removed});
            break;
          case store::FeedKind::records:
            records = true;
            break;
          case store::FeedKind::metadata:
            metadata = true;
            break;
          case store::FeedKind::gap:
            gap = true;  // everything is reloaded: the rest does not matter
            return;
        }
      }
      if (page.size() < kFeedPage)
        return;
    }
  }
};

std::shared_ptr<const SnapshotRecords> records_of(core::Dataset data,
                                                  core::TaskCompletionDates task_completed_on) {
  auto records = std::make_shared<SnapshotRecords>();
  records->tree = core::UnitTree(data.units);
  records->data = std::move(data);
  records->task_completed_on = std::move(task_completed_on);
  return records;
}

}  // namespace

Snapshot::Snapshot(std::shared_ptr<const SnapshotRecords> records, core::ValueTable stored)
    : records_(std::move(records)),
      data(records_->data),
      tree(records_->tree),
      task_completed_on(records_->task_completed_on),
      values(std::move(stored)) {}

std::shared_ptr<Snapshot> Snapshot::of(core::Dataset data,
                                       core::TaskCompletionDates task_completed_on) {
  core::ValueTable values(std::move(data.values));  // leaves data.values empty
  return std::make_shared<Snapshot>(records_of(std::move(data), std::move(task_completed_on)),
                                    std::move(values));
}

std::shared_ptr<const core::analytics::Engine> engine_of(const Snapshot& snapshot) {
  if (snapshot.engine)
    return snapshot.engine;
  return core::analytics::build_engine(snapshot.data, snapshot.values);
}

void committed(const Snapshot& snapshot, std::span<const CellWrite> writes,
               long long feed_through) {
  if (snapshot.analytics)
    snapshot.analytics->apply(writes, feed_through);
}

std::shared_ptr<const Snapshot> SnapshotCache::get() {
  std::lock_guard lock(mutex_);
  const long long version = store_.data_version();
  if (current_ && version == seen_version_)
    return current_;
  // Sessions, notifications and the like move the data version too; only the
  // change feed says whether the snapshot's data moved.
  const long long position = store_.feed_position();
  if (!current_ || position < current_->feed_position)
    current_ = load_whole();  // the first look, or a feed that went back: a database restored
  else if (position != current_->feed_position)
    current_ = follow();
  seen_version_ = version;
  return current_;
}

long long SnapshotCache::whole_loads() const {
  std::lock_guard lock(mutex_);
  return whole_loads_;
}

std::shared_ptr<const Snapshot> SnapshotCache::load_whole() {
  long long position = 0;
  core::Dataset data = store_.load(position);
  auto next =
      Snapshot::of(std::move(data), core::completion_dates(store_.completed_task_journals()));
  next->feed_position = position;
  if (analytics_) {
    next->engine = analytics_->rebuild(next->data, next->values, position);
    next->analytics = analytics_;
  }
  ++whole_loads_;
  return next;
}

std::shared_ptr<const Snapshot> SnapshotCache::follow() {
  FeedRead feed;
  feed.read(store_, current_->feed_position, -1);
  std::shared_ptr<const SnapshotRecords> records = current_->records();
  if (!feed.gap && (feed.records || feed.metadata)) {
    // The records as of a position at or after what was read; the feed up to
    // it completes the values to the same position.
    long long at = 0;
    core::Dataset data = store_.load_records(at);
    records = records_of(std::move(data), core::completion_dates(store_.completed_task_journals()));
    feed.read(store_, feed.through, at);
    feed.through = std::max(feed.through, at);
  }
  if (feed.gap) {
    spdlog::warn("snapshot: the change feed was pruned past this server's position; reloading");
    return load_whole();
  }
  auto next = std::make_shared<Snapshot>(records, current_->values.with(feed.writes));
  next->feed_position = feed.through;
  if (analytics_) {
    next->engine = analytics_->follow(feed.writes, next->feed_position, next->data, next->values);
    if (feed.metadata)
      next->engine = analytics_->rebuild(next->data, next->values, next->feed_position);
    next->analytics = analytics_;
  }
  return next;
}

}  // namespace mandate::service
