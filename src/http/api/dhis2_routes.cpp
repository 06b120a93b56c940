// DHIS2-compatible data exchange (docs/dhis2.md): POST and GET
// /api/dataValueSets in DHIS2's JSON and CSV, also as .json / .csv and under
// DHIS2's versioned paths (/api/40/dataValueSets), so that scripts written for
// DHIS2 work unchanged. Handlers parse, call service/dhis2_service, serialise.
#include <algorithm>

#include "core/error.hpp"
#include "http/api/context.hpp"
#include "http/errors.hpp"
#include "io/dhis2_data_value_set.hpp"
#include "service/dhis2_service.hpp"

namespace mandate::http::api {
namespace {

namespace d2 = io::dhis2;

enum class Format { json, csv };

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "Application/JSON; charset=UTF-8" -> "application/json".
std::string media_type(std::string_view header) {
  header = header.substr(0, header.find(';'));
  while (!header.empty() && header.front() == ' ')
    header.remove_prefix(1);
  while (!header.empty() && header.back() == ' ')
    header.remove_suffix(1);
  return lower_ascii(header);
}

std::optional<Format> format_of_media(std::string_view media) {
  if (media == "application/json" || media.ends_with("+json"))
    return Format::json;
  if (media == "text/csv" || media == "application/csv")
    return Format::csv;
  return std::nullopt;
}

// The format the path names: /api/dataValueSets.json, /api/dataValueSets.csv.
std::optional<Format> format_of_path(const Request& r) {
  if (r.route.ends_with(".json"))
    return Format::json;
  if (r.route.ends_with(".csv"))
    return Format::csv;
  return std::nullopt;
}

// DHIS2's versioned paths take an API version number (/api/40/...); any other
// segment there is not a DHIS2 path.
void check_version(const Request& r) {
  auto it = r.path_params.find("version");
  if (it == r.path_params.end())
    return;
  const std::string& v = it->second;
  if (v.empty() || v.size() > 3 ||
      !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw core::not_found("http.not_found", {r.path});
}

std::vector<std::string> all_params(const Request& r, const std::string& name) {
  std::vector<std::string> out;
  auto [first, last] = r.query.equal_range(name);
  for (auto it = first; it != last; ++it)
    if (!it->second.empty())
      out.push_back(it->second);
  return out;
}

std::optional<d2::IdScheme> scheme_param(const Request& r, const char* name) {
  const auto v = r.query_param(name);
  if (!v || v->empty())
    return std::nullopt;
  return d2::parse_id_scheme(*v, name);
}

std::optional<bool> bool_param(const Request& r, const char* name) {
  const auto v = r.query_param(name);
  if (!v || v->empty())
    return std::nullopt;
  return d2::parse_boolean(*v, name);
}

// The language of the summary's texts: ?lang=, else Accept-Language (vi or
// en), else English — DHIS2's language, which scripts written for DHIS2 may
// match conflict texts against.
core::Lang summary_lang(const Request& r) {
  if (auto q = r.query_param("lang"); q && !q->empty())
    return core::parse_lang(*q);
  return lower_ascii(r.header("Accept-Language")).starts_with("vi") ? core::Lang::vi
                                                                    : core::Lang::en;
}

Response import_values(ApiContext& api, Request& r) {
  check_version(r);
  const service::Actor actor = api.actor(r);

  const std::string content_type = r.header("Content-Type");
  std::optional<Format> format = format_of_media(media_type(content_type));
  if (!format)
    format = format_of_path(r);
  if (!format && media_type(content_type).empty())
    format = Format::json;
  if (!format)
    return error_response(415, "dhis2.unsupported_content_type", {content_type});

  service::Dhis2ImportParams params;
  params.id_scheme = scheme_param(r, "idScheme");
  params.data_element_id_scheme = scheme_param(r, "dataElementIdScheme");
  params.org_unit_id_scheme = scheme_param(r, "orgUnitIdScheme");
  params.category_option_combo_id_scheme = scheme_param(r, "categoryOptionComboIdScheme");
  params.dry_run = bool_param(r, "dryRun");
  for (const char* name : {"importStrategy", "strategy"})
    if (auto v = r.query_param(name); v && !v->empty())
      params.strategy = d2::parse_import_strategy(*v);
  if (auto v = r.query_param("atomicMode"); v && !v->empty())
    params.atomic_mode = d2::parse_atomic_mode(*v);

  const d2::DataValueSet set = *format == Format::csv
                                   ? d2::read_csv(r.body, bool_param(r, "firstRowIsHeader"))
                                   : d2::read_json(r.body);
  const auto snapshot = api.cache().get();
  const d2::ImportSummary summary =
      service::dhis2_import(api.store(), *snapshot, actor, set, params);
  return Response::json(d2::http_status(summary), d2::to_web_message(summary, summary_lang(r)));
}

Response export_values(ApiContext& api, Request& r) {
  check_version(r);
  const core::Principal who = api.authenticate(r).principal;

  std::optional<Format> format = format_of_path(r);
  if (!format) {
    if (auto f = r.query_param("format"); f && !f->empty()) {
      const std::string name = lower_ascii(*f);
      if (name == "json")
        format = Format::json;
      else if (name == "csv")
        format = Format::csv;
      else
        throw core::invalid_input("dhis2.format_invalid", {*f}, "format");
    }
  }
  if (!format) {
    // The first media type of Accept that names a format; JSON otherwise.
    const std::string header = r.header("Accept");
    std::string_view accept = header;
    while (!format && !accept.empty()) {
      const size_t comma = accept.find(',');
      format = format_of_media(media_type(accept.substr(0, comma)));
      accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    }
    format = format.value_or(Format::json);
  }

  service::Dhis2ExportParams params;
  params.org_units = all_params(r, "orgUnit");
  params.children = bool_param(r, "children").value_or(false);
  params.periods = all_params(r, "period");
  params.start_date = r.query_param("startDate").value_or("");
  params.end_date = r.query_param("endDate").value_or("");
  params.data_elements = all_params(r, "dataElement");
  params.attribute_option_combos = all_params(r, "attributeOptionCombo");
  const auto general = scheme_param(r, "idScheme");
  params.data_element_id_scheme =
      scheme_param(r, "dataElementIdScheme").value_or(general.value_or(d2::IdScheme::uid));
  params.org_unit_id_scheme =
      scheme_param(r, "orgUnitIdScheme").value_or(general.value_or(d2::IdScheme::uid));
  params.category_option_combo_id_scheme =
      scheme_param(r, "categoryOptionComboIdScheme").value_or(general.value_or(d2::IdScheme::uid));

  const auto snapshot = api.cache().get();
  const auto values = service::dhis2_export(api.store(), *snapshot, who, params);
  if (*format == Format::csv)
    return Response::text(200, d2::write_csv(values), "application/csv; charset=utf-8");
  return Response::text(200, d2::write_json(values), "application/json; charset=utf-8");
}

}  // namespace

void register_dhis2_routes(Router& router, std::shared_ptr<ApiContext> api) {
  for (const char* prefix : {"/api", "/api/{version}"}) {
    for (const char* suffix : {"", ".json", ".csv"}) {
      const std::string path = std::string(prefix) + "/dataValueSets" + suffix;
      router.add("POST", path, [api](Request& r) { return import_values(*api, r); });
      router.add("GET", path, [api](Request& r) { return export_values(*api, r); });
    }
  }
}

}  // namespace mandate::http::api
