#include "core/analytics/hierarchy.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace mandate::core::analytics {

std::int32_t effective_month(Date d) {
  std::int32_t m = static_cast<int>(d.year()) * 12 + static_cast<int>(unsigned(d.month())) - 1;
  return unsigned(d.day()) == 1 ? m : m + 1;
}

Hierarchy::Hierarchy(const std::vector<Unit>& units, const std::vector<Restructuring>& changes) {
  codes_.reserve(units.size());
  by_code_.reserve(units.size());
  for (const Unit& u : units) {
    if (u.code.empty())
      throw invalid_input("unit.code_empty", {u.name});
    if (!by_code_.emplace(u.code, static_cast<UnitId>(codes_.size())).second)
      throw invalid_input("unit.duplicate", {u.code});
    codes_.push_back(u.code);
  }
  parents_.resize(units.size());
  children_.resize(units.size());
  auto need = [&](const std::string& code) {
    auto id = find(code);
    if (!id)
      throw not_found("unit.not_found", {code});
    return *id;
  };
  // Units that come into being with a change: they roll up from their validFrom.
  born_.assign(units.size(), false);
  auto& born = born_;
  for (const auto& c : changes)
    if (c.kind == Restructuring::Kind::merge || c.kind == Restructuring::Kind::split ||
        c.kind == Restructuring::Kind::dissolve)
      for (const auto& code : c.to) {
        const UnitId s = need(code);
        if (units[s].valid_from && *units[s].valid_from >= c.effective)
          born[s] = true;
      }
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].parent_code.empty())
      continue;
    auto p = find(units[i].parent_code);
    if (!p)
      throw invalid_input("unit.parent_unknown", {units[i].code, units[i].parent_code});
    parents_[i].push_back(
        Relation{*p, born[i] ? effective_month(*units[i].valid_from) : kMonthMin, kMonthMax});
  }
  depth_.assign(units.size(), 0);

  // Apply the changes in date order; a later change of the same unit wins.
  std::vector<const Restructuring*> ordered;
  for (const auto& c : changes)
    ordered.push_back(&c);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](auto* a, auto* b) { return a->effective < b->effective; });
  for (const Restructuring* c : ordered) {
    const std::int32_t month = effective_month(c->effective);
    // The successors and the share of each.
    std::vector<std::pair<UnitId, double>> into;
    switch (c->kind) {
      case Restructuring::Kind::rename:
        continue;
      case Restructuring::Kind::split:
        if (c->to.size() < 2)
          throw invalid_input("unit_change.count", {"to", "2", "…"});
        if (c->shares.size() != c->to.size())
          throw invalid_input("unit_change.shares_count", {std::to_string(c->to.size())});
        for (std::size_t k = 0; k < c->to.size(); ++k)
          into.emplace_back(need(c->to[k]), c->shares[k]);
        break;
      case Restructuring::Kind::merge:
        if (c->to.size() != 1)
          throw invalid_input("unit_change.count", {"to", "1", "1"});
        into.emplace_back(need(c->to[0]), 1.0);
        break;
      case Restructuring::Kind::move:
        if (!c->new_parent.empty())
          into.emplace_back(need(c->new_parent), 1.0);
        else if (c->to.size() == 1)
          into.emplace_back(need(c->to[0]), 1.0);
        else
          throw invalid_input("unit_change.new_parent_missing", {});
        break;
      case Restructuring::Kind::dissolve:
        if (!c->to.empty())
          into.emplace_back(need(c->to[0]), 1.0);
        break;
    }
    const bool takes_history = c->kind != Restructuring::Kind::move;
    for (const auto& code : c->from) {
      const UnitId u = need(code);
      end_parents_at(u, month);
      for (const auto& [successor, share] : into)
        add_parent(u, Relation{successor, takes_history && born[successor] ? kMonthMin : month,
                               kMonthMax, share});
    }
  }

  // Depth in the tree as given: follow the first (original) parent link.
  for (std::size_t i = 0; i < units.size(); ++i) {
    unsigned d = 0;
    for (auto p = find(units[i].parent_code); p && d <= units.size();
         p = find(units[*p].parent_code))
      ++d;
    depth_[i] = d;
  }
  link_children_and_order();
}

