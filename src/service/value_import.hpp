#pragma once
// Importing values from a filled data-entry table (XLSX template or CSV):
// every row is checked the way service::dhis2_import checks a data value (the
// same code resolution, scope, range and comment rules), and the values are
// written by it in one transaction, all or nothing. A problem with any row —
// in its cells (io/data_entry_table.hpp) or its meaning — leaves the store
// untouched and comes back in a row-by-row report.
#include <cstddef>
#include <string>
#include <vector>

#include "io/data_entry_table.hpp"
#include "io/data_entry_xlsx.hpp"
#include "service/snapshot.hpp"
#include "service/value_service.hpp"
#include "store/store.hpp"

namespace mandate::service {

struct RowError {
  size_t line = 0;     // row of the file
  std::string column;  // column key ("value", "unit", ...)
  std::string unit;    // as written in the row
  std::string period;
  std::string indicator;
  std::string code;  // catalog key of the message
  std::vector<std::string> args;
};

struct ValueImportResult {
  size_t rows = 0;  // rows with a value
  size_t imported = 0;
  size_t updated = 0;
  size_t unchanged = 0;
  std::vector<RowError> errors;  // by line; any: nothing was written
  bool ok() const { return errors.empty(); }
};

// Throws core::Error permission when the caller's role may not enter values anywhere.
void require_may_import(const Snapshot& snapshot, const core::Principal& who);

// Throws core::Error only when the store fails or the role may not enter values.
ValueImportResult import_entry_table(store::Store& store, const Snapshot& snapshot,
                                     const Actor& actor, const io::EntryTable& table);

// The report's rows, with the messages in both languages.
std::vector<io::ErrorReportRow> error_report_rows(const ValueImportResult& result);

}  // namespace mandate::service
