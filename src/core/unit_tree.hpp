#pragma once
// The hierarchy of units, built once from a list and then queried.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/unit.hpp"

namespace mandate::core {

class UnitTree {
 public:
  UnitTree() = default;
  // Validates: codes unique and non-empty, every parent exists, no cycles.
  // Throws Error(invalid_input) naming the offending unit.
  explicit UnitTree(std::vector<Unit> units);

  const std::vector<Unit>& units() const { return units_; }
  const Unit* find_by_code(std::string_view code) const;
  // Matches the full name, or the name without its type word ("Vĩnh Trại" for
  // "Phường Vĩnh Trại"), ignoring case and Unicode normal form.
  std::vector<const Unit*> find_by_name(std::string_view name) const;
  // Code first, then name. Throws not_found ("unit.not_found") or
  // invalid_input ("unit.ambiguous") listing the candidates.
  const Unit& resolve(std::string_view code_or_name) const;

  std::vector<const Unit*> children(std::string_view code) const;
  // Nearest first, the unit itself excluded.
  std::vector<const Unit*> ancestors(std::string_view code) const;
  // Depth-first, the unit itself excluded.
  std::vector<const Unit*> descendants(std::string_view code) const;
  bool is_within(std::string_view code, std::string_view root_code) const;  // root itself counts
  // The unit and its bodies (committees, departments; see is_body_type) below it.
  std::vector<const Unit*> own_bodies(std::string_view code) const;

 private:
  const Unit& at(std::string_view code) const;
  std::vector<Unit> units_;
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_map<std::string, std::vector<size_t>> children_;
};

}  // namespace mandate::core
