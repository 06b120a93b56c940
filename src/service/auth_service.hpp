#pragma once
// Accounts and sign-in: Argon2id password hashes (libsodium), sessions held
// in the database (any server can answer any request), CSRF tokens, lockout
// after repeated failures, API tokens for scripts. Secrets are random 256-bit
// values; only their hashes are stored.
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/access.hpp"
#include "service/clock.hpp"
#include "store/store.hpp"

namespace mandate::service {

struct AuthPolicy {
  int failures_before_lockout = 5;
  std::chrono::minutes lockout{15};
  std::chrono::hours session_lifetime{8};
  size_t min_password_length = 8;
};

struct SessionGrant {
  std::string session_token;  // goes into the cookie, never stored
  std::string csrf_token;
  std::string expires_at;
  store::UserRecord user;
};

struct Authenticated {
  core::Principal principal;
  std::string csrf_token;  // empty for API tokens (no cookie, so no CSRF)
  std::string session_hash;
};

class AuthService {
 public:
  AuthService(store::Store& store, Clock clock, AuthPolicy policy = {});

  // Throws unauthenticated "auth.bad_credentials" (same answer for an unknown
  // user and a wrong password) or "auth.locked" with the minutes left.
  SessionGrant login(const std::string& username, const std::string& password,
                     const std::string& address);
  void logout(const std::string& session_token, const std::string& address);
  // From the session cookie; throws unauthenticated when unknown or expired.
  Authenticated from_session(const std::string& session_token);
  // From "Authorization: Bearer <token>".
  Authenticated from_api_token(const std::string& token);
  // From "Authorization: Basic ..." (HTTP Basic, as DHIS2 scripts sign in):
  // the same checks as login — failures count toward the lockout and are
  // audited — but no session is created, so no cookie and no CSRF token.
  Authenticated from_basic(const std::string& username, const std::string& password,
                           const std::string& address);
  // Checks the old password; signs out the user's other sessions.
  void change_password(const Authenticated& who, const std::string& old_password,
                       const std::string& new_password, const std::string& address);
  // Returns the token; it is shown once and stored only as a hash.
  std::string create_api_token(const core::Principal& who, const std::string& name);

  // For the CLI and administrators. unit must exist; password checked by policy.
  void add_user(const std::string& username, const std::string& display_name,
                const std::string& unit, core::Role role, const std::string& password,
                const std::string& actor);

  static std::string hash_password(const std::string& password);
  static bool verify_password(const std::string& hash, const std::string& password);
  // The user name as stored (NFC, spaces collapsed); invalid_input
  // "auth.username_invalid" when empty, longer than 64 bytes or with a space.
  static std::string valid_username(const std::string& username);
  // invalid_input "auth.password_too_short" for a password the policy refuses.
  void check_password_policy(const std::string& password) const;

 private:
  // Checks username and password (unknown or inactive user, lockout, wrong
  // password: recorded, then thrown as login would) and returns the user.
  store::UserRecord verify_credentials(const std::string& username, const std::string& password,
                                       const std::string& address, TimePoint now);
  store::Store& store_;
  Clock clock_;
  AuthPolicy policy_;

  // Sessions already checked, valid while the store's data version is the one
  // they were read at: any write anywhere (a logout, a password change, a
  // user's role) moves the version, so nothing stale is ever used, and the
  // common read-only request needs no session query.
  struct CachedSession {
    Authenticated who;
    TimePoint expires;
    long long data_version;
  };
  std::mutex sessions_mutex_;
  std::unordered_map<std::string, CachedSession> sessions_;
};

// Hex of a keyless BLAKE2b hash: how session ids and API tokens are stored.
std::string secret_hash(const std::string& secret);
// Compares secrets in time that does not depend on where they differ.
bool constant_time_equal(const std::string& a, const std::string& b);
// 32 random bytes as 64 hex digits.
std::string random_secret();
// The user name and password of an "Authorization: Basic" header's value
// (the part after "Basic "); none when it is not base64 of "name:password".
std::optional<std::pair<std::string, std::string>> basic_credentials(std::string_view encoded);

}  // namespace mandate::service
