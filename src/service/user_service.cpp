#include "service/user_service.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/json_writer.hpp"
#include "service/clock.hpp"
#include "service/etag.hpp"
#include "service/notification_service.hpp"
#include "service/record_service.hpp"

namespace mandate::service {
namespace {

namespace json = boost::json;
using core::Error;
using core::ErrorCategory;

bool locked_at(const store::UserRecord& u, const std::string& now) {
  return !u.locked_until.empty() && from_iso(u.locked_until) > from_iso(now);
}

// Only administrators manage accounts; the message names the actor's own unit.
void require_admin(const Actor& actor, const core::UnitTree& tree) {
  core::require(actor.principal, core::Action::administer, actor.principal.unit, tree);
}

// A unit named in a body must exist (400) before its scope is asked (403).
const core::Unit& known_unit(const core::UnitTree& tree, const std::string& code) {
  const core::Unit* u = tree.find_by_code(code);
  if (!u)
    throw core::invalid_input("user.unit_unknown", {code}, "unit");
  return *u;
}

bool root_admin(const store::UserRecord& u, const core::UnitTree& tree) {
  const core::Unit* unit = tree.find_by_code(u.unit);
  return u.active && u.role == core::Role::admin && unit && unit->parent_code.empty();
}

// The fields an update may change, as the audit records them.
json::object audited(const store::UserRecord& u) {
  return {{"displayName", u.display_name},   {"unit", u.unit},
          {"role", core::role_name(u.role)}, {"email", u.email},
          {"language", u.language},          {"active", u.active}};
}

void audit(store::StoreTransaction& tx, const Actor& actor, const std::string& action,
           const std::string& username, std::optional<std::string> before,
           std::optional<std::string> after) {
  tx.append_audit({0, actor.at, actor.principal.username, actor.address, action, "user", username,
                   std::move(before), std::move(after)});
}

}  // namespace

json::object user_json(const store::UserRecord& u, const std::string& now) {
  json::object o = audited(u);
  o.emplace("username", u.username);
  o["locked"] = locked_at(u, now);
  o["lockedUntil"] = u.locked_until.empty() ? json::value(nullptr) : json::value(u.locked_until);
  o["createdAt"] = u.created_at;
  o["passwordChangedAt"] = u.password_changed_at;
  return o;
}

std::string user_etag(const store::UserRecord& u) {
  json::object o = audited(u);
  o["username"] = u.username;
  o["lockedUntil"] = u.locked_until;
  o["passwordChangedAt"] = u.password_changed_at;
  return etag_of(io::compact_json(o));
}

std::vector<store::UserRecord> list_users(store::Store& store, const core::UnitTree& tree,
                                          const Actor& actor, const UserFilter& filter) {
  require_admin(actor, tree);
  if (!filter.unit.empty() && !tree.find_by_code(filter.unit))
    throw core::invalid_input("user.unit_unknown", {filter.unit}, "unit");
  const std::string text = core::fold_diacritics(filter.text);
  std::vector<store::UserRecord> out;
  for (auto& u : store.users()) {
    if (!core::may(actor.principal, core::Action::administer, u.unit, tree))
      continue;
    if (!filter.unit.empty() && !tree.is_within(u.unit, filter.unit))
      continue;
    if (filter.role && u.role != *filter.role)
      continue;
    if (!text.empty() &&
        core::fold_diacritics(u.username + "\n" + u.display_name + "\n" + u.email).find(text) ==
            std::string::npos)
      continue;
    out.push_back(std::move(u));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.username < b.username; });
  return out;
}

store::UserRecord find_user_in_scope(store::Store& store, const core::UnitTree& tree,
                                     const Actor& actor, const std::string& username) {
  require_admin(actor, tree);
  auto user = store.find_user(username);
  if (!user)
    throw core::not_found("user.unknown", {username});
  core::require(actor.principal, core::Action::administer, user->unit, tree);
  return *user;
}

