// /api/v1/auth: sign in and out, who am I, password change, API tokens.
#include "core/error.hpp"
#include "http/api/context.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;

json::object user_json(const store::UserRecord& u) {
  return {{"username", u.username},
          {"displayName", u.display_name},
          {"unit", u.unit},
          {"role", core::role_name(u.role)}};
}

// HttpOnly: scripts cannot read it; SameSite=Strict: other sites cannot send
// it; Secure when the request came over TLS through the reverse proxy.
std::string session_cookie(const Request& r, const std::string& value, long max_age) {
  std::string c = std::string(kSessionCookie) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (r.header("X-Forwarded-Proto") == "https")
    c += "; Secure";
  return c;
}

}  // namespace

void register_auth_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("POST", "/api/v1/auth/login", [api](Request& r) {
    const auto body = json_body(r);
    only_keys(body, {"username", "password"});
    const auto grant = api->auth().login(required_text(body, "username"),
                                         required_text(body, "password"), r.remote_address);
    // The browser's session before this sign-in ends with it: an id planted
    // or seen before sign-in is worth nothing after.
    if (auto previous = r.cookie(kSessionCookie))
      api->auth().logout(*previous, r.remote_address);
    return Response::json(200, json::object{{"user", user_json(grant.user)},
                                            {"csrfToken", grant.csrf_token},
                                            {"expiresAt", grant.expires_at}})
        .with_header("Set-Cookie", session_cookie(r, grant.session_token, 8 * 3600))
        .with_header("Cache-Control", "no-store");
  });

  router.add("POST", "/api/v1/auth/logout", [api](Request& r) {
    api->authenticate(r);  // checks CSRF, so another site cannot sign a user out
    if (auto cookie = r.cookie(kSessionCookie))
      api->auth().logout(*cookie, r.remote_address);
    return Response::no_content().with_header("Set-Cookie", session_cookie(r, "", 0));
  });

  router.add("GET", "/api/v1/auth/me", [api](Request& r) {
    const auto who = api->authenticate(r);
    const auto user = api->store().find_user(who.principal.username);
    if (!user)
      throw core::Error(core::ErrorCategory::unauthenticated, "auth.required");
    return Response::json(200,
                          json::object{{"user", user_json(*user)}, {"csrfToken", who.csrf_token}})
        .with_header("Cache-Control", "no-store");
  });

  router.add("POST", "/api/v1/auth/password", [api](Request& r) {
    const auto who = api->authenticate(r);
    const auto body = json_body(r);
    only_keys(body, {"oldPassword", "newPassword"});
    api->auth().change_password(who, required_text(body, "oldPassword"),
                                required_text(body, "newPassword"), r.remote_address);
    return Response::no_content();
  });

  router.add("POST", "/api/v1/auth/tokens", [api](Request& r) {
    const auto who = api->authenticate(r);
    const auto body = json_body(r);
    only_keys(body, {"name"});
    const std::string name = required_text(body, "name");
    if (name.empty())
      throw core::invalid_input("json.missing_key", {"name"}, "name");
    const std::string token = api->auth().create_api_token(who.principal, name);
    return Response::json(201, json::object{{"name", name}, {"token", token}})
        .with_header("Cache-Control", "no-store");
  });
}

}  // namespace mandate::http::api
