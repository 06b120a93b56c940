#include "service/feed_follower.hpp"

#include <spdlog/spdlog.h>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace mandate::service {

FeedFollower::FeedFollower(std::unique_ptr<store::ChangeListener> listener,
                           std::function<void()> refresh, std::chrono::milliseconds interval)
    : listener_(std::move(listener)),
      refresh_(std::move(refresh)),
      interval_(interval),
      thread_([this] { run(); }) {}

FeedFollower::~FeedFollower() {
  stop_ = true;
  thread_.join();
}

void FeedFollower::run() {
  bool reported = false;  // an outage is logged once, and its end once
  while (!stop_) {
    try {
      if (listener_->wait(interval_) && !stop_)
        refresh_();
      if (reported)
        spdlog::info("change feed: following again");
      reported = false;
    } catch (const core::Error& e) {
      if (!reported)
        spdlog::warn("change feed: {}; retrying", core::tr(core::Lang::en, e.code(), e.args()));
      reported = true;
      std::this_thread::sleep_for(interval_);
    } catch (const std::exception& e) {
      spdlog::error("change feed: {}", e.what());
      std::this_thread::sleep_for(interval_);
    }
  }
}

}  // namespace mandate::service
