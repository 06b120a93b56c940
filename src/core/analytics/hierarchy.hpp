#pragma once
// The unit hierarchy as the analytics engine sees it: dense unit ids, and for
// each unit its parents over time. A restructuring (merge, split, move,
// dissolve) ends one parent relation at its effective month and starts the
// next, so a unit's data rolls into its old parent before that month and into
// the new one from it. A successor that comes into being with the change takes
// the history of the units it replaces (see Hierarchy).
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.hpp"
#include "core/unit.hpp"

namespace mandate::core::analytics {

using UnitId = std::uint32_t;

// A dated restructuring event, shaped like the store's unit changes:
//   merge:    from (1+ units) become part of to[0], the successor
//   split:    from (one unit) is shared among to (2+ units) by `shares`
//   move:     from (1+ units) move under new_parent (or to[0])
//   dissolve: from (1+ units) roll into to[0] when given, else into nothing
//   rename:   no effect on figures (codes are stable)
struct Restructuring {
  enum class Kind { merge, split, move, rename, dissolve };
  Kind kind = Kind::merge;
  Date effective{};  // first day of the new arrangement
  std::vector<std::string> from;
  std::vector<std::string> to;
  std::string new_parent;
  std::vector<double> shares;  // split: one per `to`, summing to 1
};

// Months are counted as year * 12 + (month - 1).
inline constexpr std::int32_t kMonthMin = std::numeric_limits<std::int32_t>::min();
inline constexpr std::int32_t kMonthMax = std::numeric_limits<std::int32_t>::max();

// One side of a parent-child link, valid for months [from, to). A split
// unit is part of each successor by its share: amounts and stocks count that
// fraction (see share_of in cell.hpp).
struct Relation {
  UnitId unit;
  std::int32_t from = kMonthMin;
  std::int32_t to = kMonthMax;
  double share = 1;

  bool overlaps(std::int32_t first, std::int32_t last) const { return from <= last && first < to; }
  bool covers(std::int32_t first, std::int32_t last) const { return from <= first && last < to; }
};

class Hierarchy {
 public:
  // A successor of a merge, split or dissolve that comes into being with it
  // (its validFrom is on or after the change's date) is a new unit: the
  // replaced units are its parts for all time, so its figures for earlier
  // periods and its term totals include their data, and it rolls into its
  // own parent only from its validFrom, so the old parents keep that history
  // without counting it twice. An existing successor takes the units over
  // from the change on. Throws Error(not_found, "unit.not_found") for an
  // unknown code, invalid_input "unit.duplicate", "unit.parent_unknown",
  // "unit.cycle" (the links over all time must not loop),
  // "unit_change.count" / "unit_change.shares_count" for a malformed change.
  Hierarchy(const std::vector<Unit>& units, const std::vector<Restructuring>& changes);

  std::size_t size() const { return codes_.size(); }
  std::optional<UnitId> find(std::string_view code) const;
  const std::string& code(UnitId u) const { return codes_[u]; }
  std::span<const Relation> parents(UnitId u) const { return parents_[u]; }
  std::span<const Relation> children(UnitId u) const { return children_[u]; }
  // Whether any unit ever rolls into u: a packed bit, for the read paths that
  // ask it of many scattered units.
  bool has_parts(UnitId u) const { return has_parts_[u]; }
  // Every unit, each after all the units that ever roll into it.
  const std::vector<UnitId>& bottom_up() const { return bottom_up_; }
  // Place of u in an order that keeps the children of each unit together
  // (breadth first from the roots): the bulk load lays series out in it, so a
  // read of one unit's children touches adjacent memory.
  std::uint32_t layout_rank(UnitId u) const { return layout_rank_[u]; }
  // Whether u came into being with a merge, split or dissolve into it (see
  // the constructor): its figures put together from shorter periods add its
  // predecessors' data of the months before it existed.
  bool born(UnitId u) const { return born_[u]; }
  // Depth in the tree as given (roots 0), before any restructuring.
  unsigned depth(UnitId u) const { return depth_[u]; }
  std::size_t memory_bytes() const;

 private:
  // Ends every relation of u to a parent at `month`.
  void end_parents_at(UnitId u, std::int32_t month);
  void add_parent(UnitId u, Relation r);
  void link_children_and_order();

  std::vector<std::string> codes_;
  std::unordered_map<std::string, UnitId> by_code_;
  std::vector<std::vector<Relation>> parents_;
  std::vector<bool> born_;
  std::vector<std::vector<Relation>> children_;
  std::vector<bool> has_parts_;
  std::vector<UnitId> bottom_up_;
  std::vector<unsigned> depth_;
  std::vector<std::uint32_t> layout_rank_;
};

// The month a change takes effect: the month of its date when that is the
// first day, else the next month (figures are kept per month at the finest).
std::int32_t effective_month(Date d);

}  // namespace mandate::core::analytics
