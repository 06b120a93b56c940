#include "service/auth_service.hpp"

#include <sodium.h>

#include <cmath>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/unit_tree.hpp"

namespace mandate::service {
namespace {

using core::Error;
using core::ErrorCategory;

void ensure_sodium() {
  // sodium_init is idempotent and thread-safe; it returns 1 when already done.
  if (sodium_init() < 0)
    throw Error(ErrorCategory::internal, "auth.crypto_unavailable");
}

std::string to_hex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

Error bad_credentials() {
  return Error(ErrorCategory::unauthenticated, "auth.bad_credentials");
}

}  // namespace

std::string secret_hash(const std::string& secret) {
  ensure_sodium();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
  return to_hex(out, sizeof out);
}

bool constant_time_equal(const std::string& a, const std::string& b) {
  ensure_sodium();
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_secret() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

std::optional<std::pair<std::string, std::string>> basic_credentials(std::string_view encoded) {
  ensure_sodium();
  while (!encoded.empty() && encoded.front() == ' ')
    encoded.remove_prefix(1);
  while (!encoded.empty() && encoded.back() == ' ')
    encoded.remove_suffix(1);
  std::string decoded(encoded.size(), '\0');
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(),
                        encoded.data(), encoded.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != encoded.data() + encoded.size())
    return std::nullopt;
  decoded.resize(length);
  const size_t colon = decoded.find(':');
  if (colon == std::string::npos || !core::is_valid_utf8(decoded))
    return std::nullopt;
  return std::make_pair(decoded.substr(0, colon), decoded.substr(colon + 1));
}

std::string AuthService::hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw Error(ErrorCategory::unavailable, "auth.crypto_unavailable");
  return out;
}

