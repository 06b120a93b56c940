#include "io/dhis2_data_value_set.hpp"

#include <csv.h>

#include <array>
#include <charconv>
#include <cmath>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/csv_rows.hpp"
#include "io/json_reader.hpp"

namespace mandate::io::dhis2 {
namespace {

namespace json = boost::json;
using core::invalid_input;

// --- JSON ----------------------------------------------------------------------

std::string path_of(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

void check_keys(const json::object& o, const std::string& prefix,
                std::initializer_list<std::string_view> allowed) {
  for (const auto& kv : o) {
    bool known = false;
    for (auto a : allowed)
      known = known || kv.key() == a;
    if (!known) {
      const std::string at = path_of(prefix, kv.key());
      throw invalid_input("json.unknown_key", {at}, at);
    }
  }
}

// Text of a string member, NFC-normalised; empty when absent or null.
std::string text_of(const json::object& o, const std::string& prefix, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null())
    return {};
  const std::string at = path_of(prefix, key);
  if (!v->is_string())
    throw invalid_input("json.expected_string", {at}, at);
  const auto& s = v->get_string();
  const std::string_view text(s.data(), s.size());
  if (!core::is_storable_text(text))
    throw invalid_input("text.invalid_utf8", {at}, at);
  return core::to_nfc(text);
}

// A value: DHIS2 sends strings, but numbers and booleans are taken too.
std::string value_of(const json::object& o, const std::string& prefix) {
  const auto* v = o.if_contains("value");
  if (!v || v->is_null())
    return {};
  if (v->is_double())
    return number_text(v->get_double());
  if (v->is_int64())
    return std::to_string(v->get_int64());
  if (v->is_uint64())
    return std::to_string(v->get_uint64());
  if (v->is_bool())
    return v->get_bool() ? "true" : "false";
  if (v->is_string())
    return text_of(o, prefix, "value");
  const std::string at = path_of(prefix, "value");
  throw invalid_input("json.expected_string", {at}, at);
}

bool bool_of(const json::object& o, const std::string& prefix, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null())
    return false;
  const std::string at = path_of(prefix, key);
  if (v->is_bool())
    return v->get_bool();
  if (v->is_string())
    return parse_boolean(std::string_view(v->get_string().data(), v->get_string().size()), at);
  throw invalid_input("json.expected_bool", {at}, at);
}

template <typename T, typename Parse>
std::optional<T> option_of(const json::object& o, std::string_view key, Parse&& parse) {
  const std::string text = text_of(o, "", key);
  if (text.empty())
    return std::nullopt;
  return parse(text);
}

DataValue read_value(const json::value& v, const std::string& at) {
  if (!v.is_object())
    throw invalid_input("json.expected_object", {at}, at);
  const auto& o = v.get_object();
  check_keys(
      o, at,
      {"dataElement", "period", "orgUnit", "categoryOptionCombo", "attributeOptionCombo", "value",
       "storedBy", "created", "lastUpdated", "comment", "followup", "followUp", "deleted"});
  DataValue d;
  d.data_element = text_of(o, at, "dataElement");
  d.period = text_of(o, at, "period");
  d.org_unit = text_of(o, at, "orgUnit");
  d.category_option_combo = text_of(o, at, "categoryOptionCombo");
  d.attribute_option_combo = text_of(o, at, "attributeOptionCombo");
  d.value = value_of(o, at);
  d.stored_by = text_of(o, at, "storedBy");
  d.created = text_of(o, at, "created");
  d.last_updated = text_of(o, at, "lastUpdated");
  d.comment = text_of(o, at, "comment");
  d.followup = bool_of(o, at, "followup") || bool_of(o, at, "followUp");
  d.deleted = bool_of(o, at, "deleted");
  return d;
}

// --- CSV -------------------------------------------------------------------------

constexpr size_t kCsvColumns = 11;

bool is_header(const std::vector<std::string>& row) {
  return !row.empty() && upper_ascii(trim_ascii(row[0])) == "DATAELEMENT";
}

// Writes one CSV field, quoted only when it has to be.
void put_field(std::string& out, std::string_view field) {
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out += field;
    return;
  }
  std::string buffer(field.size() * 2 + 2, '\0');
  const size_t n = csv_write(buffer.data(), buffer.size(), field.data(), field.size());
  out.append(buffer.data(), n);
}

