#include "core/cycle_checks.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "core/evaluation.hpp"
#include "core/number_format.hpp"

namespace mandate::core {
namespace {

bool on_form(const Form& f, std::string_view indicator) {
  return std::find(f.indicators.begin(), f.indicators.end(), indicator) != f.indicators.end();
}

const Form* form_of(const Dataset& d, std::string_view code) {
  for (const auto& f : d.forms)
    if (f.code == code)
      return &f;
  return nullptr;
}

// The stored cells of unit and period, official before estimate.
std::vector<const Value*> cells_of(const ValueTable& values, std::string_view unit,
                                   std::string_view period) {
  std::vector<const Value*> out;
  for (const auto& v : values.of_unit(unit))
    if (v.period == period)
      out.push_back(&v);
  std::stable_sort(out.begin(), out.end(), [](const Value* a, const Value* b) {
    return a->kind == ValueKind::official && b->kind != ValueKind::official;
  });
  return out;
}

// The period just before, or empty when there is none (the earliest year a
// period id can name): then no change rule is judged.
std::string previous_id(std::string_view period) {
  try {
    return Period::parse(period).previous().id();
  } catch (const Error&) {
    return {};
  }
}

}  // namespace

const Submission* locking_submission(const Dataset& d, std::string_view indicator,
                                     std::string_view unit, std::string_view period) {
  for (const auto& s : d.submissions) {
    if (s.unit != unit || s.period != period || !locks_values(s.state))
      continue;
    if (const Form* f = form_of(d, s.form); f && on_form(*f, indicator))
      return &s;
  }
  return nullptr;
}

Error locked_cell(std::string_view indicator, std::string_view unit, std::string_view period,
                  std::string_view form) {
  return Error(ErrorCategory::conflict, "submission.locked",
               {std::string(indicator), std::string(unit), std::string(period), std::string(form)});
}

void require_unlocked(const Dataset& d, std::string_view indicator, std::string_view unit,
                      std::string_view period) {
  if (const Submission* s = locking_submission(d, indicator, unit, period))
    throw locked_cell(indicator, unit, period, s->form);
}

std::vector<const Form*> forms_holding(const Dataset& d, std::string_view indicator) {
  std::vector<const Form*> out;
  for (const auto& f : d.forms)
    if (on_form(f, indicator))
      out.push_back(&f);
  return out;
}

IndicatorValues indicator_values(const ValueTable& values, std::string_view unit,
                                 std::string_view period) {
  IndicatorValues out;
  for (const Value* v : cells_of(values, unit, period))
    out.emplace(v->indicator, v->value);  // the first, official, wins
  return out;
}

std::vector<RuleViolation> check_saved_values(const Dataset& d, const ValueTable& stored,
                                              std::span<const Value> batch) {
  std::vector<RuleViolation> out;
  std::set<std::pair<std::string, std::string>> checked;  // unit, period
  for (const Value& v : batch) {
    if (!checked.emplace(v.unit, v.period).second)
      continue;
    std::vector<ValidationRule> rules;
    for (const auto& r : d.validation_rules)
      for (const Value& w : batch)
        if (w.unit == v.unit && w.period == v.period &&
            (r.indicator == w.indicator || r.other_indicator == w.indicator)) {
          rules.push_back(r);
          break;
        }
    if (rules.empty())
      continue;
    IndicatorValues values = indicator_values(stored, v.unit, v.period);
    // The saved cells replace what the rules would otherwise read.
    for (const Value& w : batch)
      if (w.unit == v.unit && w.period == v.period)
        values[w.indicator] = w.value;
    const auto found =
        check_rules(rules, values, indicator_values(stored, v.unit, previous_id(v.period)));
    for (const auto& x : found)
      for (const auto& r : rules)
        if (r.code == x.rule && r.refuse_on_save)
          throw invalid_input(
              "rule.violated",
              {r.code, r.name, x.indicator, v.unit, v.period, format_number(x.value, Lang::en, 6)},
              "value");
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

SubmitCheck check_for_submit(const Dataset& d, const ValueTable& stored, const Form& form,
                             std::string_view unit, std::string_view period) {
  SubmitCheck out;
  std::vector<ValidationRule> rules;
  for (const auto& r : d.validation_rules)
    if (on_form(form, r.indicator))
      rules.push_back(r);
  const IndicatorValues values = indicator_values(stored, unit, period);
  out.violations = check_rules(rules, values, indicator_values(stored, unit, previous_id(period)));

  std::map<std::string, std::string, std::less<>> comments;
  for (const Value* v : cells_of(stored, unit, period))
    comments.emplace(v->indicator, v->comment);
  for (const auto& code : form.indicators) {
    const auto value = values.find(code);
    if (value == values.end())
      continue;
    const auto target = std::find_if(d.targets.begin(), d.targets.end(), [&](const Target& t) {
      return t.indicator == code && t.unit == unit && t.period == period;
    });
    const auto indicator = std::find_if(d.indicators.begin(), d.indicators.end(),
                                        [&](const Indicator& i) { return i.code == code; });
    if (target == d.targets.end() || indicator == d.indicators.end())
      continue;
    const Status status = evaluate(*indicator, value->second, target->value).status;
    if (status == Status::not_met || status == Status::nearly_met)
      out.missed_targets.push_back(code);
  }
  out.notes = notes_required(out.violations, out.missed_targets, comments);
  return out;
}

}  // namespace mandate::core
