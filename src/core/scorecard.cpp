#include "core/scorecard.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/analytics/from_dataset.hpp"
#include "core/error.hpp"
#include "core/formula.hpp"
#include "core/units_as_of.hpp"

namespace mandate::core {
namespace {

std::string cell_key(std::string_view indicator, std::string_view unit, std::string_view period) {
  std::string k;
  k.reserve(indicator.size() + unit.size() + period.size() + 2);
  k.append(indicator).push_back('\x1f');
  k.append(unit).push_back('\x1f');
  k.append(period);
  return k;
}

// One unit's stored values by cell, and the effective-value rule over them.
// Only the unit's cells are indexed: a country holds millions.
class ValueIndex {
 public:
  ValueIndex(const Dataset& d, std::string_view unit) {
    for (const auto& ind : d.indicators)
      if (ind.computed())
        formulas_.emplace(ind.code, Formula::parse(ind.formula));
    for (const auto& v : d.values)
      if (v.unit == unit) {
        auto& slot = values_[cell_key(v.indicator, v.unit, v.period)];
        (v.kind == ValueKind::official ? slot.official : slot.estimate) = &v;
      }
  }

  std::optional<EffectiveValue> value(const std::string& indicator, const std::string& unit,
                                      const std::string& period, int depth = 0) const {
    if (auto it = values_.find(cell_key(indicator, unit, period)); it != values_.end()) {
      if (it->second.official)
        return EffectiveValue{it->second.official->value, ValueKind::official};
      if (it->second.estimate)
        return EffectiveValue{it->second.estimate->value, ValueKind::estimate};
    }
    auto formula = formulas_.find(indicator);
    // Depth guards against a cycle in data that skipped validation.
    if (formula == formulas_.end() || depth > 32)
      return std::nullopt;
    ValueKind kind = ValueKind::official;
    auto result = formula->second.evaluate([&](const std::string& ref) -> std::optional<double> {
      auto v = value(ref, unit, period, depth + 1);
      if (!v)
        return std::nullopt;
      if (v->kind == ValueKind::estimate)
        kind = ValueKind::estimate;
      return v->value;
    });
    if (!result)
      return std::nullopt;
    return EffectiveValue{*result, kind};
  }

 private:
  struct Slot {
    const Value* official = nullptr;
    const Value* estimate = nullptr;
  };
  std::unordered_map<std::string, Formula> formulas_;
  std::unordered_map<std::string, Slot> values_;
};

// One unit's targets for one period by indicator. A scorecard needs nothing
// else by cell: its figures come from the engine, so the values (millions,
// for a country) are not read at all.
class TargetIndex {
 public:
  TargetIndex(const Dataset& d, std::string_view unit, std::string_view period) {
    for (const auto& t : d.targets)
      if (t.unit == unit && t.period == period)
        targets_.emplace(t.indicator, &t);
  }

  const Target* find(const std::string& indicator) const {
    auto it = targets_.find(indicator);
    return it == targets_.end() ? nullptr : it->second;
  }

