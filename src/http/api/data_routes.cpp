// /api/v1 units, indicators, values (with ETags and history), documents,
// tasks, activities, audit.
#include <algorithm>
#include <tuple>

#include "core/collation.hpp"
#include "core/error.hpp"
#include "core/period.hpp"
#include "core/text.hpp"
#include "core/units_as_of.hpp"
#include "http/api/context.hpp"
#include "http/errors.hpp"
#include "io/cycle_json.hpp"
#include "io/json_writer.hpp"
#include "io/metadata_json.hpp"
#include "service/etag.hpp"
#include "service/list_service.hpp"
#include "service/record_service.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;
using core::Error;
using core::ErrorCategory;

// The unit a listing is about: ?unit= (code or name) or the caller's own,
// which the caller must be allowed to read.
std::string scope_unit(const Request& r, const core::Principal& who, const service::Snapshot& s) {
  const auto asked = r.query_param("unit");
  const std::string code = asked && !asked->empty() ? s.tree.resolve(*asked).code : who.unit;
  core::require(who, core::Action::read, code, s.tree);
  return code;
}

service::ListFilter filter_of(const Request& r, const std::string& unit) {
  service::ListFilter f;
  f.unit = unit;
  f.period = r.query_param("period").value_or("");
  f.kind = r.query_param("kind").value_or("");
  f.indicator = r.query_param("indicator").value_or("");
  f.field = r.query_param("field").value_or("");
  return f;
}

// The task list's own filters: ?status= and ?overdue=true (past the deadline
// on the server's date, neither completed nor cancelled).
void task_filters(const Request& r, const ApiContext& api, service::ListFilter& f) {
  f.status = r.query_param("status").value_or("");
  const std::string overdue = r.query_param("overdue").value_or("false");
  if (overdue != "true" && overdue != "false")
    throw core::invalid_input("query.invalid", {"overdue", overdue}, "overdue");
  if (overdue == "true")
    f.overdue_on = core::parse_iso_date(api.now().substr(0, 10));
}

// ?q= matches ignoring case and diacritics: "quan triet" finds "quán triệt".
bool matches(const Request& r, std::initializer_list<const std::string*> texts) {
  const auto q = r.query_param("q");
  if (!q || q->empty())
    return true;
  const std::string needle = core::fold_diacritics(*q);
  for (const std::string* t : texts)
    if (core::fold_diacritics(*t).find(needle) != std::string::npos)
      return true;
  return false;
}

// ?sort=name|-name|code|-code|date|-date, names in Vietnamese order.
template <typename T, typename Name, typename Code>
void sort_items(const Request& r, std::vector<T>& items, Name&& name, Code&& code) {
  const std::string sort = r.query_param("sort").value_or("");
  if (sort.empty())
    return;
  const bool desc = sort[0] == '-';
  const std::string key = desc ? sort.substr(1) : sort;
  if (key != "name" && key != "code")
    throw core::invalid_input("query.invalid", {"sort", sort}, "sort");
  std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) {
    const bool less = key == "name" ? core::vietnamese_less(name(a), name(b)) : code(a) < code(b);
    const bool greater =
        key == "name" ? core::vietnamese_less(name(b), name(a)) : code(b) < code(a);
    return desc ? greater : less;
  });
}

// The unit and those below it in `tree`; none when the unit is not in it.
std::vector<core::Unit> subtree(const core::UnitTree& tree, const std::string& root) {
  std::vector<core::Unit> units;
  if (const core::Unit* u = tree.find_by_code(root)) {
    units.push_back(*u);
    for (const core::Unit* d : tree.descendants(root))
      units.push_back(*d);
  }
  return units;
}