store::UserRecord create_user(store::Store& store, const AuthService& auth,
                              const core::UnitTree& tree, const Actor& actor, const NewUser& user) {
  require_admin(actor, tree);
  store::UserRecord record;
  record.username = AuthService::valid_username(user.username);
  record.unit = known_unit(tree, user.unit).code;
  core::require(actor.principal, core::Action::administer, record.unit, tree);
  check_contact(user.email, user.language);
  auth.check_password_policy(user.password);
  if (store.find_user(record.username))
    throw Error(ErrorCategory::conflict, "user.exists", {record.username});
  record.display_name = core::collapse_spaces(user.display_name);
  record.role = user.role;
  record.email = user.email;
  record.language = user.language;
  record.password_hash = AuthService::hash_password(user.password);
  record.created_at = actor.at;
  record.password_changed_at = actor.at;
  auto tx = store.begin({actor.principal.username, actor.at});
  tx->put_user(record);
  audit(*tx, actor, "create", record.username, std::nullopt, io::compact_json(audited(record)));
  tx->commit();
  return record;
}

store::UserRecord update_user(store::Store& store, const core::UnitTree& tree, const Actor& actor,
                              const std::string& username, const UserChange& change,
                              const std::string& if_match) {
  store::UserRecord user = find_user_in_scope(store, tree, actor, username);
  if (if_match != user_etag(user))
    throw StaleRecord(io::compact_json(user_json(user, actor.at)), user_etag(user));
  const store::UserRecord before = user;
  if (change.display_name)
    user.display_name = core::collapse_spaces(*change.display_name);
  if (change.unit) {
    user.unit = known_unit(tree, *change.unit).code;
    core::require(actor.principal, core::Action::administer, user.unit, tree);
  }
  if (change.role)
    user.role = *change.role;
  if (change.active)
    user.active = *change.active;
  user.email = change.email.value_or(user.email);
  user.language = change.language.value_or(user.language);
  check_contact(user.email, user.language);
  // An administrator who demoted, moved or switched off themselves could lose
  // the very right to undo it.
  if (user.username == actor.principal.username &&
      (user.role != before.role || user.unit != before.unit || !user.active))
    throw Error(ErrorCategory::conflict, "user.self_change");
  if (root_admin(before, tree) && !root_admin(user, tree)) {
    const auto all = store.users();
    const bool another = std::any_of(all.begin(), all.end(), [&](const auto& u) {
      return u.username != user.username && root_admin(u, tree);
    });
    if (!another)
      throw Error(ErrorCategory::conflict, "user.last_root_admin", {user.unit});
  }
  auto tx = store.begin({actor.principal.username, actor.at});
  tx->put_user(user);
  audit(*tx, actor, "update", user.username, io::compact_json(audited(before)),
        io::compact_json(audited(user)));
  tx->commit();
  return user;
}

void reset_password(store::Store& store, const AuthService& auth, const core::UnitTree& tree,
                    const Actor& actor, const std::string& username, const std::string& password) {
  store::UserRecord user = find_user_in_scope(store, tree, actor, username);
  if (user.username == actor.principal.username)
    throw Error(ErrorCategory::conflict, "user.self_password");
  auth.check_password_policy(password);
  user.password_hash = AuthService::hash_password(password);
  user.password_changed_at = actor.at;
  auto tx = store.begin({actor.principal.username, actor.at});
  tx->put_user(user);
  tx->delete_sessions_of(user.username);
  audit(*tx, actor, "password_reset", user.username, std::nullopt, std::nullopt);
  tx->commit();
}

store::UserRecord unlock_user(store::Store& store, const core::UnitTree& tree, const Actor& actor,
                              const std::string& username) {
  store::UserRecord user = find_user_in_scope(store, tree, actor, username);
  const json::object before{{"lockedUntil", user.locked_until},
                            {"failedLogins", user.failed_logins}};
  user.locked_until.clear();
  user.failed_logins = 0;
  auto tx = store.begin({actor.principal.username, actor.at});
  tx->put_user(user);
  audit(*tx, actor, "unlock", user.username, io::compact_json(before), std::nullopt);
  tx->commit();
  return user;
}

}  // namespace mandate::service
