#include "core/submission.hpp"

#include "core/enum_table.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<SubmissionState, 4> kStates{{{{SubmissionState::draft, "draft"},
                                                  {SubmissionState::submitted, "submitted"},
                                                  {SubmissionState::approved, "approved"},
                                                  {SubmissionState::reopened, "reopened"}}},
                                                "submission.state_invalid"};

constexpr EnumTable<SubmissionStep, 5> kSteps{{{{SubmissionStep::submit, "submit"},
                                                {SubmissionStep::recall, "recall"},
                                                {SubmissionStep::approve, "approve"},
                                                {SubmissionStep::unapprove, "unapprove"},
                                                {SubmissionStep::reopen, "reopen"}}},
                                              "submission.step_invalid"};

[[noreturn]] void not_allowed(const StepRequest& r, const Submission& s) {
  throw Error(ErrorCategory::conflict, "submission.step_not_allowed",
              {std::string(submission_step_name(r.step)),
               std::string(submission_state_name(s.state)), s.unit, s.period});
}

bool past_refusing_grace(const Submission& s, const Form& form, const std::string& at) {
  return form.after_grace == AfterGrace::refuse &&
         vietnam_date(at) > grace_end(form, Period::parse(s.period));
}

// The unit whose approvers act on level `level`; with no levels, the unit's own.
const std::string& approving_unit(const std::vector<const Unit*>& chain, int level,
                                  const Submission& s) {
  return chain.empty() ? s.unit : chain[static_cast<size_t>(level)]->code;
}
}  // namespace

std::string_view submission_state_name(SubmissionState s) {
  return kStates.name(s);
}
SubmissionState parse_submission_state(std::string_view name) {
  return kStates.parse(name);
}
std::string_view submission_step_name(SubmissionStep s) {
  return kSteps.name(s);
}
SubmissionStep parse_submission_step(std::string_view name) {
  return kSteps.parse(name);
}

bool locks_values(SubmissionState s) {
  return s == SubmissionState::submitted || s == SubmissionState::approved;
}

Submission apply_step(const Submission& current, const StepRequest& r, const Form& form,
                      const UnitTree& tree) {
  const auto chain = approval_chain(form, tree, current.unit);
  const int levels = static_cast<int>(chain.size());
  Submission next = current;
  next.updated_at = r.at;
  next.updated_by = r.who.username;
  switch (r.step) {
    case SubmissionStep::submit:
      if (current.state != SubmissionState::draft && current.state != SubmissionState::reopened)
        not_allowed(r, current);
      require(r.who, Action::enter_values, current.unit, tree);
      if (current.state == SubmissionState::draft && past_refusing_grace(current, form, r.at))
        throw Error(ErrorCategory::conflict, "submission.past_grace",
                    {current.unit, current.period,
                     format_iso_date(grace_end(form, Period::parse(current.period)))});
      next.state = levels == 0 ? SubmissionState::approved : SubmissionState::submitted;
      next.approvals = 0;
      next.submitted_at = r.at;
      next.submitted_by = r.who.username;
      return next;
    case SubmissionStep::recall:
      if (current.state != SubmissionState::submitted || current.approvals > 0)
        not_allowed(r, current);
      require(r.who, Action::enter_values, current.unit, tree);
      next.state = SubmissionState::draft;
      return next;
    case SubmissionStep::approve:
      if (current.state != SubmissionState::submitted || current.approvals >= levels)
        not_allowed(r, current);
      require(r.who, Action::approve, approving_unit(chain, current.approvals, current), tree);
      next.approvals = current.approvals + 1;
      next.state =
          next.approvals == levels ? SubmissionState::approved : SubmissionState::submitted;
      return next;
    case SubmissionStep::unapprove:
      if (current.approvals == 0 || !locks_values(current.state))
        not_allowed(r, current);
      require(r.who, Action::approve, approving_unit(chain, current.approvals - 1, current), tree);
      next.approvals = current.approvals - 1;
      next.state = SubmissionState::submitted;
      return next;
    case SubmissionStep::reopen: {
      const bool locked = locks_values(current.state);
      if (!locked &&
          !(current.state == SubmissionState::draft && past_refusing_grace(current, form, r.at)))
        not_allowed(r, current);
      if (r.reason.empty())
        throw invalid_input("submission.reason_missing", {}, "reason");
      const int level = current.approvals > 0 ? current.approvals - 1 : 0;
      require(r.who, Action::approve, approving_unit(chain, level, current), tree);
      next.state = SubmissionState::reopened;
      next.approvals = 0;
      next.reopen_reason = r.reason;
      return next;
    }
  }
  not_allowed(r, current);
}

}  // namespace mandate::core