std::optional<UnitId> Hierarchy::find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  if (it == by_code_.end())
    return std::nullopt;
  return it->second;
}

void Hierarchy::end_parents_at(UnitId u, std::int32_t month) {
  auto& rels = parents_[u];
  std::erase_if(rels, [&](const Relation& r) { return r.from >= month; });
  for (Relation& r : rels)
    r.to = std::min(r.to, month);
}

void Hierarchy::add_parent(UnitId u, Relation r) {
  if (r.unit == u)
    throw invalid_input("unit.cycle", {codes_[u]});
  for (Relation& old : parents_[u])
    if (old.unit == r.unit && old.share == r.share && old.to == r.from) {
      old.to = r.to;  // a "change" to the same parent changes nothing
      return;
    }
  parents_[u].push_back(r);
}

void Hierarchy::link_children_and_order() {
  std::vector<std::uint32_t> pending(size(), 0);  // children not yet placed
  for (UnitId u = 0; u < size(); ++u)
    for (const Relation& r : parents_[u]) {
      children_[r.unit].push_back(Relation{u, r.from, r.to, r.share});
      ++pending[r.unit];
    }
  has_parts_.assign(size(), false);
  for (UnitId u = 0; u < size(); ++u)
    has_parts_[u] = !children_[u].empty();
  // Kahn's algorithm from the leaves up; a loop leaves units unplaced.
  bottom_up_.reserve(size());
  for (UnitId u = 0; u < size(); ++u)
    if (pending[u] == 0)
      bottom_up_.push_back(u);
  for (std::size_t i = 0; i < bottom_up_.size(); ++i)
    for (const Relation& r : parents_[bottom_up_[i]])
      if (--pending[r.unit] == 0)
        bottom_up_.push_back(r.unit);
  if (bottom_up_.size() != size()) {
    for (UnitId u = 0; u < size(); ++u)
      if (pending[u] != 0)
        throw invalid_input("unit.cycle", {codes_[u]});
  }
  // Breadth first from the units that roll into none; a unit that moved is
  // placed with the first parent that reaches it.
  constexpr std::uint32_t kUnplaced = 0xffff'ffffu;
  layout_rank_.assign(size(), kUnplaced);
  std::vector<UnitId> queue;
  queue.reserve(size());
  for (UnitId u = 0; u < size(); ++u)
    if (parents_[u].empty())
      queue.push_back(u);
  for (std::size_t i = 0; i < queue.size(); ++i) {
    layout_rank_[queue[i]] = static_cast<std::uint32_t>(i);
    for (const Relation& r : children_[queue[i]])
      if (layout_rank_[r.unit] == kUnplaced) {
        layout_rank_[r.unit] = kUnplaced - 1;  // queued
        queue.push_back(r.unit);
      }
  }
  // Every unit has a root above it (no cycles), but be total: any left over
  // take the ranks after the queue's, still one per unit.
  auto next_rank = static_cast<std::uint32_t>(queue.size());
  for (UnitId u = 0; u < size(); ++u)
    if (layout_rank_[u] >= kUnplaced - 1)
      layout_rank_[u] = next_rank++;
}

std::size_t Hierarchy::memory_bytes() const {
  std::size_t n = codes_.capacity() * sizeof(std::string) + bottom_up_.capacity() * 4 +
                  depth_.capacity() * sizeof(unsigned) + layout_rank_.capacity() * 4 +
                  has_parts_.capacity() / 8 + born_.capacity() / 8 +
                  by_code_.bucket_count() * sizeof(void*) +
                  by_code_.size() * (sizeof(std::string) + 32);
  for (const auto& c : codes_)
    if (c.capacity() > 15)
      n += c.capacity();
  for (UnitId u = 0; u < size(); ++u)
    n += sizeof(std::vector<Relation>) * 2 +
         (parents_[u].capacity() + children_[u].capacity()) * sizeof(Relation);
  return n;
}

}  // namespace mandate::core::analytics