// ?asOf=YYYY-MM-DD: the tree as it stood that day (units valid then, under
// their parents and with their names of that day); without it, the tree as
// stored, every unit whatever its dates.
std::vector<core::Unit> listed_units(const Request& r, const service::Snapshot& s,
                                     const std::string& root) {
  const auto as_of = r.query_param("asOf");
  if (!as_of)
    return subtree(s.tree, root);
  core::Date day;
  try {
    day = core::parse_iso_date(*as_of);
  } catch (const Error&) {
    throw core::invalid_input("query.invalid", {"asOf", *as_of}, "asOf");
  }
  return subtree(core::UnitTree(core::units_as_of(s.data.units, s.data.unit_changes, day)), root);
}

core::ValueKind kind_of(const Request& r) {
  const auto k = r.query_param("kind");
  return k ? core::parse_value_kind(*k) : core::ValueKind::official;
}

json::object value_json(const core::Value& v) {
  json::object o = io::to_json(v);
  o["etag"] = service::value_etag(v);
  return o;
}

Response stale_response(const service::StaleWrite& e) {
  if (!e.current())
    return api::stale_response(e, nullptr, "");
  return api::stale_response(e, value_json(*e.current()), service::value_etag(*e.current()));
}

// The write the request asks for, with its precondition from the headers.
service::ValueWrite value_write(const Request& r) {
  service::ValueWrite w;
  w.indicator = r.param("indicator");
  w.unit = r.param("unit");
  w.period = r.param("period");
  w.kind = kind_of(r);
  std::tie(w.precondition, w.etag) = precondition_of(r);
  return w;
}

}  // namespace

