#pragma once
// Restructuring of the unit map (sáp nhập, chia tách, đổi tên, điều chỉnh địa
// giới, giải thể): what happened, to which units, from which date, by which
// decision. The events are the record of the change; the units carry their
// own validity dates.
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace mandate::core {

enum class UnitChangeKind {
  merge,     // from: two or more units, to: the one unit they become
  split,     // from: one unit, to: two or more, with the share each takes
  rename,    // from: one unit, newName
  move,      // from: one or more units, newParent
  dissolve,  // from: one or more units; to: at most one unit that takes over their data
};
std::string_view unit_change_kind_name(UnitChangeKind k);
UnitChangeKind parse_unit_change_kind(std::string_view s);

struct UnitChange {
  std::string code;
  UnitChangeKind kind = UnitChangeKind::merge;
  Date effective{};  // first day of the new arrangement
  std::vector<std::string> from;
  std::vector<std::string> to;
  std::vector<double> shares;  // split: one per `to`, each in (0, 1], summing to 1; else empty
  std::string new_name;        // rename
  std::string new_parent;      // move
  std::string document;        // the decision, a document code (may be empty)
  std::string note;
  bool illustrative = false;
};

// The shape of the event on its own: how many units on each side, shares,
// names. References are checked with the whole data set (validate_dataset).
// Throws Error(invalid_input) with the offending field.
void validate_unit_change(const UnitChange& c);

}  // namespace mandate::core
