#pragma once
// The state of one form × unit × period on its way up: draft → submitted →
// approved level by level (locked) → reopened with a reason. Which step is
// allowed, from which state, to whom, is decided here and nowhere else.
#include <optional>
#include <string>
#include <string_view>

#include "core/access.hpp"
#include "core/date.hpp"
#include "core/form.hpp"

namespace mandate::core {

enum class SubmissionState {
  draft,      // being entered; nothing sent yet
  submitted,  // sent up; locked; approvals may be partly given
  approved,   // every approval level given; locked
  reopened,   // sent back for correction, with a reason; editable like a draft
};
std::string_view submission_state_name(SubmissionState s);
SubmissionState parse_submission_state(std::string_view name);

enum class SubmissionStep {
  submit,     // draft / reopened → submitted (a unit with writers of its own)
  recall,     // submitted with no approval yet → draft, by the unit itself
  approve,    // gives the next approval level; the last one makes it approved
  unapprove,  // takes back the highest level given, by whoever may give it
  reopen,     // submitted / approved (or a draft past a refusing grace) → reopened, with a reason
};
std::string_view submission_step_name(SubmissionStep s);
SubmissionStep parse_submission_step(std::string_view name);

struct Submission {
  std::string form;
  std::string unit;
  std::string period;
  SubmissionState state = SubmissionState::draft;
  int approvals = 0;         // approval levels given, in chain order
  std::string submitted_at;  // ISO UTC of the latest submission; empty if never
  std::string submitted_by;
  std::string reopen_reason;  // of the latest reopening
  std::string updated_at;
  std::string updated_by;
};

// Values of the form's indicators for the unit and period refuse writes.
bool locks_values(SubmissionState s);

// Everything one step needs to be judged.
struct StepRequest {
  SubmissionStep step = SubmissionStep::submit;
  Principal who;
  std::string at;      // ISO UTC timestamp of the step
  std::string reason;  // required to reopen
};

// Applies request to current (a draft when nothing was stored yet) and returns
// the new state. Throws Error(conflict, "submission.step_not_allowed") when the
// state does not allow the step, Error(permission) when the principal may not
// take it, Error(invalid_input) for a missing reason, and
// Error(conflict, "submission.past_grace") when the form refuses late
// submissions and the grace period is over (today is the office's date of at).
Submission apply_step(const Submission& current, const StepRequest& request, const Form& form,
                      const UnitTree& tree);

}  // namespace mandate::core
