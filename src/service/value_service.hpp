#pragma once
// Writing single values, the way an office enters a figure.
#include <optional>
#include <string>
#include <vector>

#include "core/indicator.hpp"
#include "store/store.hpp"

namespace mandate::service {

struct ValueInput {
  std::string indicator;   // code
  std::string unit;        // code or name
  std::string period;      // period id
  std::string value_text;  // as typed: "65,3", "1.234.567", "430000000000"
  core::ValueKind kind = core::ValueKind::official;
  std::string comment;
};

// Validates everything (indicator known and not computed, unit, period,
// number, range) and stores the value with its history in one transaction.
// Returns true when the stored value changed.
bool set_value(store::Store& store, const ValueInput& input, const store::ChangeContext& context);

// Every change of the cell, oldest first; unit may be a code or a name.
std::vector<store::ValueChange> value_history(store::Store& store, const std::string& indicator,
                                              const std::string& unit, const std::string& period);

}  // namespace mandate::service
