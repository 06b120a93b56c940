#pragma once
// DHIS2-compatible data exchange (docs/dhis2.md): importing a data value set
// the way DHIS2's POST /api/dataValueSets does, and exporting values the way
// its GET does. dataElement = indicator, orgUnit = unit, period = period id,
// categoryOptionCombo = the default (Mandate has no breakdowns yet),
// attributeOptionCombo = the kind of figure (default: official, ESTIMATE: estimate).
// Every value is checked as service::put_values checks it, and an import is
// authorised, audited and written in one transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "io/dhis2_data_value_set.hpp"
#include "service/snapshot.hpp"
#include "service/value_service.hpp"
#include "store/store.hpp"

namespace mandate::service {

// The attributeOptionCombo code (and name) of estimates; its uid is
// core::dhis2_uid(core::kDhis2KindValueKind, "ESTIMATE").
inline constexpr const char* kDhis2EstimateCode = "ESTIMATE";
// Comments longer than this are a conflict (DHIS2's limit).
inline constexpr size_t kDhis2MaxCommentLength = 5000;

// Import options from the query string; the payload's own options win (as in DHIS2).
struct Dhis2ImportParams {
  std::optional<io::dhis2::IdScheme> id_scheme;
  std::optional<io::dhis2::IdScheme> data_element_id_scheme;
  std::optional<io::dhis2::IdScheme> org_unit_id_scheme;
  std::optional<io::dhis2::IdScheme> category_option_combo_id_scheme;
  std::optional<bool> dry_run;
  std::optional<io::dhis2::ImportStrategy> strategy;
  io::dhis2::AtomicMode atomic_mode = io::dhis2::AtomicMode::all;
};

// Checks every value, then (unless dryRun, or a conflict under atomicMode ALL)
// writes them in one transaction with an audit entry per changed cell.
// Problems with single values are conflicts in the summary, not exceptions;
// throws core::Error only when the whole request is refused (a role that may
// not enter values at all: permission) or the store fails.
io::dhis2::ImportSummary dhis2_import(store::Store& store, const Snapshot& snapshot,
                                      const Actor& actor, const io::dhis2::DataValueSet& set,
                                      const Dhis2ImportParams& params);

struct Dhis2ExportParams {
  // Units by uid or code; none: the caller's own unit and everything below it.
  std::vector<std::string> org_units;
  bool children = false;  // each unit's whole subtree too
  // Exact period ids; periods lying within [start_date, end_date] (ISO dates,
  // either may be empty). Both empty and no period: every period.
  std::vector<std::string> periods;
  std::string start_date;
  std::string end_date;
  std::vector<std::string> data_elements;            // indicators by uid or code; none: all
  std::vector<std::string> attribute_option_combos;  // "default" / ESTIMATE, by uid, code or name
  io::dhis2::IdScheme data_element_id_scheme = io::dhis2::IdScheme::uid;
  io::dhis2::IdScheme org_unit_id_scheme = io::dhis2::IdScheme::uid;
  io::dhis2::IdScheme category_option_combo_id_scheme = io::dhis2::IdScheme::uid;
  // storedBy, created and lastUpdated from each cell's history (one store
  // read per indicator × unit × period exported).
  bool with_history = true;
};

// The stored values the caller may read that match the filters, in store
// order. Throws not_found for an unknown unit or indicator in the filters,
// permission for a unit outside the caller's scope, invalid_input for a bad
// period or date.
std::vector<io::dhis2::DataValue> dhis2_export(store::Store& store, const Snapshot& snapshot,
                                               const core::Principal& who,
                                               const Dhis2ExportParams& params);

}  // namespace mandate::service
