// /api/v1/scorecard and /api/v1/reports: figures and drafted reports.
#include "core/error.hpp"
#include "http/api/context.hpp"
#include "io/report_render.hpp"
#include "service/report_service.hpp"

namespace mandate::http::api {
namespace {

service::Report report_for(ApiContext& api, const Request& r) {
  const auto who = api.authenticate(r).principal;
  const auto s = api.cache().get();
  const std::string unit = required_query(r, "unit");
  const std::string period = required_query(r, "period");
  const core::Unit& u = s->tree.resolve(unit);
  core::require(who, core::Action::read, u.code, s->tree);
  return service::build_report(s, u.code, period, lang_of(r));
}

}  // namespace

void register_report_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("GET", "/api/v1/scorecard", [api](Request& r) {
    const auto report = report_for(*api, r);
    return Response::text(200, io::render_report_json(report.content, report.scorecard),
                          "application/json; charset=utf-8");
  });

  router.add("GET", "/api/v1/reports", [api](Request& r) {
    const std::string format = r.query_param("format").value_or("json");
    if (format != "json" && format != "md" && format != "text")
      throw core::invalid_input("query.invalid", {"format", format}, "format");
    const auto report = report_for(*api, r);
    if (format == "md")
      return Response::text(200, io::render_report_markdown(report.content),
                            "text/markdown; charset=utf-8");
    if (format == "text")
      return Response::text(200, io::render_report_text(report.content),
                            "text/plain; charset=utf-8");
    return Response::text(200, io::render_report_json(report.content, report.scorecard),
                          "application/json; charset=utf-8");
  });
}

}  // namespace mandate::http::api