bool AuthService::verify_password(const std::string& hash, const std::string& password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

AuthService::AuthService(store::Store& store, Clock clock, AuthPolicy policy)
    : store_(store), clock_(std::move(clock)), policy_(policy) {}

void AuthService::check_password_policy(const std::string& password) const {
  if (!core::is_valid_utf8(password) || password.size() < policy_.min_password_length)
    throw core::invalid_input("auth.password_too_short",
                              {std::to_string(policy_.min_password_length)}, "password");
}

std::string AuthService::valid_username(const std::string& username) {
  const std::string name = core::collapse_spaces(core::to_nfc(username));
  if (name.empty() || name.size() > 64 || name.find(' ') != std::string::npos)
    throw core::invalid_input("auth.username_invalid", {username}, "username");
  return name;
}

store::UserRecord AuthService::verify_credentials(const std::string& username,
                                                  const std::string& password,
                                                  const std::string& address, TimePoint now) {
  const std::string now_text = to_iso(now);
  auto user = store_.find_user(username);
  if (!user || !user->active) {
    // Spend the same time as a real check, so timing does not tell which names exist.
    static const std::string dummy = hash_password("mandate-timing-equaliser");
    verify_password(dummy, password);
    auto tx = store_.begin({username, now_text});
    tx->append_audit({0, now_text, username, address, "login_failed", "session", "", {}, {}});
    tx->commit();
    throw bad_credentials();
  }
  if (!user->locked_until.empty() && from_iso(user->locked_until) > now) {
    const auto left =
        std::chrono::duration_cast<std::chrono::seconds>(from_iso(user->locked_until) - now);
    const long minutes = static_cast<long>(std::ceil(static_cast<double>(left.count()) / 60.0));
    throw Error(ErrorCategory::unauthenticated, "auth.locked", {std::to_string(minutes)});
  }
  if (!verify_password(user->password_hash, password)) {
    ++user->failed_logins;
    const bool lock = user->failed_logins >= policy_.failures_before_lockout;
    if (lock) {
      user->locked_until = to_iso(now + policy_.lockout);
      user->failed_logins = 0;
    }
    auto tx = store_.begin({username, now_text});
    tx->put_user(*user);
    tx->append_audit(
        {0, now_text, username, address, lock ? "locked" : "login_failed", "session", "", {}, {}});
    tx->commit();
    if (lock)
      throw Error(ErrorCategory::unauthenticated, "auth.locked",
                  {std::to_string(policy_.lockout.count())});
    throw bad_credentials();
  }
  return *user;
}

SessionGrant AuthService::login(const std::string& username, const std::string& password,
                                const std::string& address) {
  const TimePoint now = clock_();
  const std::string now_text = to_iso(now);
  store::UserRecord user = verify_credentials(username, password, address, now);

  SessionGrant grant;
  grant.session_token = random_secret();
  grant.csrf_token = random_secret();
  grant.expires_at = to_iso(now + policy_.session_lifetime);
  user.failed_logins = 0;
  user.locked_until.clear();
  grant.user = user;
  auto tx = store_.begin({username, now_text});
  tx->put_user(user);
  tx->put_session({secret_hash(grant.session_token), username, grant.csrf_token, address, now_text,
                   grant.expires_at});
  tx->append_audit({0, now_text, username, address, "login", "session", "", {}, {}});
  tx->commit();
  return grant;
}

Authenticated AuthService::from_basic(const std::string& username, const std::string& password,
                                      const std::string& address) {
  const TimePoint now = clock_();
  store::UserRecord user = verify_credentials(username, password, address, now);
  // A success clears earlier failures, as a login does; nothing else is written
  // (no session, and no audit entry for every request a script makes).
  if (user.failed_logins != 0 || !user.locked_until.empty()) {
    user.failed_logins = 0;
    user.locked_until.clear();
    auto tx = store_.begin({username, to_iso(now)});
    tx->put_user(user);
    tx->commit();
  }
  return {{user.username, user.unit, user.role}, "", ""};
}

void AuthService::logout(const std::string& session_token, const std::string& address) {
  const std::string hash = secret_hash(session_token);
  auto session = store_.find_session(hash);
  if (!session)
    return;
  const std::string now = to_iso(clock_());
  auto tx = store_.begin({session->username, now});
  tx->delete_session(hash);
  tx->append_audit({0, now, session->username, address, "logout", "session", "", {}, {}});
  tx->commit();
}

Authenticated AuthService::from_session(const std::string& session_token) {
  const std::string hash = secret_hash(session_token);
  // Read before the session: a write between the two leaves a newer version,
  // so this entry is never used past it.
  const long long version = store_.data_version();
  {
    std::lock_guard lock(sessions_mutex_);
    if (auto it = sessions_.find(hash); it != sessions_.end()) {
      if (it->second.data_version == version && clock_() < it->second.expires)
        return it->second.who;
      sessions_.erase(it);
    }
  }
  auto session = store_.find_session(hash);
  if (!session)
    throw Error(ErrorCategory::unauthenticated, "auth.required");
  if (from_iso(session->expires_at) <= clock_()) {
    auto tx = store_.begin({session->username, to_iso(clock_())});
    tx->delete_session(hash);
    tx->commit();
    throw Error(ErrorCategory::unauthenticated, "auth.session_expired");
  }
  auto user = store_.find_user(session->username);
  if (!user || !user->active)
    throw Error(ErrorCategory::unauthenticated, "auth.required");
  Authenticated who{{user->username, user->unit, user->role}, session->csrf_token, hash};
  std::lock_guard lock(sessions_mutex_);
  // Entries of older versions are dead weight: drop them all at a bound.
  if (sessions_.size() >= 10000)
    sessions_.clear();
  sessions_[hash] = {who, from_iso(session->expires_at), version};
  return who;
}

Authenticated AuthService::from_api_token(const std::string& token) {
  auto record = store_.find_token(secret_hash(token));
  if (!record || record->revoked)
    throw Error(ErrorCategory::unauthenticated, "auth.bad_token");
  auto user = store_.find_user(record->username);
  if (!user || !user->active)
    throw Error(ErrorCategory::unauthenticated, "auth.bad_token");
  return {{user->username, user->unit, user->role}, "", ""};
}

void AuthService::change_password(const Authenticated& who, const std::string& old_password,
                                  const std::string& new_password, const std::string& address) {
  auto user = store_.find_user(who.principal.username);
  if (!user)
    throw Error(ErrorCategory::unauthenticated, "auth.required");
  if (!verify_password(user->password_hash, old_password))
    throw core::invalid_input("auth.old_password_wrong", {}, "oldPassword");
  check_password_policy(new_password);
  const std::string now = to_iso(clock_());
  user->password_hash = hash_password(new_password);
  user->password_changed_at = now;
  auto current = who.session_hash.empty() ? std::nullopt : store_.find_session(who.session_hash);
  auto tx = store_.begin({user->username, now});
  tx->put_user(*user);
  tx->delete_sessions_of(user->username);
  if (current)
    tx->put_session(*current);  // the session that changed it stays signed in
  tx->append_audit(
      {0, now, user->username, address, "password_changed", "user", user->username, {}, {}});
  tx->commit();
}

std::string AuthService::create_api_token(const core::Principal& who, const std::string& name) {
  const std::string token = random_secret();
  const std::string now = to_iso(clock_());
  auto tx = store_.begin({who.username, now});
  tx->put_token({secret_hash(token), name, who.username, now, false});
  tx->append_audit({0, now, who.username, "", "create", "api_token", name, {}, {}});
  tx->commit();
  return token;
}

void AuthService::add_user(const std::string& username, const std::string& display_name,
                           const std::string& unit, core::Role role, const std::string& password,
                           const std::string& actor) {
  const std::string name = valid_username(username);
  check_password_policy(password);
  const core::Dataset data = store_.load();
  const core::UnitTree tree(data.units);
  const core::Unit& u = tree.resolve(unit);
  const std::string now = to_iso(clock_());
  store::UserRecord record;
  if (auto existing = store_.find_user(name))
    record = *existing;
  else
    record.created_at = now;
  record.username = name;
  record.display_name = core::collapse_spaces(core::to_nfc(display_name));
  record.unit = u.code;
  record.role = role;
  record.password_hash = hash_password(password);
  record.password_changed_at = now;
  record.failed_logins = 0;
  record.locked_until.clear();
  record.active = true;
  auto tx = store_.begin({actor, now});
  tx->put_user(record);
  tx->append_audit({0,
                    now,
                    actor,
                    "",
                    "update",
                    "user",
                    name,
                    {},
                    std::string("{\"unit\":\"") + u.code + "\",\"role\":\"" +
                        std::string(core::role_name(role)) + "\"}"});
  tx->commit();
}

}  // namespace mandate::service
