// /api/v1 Excel round-trip (docs/import.md): the data-entry template of a
// unit and period, uploads of filled templates and CSV files as import jobs,
// and the jobs' progress, results and error reports.
#include "core/error.hpp"
#include "core/indicator.hpp"
#include "core/text.hpp"
#include "http/api/context.hpp"
#include "http/errors.hpp"
#include "io/data_entry_xlsx.hpp"
#include "service/data_entry_template.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;

// An upload: a template of 100,000 rows is a few MiB; CSV somewhat more.
constexpr size_t kMaxImportBytes = 64u << 20;
constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

json::object bilingual(const std::string& code, const std::vector<std::string>& args) {
  return {{"vi", core::tr(core::Lang::vi, code, args)},
          {"en", core::tr(core::Lang::en, code, args)}};
}

json::object job_json(const service::ImportJob& j) {
  json::object o{
      {"id", j.id},
      {"status", service::import_status_name(j.status)},
      {"filename", j.filename},
      {"format", j.format},
      {"createdAt", j.created_at},
      {"progress", json::object{{"rowsRead", j.rows_read}, {"rowsTotal", j.rows_total}}}};
  if (!j.finished_at.empty())
    o["finishedAt"] = j.finished_at;
  if (j.result) {
    json::array errors;
    for (const auto& e : j.result->errors)
      errors.push_back(json::object{{"line", e.line},
                                    {"column", e.column},
                                    {"unit", e.unit},
                                    {"period", e.period},
                                    {"indicator", e.indicator},
                                    {"code", e.code},
                                    {"message", bilingual(e.code, e.args)}});
    o["result"] = json::object{{"rows", j.result->rows},
                               {"imported", j.result->imported},
                               {"updated", j.result->updated},
                               {"unchanged", j.result->unchanged},
                               {"errors", std::move(errors)}};
  }
  if (j.error)
    o["error"] = json::object{{"code", j.error->code()},
                              {"message", bilingual(j.error->code(), j.error->args())},
                              {"field", j.error->field()}};
  return o;
}

// ASCII only: the names are made of codes and period ids.
std::string attachment_name(std::string name) {
  for (char& c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '.' || c == '_'))
      c = '_';
  return "attachment; filename=\"" + name + "\"";
}

}  // namespace

void register_import_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("GET", "/api/v1/templates/data-entry", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const std::string unit = required_query(r, "unit");
    const std::string period = required_query(r, "period");
    const auto kind = r.query_param("kind");
    const auto s = api->cache().get();
    const io::DataEntryTemplate t = service::data_entry_template(
        *s, who, unit, period,
        kind && !kind->empty() ? core::parse_value_kind(*kind) : core::ValueKind::official);
    return Response::text(200, io::write_entry_template(t), kXlsxType)
        .with_header("Content-Disposition",
                     attachment_name("bieu-nhap-" + t.unit_code + "-" + t.period + ".xlsx"))
        .with_header("Cache-Control", "private, no-cache");
  });

  router.add(
      "POST", "/api/v1/imports",
      [api](Request& r) {
        const auto actor = api->actor(r);
        const std::string filename = core::to_nfc(r.query_param("filename").value_or(""));
        const service::ImportJob job = api->imports().start(actor, filename, std::move(r.body));
        const int status = job.status == service::ImportStatus::succeeded ? 200
                           : job.status == service::ImportStatus::failed  ? 422
                                                                          : 202;
        return Response::json(status, job_json(job))
            .with_header("Location", "/api/v1/imports/" + job.id);
      },
      kMaxImportBytes);

  router.add("GET", "/api/v1/imports", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    return Response::json(200, paged(api->imports().list(who), page_of(r), job_json));
  });

  router.add("GET", "/api/v1/imports/{id}", [api](Request& r) {
    const auto who = api->authenticate(r).principal;
    const service::ImportJob job = api->imports().get(r.param("id"), who);
    const std::string format = r.query_param("format").value_or("json");
    if (format == "json")
      return Response::json(200, job_json(job));
    if (format != "xlsx")
      throw core::invalid_input("query.invalid", {"format", format}, "format");
    const service::ValueImportResult none;
    const std::string bytes =
        io::write_error_report(service::error_report_rows(job.result ? *job.result : none));
    return Response::text(200, bytes, kXlsxType)
        .with_header("Content-Disposition", attachment_name("loi-nhap-" + job.id + ".xlsx"));
  });
}

}  // namespace mandate::http::api
