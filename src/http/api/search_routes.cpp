// /api/v1/search: one box over indicators, tasks, documents and activities,
// ignoring case and diacritics (the store's full-text index), with only what
// the caller may read.
#include <unordered_map>

#include "core/error.hpp"
#include "http/api/context.hpp"
#include "service/record_service.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;
using core::SearchEntity;

// Most a search looks at before access filtering and paging.
constexpr size_t kSearchCeiling = 5000;

template <typename T>
std::optional<json::object> readable(const service::Snapshot& s, const core::Principal& who,
                                     const std::string& code, SearchEntity entity,
                                     std::string T::*title) {
  try {
    const auto found = service::find_record<T>(s, who, code);
    if (!found)
      return std::nullopt;  // the index is a step behind a delete
    return json::object{{"entity", core::search_entity_name(entity)},
                        {"code", code},
                        {"title", (*found).*title},
                        {"unit", service::record_scope(s, *found)}};
  } catch (const core::Error&) {
    return std::nullopt;  // outside the caller's scope: not shown
  }
}

}  // namespace

std::optional<std::vector<std::string>> searched_codes(ApiContext& api, const Request& r,
                                                       SearchEntity entity) {
  const auto q = r.query_param("q");
  if (!q || q->empty())
    return std::nullopt;
  std::vector<std::string> codes;
  for (auto& hit : api.store().search(*q, entity, kSearchCeiling))
    codes.push_back(std::move(hit.code));
  return codes;
}

void register_search_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("GET", "/api/v1/search", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const std::string q = required_query(r, "q");
    std::optional<SearchEntity> entity;
    if (const auto e = r.query_param("entity"); e && !e->empty()) {
      try {
        entity = core::parse_search_entity(*e);
      } catch (const core::Error& err) {
        throw core::Error(err.category(), err.code(), err.args(), "entity");
      }
    }
    const auto s = api->cache().get();
    std::vector<json::object> found;
    for (const auto& hit : api->store().search(q, entity, kSearchCeiling)) {
      std::optional<json::object> item;
      switch (hit.entity) {
        case SearchEntity::indicator:
          item = readable<core::Indicator>(*s, who, hit.code, hit.entity, &core::Indicator::name);
          break;
        case SearchEntity::task:
          item = readable<core::Task>(*s, who, hit.code, hit.entity, &core::Task::name);
          break;
        case SearchEntity::document:
          item = readable<core::Document>(*s, who, hit.code, hit.entity, &core::Document::title);
          break;
        case SearchEntity::activity:
          item = readable<core::Activity>(*s, who, hit.code, hit.entity, &core::Activity::name);
          break;
      }
      if (item)
        found.push_back(std::move(*item));
    }
    return Response::json(200, paged(found, page_of(r), [](const json::object& o) { return o; }));
  });
}

}  // namespace mandate::http::api
