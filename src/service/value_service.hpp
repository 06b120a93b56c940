#pragma once
// Writing values, the way an office enters a figure: validated, authorised,
// checked against the version the writer saw, audited, and stored with the
// cell's history — all in one transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/cycle_checks.hpp"
#include "core/error.hpp"
#include "core/indicator.hpp"
#include "service/snapshot.hpp"
#include "store/store.hpp"

namespace mandate::service {

// Who is writing, from where, and when.
struct Actor {
  core::Principal principal;
  std::string address;
  std::string at;  // ISO timestamp
};

// The all-powerful actor of the command line, which runs on the server itself.
Actor command_line_actor(const Snapshot& snapshot, const std::string& at);

enum class Precondition {
  none,       // overwrite whatever is there (command line, bulk import)
  if_match,   // the cell must exist with this ETag
  if_absent,  // the cell must not exist (If-None-Match: *)
};

struct ValueWrite {
  std::string indicator;  // code
  std::string unit;       // code or name
  std::string period;     // period id
  core::ValueKind kind = core::ValueKind::official;
  double value = 0;
  std::string comment;
  Precondition precondition = Precondition::none;
  std::string etag;  // for if_match
};

// The cell changed since the writer read it: carries what is there now.
class StaleWrite : public core::Error {
 public:
  explicit StaleWrite(std::optional<core::Value> current);
  const std::optional<core::Value>& current() const { return current_; }

 private:
  std::optional<core::Value> current_;
};

struct WriteOutcome {
  core::Value value;
  std::string etag;
  bool changed = false;
  // Validation rules the saved value breaks (those that refuse on save throw instead).
  std::vector<core::RuleViolation> warnings;
};

// Throws core::Error (invalid_input, not_found, permission; conflict
// "submission.locked" when a submitted or approved report holds the cell) or StaleWrite.
WriteOutcome put_value(store::Store& store, const Snapshot& snapshot, const Actor& actor,
                       const ValueWrite& write);
// Several values, all or nothing. Preconditions are ignored (bulk import
// semantics); locks and rules that refuse on save apply to the batch as a whole.
size_t put_values(store::Store& store, const Snapshot& snapshot, const Actor& actor,
                  const std::vector<ValueWrite>& writes);
// Requires if_match; false when there was nothing to delete.
bool delete_value(store::Store& store, const Snapshot& snapshot, const Actor& actor,
                  const ValueWrite& which);

// Every change of the cell, oldest first; unit may be a code or a name.
std::vector<store::ValueChange> value_history(store::Store& store, const Snapshot& snapshot,
                                              const core::Principal& who,
                                              const std::string& indicator, const std::string& unit,
                                              const std::string& period);

}  // namespace mandate::service
