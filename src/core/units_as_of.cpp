#include "core/units_as_of.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <unordered_map>

#include "core/unit_tree.hpp"

namespace mandate::core {
namespace {

std::vector<const UnitChange*> by_date(const std::vector<UnitChange>& changes) {
  std::vector<const UnitChange*> out;
  for (const auto& c : changes)
    out.push_back(&c);
  std::stable_sort(out.begin(), out.end(), [](const UnitChange* a, const UnitChange* b) {
    return a->effective < b->effective;
  });
  return out;
}

}  // namespace

std::vector<Unit> units_as_of(const std::vector<Unit>& units,
                              const std::vector<UnitChange>& changes, Date day) {
  std::unordered_map<std::string, Unit> as_of;
  for (const auto& u : units)
    as_of.emplace(u.code, u);
  for (const UnitChange* c : by_date(changes)) {
    if (c->effective > day)
      break;
    for (const auto& code : c->from) {
      auto it = as_of.find(code);
      if (it == as_of.end())
        continue;
      if (c->kind == UnitChangeKind::move)
        it->second.parent_code = c->new_parent;
      else if (c->kind == UnitChangeKind::rename)
        it->second.name = c->new_name;
    }
  }
  std::vector<Unit> out;
  for (const auto& u : units) {
    if (!u.valid_on(day))
      continue;
    Unit unit = as_of.at(u.code);
    // Up past parents gone by that day; the step count guards against a
    // cycle in data that skipped validation.
    for (size_t steps = 0; !unit.parent_code.empty() && steps < units.size(); ++steps) {
      auto parent = as_of.find(unit.parent_code);
      if (parent == as_of.end() || parent->second.valid_on(day))
        break;
      unit.parent_code = parent->second.parent_code;
    }
    out.push_back(std::move(unit));
  }
  return out;
}

UnitTreesAsOf::UnitTreesAsOf(const std::vector<Unit>& units, const std::vector<UnitChange>& changes,
                             const UnitTree* stored)
    : units_(units),
      changes_(changes),
      stored_(stored && changes.empty() && stored->units().size() == units.size() ? stored
                                                                                  : nullptr),
      all_valid_from_(std::chrono::year::min() / 1 / 1),
      all_valid_to_(std::chrono::year::max() / 12 / 31) {
  for (const auto& u : units) {
    if (u.valid_from)
      all_valid_from_ = std::max(all_valid_from_, *u.valid_from);
    if (u.valid_to)
      all_valid_to_ = std::min(all_valid_to_, *u.valid_to);
  }
}

const UnitTree& UnitTreesAsOf::at(Date day) {
  if (stored_ && all_valid_from_ <= day && day <= all_valid_to_)
    return *stored_;
  if (starts_.empty()) {
    for (const auto& c : changes_)
      starts_.push_back(c.effective);
    for (const auto& u : units_) {
      if (u.valid_from)
        starts_.push_back(*u.valid_from);
      if (u.valid_to)
        starts_.push_back(std::chrono::sys_days(*u.valid_to) + std::chrono::days(1));
    }
    std::sort(starts_.begin(), starts_.end());
  }
  const auto arrangement =
      static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), day) - starts_.begin());
  auto it = built_.find(arrangement);
  if (it == built_.end())
    it = built_.emplace(arrangement, UnitTree(units_as_of(units_, changes_, day))).first;
  return it->second;
}

std::vector<const UnitChange*> changes_within(const std::vector<Unit>& units,
                                              const std::vector<UnitChange>& changes,
                                              const std::string& unit, Date first, Date last) {
  std::vector<const UnitChange*> out;
  for (const UnitChange* c : by_date(changes)) {
    if (c->effective <= first || c->effective > last)
      continue;
    const Date before = std::chrono::sys_days(c->effective) - std::chrono::days(1);
    std::vector<std::string> touched = c->from;
    touched.insert(touched.end(), c->to.begin(), c->to.end());
    if (!c->new_parent.empty())
      touched.push_back(c->new_parent);
    const bool within = std::ranges::any_of(std::array{before, c->effective}, [&](Date day) {
      const UnitTree tree(units_as_of(units, changes, day));
      if (!tree.find_by_code(unit))
        return false;
      return std::ranges::any_of(touched, [&](const std::string& code) {
        return tree.find_by_code(code) && tree.is_within(code, unit);
      });
    });
    if (within)
      out.push_back(c);
  }
  return out;
}

}  // namespace mandate::core
