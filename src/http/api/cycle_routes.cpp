// /api/v1 reporting cycles: submissions and their steps, completeness of a
// form, task timeliness (docs/reporting-cycles.md). Forms and validation
// rules are records (record_routes.cpp).
#include "core/error.hpp"
#include "http/api/context.hpp"
#include "http/errors.hpp"
#include "io/cycle_json.hpp"
#include "io/json_writer.hpp"
#include "io/metadata_json.hpp"
#include "service/submission_service.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;

std::string query_or_empty(const Request& r, std::string_view name) {
  return r.query_param(name).value_or("");
}

json::array violations_json(const std::vector<core::RuleViolation>& violations) {
  json::array out;
  for (const auto& v : violations)
    out.push_back(io::to_json(v));
  return out;
}

// 409 with the cells that need a note, so a form can point at each of them.
Response notes_missing_response(const service::NotesMissing& e) {
  Response resp = error_response(e);
  auto body = json::parse(resp.body).as_object();
  json::array cells;
  for (const auto& n : e.notes())
    cells.push_back(io::to_json(n));
  body["notesRequired"] = std::move(cells);
  resp.body = io::compact_json(body);
  return resp;
}

json::object step_json(const store::SubmissionStepEntry& e) {
  json::object o{{"id", e.id},       {"step", e.step},
                 {"state", e.state}, {"approvals", e.approvals},
                 {"actor", e.actor}, {"at", e.at}};
  if (!e.reason.empty())
    o["reason"] = e.reason;
  return o;
}

}  // namespace

void register_cycle_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("GET", "/api/v1/submissions", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const auto items = service::list_submissions(
        *s, who, query_or_empty(r, "form"), query_or_empty(r, "unit"), query_or_empty(r, "period"));
    return Response::json(
        200, paged(items, page_of(r), [](const core::Submission& x) { return io::to_json(x); }));
  });

  router.add("GET", "/api/v1/submissions/{form}/{unit}/{period}/steps", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const auto items = service::submission_journal(api->store(), *s, who, r.param("form"),
                                                   r.param("unit"), r.param("period"));
    return Response::json(200, paged(items, page_of(r), step_json));
  });

  // A step is an action, not a replacement of the record: no ETag. The state
  // machine refuses a step the current state does not allow (409).
  router.add("POST", "/api/v1/submissions/{form}/{unit}/{period}/{step}", [api](Request& r) {
    const auto actor = api->actor(r);
    const auto step = core::parse_submission_step(r.param("step"));
    std::string reason;
    if (!r.body.empty()) {
      const auto body = json_body(r);
      only_keys(body, {"reason"});
      reason = optional_text(body, "reason");
    }
    try {
      const auto out = service::take_step(api->store(), api->cache(), actor, r.param("form"),
                                          r.param("unit"), r.param("period"), step, reason);
      auto body = io::to_json(out.submission);
      if (!out.violations.empty())
        body["violations"] = violations_json(out.violations);
      return Response::json(200, body);
    } catch (const service::NotesMissing& e) {
      return notes_missing_response(e);
    }
  });

  router.add("GET", "/api/v1/completeness", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const auto report =
        service::completeness_report(*s, who, required_query(r, "form"), query_or_empty(r, "unit"),
                                     required_query(r, "period"), core::vietnam_date(api->now()));
    auto body = io::to_json(report.result);
    body["form"] = report.form->code;
    body["unit"] = report.root;
    body["period"] = report.period;
    return Response::json(200, body);
  });

  router.add("GET", "/api/v1/task-status", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const auto s = api->cache().get();
    const auto report =
        service::task_status(*s, who, query_or_empty(r, "unit"), required_query(r, "period"),
                             core::vietnam_date(api->now()));
    json::array children;
    for (const auto& [unit, counts] : report.by_child) {
      auto o = io::to_json(counts);
      o["unit"] = unit;
      children.push_back(std::move(o));
    }
    return Response::json(200, json::object{{"unit", report.unit},
                                            {"period", report.period},
                                            {"totals", io::to_json(report.totals)},
                                            {"byChild", std::move(children)}});
  });
}

}  // namespace mandate::http::api