// --- The summary -----------------------------------------------------------------

json::array index_array(const std::vector<size_t>& indexes) {
  json::array a;
  for (size_t i : indexes)
    a.emplace_back(i);
  return a;
}

}  // namespace

IdScheme parse_id_scheme(std::string_view text, std::string_view param) {
  const std::string s = upper_ascii(trim_ascii(text));
  if (s == "UID" || s == "ID")
    return IdScheme::uid;
  if (s == "CODE")
    return IdScheme::code;
  if (s == "NAME")
    return IdScheme::name;
  throw invalid_input("dhis2.id_scheme_invalid", {std::string(param), std::string(text)},
                      std::string(param));
}

std::string_view id_scheme_name(IdScheme s) {
  switch (s) {
    case IdScheme::uid:
      return "UID";
    case IdScheme::code:
      return "CODE";
    case IdScheme::name:
      return "NAME";
  }
  return "UID";
}

ImportStrategy parse_import_strategy(std::string_view text) {
  const std::string s = upper_ascii(trim_ascii(text));
  if (s == "CREATE" || s == "NEW")
    return ImportStrategy::create;
  if (s == "UPDATE" || s == "UPDATES")
    return ImportStrategy::update;
  if (s == "CREATE_AND_UPDATE" || s == "NEW_AND_UPDATES")
    return ImportStrategy::create_and_update;
  if (s == "DELETE" || s == "DELETES")
    return ImportStrategy::remove;
  throw invalid_input("dhis2.import_strategy_invalid", {std::string(text)}, "importStrategy");
}

std::string_view import_strategy_name(ImportStrategy s) {
  switch (s) {
    case ImportStrategy::create:
      return "CREATE";
    case ImportStrategy::update:
      return "UPDATE";
    case ImportStrategy::create_and_update:
      return "CREATE_AND_UPDATE";
    case ImportStrategy::remove:
      return "DELETE";
  }
  return "CREATE_AND_UPDATE";
}

AtomicMode parse_atomic_mode(std::string_view text) {
  const std::string s = upper_ascii(trim_ascii(text));
  if (s == "ALL")
    return AtomicMode::all;
  if (s == "NONE")
    return AtomicMode::none;
  throw invalid_input("dhis2.atomic_mode_invalid", {std::string(text)}, "atomicMode");
}

std::string_view atomic_mode_name(AtomicMode m) {
  return m == AtomicMode::all ? "ALL" : "NONE";
}

bool parse_boolean(std::string_view text, std::string_view field) {
  const std::string s = upper_ascii(trim_ascii(text));
  if (s == "TRUE")
    return true;
  if (s == "FALSE" || s.empty())
    return false;
  throw invalid_input("query.invalid", {std::string(field), std::string(text)}, std::string(field));
}

