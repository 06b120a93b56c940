#pragma once
// DHIS2's data value set formats (docs/dhis2.md): what /api/dataValueSets
// reads and writes in JSON and CSV, and the import summary it answers with.
// This layer only reads and writes text; identifiers stay as sent, and the
// service resolves them (service/dhis2_service.hpp).
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n.hpp"

namespace mandate::io::dhis2 {

// Which property of a record an identifier names.
enum class IdScheme { uid, code, name };
// Case-insensitive "UID" (or "ID"), "CODE", "NAME"; anything else (DHIS2's
// "ATTRIBUTE:…" included) is invalid_input naming `param`.
IdScheme parse_id_scheme(std::string_view text, std::string_view param);
std::string_view id_scheme_name(IdScheme s);  // "UID", "CODE", "NAME"

enum class ImportStrategy { create, update, create_and_update, remove };
// CREATE, UPDATE, CREATE_AND_UPDATE, DELETE, and DHIS2's older spellings
// NEW, UPDATES, NEW_AND_UPDATES, DELETES; case-insensitive.
ImportStrategy parse_import_strategy(std::string_view text);
std::string_view import_strategy_name(ImportStrategy s);

enum class AtomicMode {
  all,   // any conflict: nothing is written (the default)
  none,  // the valid values are written, the conflicts reported
};
AtomicMode parse_atomic_mode(std::string_view text);
std::string_view atomic_mode_name(AtomicMode m);

// "true" / "false" in any case (DHIS2 booleans in query strings and CSV);
// anything else is invalid_input naming `field`.
bool parse_boolean(std::string_view text, std::string_view field);

// One data value as exchanged: every field is text, as DHIS2 sends it.
struct DataValue {
  std::string data_element;
  std::string period;
  std::string org_unit;
  std::string category_option_combo;
  std::string attribute_option_combo;
  std::string value;  // "65.3", "true", ... (empty when absent or null)
  std::string stored_by;
  std::string created;
  std::string last_updated;
  std::string comment;
  bool followup = false;
  bool deleted = false;
};

// Import options carried by the payload itself; they win over the query string.
struct PayloadOptions {
  std::optional<IdScheme> id_scheme;
  std::optional<IdScheme> data_element_id_scheme;
  std::optional<IdScheme> org_unit_id_scheme;
  std::optional<IdScheme> category_option_combo_id_scheme;
  std::optional<bool> dry_run;
  std::optional<ImportStrategy> strategy;
};

struct DataValueSet {
  // Defaults for values that leave these out (the "one form" layout).
  std::string period;
  std::string org_unit;
  std::string attribute_option_combo;
  // Accepted and not used: Mandate has no data sets or completeness.
  std::string data_set;
  std::string complete_date;
  PayloadOptions options;
  std::vector<DataValue> values;
};

// Strict JSON: only DHIS2's keys, at the top level and in each value; wrong
// types are invalid_input with the path ("dataValues[3].value"). Values may
// be JSON strings, numbers or booleans; text must be valid UTF-8.
DataValueSet read_json(std::string_view text);

// DHIS2's CSV, columns by position: dataelement, period, orgunit, catoptcombo,
// attroptcombo, value, storedby, lastupdated, comment, followup, deleted (the
// later ones optional). first_row_is_header: as DHIS2's firstRowIsHeader;
// when not given, the first row is a header when its first cell reads
// "dataelement" (any case). Parsed by libcsv, strictly (bad quoting fails).
DataValueSet read_csv(std::string_view text, std::optional<bool> first_row_is_header);

// {"dataValues": [...]}; empty optional fields are left out.
std::string write_json(const std::vector<DataValue>& values);
// Header row, then one row per value; fields quoted only when needed.
std::string write_csv(const std::vector<DataValue>& values);

// --- The import summary ------------------------------------------------------

enum class ImportStatus { success, warning, error };
std::string_view import_status_name(ImportStatus s);  // "SUCCESS", "WARNING", "ERROR"

struct ImportCount {
  size_t imported = 0;
  size_t updated = 0;
  size_t ignored = 0;
  size_t deleted = 0;
};

// One kind of problem with one object, and every value (by its 0-based index
// in the payload) that has it.
struct ImportConflict {
  std::string object;                                        // the identifier or text as sent
  std::vector<std::pair<std::string, std::string>> objects;  // e.g. {"dataElement", "xYz…"}
  std::string property;    // the data value's property at fault: "dataElement", "value", ...
  std::string error_code;  // DHIS2's code for the same problem, e.g. "E7610"
  std::string message;     // catalog key of the explanation
  std::vector<std::string> args;
  std::vector<size_t> indexes;
};

struct ImportSummary {
  ImportStatus status = ImportStatus::success;
  ImportCount count;
  std::vector<ImportConflict> conflicts;
  std::vector<size_t> rejected_indexes;  // values not written for a conflict or the strategy
  // The options in effect, echoed as DHIS2 does.
  IdScheme data_element_id_scheme = IdScheme::uid;
  IdScheme org_unit_id_scheme = IdScheme::uid;
  IdScheme category_option_combo_id_scheme = IdScheme::uid;
  bool dry_run = false;
  ImportStrategy strategy = ImportStrategy::create_and_update;
  AtomicMode atomic_mode = AtomicMode::all;
};

// The HTTP status DHIS2 (2.38 and later) answers with: 200 on SUCCESS, 409 otherwise.
int http_status(const ImportSummary& s);
// DHIS2's web message wrapping the summary:
//   {"httpStatus": "OK", "httpStatusCode": 200, "status": "OK", "message": "...",
//    "response": {"responseType": "ImportSummary", "status": "SUCCESS",
//                 "importOptions": {...}, "description": "...",
//                 "importCount": {"imported": 1, "updated": 0, "ignored": 0, "deleted": 0},
//                 "conflicts": [{"object": "…", "objects": {…}, "value": "…",
//                                "errorCode": "E7610", "property": "dataElement",
//                                "indexes": [0]}],
//                 "rejectedIndexes": [], "dataSetComplete": "false"}}
// Texts ("message", "description", conflict "value") in lang.
boost::json::object to_web_message(const ImportSummary& s, core::Lang lang);

// A number as DHIS2 writes it: plain decimal, shortest form that reads back
// exactly ("65.3", "61200000", "0.05"), never an exponent.
std::string number_text(double d);

// DHIS2 names and codes compare case-blind in ASCII; CSV cells may carry
// spaces, tabs and a carriage return around them.
std::string upper_ascii(std::string_view text);
std::string_view trim_ascii(std::string_view text);

}  // namespace mandate::io::dhis2
