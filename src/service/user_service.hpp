#pragma once
// Accounts as an administrator manages them (docs/api.md, "Users"): the list,
// one account, creating, changing, resetting a password, lifting a lockout.
// An administrator acts only on accounts whose unit is inside their own scope
// and never gives a unit outside it; they cannot change their own role or
// unit or switch themselves off, and the root unit always keeps an active
// administrator. Every change is audited (entity "user"), never a password.
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/unit_tree.hpp"
#include "service/auth_service.hpp"
#include "service/value_service.hpp"
#include "store/store.hpp"

namespace mandate::service {

// The account as the API shows it: no password hash, no failure count.
// `locked` says whether a lockout is running at `now`.
boost::json::object user_json(const store::UserRecord& u, const std::string& now);
// Changes exactly when an administrator-visible field does.
std::string user_etag(const store::UserRecord& u);

struct UserFilter {
  std::string unit;  // the unit's subtree; empty: the whole scope
  std::optional<core::Role> role;
  std::string text;  // in the user name, display name or e-mail, ignoring case and accents
};
// The accounts in the actor's scope that match, by user name. Only administrators.
std::vector<store::UserRecord> list_users(store::Store& store, const core::UnitTree& tree,
                                          const Actor& actor, const UserFilter& filter);
// not_found "user.unknown"; permission when outside the actor's scope.
store::UserRecord find_user_in_scope(store::Store& store, const core::UnitTree& tree,
                                     const Actor& actor, const std::string& username);

struct NewUser {
  std::string username, display_name, unit;
  core::Role role = core::Role::viewer;
  std::string email, language, password;
};
// conflict "user.exists" when the name is taken.
store::UserRecord create_user(store::Store& store, const AuthService& auth,
                              const core::UnitTree& tree, const Actor& actor, const NewUser& user);

// What an update changes; a field left out keeps its value.
struct UserChange {
  std::optional<std::string> display_name, unit, email, language;
  std::optional<core::Role> role;
  std::optional<bool> active;
};
// if_match must be the account's current ETag, else StaleRecord (412).
store::UserRecord update_user(store::Store& store, const core::UnitTree& tree, const Actor& actor,
                              const std::string& username, const UserChange& change,
                              const std::string& if_match);
// Sets a new password (by policy) and signs the user out everywhere. Not for
// one's own account: that is /auth/password, which asks for the old one.
void reset_password(store::Store& store, const AuthService& auth, const core::UnitTree& tree,
                    const Actor& actor, const std::string& username, const std::string& password);
// Clears the lockout and the failure count.
store::UserRecord unlock_user(store::Store& store, const core::UnitTree& tree, const Actor& actor,
                              const std::string& username);

}  // namespace mandate::service