DataValueSet read_json(std::string_view text) {
  const json::value doc = parse_json(text);
  if (!doc.is_object())
    throw invalid_input("json.expected_object", {"body"}, "body");
  const auto& o = doc.get_object();
  check_keys(o, "",
             {"dataValues", "dataSet", "completeDate", "period", "orgUnit", "attributeOptionCombo",
              "idScheme", "dataElementIdScheme", "orgUnitIdScheme", "categoryOptionComboIdScheme",
              "dataSetIdScheme", "dryRun", "strategy", "importStrategy"});
  DataValueSet set;
  set.data_set = text_of(o, "", "dataSet");
  set.complete_date = text_of(o, "", "completeDate");
  set.period = text_of(o, "", "period");
  set.org_unit = text_of(o, "", "orgUnit");
  set.attribute_option_combo = text_of(o, "", "attributeOptionCombo");
  auto scheme = [&](std::string_view key) {
    return option_of<IdScheme>(o, key,
                               [&](const std::string& t) { return parse_id_scheme(t, key); });
  };
  set.options.id_scheme = scheme("idScheme");
  set.options.data_element_id_scheme = scheme("dataElementIdScheme");
  set.options.org_unit_id_scheme = scheme("orgUnitIdScheme");
  set.options.category_option_combo_id_scheme = scheme("categoryOptionComboIdScheme");
  scheme("dataSetIdScheme");  // checked, not used
  if (o.contains("dryRun"))
    set.options.dry_run = bool_of(o, "", "dryRun");
  for (std::string_view key : {"strategy", "importStrategy"})
    if (auto s = option_of<ImportStrategy>(o, key, parse_import_strategy))
      set.options.strategy = s;

  if (const auto* list = o.if_contains("dataValues"); list && !list->is_null()) {
    if (!list->is_array())
      throw invalid_input("json.expected_array", {"dataValues"}, "dataValues");
    const auto& a = list->get_array();
    set.values.reserve(a.size());
    for (size_t i = 0; i < a.size(); ++i)
      set.values.push_back(read_value(a[i], "dataValues[" + std::to_string(i) + "]"));
  }
  return set;
}

DataValueSet read_csv(std::string_view text, std::optional<bool> first_row_is_header) {
  if (text.starts_with("\xEF\xBB\xBF"))  // a byte-order mark, as spreadsheets write
    text.remove_prefix(3);
  if (!core::is_storable_text(text))
    throw invalid_input("text.invalid_utf8", {"body"}, "body");
  auto rows = read_csv_rows(text);
  size_t first = 0;
  if (!rows.empty() && first_row_is_header.value_or(is_header(rows[0])))
    first = 1;
  DataValueSet set;
  set.values.reserve(rows.size() - first);
  for (size_t r = first; r < rows.size(); ++r) {
    auto& row = rows[r];
    const std::string line = std::to_string(r + 1);
    if (row.size() > kCsvColumns)
      throw invalid_input("dhis2.csv_too_many_columns",
                          {line, std::to_string(row.size()), std::to_string(kCsvColumns)}, "body");
    row.resize(kCsvColumns);
    auto cell = [&](size_t i) { return core::to_nfc(trim_ascii(row[i])); };
    DataValue d;
    d.data_element = cell(0);
    d.period = cell(1);
    d.org_unit = cell(2);
    d.category_option_combo = cell(3);
    d.attribute_option_combo = cell(4);
    d.value = cell(5);
    d.stored_by = cell(6);
    d.last_updated = cell(7);
    d.comment = core::to_nfc(row[8]);
    auto flag = [&](size_t i, const char* column) {
      const std::string_view t = trim_ascii(row[i]);
      const std::string u = upper_ascii(t);
      if (u.empty() || u == "FALSE")
        return false;
      if (u == "TRUE")
        return true;
      throw invalid_input("dhis2.csv_boolean_invalid", {line, column, std::string(t)}, "body");
    };
    d.followup = flag(9, "followup");
    d.deleted = flag(10, "deleted");
    set.values.push_back(std::move(d));
  }
  return set;
}

std::string write_json(const std::vector<DataValue>& values) {
  json::array out;
  out.reserve(values.size());
  for (const auto& d : values) {
    json::object o;
    o["dataElement"] = d.data_element;
    o["period"] = d.period;
    o["orgUnit"] = d.org_unit;
    o["categoryOptionCombo"] = d.category_option_combo;
    o["attributeOptionCombo"] = d.attribute_option_combo;
    o["value"] = d.value;
    if (!d.stored_by.empty())
      o["storedBy"] = d.stored_by;
    if (!d.created.empty())
      o["created"] = d.created;
    if (!d.last_updated.empty())
      o["lastUpdated"] = d.last_updated;
    if (!d.comment.empty())
      o["comment"] = d.comment;
    o["followup"] = d.followup;
    if (d.deleted)
      o["deleted"] = true;
    out.push_back(std::move(o));
  }
  return json::serialize(json::object{{"dataValues", std::move(out)}});
}

