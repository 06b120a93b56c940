#pragma once
// Reporting cycles for any SQL connection: forms and validation rules (records
// keyed by code), submission states (one row per form × unit × period that
// left the draft) and the journal of submission steps.
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "store/sql/columns.hpp"
#include "store/store.hpp"

namespace mandate::store::sql {

inline std::vector<std::string> unit_type_names(const std::vector<core::UnitType>& types) {
  std::vector<std::string> out;
  for (core::UnitType t : types)
    out.emplace_back(core::unit_type_name(t));
  return out;
}

inline std::vector<core::UnitType> unit_types_from(const std::string& json) {
  std::vector<core::UnitType> out;
  for (const auto& name : from_json_array(json))
    out.push_back(core::parse_unit_type(name));
  return out;
}

template <typename Connection>
bool upsert_form(Connection& c, const core::Form& f) {
  static const std::string sql =
      upsert_sql("forms", {"code"},
                 {"name", "period_type", "unit_types_json", "indicators_json", "deadline_kind",
                  "months_after_end", "deadline_day", "deadline_days", "grace_days", "after_grace",
                  "approval_levels_json", "illustrative"});
  auto st = c.prepare(sql);
  st.bind(1, f.code).bind(2, f.name).bind(3, core::period_type_name(f.period_type));
  st.bind(4, to_json_array(unit_type_names(f.unit_types))).bind(5, to_json_array(f.indicators));
  st.bind(6, core::deadline_kind_name(f.deadline.kind)).bind(7, f.deadline.months_after_end);
  st.bind(8, static_cast<long long>(f.deadline.day)).bind(9, f.deadline.days);
  st.bind(10, f.grace_days).bind(11, core::after_grace_name(f.after_grace));
  st.bind(12, to_json_array(unit_type_names(f.approval_levels))).bind(13, f.illustrative);
  st.run();
  return c.changes() > 0;
}

template <typename Connection>
bool upsert_rule(Connection& c, const core::ValidationRule& r) {
  static const std::string sql =
      upsert_sql("validation_rules", {"code"},
                 {"name", "kind", "indicator_code", "op", "other_indicator", "min_value",
                  "max_value", "max_change_percent", "refuse_on_save", "illustrative"});
  auto st = c.prepare(sql);
  st.bind(1, r.code).bind(2, r.name).bind(3, core::rule_kind_name(r.kind)).bind(4, r.indicator);
  st.bind(5, core::comparison_name(r.op)).bind_text_or_null(6, r.other_indicator);
  st.bind(7, r.min).bind(8, r.max).bind(9, r.max_change_percent).bind(10, r.refuse_on_save);
  st.bind(11, r.illustrative);
  st.run();
  return c.changes() > 0;
}

template <typename Connection>
bool upsert_submission(Connection& c, const core::Submission& s) {
  static const std::string sql = upsert_sql("submissions", {"form_code", "unit_code", "period"},
                                            {"state", "approvals", "submitted_at", "submitted_by",
                                             "reopen_reason", "updated_at", "updated_by"});
  auto st = c.prepare(sql);
  st.bind(1, s.form).bind(2, s.unit).bind(3, s.period);
  st.bind(4, core::submission_state_name(s.state)).bind(5, s.approvals).bind(6, s.submitted_at);
  st.bind(7, s.submitted_by).bind(8, s.reopen_reason).bind(9, s.updated_at);
  st.bind(10, s.updated_by);
  st.run();
  return c.changes() > 0;
}

template <typename Connection>
void append_submission_step(Connection& c, const SubmissionStepEntry& e) {
  auto st = c.prepare(
      "INSERT INTO submission_steps(form_code, unit_code, period, step, state, approvals, reason,"
      " actor, at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, e.form).bind(2, e.unit).bind(3, e.period).bind(4, e.step).bind(5, e.state);
  st.bind(6, e.approvals).bind(7, e.reason).bind(8, e.actor).bind(9, e.at);
  st.run();
}

template <typename Connection>
std::vector<SubmissionStepEntry> submission_steps_of(Connection& c, const std::string& form,
                                                     const std::string& unit,
                                                     const std::string& period) {
  auto st = c.prepare(
      "SELECT id, step, state, approvals, reason, actor, at FROM submission_steps"
      " WHERE form_code = ? AND unit_code = ? AND period = ? ORDER BY id");
  st.bind(1, form).bind(2, unit).bind(3, period);
  std::vector<SubmissionStepEntry> out;
  while (st.step())
    out.push_back({st.integer(0), form, unit, period, st.text(1), st.text(2),
                   static_cast<int>(st.integer(3)), st.text(4), st.text(5), st.text(6)});
  return out;
}

inline constexpr const char* kSubmissionColumns =
    "SELECT form_code, unit_code, period, state, approvals, submitted_at, submitted_by,"
    " reopen_reason, updated_at, updated_by FROM submissions";

// One row selected with kSubmissionColumns.
template <typename Statement>
core::Submission submission_from(Statement& st) {
  return {st.text(0),
          st.text(1),
          st.text(2),
          core::parse_submission_state(st.text(3)),
          static_cast<int>(st.integer(4)),
          st.text(5),
          st.text(6),
          st.text(7),
          st.text(8),
          st.text(9)};
}

// Reads forms, rules and submissions into d, in insertion order.
template <typename Connection>
void load_cycles(Connection& c, core::Dataset& d) {
  for (auto st = c.prepare(
           "SELECT code, name, period_type, unit_types_json, indicators_json, deadline_kind,"
           " months_after_end, deadline_day, deadline_days, grace_days, after_grace,"
           " approval_levels_json, illustrative FROM forms ORDER BY id");
       st.step();) {
    core::Form f;
    f.code = st.text(0);
    f.name = st.text(1);
    f.period_type = core::parse_period_type(st.text(2));
    f.unit_types = unit_types_from(st.text(3));
    f.indicators = from_json_array(st.text(4));
    f.deadline.kind = core::parse_deadline_kind(st.text(5));
    f.deadline.months_after_end = static_cast<int>(st.integer(6));
    f.deadline.day = static_cast<unsigned>(st.integer(7));
    f.deadline.days = static_cast<int>(st.integer(8));
    f.grace_days = static_cast<int>(st.integer(9));
    f.after_grace = core::parse_after_grace(st.text(10));
    f.approval_levels = unit_types_from(st.text(11));
    f.illustrative = st.integer(12) != 0;
    d.forms.push_back(std::move(f));
  }
  for (auto st = c.prepare(
           "SELECT code, name, kind, indicator_code, op, other_indicator, min_value, max_value,"
           " max_change_percent, refuse_on_save, illustrative FROM validation_rules ORDER BY id");
       st.step();) {
    core::ValidationRule r;
    r.code = st.text(0);
    r.name = st.text(1);
    r.kind = core::parse_rule_kind(st.text(2));
    r.indicator = st.text(3);
    r.op = core::parse_comparison(st.text(4));
    r.other_indicator = st.text(5);
    r.min = st.optional_real(6);
    r.max = st.optional_real(7);
    r.max_change_percent = st.real(8);
    r.refuse_on_save = st.integer(9) != 0;
    r.illustrative = st.integer(10) != 0;
    d.validation_rules.push_back(std::move(r));
  }
  for (auto st = c.prepare(std::string(kSubmissionColumns) + " ORDER BY id"); st.step();)
    d.submissions.push_back(submission_from(st));
}

// The stored state of one form × unit × period; none while it is a draft.
template <typename Connection>
std::optional<core::Submission> find_submission(Connection& c, const std::string& form,
                                                const std::string& unit,
                                                const std::string& period) {
  auto st = c.prepare(std::string(kSubmissionColumns) +
                      " WHERE form_code = ? AND unit_code = ? AND period = ?");
  st.bind(1, form).bind(2, unit).bind(3, period);
  if (!st.step())
    return std::nullopt;
  return submission_from(st);
}

}  // namespace mandate::store::sql
