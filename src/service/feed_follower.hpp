#pragma once
// A thread that keeps a server's snapshot and rollups current between
// requests: each time the change listener wakes (another server committed, a
// lost PostgreSQL connection came back, or SQLite's poll interval passed) it
// asks the snapshot cache for the current data, which follows the change feed
// from the last id applied (AnalyticsCache::sync). Requests check the store
// themselves as well, so the follower only makes others' writes show sooner.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "store/change_listener.hpp"

namespace mandate::service {

class FeedFollower {
 public:
  // refresh: called on each wake-up, on the follower's thread.
  FeedFollower(std::unique_ptr<store::ChangeListener> listener, std::function<void()> refresh,
               std::chrono::milliseconds interval);
  ~FeedFollower();  // stops the thread (within one interval)
  FeedFollower(const FeedFollower&) = delete;
  FeedFollower& operator=(const FeedFollower&) = delete;

 private:
  void run();

  std::unique_ptr<store::ChangeListener> listener_;
  std::function<void()> refresh_;
  std::chrono::milliseconds interval_;
  std::atomic<bool> stop_ = false;
  std::thread thread_;  // last: starts once everything above is set
};

}  // namespace mandate::service
