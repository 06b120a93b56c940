#pragma once
// Reporting cycles as use cases: listing reports and their states, taking a
// step (submit, recall, approve, unapprove, reopen) in one audited
// transaction, completeness of a form for a period, and task timeliness.
// The rules are core's (submission, completeness, cycle_checks,
// task_timeliness); this layer authorises, reads the store and writes.
#include <string>
#include <vector>

#include "core/completeness.hpp"
#include "core/cycle_checks.hpp"
#include "core/task_timeliness.hpp"
#include "service/snapshot.hpp"
#include "service/value_service.hpp"

namespace mandate::service {

// A submission refused because cells that miss their target or break a rule
// have no explanatory note: carries those cells.
class NotesMissing : public core::Error {
 public:
  explicit NotesMissing(std::vector<core::NoteRequired> notes);
  const std::vector<core::NoteRequired>& notes() const { return notes_; }

 private:
  std::vector<core::NoteRequired> notes_;
};

// Stored reports the caller may read, narrowed by form, unit (that unit and
// below; a code or a name) and period when given (empty: any).
std::vector<core::Submission> list_submissions(const Snapshot& snapshot, const core::Principal& who,
                                               const std::string& form, const std::string& unit,
                                               const std::string& period);

struct StepOutcome {
  core::Submission submission;
  // On submit: the rules the report breaks (each explained by a note).
  std::vector<core::RuleViolation> violations;
};

// Applies one step to the report of form × unit × period: the unit must
// report the form for that period; a submit needs every note (NotesMissing).
// Writes the new state, its journal entry and the audit in one transaction.
StepOutcome take_step(store::Store& store, SnapshotCache& cache, const Actor& actor,
                      const std::string& form, const std::string& unit, const std::string& period,
                      core::SubmissionStep step, const std::string& reason);

// The journal of one report, oldest first, if the caller may read the unit.
std::vector<store::SubmissionStepEntry> submission_journal(
    store::Store& store, const Snapshot& snapshot, const core::Principal& who,
    const std::string& form, const std::string& unit, const std::string& period);

struct CompletenessReport {
  const core::Form* form = nullptr;
  std::string root;  // unit code
  std::string period;
  core::Completeness result;
};
// Who has reported form for period at or below unit (empty: the caller's own
// unit), as of today (the office's date).
CompletenessReport completeness_report(const Snapshot& snapshot, const core::Principal& who,
                                       const std::string& form, const std::string& unit,
                                       const std::string& period, core::Date today);

struct TaskStatusReport {
  std::string unit;  // code
  std::string period;
  core::TaskTimelinessCounts totals;
  // Each child of the unit with tasks at or below it, in tree order.
  std::vector<std::pair<std::string, core::TaskTimelinessCounts>> by_child;
};
// Task timeliness at or below unit (empty: the caller's own) for period, as of
// today; completion dates come from the tasks' progress journals.
TaskStatusReport task_status(const Snapshot& snapshot, const core::Principal& who,
                             const std::string& unit, const std::string& period, core::Date today);

}  // namespace mandate::service
