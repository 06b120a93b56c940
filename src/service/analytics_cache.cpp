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

std::unique_ptr<core::analytics::Engine> build_logged(const core::Dataset& data) {
  const auto start = std::chrono::steady_clock::now();
  const size_t total = data.values.size();
  spdlog::info("analytics: building the rollups of {} values", total);
  auto progress = [&](size_t done) {
    if (done < total)
      spdlog::info("analytics: {} / {} values read ({:.1f} s)", done, total, seconds_since(start));
  };
  std::unique_ptr<core::analytics::Engine> engine;
  try {
    engine = core::analytics::build_engine(data, progress);
  } catch (const core::Error& e) {
    // Figures without the restructuring beat no figures at all.
    spdlog::error("analytics: {}; building without the unit restructuring events",
                  core::tr(core::Lang::en, e.code(), e.args()));
    core::Dataset without = data;
    without.unit_changes.clear();
    engine = core::analytics::build_engine(without, progress);
  }
  const size_t count = engine->value_count(), bytes = engine->memory_bytes();
  spdlog::info("analytics: {} values loaded in {:.3f} s; {} bytes, {:.1f} bytes per value", count,
               seconds_since(start), bytes,
               count ? static_cast<double>(bytes) / static_cast<double>(count) : 0.0);
  return engine;
}

}  // namespace

std::shared_ptr<const core::analytics::Engine> AnalyticsCache::sync(const core::Dataset& data) {
  std::lock_guard lock(mutex_);
  std::string metadata = analytics_metadata(data);
  const std::uint64_t values = values_hash(data);
  if (engine_ && !diverged_ && metadata == metadata_ && values == values_)
    return engine_;
  engine_ = build_logged(data);
  metadata_ = std::move(metadata);
  values_ = values;
  diverged_ = false;
  return engine_;
}

void AnalyticsCache::apply(std::span<const CellWrite> writes) {
  std::lock_guard lock(mutex_);
  if (!engine_ || diverged_)
    return;
  core::analytics::Engine& e = *engine_;
  try {
    for (const CellWrite& w : writes) {
      const core::Value& v = w.value;
      const auto r = core::analytics::record_of(e, v);
      if (!r) {
        diverged_ = true;
        return;
      }
      if (auto old = e.stored(r->indicator, r->unit, r->period, r->kind))
        values_ -= value_hash(v.indicator, v.unit, v.period, v.kind, *old);
      if (w.removed) {
        e.delete_value(r->indicator, r->unit, r->period, r->kind);
      } else {
        e.set_value(*r);
        values_ += value_hash(v);
      }
    }
  } catch (const core::Error&) {
    diverged_ = true;  // the next snapshot rebuilds it
  }
}

std::shared_ptr<const core::analytics::Engine> AnalyticsCache::current() const {
  std::lock_guard lock(mutex_);
  return engine_;
}

}  // namespace mandate::service
