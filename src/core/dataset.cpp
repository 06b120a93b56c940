#include "core/dataset.hpp"

#include <map>
#include <set>

#include "core/error.hpp"
#include "core/formula.hpp"
#include "core/period.hpp"
#include "core/unit_tree.hpp"

namespace mandate::core {
namespace {

std::string at_index(std::string_view list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

// Runs check; an Error from it is rethrown with `path` in front of its field,
// so the caller learns which record was wrong.
template <typename F>
void within(const std::string& path, F&& check) {
  try {
    check();
  } catch (const Error& e) {
    throw Error(e.category(), e.code(), e.args(),
                e.field().empty() ? path : path + "." + e.field());
  }
}

class Checker {
 public:
  explicit Checker(const Dataset& d) : d_(d) {}

  void run() {
    within("units", [&] { tree_ = UnitTree(d_.units); });
    collect(d_.fields, "fields", fields_);
    for (size_t i = 0; i < d_.rating_scales.size(); ++i) {
      const auto& s = d_.rating_scales[i];
      within(at_index("ratingScales", i), [&] { validate_rating_scale(s); });
      unique(scales_, s.code, "ratingScales", i);
      scale_by_code_[s.code] = &s;
    }
    check_indicators();
    check_plans();
    check_targets_and_values();
    check_tasks();
    check_activities();
    check_documents();
    check_unit_changes();
    check_forms();
    check_rules();
    check_submissions();
  }

 private:
  template <typename T>
  void collect(const std::vector<T>& items, std::string_view list, std::set<std::string>& codes) {
    for (size_t i = 0; i < items.size(); ++i)
      unique(codes, items[i].code, list, i);
  }

  void unique(std::set<std::string>& codes, const std::string& code, std::string_view list,
              size_t i) {
    if (code.empty())
      throw invalid_input("dataset.code_empty", {}, at_index(list, i) + ".code");
    if (!codes.insert(code).second)
      throw invalid_input("dataset.duplicate", {std::string(list), code},
                          at_index(list, i) + ".code");
  }

  // An empty reference is allowed unless `required`.
  void ref(const std::set<std::string>& known, const std::string& code, const std::string& path,
           bool required = false) {
    if (code.empty() && !required)
      return;
    if (!known.contains(code))
      throw invalid_input("dataset.unknown_reference", {code}, path);
  }
  void unit_ref(const std::string& code, const std::string& path, bool required = false) {
    if (code.empty() && !required)
      return;
    if (!tree_.find_by_code(code))
      throw invalid_input("dataset.unknown_reference", {code}, path);
  }
  // scale_path and level_path are the keys of the two fields, so an unknown
  // scale is reported where the scale is named, not under the level.
  void level_ref(const std::string& scale, const std::string& level, const std::string& scale_path,
                 const std::string& level_path) {
    ref(scales_, scale, scale_path, true);
    within(level_path, [&] { scale_by_code_.at(scale)->rank(level); });
  }
  static void period_ref(const std::string& id, const std::string& path) {
    within(path, [&] { Period::parse(id); });
  }

  void check_indicators() {
    std::map<std::string, std::set<std::string>> refs;
    for (size_t i = 0; i < d_.indicators.size(); ++i) {
      const auto& ind = d_.indicators[i];
      const std::string path = at_index("indicators", i);
      unique(indicators_, ind.code, "indicators", i);
      ref(fields_, ind.field, path + ".field");
      unit_ref(ind.responsible_unit, path + ".responsibleUnit");
      if (ind.decimals < 0 || ind.decimals > 6)
        throw invalid_input("indicator.decimals", {ind.code}, path + ".decimals");
      if (ind.computed())
        within(path + ".formula",
               [&] { refs[ind.code] = Formula::parse(ind.formula).references(); });
      indicator_by_code_[ind.code] = &ind;
    }
    within("indicators", [&] { check_formula_graph(refs, indicators_); });
  }

  void check_plans() {
    for (size_t i = 0; i < d_.plans.size(); ++i) {
      const auto& p = d_.plans[i];
      const std::string path = at_index("plans", i);
      unique(plans_, p.code, "plans", i);
      unit_ref(p.unit, path + ".unit", true);
      within(path + ".term", [&] {
        if (Period::parse(p.term).type() != PeriodType::term)
          throw invalid_input("plan.term_not_term", {p.term});
      });
      for (size_t j = 0; j < p.indicators.size(); ++j)
        ref(indicators_, p.indicators[j], path + ".indicators[" + std::to_string(j) + "]", true);
      if (!p.task_scale.empty())
        level_ref(p.task_scale, p.task_good_level, path + ".taskScale", path + ".taskGoodLevel");
      if (!p.meeting_scale.empty())
        level_ref(p.meeting_scale, p.meeting_good_level, path + ".meetingScale",
                  path + ".meetingGoodLevel");
    }
    // A plan's register entry is checked with the documents, once they are known.
  }

  void check_targets_and_values() {
    std::set<std::string> target_keys, value_keys;
    for (size_t i = 0; i < d_.targets.size(); ++i) {
      const auto& t = d_.targets[i];
      const std::string path = at_index("targets", i);
      ref(indicators_, t.indicator, path + ".indicator", true);
      unit_ref(t.unit, path + ".unit", true);
      period_ref(t.period, path + ".period");
      within(path, [&] { validate_value(*indicator_by_code_.at(t.indicator), t.value); });
      if (!target_keys.insert(t.indicator + '\x1f' + t.unit + '\x1f' + t.period).second)
        throw invalid_input("dataset.duplicate_cell", {t.indicator, t.unit, t.period}, path);
    }
    for (size_t i = 0; i < d_.values.size(); ++i) {
      const auto& v = d_.values[i];
      const std::string path = at_index("values", i);
      ref(indicators_, v.indicator, path + ".indicator", true);
      unit_ref(v.unit, path + ".unit", true);
      period_ref(v.period, path + ".period");
      within(path, [&] { validate_value(*indicator_by_code_.at(v.indicator), v.value); });
      const std::string key = v.indicator + '\x1f' + v.unit + '\x1f' + v.period + '\x1f' +
                              std::string(value_kind_name(v.kind));
      if (!value_keys.insert(key).second)
        throw invalid_input("dataset.duplicate_cell", {v.indicator, v.unit, v.period}, path);
    }
  }

  void check_tasks() {
    collect(d_.tasks, "tasks", tasks_);
    for (size_t i = 0; i < d_.tasks.size(); ++i) {
      const auto& t = d_.tasks[i];
      const std::string path = at_index("tasks", i);
      ref(plans_, t.plan, path + ".plan");
      ref(tasks_, t.parent_code, path + ".parent");
      if (t.parent_code == t.code)
        throw invalid_input("task.own_parent", {t.code}, path + ".parent");
      ref(fields_, t.field, path + ".field");
      unit_ref(t.responsible_unit, path + ".responsibleUnit");
      for (const auto& u : t.coordinating_units)
        unit_ref(u, path + ".coordinatingUnits");
      if (t.progress < 0 || t.progress > 100)
        throw invalid_input("task.progress_range", {t.code}, path + ".progress");
      if (t.start && t.deadline && *t.deadline < *t.start)
        throw invalid_input("task.deadline_before_start", {t.code}, path + ".deadline");
    }
    std::set<std::string> keys;
    for (size_t i = 0; i < d_.task_ratings.size(); ++i) {
      const auto& r = d_.task_ratings[i];
      const std::string path = at_index("taskRatings", i);
      ref(tasks_, r.task, path + ".task", true);
      period_ref(r.period, path + ".period");
      level_ref(r.scale, r.level, path + ".scale", path + ".level");
      if (!keys.insert(r.task + '\x1f' + r.period).second)
        throw invalid_input("dataset.duplicate_cell", {r.task, "", r.period}, path);
    }
  }

  void check_activities() {
    collect(d_.activities, "activities", activities_);
    for (size_t i = 0; i < d_.activities.size(); ++i) {
      const auto& a = d_.activities[i];
      const std::string path = at_index("activities", i);
      unit_ref(a.unit, path + ".unit", true);
      ref(plans_, a.plan, path + ".plan");
      within(path, [&] { validate_activity(a); });
      if (!a.rating_scale.empty() || !a.rating_level.empty())
        level_ref(a.rating_scale, a.rating_level, path + ".ratingScale", path + ".ratingLevel");
    }
  }

  void check_documents() {
    collect(d_.documents, "documents", documents_);
    for (size_t i = 0; i < d_.documents.size(); ++i) {
      const auto& doc = d_.documents[i];
      const std::string path = at_index("documents", i);
      unit_ref(doc.issuer, path + ".issuer", true);
      ref(fields_, doc.field, path + ".field");
      ref(plans_, doc.plan, path + ".plan");
      ref(documents_, doc.implements, path + ".implements");
      ref(documents_, doc.amends, path + ".amends");
    }
    for (size_t i = 0; i < d_.plans.size(); ++i)
      ref(documents_, d_.plans[i].document, at_index("plans", i) + ".document");
  }

  void check_unit_changes() {
    std::set<std::string> codes;
    for (size_t i = 0; i < d_.unit_changes.size(); ++i) {
      const auto& c = d_.unit_changes[i];
      const std::string path = at_index("unitChanges", i);
      unique(codes, c.code, "unitChanges", i);
      within(path, [&] { validate_unit_change(c); });
      for (size_t j = 0; j < c.from.size(); ++j)
        unit_ref(c.from[j], path + ".from[" + std::to_string(j) + "]", true);
      for (size_t j = 0; j < c.to.size(); ++j)
        unit_ref(c.to[j], path + ".to[" + std::to_string(j) + "]", true);
      unit_ref(c.new_parent, path + ".newParent");
      ref(documents_, c.document, path + ".document");
    }
  }

  void check_forms() {
    for (size_t i = 0; i < d_.forms.size(); ++i) {
      const auto& f = d_.forms[i];
      const std::string path = at_index("forms", i);
      unique(forms_, f.code, "forms", i);
      within(path, [&] { validate_form(f); });
      for (size_t j = 0; j < f.indicators.size(); ++j)
        ref(indicators_, f.indicators[j], path + ".indicators[" + std::to_string(j) + "]", true);
      form_by_code_[f.code] = &f;
    }
  }

  void check_rules() {
    std::set<std::string> codes;
    for (size_t i = 0; i < d_.validation_rules.size(); ++i) {
      const auto& r = d_.validation_rules[i];
      const std::string path = at_index("validationRules", i);
      unique(codes, r.code, "validationRules", i);
      within(path, [&] { validate_rule(r); });
      ref(indicators_, r.indicator, path + ".indicator", true);
      ref(indicators_, r.other_indicator, path + ".otherIndicator");
    }
  }

  // A stored state must be one the state machine can reach for a unit that
  // reports the form: the form's period type, at most its approval levels.
  void check_submissions() {
    std::set<std::string> keys;
    for (size_t i = 0; i < d_.submissions.size(); ++i) {
      const auto& s = d_.submissions[i];
      const std::string path = at_index("submissions", i);
      ref(forms_, s.form, path + ".form", true);
      unit_ref(s.unit, path + ".unit", true);
      const Form& form = *form_by_code_.at(s.form);
      try {
        due_date(form, Period::parse(s.period));  // a period id of the form's type
      } catch (const Error& e) {
        throw Error(e.category(), e.code(), e.args(), path + ".period");
      }
      if (!must_report(form, *tree_.find_by_code(s.unit), Period::parse(s.period)))
        throw invalid_input("submission.not_reporting", {s.unit, s.form, s.period}, path + ".unit");
      const int levels = static_cast<int>(approval_chain(form, tree_, s.unit).size());
      const bool approved = s.state == SubmissionState::approved;
      if (s.approvals < 0 || s.approvals > levels ||
          (s.state != SubmissionState::submitted && !approved && s.approvals != 0) ||
          (approved && s.approvals != levels) ||
          (s.state == SubmissionState::submitted && s.approvals == levels))
        throw invalid_input("submission.approvals_invalid",
                            {std::to_string(s.approvals),
                             std::string(submission_state_name(s.state)), std::to_string(levels)},
                            path + ".approvals");
      if (!keys.insert(s.form + '\x1f' + s.unit + '\x1f' + s.period).second)
        throw invalid_input("dataset.duplicate_cell", {s.form, s.unit, s.period}, path);
    }
  }

  const Dataset& d_;
  UnitTree tree_;
  std::set<std::string> forms_;
  std::map<std::string, const Form*> form_by_code_;
  std::set<std::string> fields_, scales_, indicators_, plans_, tasks_, activities_, documents_;
  std::map<std::string, const RatingScale*> scale_by_code_;
  std::map<std::string, const Indicator*> indicator_by_code_;
};

}  // namespace

void validate_dataset(const Dataset& d) {
  Checker(d).run();
}

}  // namespace mandate::core
