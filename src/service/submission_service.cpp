#include "service/submission_service.hpp"

#include <boost/json.hpp>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/metadata_json.hpp"
#include "service/reminder_service.hpp"

namespace mandate::service {
namespace {

using core::Error;
using core::ErrorCategory;

const core::Form& form_of(const Snapshot& s, const std::string& code) {
  for (const auto& f : s.data.forms)
    if (f.code == code)
      return f;
  throw core::not_found("record.not_found", {code});
}

std::string joined(const std::vector<core::NoteRequired>& notes) {
  std::string out;
  for (const auto& n : notes)
    out += (out.empty() ? "" : ", ") + n.indicator + " (" + n.reason + ")";
  return out;
}

// The unit named (code or name), or the caller's own unit.
const core::Unit& unit_or_own(const Snapshot& s, const core::Principal& who,
                              const std::string& unit) {
  return s.tree.resolve(unit.empty() ? who.unit : unit);
}

}  // namespace

NotesMissing::NotesMissing(std::vector<core::NoteRequired> notes)
    : Error(ErrorCategory::conflict, "submission.notes_required", {joined(notes)}),
      notes_(std::move(notes)) {}

std::vector<core::Submission> list_submissions(const Snapshot& s, const core::Principal& who,
                                               const std::string& form, const std::string& unit,
                                               const std::string& period) {
  if (!form.empty())
    form_of(s, form);
  std::string within;
  if (!unit.empty()) {
    within = s.tree.resolve(unit).code;
    core::require(who, core::Action::read, within, s.tree);
  }
  const std::string period_id = period.empty() ? "" : core::Period::parse(period).id();
  std::vector<core::Submission> out;
  for (const auto& x : s.data.submissions) {
    if ((!form.empty() && x.form != form) || (!period_id.empty() && x.period != period_id) ||
        (!within.empty() && !s.tree.is_within(x.unit, within)) ||
        !core::may(who, core::Action::read, x.unit, s.tree))
      continue;
    out.push_back(x);
  }
  return out;
}

StepOutcome take_step(store::Store& store, SnapshotCache& cache, const Actor& actor,
                      const std::string& form_code, const std::string& unit_name,
                      const std::string& period_text, core::SubmissionStep step,
                      const std::string& reason) {
  auto tx = store.begin({actor.principal.username, actor.at});
  // Holding the write lock: the state read now is the state the step moves.
  const auto s = cache.get();
  const core::Form& form = form_of(*s, form_code);
  const core::Unit& unit = s->tree.resolve(unit_name);
  // A caller who may not even read the unit learns nothing about its report.
  core::require(actor.principal, core::Action::read, unit.code, s->tree);
  const core::Period period = core::Period::parse(period_text);
  core::due_date(form, period);  // the form's period type, else form.period_mismatch
  if (!core::must_report(form, unit, period))
    throw core::invalid_input("submission.not_reporting", {unit.code, form.code, period.id()},
                              "unit");

  core::Submission current;  // a draft until something is stored
  current.form = form.code;
  current.unit = unit.code;
  current.period = period.id();
  for (const auto& x : s->data.submissions)
    if (x.form == form.code && x.unit == unit.code && x.period == period.id())
      current = x;
  const auto next = core::apply_step(
      current, {step, actor.principal, actor.at, core::collapse_spaces(core::to_nfc(reason))}, form,
      s->tree);

  StepOutcome out{next, {}};
  if (step == core::SubmissionStep::submit) {
    auto check = core::check_for_submit(s->data, s->values, form, unit.code, period.id());
    if (!check.notes.empty())
      throw NotesMissing(std::move(check.notes));
    out.violations = std::move(check.violations);
  }
  const std::string key = form.code + "/" + unit.code + "/" + period.id();
  tx->upsert(next);
  tx->append_submission_step({0, form.code, unit.code, period.id(),
                              std::string(core::submission_step_name(step)),
                              std::string(core::submission_state_name(next.state)), next.approvals,
                              next.reopen_reason == current.reopen_reason ? "" : next.reopen_reason,
                              actor.principal.username, actor.at});
  tx->append_audit({0, actor.at, actor.principal.username, actor.address,
                    std::string(core::submission_step_name(step)), "submission", key,
                    boost::json::serialize(io::to_json(current)),
                    boost::json::serialize(io::to_json(next))});
  // Who must act next hears of it with the step, or not at all.
  add_step_notifications(*tx, store, *s, form, next, step, actor.principal.username, actor.at);
  tx->commit();
  return out;
}

std::vector<store::SubmissionStepEntry> submission_journal(store::Store& store, const Snapshot& s,
                                                           const core::Principal& who,
                                                           const std::string& form,
                                                           const std::string& unit,
                                                           const std::string& period) {
  form_of(s, form);
  const core::Unit& u = s.tree.resolve(unit);
  core::require(who, core::Action::read, u.code, s.tree);
  return store.submission_steps(form, u.code, core::Period::parse(period).id());
}

CompletenessReport completeness_report(const Snapshot& s, const core::Principal& who,
                                       const std::string& form, const std::string& unit,
                                       const std::string& period, core::Date today) {
  CompletenessReport out;
  out.form = &form_of(s, form);
  out.root = unit_or_own(s, who, unit).code;
  core::require(who, core::Action::read, out.root, s.tree);
  const core::Period p = core::Period::parse(period);
  out.period = p.id();
  out.result = core::completeness(*out.form, s.tree, out.root, p, s.data.submissions, today);
  return out;
}

TaskStatusReport task_status(const Snapshot& s, const core::Principal& who, const std::string& unit,
                             const std::string& period, core::Date today) {
  TaskStatusReport out;
  out.unit = unit_or_own(s, who, unit).code;
  core::require(who, core::Action::read, out.unit, s.tree);
  const core::Period p = core::Period::parse(period);
  out.period = p.id();
  out.totals =
      core::count_task_timeliness(s.data.tasks, s.task_completed_on, s.tree, out.unit, p, today);
  for (const core::Unit* child : s.tree.children(out.unit)) {
    auto counts = core::count_task_timeliness(s.data.tasks, s.task_completed_on, s.tree,
                                              child->code, p, today);
    if (counts.total > 0)
      out.by_child.emplace_back(child->code, counts);
  }
  return out;
}

}  // namespace mandate::service
