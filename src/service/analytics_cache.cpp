#include "service/analytics_cache.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "core/analytics/from_dataset.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "service/analytics_fingerprint.hpp"

namespace mandate::service {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::unique_ptr<core::analytics::Engine> build_logged(const core::Dataset& records,
                                                      const core::ValueTable& values) {
  const auto start = std::chrono::steady_clock::now();
  const size_t total = values.size();
  spdlog::info("analytics: building the rollups of {} values", total);
  auto progress = [&](size_t done) {
    if (done < total)
      spdlog::info("analytics: {} / {} values read ({:.1f} s)", done, total, seconds_since(start));
  };
  std::unique_ptr<core::analytics::Engine> engine;
  try {
    engine = core::analytics::build_engine(records, values, progress);
  } catch (const core::Error& e) {
    // Figures without the restructuring beat no figures at all.
    spdlog::error("analytics: {}; building without the unit restructuring events",
                  core::tr(core::Lang::en, e.code(), e.args()));
    core::Dataset without = records;
    without.unit_changes.clear();
    engine = core::analytics::build_engine(without, values, progress);
  }
  const size_t count = engine->value_count(), bytes = engine->memory_bytes();
  spdlog::info("analytics: {} values loaded in {:.3f} s; {} bytes, {:.1f} bytes per value", count,
               seconds_since(start), bytes,
               count ? static_cast<double>(bytes) / static_cast<double>(count) : 0.0);
  return engine;
}

}  // namespace

std::shared_ptr<const core::analytics::Engine> AnalyticsCache::rebuild(
    const core::Dataset& records, const core::ValueTable& values, long long feed_position) {
  std::lock_guard lock(mutex_);
  std::string metadata = analytics_metadata(records);
  if (!engine_ || diverged_ || metadata != metadata_ || fed_through_ != feed_position) {
    build_locked(records, values, feed_position);
    metadata_ = std::move(metadata);
  }
  return engine_;
}

std::shared_ptr<const core::analytics::Engine> AnalyticsCache::follow(
    std::span<const CellWrite> writes, long long through, const core::Dataset& records,
    const core::ValueTable& values) {
  std::lock_guard lock(mutex_);
  // Entries this server wrote were applied at commit already; applying them
  // again in feed order sets the same cells to the same values, and the
  // order makes later writes win.
  if (!engine_ || diverged_ || !apply_locked(writes)) {
    if (engine_)
      spdlog::warn("analytics: a value write could not be applied to the rollups; rebuilding");
    build_locked(records, values, through);
    metadata_ = analytics_metadata(records);
  }
  fed_through_ = through;
  return engine_;
}

void AnalyticsCache::build_locked(const core::Dataset& records, const core::ValueTable& values,
                                  long long feed_position) {
  engine_ = build_logged(records, values);
  diverged_ = false;
  fed_through_ = feed_position;
  ++builds_;
}

void AnalyticsCache::apply(std::span<const CellWrite> writes, long long feed_through) {
  std::lock_guard lock(mutex_);
  if (engine_ && !diverged_ && feed_through > fed_through_ && !apply_locked(writes))
    diverged_ = true;  // the next look rebuilds it
}

bool AnalyticsCache::apply_locked(std::span<const CellWrite> writes) {
  core::analytics::Engine& e = *engine_;
  try {
    for (const CellWrite& w : writes) {
      const auto r = core::analytics::record_of(e, w.value);
      if (!r)
        return false;
      if (w.removed)
        e.delete_value(r->indicator, r->unit, r->period, r->kind);
      else
        e.set_value(*r);
    }
  } catch (const core::Error&) {
    return false;
  }
  return true;
}

long long AnalyticsCache::fed_through() const {
  std::lock_guard lock(mutex_);
  return fed_through_;
}

long long AnalyticsCache::builds() const {
  std::lock_guard lock(mutex_);
  return builds_;
}

std::shared_ptr<const core::analytics::Engine> AnalyticsCache::current() const {
  std::lock_guard lock(mutex_);
  return engine_;
}

}  // namespace mandate::service
