#include "service/value_import.hpp"

#include <algorithm>

#include "core/access.hpp"
#include "core/error.hpp"
#include "service/dhis2_service.hpp"

namespace mandate::service {
namespace {

namespace d2 = io::dhis2;

// The entry column a DHIS2 conflict's property names.
std::string column_of(const std::string& property) {
  if (property == "dataElement")
    return "indicator";
  if (property == "orgUnit")
    return "unit";
  if (property == "attributeOptionCombo")
    return "kind";
  return property;  // period, value, comment
}

RowError row_error(const io::EntryRow& row, std::string column, std::string code,
                   std::vector<std::string> args) {
  return {row.line,      std::move(column), row.unit,       row.period,
          row.indicator, std::move(code),   std::move(args)};
}

}  // namespace

void require_may_import(const Snapshot& snapshot, const core::Principal& who) {
  if (!core::role_allows(who.role, core::Action::enter_values))
    core::require(who, core::Action::enter_values, who.unit, snapshot.tree);
}

ValueImportResult import_entry_table(store::Store& store, const Snapshot& snapshot,
                                     const Actor& actor, const io::EntryTable& table) {
  require_may_import(snapshot, actor.principal);
  ValueImportResult result;
  result.rows = table.rows.size();

  // The rows whose cells could be read go to the DHIS2 import, by code.
  d2::DataValueSet set;
  std::vector<const io::EntryRow*> sent;  // set index -> row
  set.values.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    for (const auto& p : row.problems)
      result.errors.push_back(row_error(row, p.column, p.code, p.args));
    if (!row.problems.empty())
      continue;
    d2::DataValue v;
    v.data_element = row.indicator;
    v.org_unit = row.unit;
    v.period = row.period;
    v.attribute_option_combo = row.kind == core::ValueKind::estimate ? kDhis2EstimateCode : "";
    v.value = d2::number_text(row.value);
    v.comment = row.comment;
    set.values.push_back(std::move(v));
    sent.push_back(&row);
  }

  Dhis2ImportParams params;
  params.id_scheme = d2::IdScheme::code;
  params.atomic_mode = d2::AtomicMode::all;
  // With problems already found, only check the rest (nothing is written).
  params.dry_run = !result.errors.empty();
  const d2::ImportSummary summary = dhis2_import(store, snapshot, actor, set, params);
  for (const auto& c : summary.conflicts)
    for (size_t i : c.indexes)
      result.errors.push_back(row_error(*sent[i], column_of(c.property), c.message, c.args));

  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const RowError& a, const RowError& b) { return a.line < b.line; });
  if (result.errors.empty()) {
    result.imported = summary.count.imported;
    result.updated = summary.count.updated;
    result.unchanged = summary.count.ignored;
  }
  return result;
}

std::vector<io::ErrorReportRow> error_report_rows(const ValueImportResult& result) {
  std::vector<io::ErrorReportRow> out;
  out.reserve(result.errors.size());
  for (const auto& e : result.errors) {
    std::string column;
    for (io::EntryColumn c : io::kEntryColumns)
      if (io::entry_column_key(c) == e.column)
        column = io::entry_column_header(c, core::Lang::vi);
    out.push_back({e.line, column, e.unit, e.period, e.indicator,
                   core::tr(core::Lang::vi, e.code, e.args),
                   core::tr(core::Lang::en, e.code, e.args)});
  }
  return out;
}

}  // namespace mandate::service