 private:
  std::unordered_map<std::string, const Target*> targets_;
};

// The engine's figure: own value, else the parts' and shorter periods' rollup.
std::optional<EffectiveValue> figure(const analytics::Engine& engine, const std::string& indicator,
                                     const std::string& unit, const Period& period) {
  const auto code = engine.find_period_code(period);
  if (!code)
    return std::nullopt;
  const auto f = engine.query(engine.indicator_id(indicator), engine.unit_id(unit), *code);
  if (!f.value)
    return std::nullopt;
  return EffectiveValue{*f.value, f.estimate ? ValueKind::estimate : ValueKind::official};
}

const RatingScale* scale_for(const Dataset& d, const std::string& code) {
  for (const auto& s : d.rating_scales)
    if (s.code == code)
      return &s;
  return nullptr;
}

void add_indicators(Scorecard& s, const Dataset& d, const TargetIndex& targets,
                    const analytics::Engine& engine) {
  if (!s.plan)
    return;
  const std::string unit = s.unit->code;
  const Period last_year = s.period.same_period_last_year();
  for (const auto& code : s.plan->indicators) {
    IndicatorResult r;
    for (const auto& ind : d.indicators)
      if (ind.code == code)
        r.indicator = &ind;
    if (!r.indicator)
      throw Error(ErrorCategory::corrupt, "dataset.unknown_reference", {code});
    auto actual = figure(engine, code, unit, s.period);
    const Target* target = targets.find(code);
    r.evaluation = evaluate(*r.indicator, actual ? std::optional(actual->value) : std::nullopt,
                            target ? std::optional(target->value) : std::nullopt);
    if (actual)
      r.kind = actual->kind;
    if (target) {
      r.target_source = target->source;
      r.target_note = target->note;
    }
    if (auto prev = figure(engine, code, unit, last_year))
      r.same_period_last_year = prev->value;
    if (r.evaluation.status != Status::no_data && r.evaluation.status != Status::no_target)
      ++s.indicators_evaluated;
    if (r.evaluation.met_or_exceeded())
      ++s.indicators_met;
    s.indicators.push_back(std::move(r));
  }
}

void add_task_groups(Scorecard& s, const Dataset& d) {
  // Task groups are rated for the unit whose resolution it is; a ward that
  // works under the city's resolution does not report the city's ratings.
  if (!s.plan || s.plan->unit != s.unit->code)
    return;
  s.task_scale = scale_for(d, s.plan->task_scale);
  std::vector<std::string> levels;
  std::vector<std::string> groups;
  for (const auto& t : d.tasks)
    if (t.plan == s.plan->code && t.is_group())
      groups.push_back(t.code);
  for (const auto& t : d.tasks) {
    const bool open = t.status == TaskStatus::not_started || t.status == TaskStatus::in_progress;
    if (open && std::find(groups.begin(), groups.end(), t.parent_code) != groups.end())
      s.open_tasks.push_back(&t);
    if (t.plan != s.plan->code || !t.is_group())
      continue;
    TaskGroupResult g{&t, nullptr};
    for (const auto& r : d.task_ratings)
      if (r.task == t.code && r.period == s.period.id() && r.scale == s.plan->task_scale)
        g.rating = &r;
    if (g.rating)
      levels.push_back(g.rating->level);
    s.task_groups.push_back(g);
  }
  if (s.task_scale && !levels.empty()) {
    s.task_groups_good_or_better = s.task_scale->count_at_or_above(levels, s.plan->task_good_level);
    s.task_groups_excellent = s.task_scale->count_at_or_above(levels, s.task_scale->levels[0].code);
  }
}

// An activity counts for the unit it was under on its own date: a party
// cell's meetings before it moved stay with its old ward.
void add_activities(Scorecard& s, const Dataset& d, const UnitTree& tree) {
  std::vector<std::string> meeting_levels;
  if (s.plan)
    s.meeting_scale = scale_for(d, s.plan->meeting_scale);
  UnitTreesAsOf trees(d.units, d.unit_changes, &tree);
  for (const auto& a : d.activities) {
    if (!s.period.contains(a.date))
      continue;
    const UnitTree& then = trees.at(a.date);
    if (!then.find_by_code(a.unit) || !then.find_by_code(s.unit->code) ||
        !then.is_within(a.unit, s.unit->code))
      continue;
    switch (a.kind) {
      case ActivityKind::study_session:
        s.study_sessions.push_back(&a);
        break;
      case ActivityKind::model_meeting:
        s.model_meetings.push_back(&a);
        if (s.meeting_scale && a.rating_scale == s.meeting_scale->code)
          meeting_levels.push_back(a.rating_level);
        break;
      case ActivityKind::contest:
        s.contests.push_back(&a);
        break;
      case ActivityKind::propaganda:
      case ActivityKind::inspection:
        s.other_activities.push_back(&a);
        break;
    }
  }
  s.study = participation(s.study_sessions);
  if (s.meeting_scale && !meeting_levels.empty())
    s.meetings_good_or_better =
        s.meeting_scale->count_at_or_above(meeting_levels, s.plan->meeting_good_level);
}

void add_documents(Scorecard& s, const Dataset& d, const UnitTree& tree) {
  std::vector<std::string> own;
  for (const Unit* u : tree.own_bodies(s.unit->code))
    own.push_back(u->code);
  for (const auto& doc : d.documents) {
    if (!s.period.contains(doc.date))
      continue;
    if (std::find(own.begin(), own.end(), doc.issuer) == own.end())
      continue;
    ++s.documents_total;
    s.documents.push_back(&doc);
    if (!doc.amends.empty())
      ++s.documents_amending_by_kind[doc.kind];
    else
      ++s.documents_by_kind[doc.kind];
  }
}

}  // namespace

const Plan* plan_for(const Dataset& d, const UnitTree& tree, const Unit& unit) {
  std::vector<const Unit*> chain{&unit};
  for (const Unit* a : tree.ancestors(unit.code))
    chain.push_back(a);
  for (const Unit* u : chain)
    for (const auto& p : d.plans)
      if (p.unit == u->code)
        return &p;
  return nullptr;
}

Scorecard build_scorecard(const Dataset& data, const UnitTree& tree, const Unit& unit,
                          const Period& period, const analytics::Engine& engine) {
  Scorecard s;
  s.unit = &unit;
  s.period = period;
  s.plan = plan_for(data, tree, unit);
  add_indicators(s, data, TargetIndex(data, unit.code, period.id()), engine);
  add_task_groups(s, data);
  add_activities(s, data, tree);
  add_documents(s, data, tree);
  s.unit_changes =
      changes_within(data.units, data.unit_changes, unit.code, period.start(), period.end());
  return s;
}

Scorecard build_scorecard(const Dataset& data, const UnitTree& tree, const Unit& unit,
                          const Period& period) {
  return build_scorecard(data, tree, unit, period, *analytics::build_engine(data));
}

std::optional<EffectiveValue> effective_value(const Dataset& data, const std::string& indicator,
                                              const std::string& unit, const std::string& period) {
  return ValueIndex(data, unit).value(indicator, unit, period);
}

}  // namespace mandate::core
