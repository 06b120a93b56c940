#pragma once
// The data-entry template of a unit for a period (docs/import.md): one row per
// indicator reported directly (computed ones are left out), with the target,
// the previous period's and last year's figures, and the figure already
// entered, if any, as the input's starting value.
#include <string>

#include "core/access.hpp"
#include "io/data_entry_xlsx.hpp"
#include "service/snapshot.hpp"

namespace mandate::service {

// unit: code or name. Throws not_found (unit), invalid_input (period),
// permission (a unit the caller may not read).
io::DataEntryTemplate data_entry_template(const Snapshot& snapshot, const core::Principal& who,
                                          const std::string& unit, const std::string& period,
                                          core::ValueKind kind);

}  // namespace mandate::service
