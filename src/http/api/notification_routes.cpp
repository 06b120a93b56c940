// /api/v1/notifications: the signed-in user's own notifications — the list,
// the unread count the web interface polls, marking read (docs/api.md,
// docs/reporting-cycles.md "Reminders").
#include <charconv>

#include "core/error.hpp"
#include "http/api/context.hpp"
#include "service/notification_service.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;

// ?lang= when given, else the user's own language, else Accept-Language.
core::Lang reader_lang(ApiContext& api, const Request& r, const std::string& username) {
  if (r.query_param("lang"))
    return lang_of(r);
  const auto user = api.store().find_user(username);
  return user ? service::language_of(*user, lang_of(r)) : lang_of(r);
}

json::value time_or_null(const std::string& iso) {
  return iso.empty() ? json::value(nullptr) : json::value(iso);
}

json::object item_json(const service::NotificationItem& i) {
  const auto& n = i.record;
  return {{"id", n.id},
          {"kind", n.kind},
          {"title", i.text.title},
          {"body", i.text.body},
          {"link", i.link},
          {"form", n.form},
          {"unit", n.unit},
          {"period", n.period},
          {"createdAt", n.created_at},
          {"readAt", time_or_null(n.read_at)}};
}

long long notification_id(const Request& r) {
  const std::string text = r.param("id");
  long long id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
    throw core::invalid_input("notification.id_invalid", {text}, "id");
  return id;
}

bool unread_only(const Request& r) {
  const auto v = r.query_param("unread");
  if (!v || *v == "false")
    return false;
  if (*v == "true")
    return true;
  throw core::invalid_input("query.invalid", {"unread", *v}, "unread");
}

}  // namespace

void register_notification_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("GET", "/api/v1/notifications", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const bool unread = unread_only(r);
    const Page page = page_of(r);
    const auto s = api->cache().get();
    const auto list =
        service::list_notifications(api->store(), *s, who.username, unread, page.limit, page.offset,
                                    reader_lang(*api, r, who.username));
    json::array items;
    for (const auto& i : list.items)
      items.push_back(item_json(i));
    return Response::json(200, json::object{{"items", std::move(items)},
                                            {"unread", list.counts.unread},
                                            {"total", list.counts.total},
                                            {"limit", page.limit},
                                            {"offset", page.offset}});
  });

  // Polled by every open page: one indexed count, no snapshot.
  router.add("GET", "/api/v1/notifications/unread-count", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    return Response::json(
        200, json::object{{"unread", api->store().notification_counts(who.username).unread}});
  });

  router.add("POST", "/api/v1/notifications/{id}/read", [api](Request& r) {
    const auto actor = api->actor(r);
    const long long id = notification_id(r);
    service::mark_read(api->store(), actor, id);
    return Response::json(
        200, json::object{
                 {"id", id},
                 {"unread", api->store().notification_counts(actor.principal.username).unread}});
  });

  router.add("POST", "/api/v1/notifications/read-all", [api](Request& r) {
    const auto actor = api->actor(r);
    service::mark_all_read(api->store(), actor);
    return Response::json(200, json::object{{"unread", 0}});
  });
}

}  // namespace mandate::http::api
