// /api/v1 records of the plan and its register: GET / PUT / DELETE one record
// by its key, with ETags; list routes for the kinds that have none elsewhere.
#include "core/error.hpp"
#include "http/api/context.hpp"
#include "http/errors.hpp"
#include "io/metadata_json.hpp"
#include "service/record_service.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;
using core::Error;

// Path parameters that make up a record's key, in key order.
using KeyParams = std::vector<std::string>;
// JSON keys of the record that hold those parameters.
using KeyFields = std::vector<std::string>;

std::string key_from_path(const Request& r, const KeyParams& params) {
  std::string key;
  for (const auto& p : params)
    key += (key.empty() ? "" : "/") + r.param(p);
  return key;
}

// The path says which record; the body may repeat it but not contradict it.
json::object body_with_key(const Request& r, const KeyParams& params, const KeyFields& fields) {
  json::object body = json_body(r);
  for (size_t i = 0; i < params.size(); ++i) {
    const std::string& from_path = r.param(params[i]);
    if (const auto* v = body.if_contains(fields[i])) {
      if (!v->is_string() || std::string_view(v->get_string()) != from_path)
        throw core::invalid_input("record.key_mismatch", {fields[i], from_path}, fields[i]);
    } else {
      body[fields[i]] = from_path;
    }
  }
  return body;
}

template <typename T>
void add_record_routes(Router& router, const std::shared_ptr<ApiContext>& api,
                       const std::string& path, const KeyParams& params, const KeyFields& fields,
                       bool with_get) {
  if (with_get)
    router.add("GET", path, [api, params](Request& r) {
      const auto who = api->authenticate(r).principal;
      const auto s = api->cache().get();
      const std::string key = key_from_path(r, params);
      const auto record = service::find_record<T>(*s, who, key);
      if (!record)
        throw core::not_found("record.not_found", {key});
      return Response::json(200, io::to_json(*record))
          .with_header("ETag", service::record_etag(*record));
    });

  router.add("PUT", path, [api, params, fields](Request& r) {
    const auto actor = api->actor(r);
    const auto [precondition, etag] = precondition_of(r);
    T record;
    io::from_json(body_with_key(r, params, fields), "", record);
    try {
      const auto out =
          service::put_record(api->store(), api->cache(), actor, record, precondition, etag);
      return Response::json(out.created ? 201 : 200, io::to_json(out.record))
          .with_header("ETag", out.etag);
    } catch (const service::StaleRecord& e) {
      return stale_response(e);
    }
  });

  router.add("DELETE", path, [api, params](Request& r) {
    const auto actor = api->actor(r);
    const std::string if_match = required_if_match(r);
    const std::string key = key_from_path(r, params);
    try {
      if (!service::delete_record<T>(api->store(), api->cache(), actor, key, if_match))
        throw core::not_found("record.not_found", {key});
      return Response::no_content();
    } catch (const service::StaleRecord& e) {
      return stale_response(e);
    }
  });
}

// A plain list of every record the caller may read.
template <typename T, typename Member>
void add_list_route(Router& router, const std::shared_ptr<ApiContext>& api, const std::string& path,
                    Member member) {
  router.add("GET", path, [api, member](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    std::vector<T> visible;
    for (const auto& x : s->data.*member) {
      try {
        if (service::find_record<T>(*s, who, service::record_key(x)))
          visible.push_back(x);
      } catch (const Error&) {
        // Outside the caller's scope: not listed.
      }
    }
    return Response::json(200,
                          paged(visible, page_of(r), [](const T& x) { return io::to_json(x); }));
  });
}

}  // namespace

void register_record_routes(Router& router, std::shared_ptr<ApiContext> api) {
  const KeyParams code{"code"};
  const KeyFields code_field{"code"};
  add_record_routes<core::Unit>(router, api, "/api/v1/units/{code}", code, code_field, false);
  add_record_routes<core::Indicator>(router, api, "/api/v1/indicators/{code}", code, code_field,
                                     false);
  add_record_routes<core::Field>(router, api, "/api/v1/fields/{code}", code, code_field, true);
  add_list_route<core::Field>(router, api, "/api/v1/fields", &core::Dataset::fields);
  add_record_routes<core::RatingScale>(router, api, "/api/v1/rating-scales/{code}", code,
                                       code_field, true);
  add_list_route<core::RatingScale>(router, api, "/api/v1/rating-scales",
                                    &core::Dataset::rating_scales);
  add_record_routes<core::Plan>(router, api, "/api/v1/plans/{code}", code, code_field, true);
  add_list_route<core::Plan>(router, api, "/api/v1/plans", &core::Dataset::plans);
  add_record_routes<core::Target>(router, api, "/api/v1/targets/{indicator}/{unit}/{period}",
                                  {"indicator", "unit", "period"}, {"indicator", "unit", "period"},
                                  true);
  add_record_routes<core::Task>(router, api, "/api/v1/tasks/{code}", code, code_field, true);
  add_record_routes<core::TaskRating>(router, api, "/api/v1/tasks/{task}/ratings/{period}",
                                      {"task", "period"}, {"task", "period"}, true);
  add_record_routes<core::Activity>(router, api, "/api/v1/activities/{code}", code, code_field,
                                    true);
  add_record_routes<core::Document>(router, api, "/api/v1/documents/{code}", code, code_field,
                                    true);
  add_record_routes<core::UnitChange>(router, api, "/api/v1/unit-changes/{code}", code, code_field,
                                      true);
  add_list_route<core::UnitChange>(router, api, "/api/v1/unit-changes",
                                   &core::Dataset::unit_changes);
  add_record_routes<core::Form>(router, api, "/api/v1/forms/{code}", code, code_field, true);
  add_list_route<core::Form>(router, api, "/api/v1/forms", &core::Dataset::forms);
  add_record_routes<core::ValidationRule>(router, api, "/api/v1/validation-rules/{code}", code,
                                          code_field, true);
  add_list_route<core::ValidationRule>(router, api, "/api/v1/validation-rules",
                                       &core::Dataset::validation_rules);
}

}  // namespace mandate::http::api
