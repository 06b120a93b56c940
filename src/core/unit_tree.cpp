#include "core/unit_tree.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/error.hpp"
#include "core/text.hpp"

namespace mandate::core {
namespace {

// The leading type word of a unit name ("Phường", "Xã", "Thành phố"), compared
// after case folding. These are data about Vietnamese names, kept in the
// catalog so no Vietnamese text lives in code.
std::string strip_type_word(const std::string& folded) {
  for (const std::string_view key :
       {"unit.prefix.city", "unit.prefix.ward", "unit.prefix.commune", "unit.prefix.province",
        "unit.prefix.district", "unit.prefix.urban_district", "unit.prefix.town"}) {
    const std::string prefix = fold_case(tr(Lang::vi, key)) + " ";
    if (folded.size() > prefix.size() && folded.compare(0, prefix.size(), prefix) == 0)
      return folded.substr(prefix.size());
  }
  return folded;
}

}  // namespace

UnitTree::UnitTree(std::vector<Unit> units) : units_(std::move(units)) {
  for (size_t i = 0; i < units_.size(); ++i) {
    const auto& u = units_[i];
    if (u.code.empty())
      throw invalid_input("unit.code_empty", {u.name});
    if (!by_code_.emplace(u.code, i).second)
      throw invalid_input("unit.duplicate", {u.code});
  }
  for (size_t i = 0; i < units_.size(); ++i) {
    const auto& u = units_[i];
    if (u.parent_code.empty())
      continue;
    if (!by_code_.contains(u.parent_code))
      throw invalid_input("unit.parent_unknown", {u.code, u.parent_code});
    children_[u.parent_code].push_back(i);
  }
  // A cycle shows as a walk up the parents that never reaches a root.
  for (const auto& u : units_) {
    std::unordered_set<std::string_view> seen{u.code};
    for (const Unit* p = &u; !p->parent_code.empty();) {
      p = &units_[by_code_.at(p->parent_code)];
      if (!seen.insert(p->code).second)
        throw invalid_input("unit.cycle", {u.code});
    }
  }
}

const Unit* UnitTree::find_by_code(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &units_[it->second];
}

const Unit& UnitTree::at(std::string_view code) const {
  const Unit* u = find_by_code(code);
  if (!u)
    throw not_found("unit.not_found", {std::string(code)});
  return *u;
}

std::vector<const Unit*> UnitTree::find_by_name(std::string_view name) const {
  const std::string wanted = fold_case(collapse_spaces(name));
  std::vector<const Unit*> exact, short_form;
  for (const auto& u : units_) {
    const std::string folded = fold_case(u.name);
    if (folded == wanted)
      exact.push_back(&u);
    else if (strip_type_word(folded) == wanted)
      short_form.push_back(&u);
  }
  return exact.empty() ? short_form : exact;
}

const Unit& UnitTree::resolve(std::string_view code_or_name) const {
  if (const Unit* u = find_by_code(code_or_name))
    return *u;
  auto found = find_by_name(code_or_name);
  if (found.size() == 1)
    return *found.front();
  if (found.empty())
    throw not_found("unit.not_found", {std::string(code_or_name)});
  std::string candidates;
  for (const Unit* u : found) {
    if (!candidates.empty())
      candidates += ", ";
    candidates += u->code + " (" + u->name + ")";
  }
  throw invalid_input("unit.ambiguous", {std::string(code_or_name), candidates});
}

std::vector<const Unit*> UnitTree::children(std::string_view code) const {
  std::vector<const Unit*> out;
  auto it = children_.find(std::string(at(code).code));
  if (it != children_.end())
    for (size_t i : it->second)
      out.push_back(&units_[i]);
  return out;
}

std::vector<const Unit*> UnitTree::ancestors(std::string_view code) const {
  std::vector<const Unit*> out;
  for (const Unit* u = &at(code); !u->parent_code.empty();) {
    u = &at(u->parent_code);
    out.push_back(u);
  }
  return out;
}

std::vector<const Unit*> UnitTree::descendants(std::string_view code) const {
  std::vector<const Unit*> out;
  std::vector<const Unit*> stack = children(code);
  std::reverse(stack.begin(), stack.end());
  while (!stack.empty()) {
    const Unit* u = stack.back();
    stack.pop_back();
    out.push_back(u);
    auto kids = children(u->code);
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  return out;
}

bool UnitTree::is_within(std::string_view code, std::string_view root_code) const {
  if (code == root_code)
    return true;
  for (const Unit* a : ancestors(code))
    if (a->code == root_code)
      return true;
  return false;
}

std::vector<const Unit*> UnitTree::own_bodies(std::string_view code) const {
  std::vector<const Unit*> out{&at(code)};
  for (size_t i = 0; i < out.size(); ++i)
    for (const Unit* child : children(out[i]->code))
      if (is_body_type(child->type))
        out.push_back(child);
  return out;
}

}  // namespace mandate::core