std::string write_csv(const std::vector<DataValue>& values) {
  std::string out =
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,"
      "followup,deleted\r\n";
  for (const auto& d : values) {
    const std::array<std::string_view, kCsvColumns> fields{d.data_element,
                                                           d.period,
                                                           d.org_unit,
                                                           d.category_option_combo,
                                                           d.attribute_option_combo,
                                                           d.value,
                                                           d.stored_by,
                                                           d.last_updated,
                                                           d.comment,
                                                           d.followup ? "true" : "false",
                                                           d.deleted ? "true" : "false"};
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i)
        out += ',';
      put_field(out, fields[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string_view import_status_name(ImportStatus s) {
  switch (s) {
    case ImportStatus::success:
      return "SUCCESS";
    case ImportStatus::warning:
      return "WARNING";
    case ImportStatus::error:
      return "ERROR";
  }
  return "ERROR";
}

int http_status(const ImportSummary& s) {
  return s.status == ImportStatus::success ? 200 : 409;
}

json::object to_web_message(const ImportSummary& s, core::Lang lang) {
  json::object options{
      {"idSchemes", json::object{{"dataElementIdScheme", id_scheme_name(s.data_element_id_scheme)},
                                 {"orgUnitIdScheme", id_scheme_name(s.org_unit_id_scheme)},
                                 {"categoryOptionComboIdScheme",
                                  id_scheme_name(s.category_option_combo_id_scheme)}}},
      {"dryRun", s.dry_run},
      {"async", false},
      {"importStrategy", import_strategy_name(s.strategy)},
      {"atomicMode", atomic_mode_name(s.atomic_mode)},
  };
  json::array conflicts;
  for (const auto& c : s.conflicts) {
    json::object objects;
    for (const auto& [type, id] : c.objects)
      objects[type] = id;
    json::object o{{"object", c.object},
                   {"objects", std::move(objects)},
                   {"value", core::tr(lang, c.message, c.args)},
                   {"errorCode", c.error_code},
                   {"property", c.property},
                   {"indexes", index_array(c.indexes)}};
    conflicts.push_back(std::move(o));
  }
  const char* description = s.status == ImportStatus::success   ? "dhis2.summary.success"
                            : s.status == ImportStatus::warning ? "dhis2.summary.partial"
                                                                : "dhis2.summary.aborted";
  json::object response{{"responseType", "ImportSummary"},
                        {"status", import_status_name(s.status)},
                        {"importOptions", std::move(options)},
                        {"description", core::tr(lang, description)},
                        {"importCount", json::object{{"imported", s.count.imported},
                                                     {"updated", s.count.updated},
                                                     {"ignored", s.count.ignored},
                                                     {"deleted", s.count.deleted}}},
                        {"conflicts", std::move(conflicts)},
                        {"rejectedIndexes", index_array(s.rejected_indexes)},
                        {"dataSetComplete", "false"}};
  const int status = http_status(s);
  const char* message = s.status == ImportStatus::success   ? "dhis2.message.ok"
                        : s.status == ImportStatus::warning ? "dhis2.message.warning"
                                                            : "dhis2.message.error";
  return {{"httpStatus", status == 200 ? "OK" : "Conflict"},
          {"httpStatusCode", status},
          {"status", s.status == ImportStatus::success   ? "OK"
                     : s.status == ImportStatus::warning ? "WARNING"
                                                         : "ERROR"},
          {"message", core::tr(lang, message)},
          {"response", std::move(response)}};
}

std::string number_text(double d) {
  if (d == 0 || !std::isfinite(d))
    return "0";
  // Fixed notation, shortest digits that read back to the same double.
  char buffer[512];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::fixed);
  if (r.ec != std::errc())
    return std::to_string(d);
  return std::string(buffer, r.ptr);
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z')
      c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string_view trim_ascii(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

}  // namespace mandate::io::dhis2
