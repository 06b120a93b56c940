#include "core/access.hpp"

#include "core/enum_table.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<Role, 5> kRoles{{{{Role::admin, "admin"},
                                      {Role::planner, "planner"},
                                      {Role::reporter, "reporter"},
                                      {Role::approver, "approver"},
                                      {Role::viewer, "viewer"}}},
                                    "role.invalid"};
constexpr EnumTable<Action, 5> kActions{{{{Action::read, "read"},
                                          {Action::enter_values, "enter_values"},
                                          {Action::approve, "approve"},
                                          {Action::plan, "plan"},
                                          {Action::administer, "administer"}}},
                                        "action.invalid"};
}  // namespace

std::string_view role_name(Role r) {
  return kRoles.name(r);
}
Role parse_role(std::string_view s) {
  return kRoles.parse(s);
}
std::string_view action_name(Action a) {
  return kActions.name(a);
}

bool role_allows(Role role, Action action) {
  switch (action) {
    case Action::read:
      return true;
    case Action::enter_values:
      return role != Role::viewer;
    case Action::approve:
      return role == Role::approver || role == Role::admin;
    case Action::plan:
      return role == Role::planner || role == Role::admin;
    case Action::administer:
      return role == Role::admin;
  }
  return false;
}

bool may(const Principal& p, Action action, std::string_view unit_code, const UnitTree& tree) {
  if (!role_allows(p.role, action))
    return false;
  if (!tree.find_by_code(unit_code) || !tree.find_by_code(p.unit))
    return false;
  return tree.is_within(unit_code, p.unit);
}

void require(const Principal& p, Action action, std::string_view unit_code, const UnitTree& tree) {
  if (!may(p, action, unit_code, tree))
    throw Error(ErrorCategory::permission, "access.denied." + std::string(action_name(action)),
                {p.username, std::string(unit_code)});
}

}  // namespace mandate::core
