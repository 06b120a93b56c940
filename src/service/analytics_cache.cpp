#include "service/analytics_cache.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/analytics/from_dataset.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "service/analytics_fingerprint.hpp"
#include "service/value_audit.hpp"

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

// The values hash data will have once the feed entries after it (oldest
// first) are applied: what an engine that also followed them must match.
std::uint64_t values_hash_after(const core::Dataset& data,
                                std::span<const store::FeedChange> later) {
  std::uint64_t sum = values_hash(data);
  if (later.empty())
    return sum;
  std::unordered_map<std::string, std::optional<double>> cells;  // touched cells only
  for (const auto& c : later)
    if (!c.metadata)
      cells.emplace(value_cell_key(c.value), std::nullopt);
  for (const auto& v : data.values)
    if (auto it = cells.find(value_cell_key(v)); it != cells.end())
      it->second = v.value;
  for (const auto& c : later) {
    if (c.metadata)
      continue;
    const core::Value& v = c.value;
    auto& held = cells[value_cell_key(v)];
    if (held)
      sum -= value_hash(v.indicator, v.unit, v.period, v.kind, *held);
    held = c.removed ? std::nullopt : std::optional(v.value);
    if (held)
      sum += value_hash(v);
  }
  return sum;
}

}  // namespace

std::shared_ptr<const core::analytics::Engine> AnalyticsCache::sync(const core::Dataset& data,
                                                                    store::Store& store,
                                                                    long long feed_position) {
  constexpr std::size_t kFeedPage = 10'000;
  std::lock_guard lock(mutex_);
  bool rebuild = !engine_ || diverged_;
  // Follow the feed from the last entry applied. Entries this server wrote
  // were applied at commit already; applying them again in feed order sets
  // the same cells to the same values, and the order makes later writes win.
  while (!rebuild) {
    const auto page = store.changes_after(fed_through_, kFeedPage);
    std::vector<CellWrite> writes;
    writes.reserve(page.size());
    for (const store::FeedChange& c : page) {
      if (c.metadata) {
        rebuild = true;
        break;
      }
      writes.push_back(CellWrite{c.value, c.removed});
    }
    if (rebuild || !apply_locked(writes)) {
      rebuild = true;
      break;
    }
    if (!page.empty())
      fed_through_ = page.back().id;
    if (page.size() < kFeedPage)
      break;
  }
  std::string metadata = analytics_metadata(data);
  // The engine may be ahead of the snapshot: entries committed after the
  // snapshot was read were applied above, or at commit (apply). It matches
  // when it equals the snapshot plus those entries.
  std::vector<store::FeedChange> later;
  if (!rebuild)
    for (long long after = feed_position; after < fed_through_;) {
      auto page = store.changes_after(after, kFeedPage);
      if (page.empty())
        break;
      after = page.back().id;
      for (auto& c : page)
        if (c.id <= fed_through_)
          later.push_back(std::move(c));
    }
  if (!rebuild && metadata == metadata_ && values_hash_after(data, later) == values_)
    return engine_;
  const std::uint64_t values = values_hash(data);
  if (!rebuild)
    spdlog::warn("analytics: the change feed did not explain the stored values; rebuilding");
  engine_ = build_logged(data);
  metadata_ = std::move(metadata);
  values_ = values;
  diverged_ = false;
  // The snapshot holds exactly the entries up to feed_position; those after
  // it are applied at the next sync.
  fed_through_ = feed_position;
  ++builds_;
  return engine_;
}

void AnalyticsCache::apply(std::span<const CellWrite> writes) {
  std::lock_guard lock(mutex_);
  if (engine_ && !diverged_ && !apply_locked(writes))
    diverged_ = true;  // the next snapshot rebuilds it
}

bool AnalyticsCache::apply_locked(std::span<const CellWrite> writes) {
  core::analytics::Engine& e = *engine_;
  try {
    for (const CellWrite& w : writes) {
      const core::Value& v = w.value;
      const auto r = core::analytics::record_of(e, v);
      if (!r)
        return false;
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
