#include "core/value_table.hpp"

#include <optional>

namespace mandate::core {
namespace {

bool same_cell(const Value& a, const Value& b) {
  return a.indicator == b.indicator && a.period == b.period && a.kind == b.kind && a.unit == b.unit;
}

// A cell's key within its unit.
std::string key_in_unit(const Value& v) {
  return v.indicator + '\x1f' + v.period + '\x1f' + std::string(value_kind_name(v.kind));
}

// Units asked about more often than this find their cells by key.
constexpr std::size_t kLookAlongAtMost = 16;

// Where each of a unit's cells is, by key_in_unit.
std::unordered_map<std::string, std::size_t> places_of(std::span<const Value> values) {
  std::unordered_map<std::string, std::size_t> out;
  out.reserve(values.size());
  for (std::size_t k = 0; k < values.size(); ++k)
    out.emplace(key_in_unit(values[k]), k);
  return out;
}

}  // namespace

ValueTable::ValueTable(std::vector<Value> values) : size_(values.size()) {
  auto slots = std::make_shared<Slots>();
  std::vector<std::vector<Value>> grouped;
  std::size_t slot = 0;
  const std::string* unit_before = nullptr;  // stored values come unit by unit, mostly
  for (Value& v : values) {
    if (!unit_before || v.unit != *unit_before) {
      slot = slots->try_emplace(v.unit, grouped.size()).first->second;
      if (slot == grouped.size())
        grouped.emplace_back();
    }
    grouped[slot].push_back(std::move(v));
    unit_before = &grouped[slot].back().unit;
  }
  units_.reserve(grouped.size());
  for (auto& g : grouped)
    units_.push_back(std::make_shared<const std::vector<Value>>(std::move(g)));
  slot_of_ = std::move(slots);
}

ValueTable ValueTable::with(std::span<const CellWrite> writes) const {
  ValueTable next = *this;       // shares every unit's values
  std::shared_ptr<Slots> grown;  // set when a write brings a new unit
  std::unordered_map<std::size_t, std::vector<const CellWrite*>> by_slot;  // in order
  for (const CellWrite& w : writes) {
    const Slots& slots = grown ? *grown : *next.slot_of_;
    auto found = slots.find(w.value.unit);
    if (found == slots.end()) {
      if (w.removed)
        continue;
      if (!grown)
        grown = std::make_shared<Slots>(*next.slot_of_);
      found = grown->emplace(w.value.unit, next.units_.size()).first;
      next.units_.push_back(std::make_shared<const std::vector<Value>>());
    }
    by_slot[found->second].push_back(&w);
  }
  for (const auto& [slot, unit_writes] : by_slot) {
    std::vector<Value> values = *next.units_[slot];
    std::vector<bool> gone(values.size());
    // A unit written many times at once (an import) finds its cells by key;
    // a few writes look along the unit's values.
    const bool indexed = unit_writes.size() > kLookAlongAtMost;
    auto place = indexed ? places_of(values) : std::unordered_map<std::string, std::size_t>{};
    auto locate = [&](const Value& cell) -> std::optional<std::size_t> {
      if (indexed) {
        const auto it = place.find(key_in_unit(cell));
        return it == place.end() ? std::nullopt : std::optional(it->second);
      }
      for (std::size_t k = 0; k < values.size(); ++k)
        if (!gone[k] && same_cell(values[k], cell))
          return k;
      return std::nullopt;
    };
    for (const CellWrite* w : unit_writes) {
      const auto at = locate(w->value);
      if (w->removed) {
        if (at) {
          gone[*at] = true;
          if (indexed)
            place.erase(key_in_unit(w->value));
          --next.size_;
        }
      } else if (at) {
        values[*at] = w->value;
      } else {  // a new cell, or one deleted and written again: last, as a new row is
        if (indexed)
          place.emplace(key_in_unit(w->value), values.size());
        values.push_back(w->value);
        gone.push_back(false);
        ++next.size_;
      }
    }
    std::size_t kept = 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (gone[k])
        continue;
      if (kept != k)
        values[kept] = std::move(values[k]);
      ++kept;
    }
    values.resize(kept);
    next.units_[slot] = std::make_shared<const std::vector<Value>>(std::move(values));
  }
  if (grown)
    next.slot_of_ = std::move(grown);
  return next;
}

std::vector<const Value*> ValueTable::find(std::span<const Value> cells) const {
  std::vector<const Value*> out(cells.size());
  std::unordered_map<std::string_view, std::vector<std::size_t>> asked;  // unit -> cells
  for (std::size_t k = 0; k < cells.size(); ++k)
    asked[cells[k].unit].push_back(k);
  for (const auto& [unit, which] : asked) {
    if (which.size() <= kLookAlongAtMost) {
      for (std::size_t k : which)
        out[k] = find(cells[k].indicator, unit, cells[k].period, cells[k].kind);
      continue;
    }
    const auto values = of_unit(unit);
    const auto place = places_of(values);
    for (std::size_t k : which)
      if (const auto it = place.find(key_in_unit(cells[k])); it != place.end())
        out[k] = &values[it->second];
  }
  return out;
}

std::span<const Value> ValueTable::of_unit(std::string_view unit) const {
  const auto it = slot_of_->find(unit);
  if (it == slot_of_->end())
    return {};
  return *units_[it->second];
}

const Value* ValueTable::find(std::string_view indicator, std::string_view unit,
                              std::string_view period, ValueKind kind) const {
  for (const Value& v : of_unit(unit))
    if (v.indicator == indicator && v.period == period && v.kind == kind)
      return &v;
  return nullptr;
}

}  // namespace mandate::core