void register_data_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("GET", "/api/v1/units", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    std::vector<core::Unit> units = listed_units(r, *s, scope_unit(r, who, *s));
    const auto parent = r.query_param("parent");
    std::erase_if(units, [&](const core::Unit& u) {
      return (parent && u.parent_code != *parent) || !matches(r, {&u.name, &u.code});
    });
    sort_items(
        r, units, [](const core::Unit& u) { return u.name; },
        [](const core::Unit& u) { return u.code; });
    return Response::json(
        200, paged(units, page_of(r), [](const core::Unit& u) { return io::to_json(u); }));
  });

  router.add("GET", "/api/v1/units/{code}", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const core::Unit& u = s->tree.resolve(r.param("code"));
    core::require(who, core::Action::read, u.code, s->tree);
    json::object o = io::to_json(u);
    json::array children;
    for (const core::Unit* c : s->tree.children(u.code))
      children.emplace_back(c->code);
    o["children"] = std::move(children);
    return Response::json(200, o).with_header("ETag", service::record_etag(u));
  });

  router.add("GET", "/api/v1/indicators", [api](Request& r) {
    api->authenticate(r);
    const auto s = api->cache().get();
    std::vector<core::Indicator> items;
    const auto field = r.query_param("field");
    for (const auto& i : s->data.indicators)
      if (!field || i.field == *field)
        items.push_back(i);
    keep_found(items, searched_codes(*api, r, core::SearchEntity::indicator),
               [](const core::Indicator& i) -> const std::string& { return i.code; });
    sort_items(
        r, items, [](const core::Indicator& i) { return i.name; },
        [](const core::Indicator& i) { return i.code; });
    return Response::json(
        200, paged(items, page_of(r), [](const core::Indicator& i) { return io::to_json(i); }));
  });

  router.add("GET", "/api/v1/indicators/{code}", [api](Request& r) {
    api->authenticate(r);
    const auto s = api->cache().get();
    for (const auto& i : s->data.indicators)
      if (i.code == r.param("code"))
        return Response::json(200, io::to_json(i)).with_header("ETag", service::record_etag(i));
    throw core::not_found("indicator.not_found", {r.param("code")});
  });

  router.add("GET", "/api/v1/values", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const auto values =
        service::filter_values(s->values, s->tree, filter_of(r, scope_unit(r, who, *s)));
    return Response::json(
        200, paged(values, page_of(r), [](const core::Value* v) { return value_json(*v); }));
  });

  // Targets of the unit (?unit=, default the caller's) and everything below
  // it, ?indicator=, ?period= (targets for periods within it).
  router.add("GET", "/api/v1/targets", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const auto d = service::filter_data(s->data, s->tree, filter_of(r, scope_unit(r, who, *s)));
    return Response::json(
        200, paged(d.targets, page_of(r), [](const core::Target& t) { return io::to_json(t); }));
  });

  router.add("GET", "/api/v1/values/{indicator}/{unit}/{period}", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const core::Unit& u = s->tree.resolve(r.param("unit"));
    core::require(who, core::Action::read, u.code, s->tree);
    const std::string period = core::Period::parse(r.param("period")).id();
    const core::ValueKind kind = kind_of(r);
    if (const core::Value* v = s->values.find(r.param("indicator"), u.code, period, kind))
      return Response::json(200, value_json(*v)).with_header("ETag", service::value_etag(*v));
    throw core::not_found("value.not_found", {r.param("indicator"), u.code, period});
  });

  router.add("PUT", "/api/v1/values/{indicator}/{unit}/{period}", [api](Request& r) {
    const auto actor = api->actor(r);
    auto write = value_write(r);
    const auto body = json_body(r);
    only_keys(body, {"value", "comment"});
    write.value = required_number(body, "value");
    write.comment = optional_text(body, "comment");
    try {
      const auto s = api->cache().get();
      const auto outcome = service::put_value(api->store(), *s, actor, write);
      auto saved = value_json(outcome.value);
      // Rules that do not refuse on save are reported, and need a note before submit.
      if (!outcome.warnings.empty()) {
        boost::json::array warnings;
        for (const auto& v : outcome.warnings)
          warnings.push_back(io::to_json(v));
        saved["warnings"] = std::move(warnings);
      }
      return Response::json(write.precondition == service::Precondition::if_absent ? 201 : 200,
                            saved)
          .with_header("ETag", outcome.etag);
    } catch (const service::StaleWrite& e) {
      return stale_response(e);
    }
  });

  router.add("DELETE", "/api/v1/values/{indicator}/{unit}/{period}", [api](Request& r) {
    const auto actor = api->actor(r);
    const auto write = value_write(r);
    try {
      const auto s = api->cache().get();
      if (!service::delete_value(api->store(), *s, actor, write))
        throw core::not_found("value.not_found", {write.indicator, write.unit, write.period});
      return Response::no_content();
    } catch (const service::StaleWrite& e) {
      return stale_response(e);
    }
  });

  router.add("GET", "/api/v1/values/{indicator}/{unit}/{period}/history", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    json::array items;
    for (const auto& c : service::value_history(api->store(), *s, who, r.param("indicator"),
                                                r.param("unit"), r.param("period"))) {
      items.push_back({{"kind", core::value_kind_name(c.kind)},
                       {"oldValue", c.old_value ? json::value(*c.old_value) : json::value(nullptr)},
                       {"newValue", c.new_value ? json::value(*c.new_value) : json::value(nullptr)},
                       {"comment", c.comment},
                       {"by", c.actor},
                       {"at", c.at}});
    }
    return Response::json(200, json::object{{"items", std::move(items)}});
  });

  router.add("POST", "/api/v1/values/bulk", [api](Request& r) {
    const auto actor = api->actor(r);
    const auto body = json_body(r);
    only_keys(body, {"values"});
    const auto* list = body.if_contains("values");
    if (!list || !list->is_array())
      throw core::invalid_input("json.expected_array", {"values"}, "values");
    std::vector<service::ValueWrite> writes;
    for (size_t i = 0; i < list->get_array().size(); ++i) {
      const auto& item = list->get_array()[i];
      const std::string at = "values[" + std::to_string(i) + "]";
      if (!item.is_object())
        throw core::invalid_input("json.expected_object", {at}, at);
      try {
        const auto& o = item.get_object();
        only_keys(o, {"indicator", "unit", "period", "kind", "value", "comment"});
        service::ValueWrite w;
        w.indicator = required_text(o, "indicator");
        w.unit = required_text(o, "unit");
        w.period = required_text(o, "period");
        const std::string kind = optional_text(o, "kind");
        w.kind = kind.empty() ? core::ValueKind::official : core::parse_value_kind(kind);
        w.value = required_number(o, "value");
        w.comment = optional_text(o, "comment");
        writes.push_back(std::move(w));
      } catch (const Error& e) {
        throw Error(e.category(), e.code(), e.args(),
                    e.field().empty() ? at : at + "." + e.field());
      }
    }
    const auto s = api->cache().get();
    const size_t changed = service::put_values(api->store(), *s, actor, writes);
    return Response::json(200, json::object{{"received", writes.size()}, {"changed", changed}});
  });

  auto listing = [api](core::SearchEntity entity, auto member, auto name, auto to_json) {
    return [api, entity, member, name, to_json](Request& r) {
      const auto who = api->authenticate(r).principal;
      const auto s = api->cache().get();
      service::ListFilter filter = filter_of(r, scope_unit(r, who, *s));
      if (entity == core::SearchEntity::task)
        task_filters(r, *api, filter);
      auto d = service::filter_data(s->data, s->tree, filter);
      auto& items = d.*member;
      auto code = [](const auto& x) -> const std::string& { return x.code; };
      keep_found(items, searched_codes(*api, r, entity), code);
      sort_items(r, items, name, code);
      return Response::json(200, paged(items, page_of(r), to_json));
    };
  };
  router.add("GET", "/api/v1/documents",
             listing(
                 core::SearchEntity::document, &core::Dataset::documents,
                 [](const core::Document& d) -> const std::string& { return d.title; },
                 [](const core::Document& d) { return io::to_json(d); }));
  router.add("GET", "/api/v1/tasks",
             listing(
                 core::SearchEntity::task, &core::Dataset::tasks,
                 [](const core::Task& t) -> const std::string& { return t.name; },
                 [](const core::Task& t) { return io::to_json(t); }));
  router.add("GET", "/api/v1/activities",
             listing(
                 core::SearchEntity::activity, &core::Dataset::activities,
                 [](const core::Activity& a) -> const std::string& { return a.name; },
                 [](const core::Activity& a) { return io::to_json(a); }));

  router.add("GET", "/api/v1/audit", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    // The audit log spans every unit, so only an administrator of the whole tree reads it.
    const core::Unit* root = s->tree.find_by_code(who.unit);
    if (!root || !root->parent_code.empty() || who.role != core::Role::admin)
      throw Error(ErrorCategory::permission, "access.denied.administer", {who.username, who.unit});
    store::AuditFilter f;
    f.actor = r.query_param("actor").value_or("");
    f.entity = r.query_param("entity").value_or("");
    f.entity_key = r.query_param("key").value_or("");
    f.since = r.query_param("since").value_or("");
    f.until = r.query_param("until").value_or("");
    f.limit = page_of(r).limit;
    if (auto before = r.query_param("before")) {
      try {
        f.before_id = std::stoll(*before);
      } catch (const std::exception&) {
        throw core::invalid_input("query.invalid", {"before", *before}, "before");
      }
    }
    json::array items;
    for (const auto& e : api->store().audit(f)) {
      json::object o{{"id", e.id},           {"at", e.at},         {"actor", e.actor},
                     {"address", e.address}, {"action", e.action}, {"entity", e.entity},
                     {"key", e.entity_key}};
      o["before"] = e.before_json ? json::parse(*e.before_json) : json::value(nullptr);
      o["after"] = e.after_json ? json::parse(*e.after_json) : json::value(nullptr);
      items.push_back(std::move(o));
    }
    return Response::json(200, json::object{{"items", std::move(items)}});
  });
}

}  // namespace mandate::http::api
