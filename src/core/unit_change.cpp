#include "core/unit_change.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/enum_table.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<UnitChangeKind, 5> kKinds{{{{UnitChangeKind::merge, "merge"},
                                                {UnitChangeKind::split, "split"},
                                                {UnitChangeKind::rename, "rename"},
                                                {UnitChangeKind::move, "move"},
                                                {UnitChangeKind::dissolve, "dissolve"}}},
                                              "unit_change.kind_invalid"};

void require_count(const std::vector<std::string>& units, size_t min, size_t max,
                   std::string_view field) {
  if (units.size() < min || units.size() > max)
    throw invalid_input(
        "unit_change.count",
        {std::string(field), std::to_string(min), max == SIZE_MAX ? "∞" : std::to_string(max)},
        std::string(field));
}
}  // namespace

std::string_view unit_change_kind_name(UnitChangeKind k) {
  return kKinds.name(k);
}
UnitChangeKind parse_unit_change_kind(std::string_view s) {
  return kKinds.parse(s);
}

void validate_unit_change(const UnitChange& c) {
  switch (c.kind) {
    case UnitChangeKind::merge:
      require_count(c.from, 2, SIZE_MAX, "from");
      require_count(c.to, 1, 1, "to");
      break;
    case UnitChangeKind::split:
      require_count(c.from, 1, 1, "from");
      require_count(c.to, 2, SIZE_MAX, "to");
      break;
    case UnitChangeKind::rename:
      require_count(c.from, 1, 1, "from");
      require_count(c.to, 0, 0, "to");
      if (c.new_name.empty())
        throw invalid_input("unit_change.new_name_missing", {}, "newName");
      break;
    case UnitChangeKind::move:
      require_count(c.from, 1, SIZE_MAX, "from");
      require_count(c.to, 0, 0, "to");
      if (c.new_parent.empty())
        throw invalid_input("unit_change.new_parent_missing", {}, "newParent");
      break;
    case UnitChangeKind::dissolve:
      require_count(c.from, 1, SIZE_MAX, "from");
      require_count(c.to, 0, 1, "to");
      break;
  }
  if (c.kind != UnitChangeKind::rename && !c.new_name.empty())
    throw invalid_input("unit_change.field_not_allowed", {"newName"}, "newName");
  if (c.kind != UnitChangeKind::move && !c.new_parent.empty())
    throw invalid_input("unit_change.field_not_allowed", {"newParent"}, "newParent");

  std::set<std::string> seen;
  for (const auto* side : {&c.from, &c.to})
    for (const auto& u : *side)
      if (!seen.insert(u).second)
        throw invalid_input("unit_change.unit_twice", {u}, side == &c.from ? "from" : "to");

  if (c.kind != UnitChangeKind::split) {
    if (!c.shares.empty())
      throw invalid_input("unit_change.field_not_allowed", {"shares"}, "shares");
    return;
  }
  if (c.shares.size() != c.to.size())
    throw invalid_input("unit_change.shares_count", {std::to_string(c.to.size())}, "shares");
  double sum = 0;
  for (double s : c.shares) {
    if (!std::isfinite(s) || s <= 0 || s > 1)
      throw invalid_input("unit_change.share_range", {}, "shares");
    sum += s;
  }
  if (std::abs(sum - 1) > 1e-9)
    throw invalid_input("unit_change.shares_sum", {}, "shares");
}

}  // namespace mandate::core
