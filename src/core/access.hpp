#pragma once
// Who may do what, where. A user belongs to a unit and has one role; the role
// applies to that unit and everything below it. This is the only place the
// rules are written; the service layer asks it before every read and write.
#include <string>
#include <string_view>

#include "core/unit_tree.hpp"

namespace mandate::core {

enum class Role { admin, planner, reporter, approver, viewer };
std::string_view role_name(Role r);
Role parse_role(std::string_view s);

enum class Action {
  read,          // see data of units in scope
  enter_values,  // enter and change values, task progress, activities, documents
  approve,       // approve and reopen submitted data
  plan,          // change the plan: indicators, targets, tasks, rating scales, units
  administer,    // manage users and tokens, read the audit log
};
std::string_view action_name(Action a);

struct Principal {
  std::string username;
  std::string unit;  // unit code: the root of the scope
  Role role = Role::viewer;
};

// Whether the role allows the action at all (before scope).
bool role_allows(Role role, Action action);
// Whether principal may perform action on unit_code (within its subtree).
bool may(const Principal& p, Action action, std::string_view unit_code, const UnitTree& tree);
// Throws Error(permission, "access.denied.<action>") naming the user and unit.
void require(const Principal& p, Action action, std::string_view unit_code, const UnitTree& tree);

}  // namespace mandate::core
