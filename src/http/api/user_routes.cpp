// /api/v1/users: accounts as administrators manage them — list, one account,
// create, change (with ETags), reset a password, lift a lockout (docs/api.md,
// "Users"). The rules are service::user_service's.
#include "core/error.hpp"
#include "core/text.hpp"
#include "http/api/context.hpp"
#include "service/record_service.hpp"
#include "service/user_service.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;

Response user_response(int status, const store::UserRecord& u, const std::string& now) {
  return Response::json(status, service::user_json(u, now))
      .with_header("ETag", service::user_etag(u))
      .with_header("Cache-Control", "no-store");
}

std::optional<std::string> text_if_present(const json::object& o, std::string_view key) {
  return o.contains(key) ? std::optional(optional_text(o, key)) : std::nullopt;
}

std::optional<bool> bool_if_present(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v)
    return std::nullopt;
  if (!v->is_bool())
    throw core::invalid_input("json.expected_bool", {std::string(key)}, std::string(key));
  return v->get_bool();
}

service::UserFilter filter_of(const Request& r) {
  service::UserFilter f;
  f.unit = r.query_param("unit").value_or("");
  if (const auto role = r.query_param("role"); role && !role->empty())
    f.role = core::parse_role(*role);
  f.text = core::to_nfc(r.query_param("q").value_or(""));
  return f;
}

}  // namespace

void register_user_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("GET", "/api/v1/users", [api](Request& r) {
    const auto actor = api->actor(r);
    const auto s = api->cache().get();
    const auto users = service::list_users(api->store(), s->tree, actor, filter_of(r));
    return Response::json(200, paged(users, page_of(r),
                                     [&](const store::UserRecord& u) {
                                       return service::user_json(u, actor.at);
                                     }))
        .with_header("Cache-Control", "no-store");
  });

  router.add("POST", "/api/v1/users", [api](Request& r) {
    const auto actor = api->actor(r);
    const auto body = json_body(r);
    only_keys(body, {"username", "displayName", "unit", "role", "email", "language", "password"});
    service::NewUser user{
        required_text(body, "username"), optional_text(body, "displayName"),
        required_text(body, "unit"),     core::parse_role(required_text(body, "role")),
        optional_text(body, "email"),    optional_text(body, "language"),
        required_text(body, "password")};
    const auto s = api->cache().get();
    const auto created = service::create_user(api->store(), api->auth(), s->tree, actor, user);
    return user_response(201, created, actor.at);
  });

  router.add("GET", "/api/v1/users/{username}", [api](Request& r) {
    const auto actor = api->actor(r);
    const auto s = api->cache().get();
    return user_response(
        200, service::find_user_in_scope(api->store(), s->tree, actor, r.param("username")),
        actor.at);
  });

  router.add("PUT", "/api/v1/users/{username}", [api](Request& r) {
    const auto actor = api->actor(r);
    const std::string if_match = required_if_match(r);
    const auto body = json_body(r);
    only_keys(body, {"username", "displayName", "unit", "role", "email", "language", "active"});
    if (const auto name = text_if_present(body, "username"); name && *name != r.param("username"))
      throw core::invalid_input("record.key_mismatch", {"username", r.param("username")},
                                "username");
    service::UserChange change;
    change.display_name = text_if_present(body, "displayName");
    change.unit = text_if_present(body, "unit");
    if (const auto role = text_if_present(body, "role"))
      change.role = core::parse_role(*role);
    change.email = text_if_present(body, "email");
    change.language = text_if_present(body, "language");
    change.active = bool_if_present(body, "active");
    const auto s = api->cache().get();
    try {
      return user_response(
          200,
          service::update_user(api->store(), s->tree, actor, r.param("username"), change, if_match),
          actor.at);
    } catch (const service::StaleRecord& e) {
      return stale_response(e);
    }
  });

  router.add("POST", "/api/v1/users/{username}/password", [api](Request& r) {
    const auto actor = api->actor(r);
    const auto body = json_body(r);
    only_keys(body, {"password"});
    const auto s = api->cache().get();
    service::reset_password(api->store(), api->auth(), s->tree, actor, r.param("username"),
                            required_text(body, "password"));
    return Response::no_content();
  });

  router.add("POST", "/api/v1/users/{username}/unlock", [api](Request& r) {
    const auto actor = api->actor(r);
    const auto s = api->cache().get();
    return user_response(
        200, service::unlock_user(api->store(), s->tree, actor, r.param("username")), actor.at);
  });
}

}  // namespace mandate::http::api
