#include "core/narrative.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "core/number_format.hpp"
#include "core/text.hpp"

namespace mandate::core {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty())
      continue;
    if (!out.empty())
      out += sep;
    out += p;
  }
  return out;
}

// Lists "a, b và c" / "a, b and c".
std::string join_list(const std::vector<std::string>& parts, Lang lang) {
  if (parts.size() <= 1)
    return join(parts, "");
  std::vector<std::string> head(parts.begin(), parts.end() - 1);
  return join(head, ", ") + tr(lang, "narrative.and") + parts.back();
}

std::string count(size_t n) {
  return std::to_string(n);
}

std::string level_name(const RatingScale* scale, const std::string& level, Lang lang) {
  if (!scale)
    return level;
  const std::string& name = scale->level(level).name;
  return lang == Lang::vi ? fold_case(name) : name;
}

std::string target_phrase(const IndicatorResult& r, Lang lang) {
  if (lang == Lang::vi && !r.target_note.empty())
    return r.target_note;
  return tr(lang, "target.phrase." + std::string(target_source_name(*r.target_source)));
}

std::string category_label(const Attendance& a, Lang lang) {
  if (lang == Lang::vi && !a.category_name.empty())
    return fold_case(a.category_name);
  std::string s = a.category;
  for (char& c : s)
    if (c == '_')
      c = ' ';
  return s;
}

std::string unit_name(const Dataset& data, const std::string& code) {
  for (const auto& u : data.units)
    if (u.code == code)
      return u.name;
  return code;
}

std::string unit_names(const Dataset& data, const std::vector<std::string>& codes, Lang lang) {
  std::vector<std::string> names;
  for (const auto& c : codes)
    names.push_back(unit_name(data, c));
  return join_list(names, lang);
}

}  // namespace

std::string format_indicator_value(const Indicator& indicator, double value, Lang lang) {
  switch (indicator.value_type) {
    case ValueType::money:
      return format_money(value, lang, MoneyScale::automatic, indicator.decimals);
    case ValueType::percent:
      return format_percent(value, lang, indicator.decimals);
    case ValueType::yes_no:
      return tr(lang, value != 0 ? "value.yes" : "value.no");
    case ValueType::count:
    case ValueType::number:
      break;
  }
  std::string s = format_number(value, lang, indicator.decimals);
  if (!indicator.unit_of_measure.empty() && indicator.unit_of_measure != "%")
    s += " " + indicator.unit_of_measure;
  else if (indicator.unit_of_measure == "%")
    s += "%";
  return s;
}

std::string indicators_summary_sentence(const Scorecard& s, Lang lang) {
  if (s.indicators.empty())
    return {};
  const std::string group = lang == Lang::vi && s.plan && !s.plan->indicator_group_name.empty()
                                ? s.plan->indicator_group_name
                                : tr(lang, "narrative.indicators");
  std::string out =
      tr(lang, "narrative.indicators_summary",
         {s.period.label(lang), count(s.indicators_met), count(s.indicators_evaluated), group});
  std::vector<std::string> missed;
  size_t no_data = 0;
  for (const auto& r : s.indicators) {
    if (r.evaluation.status == Status::no_data || r.evaluation.status == Status::no_target)
      ++no_data;
    else if (!r.evaluation.met_or_exceeded())
      missed.push_back(r.indicator->name);
  }
  if (!missed.empty())
    out += tr(lang, "narrative.indicators_not_met", {count(missed.size()), join(missed, "; ")});
  if (no_data > 0)
    out += tr(lang, "narrative.indicators_no_data", {count(no_data)});
  return out;
}

std::string indicator_sentence(const IndicatorResult& r, Lang lang) {
  const Indicator& ind = *r.indicator;
  const auto& e = r.evaluation;
  if (!e.actual)
    return tr(lang, "narrative.indicator_no_data", {ind.name});
  // "đạt" (reached) fits amounts and rates; counts to keep low and yes/no
  // indicators read better stated plainly.
  const bool plain = ind.direction == Direction::lower_is_better ||
                     ind.direction == Direction::at_most || ind.direction == Direction::yes_no;
  const char* pattern = plain                           ? "narrative.indicator_plain"
                        : r.kind == ValueKind::estimate ? "narrative.indicator_estimate"
                                                        : "narrative.indicator_actual";
  std::string out = tr(lang, pattern, {ind.name, format_indicator_value(ind, *e.actual, lang)});
  if (e.target) {
    // "bằng 116,7% dự toán" reads well for amounts; for rates and yes/no the
    // target itself is clearer than a percentage of a percentage.
    const bool amount = ind.value_type == ValueType::money || ind.value_type == ValueType::count ||
                        ind.value_type == ValueType::number;
    if (ind.direction == Direction::yes_no)
      ;  // the status alone says it
    else if (amount && e.percent_of_target && ind.direction != Direction::lower_is_better &&
             ind.direction != Direction::at_most)
      out += tr(lang, "narrative.percent_of_target",
                {format_percent(*e.percent_of_target, lang), target_phrase(r, lang)});
    else
      out += tr(lang, "narrative.target_in_brackets",
                {target_phrase(r, lang), format_indicator_value(ind, *e.target, lang)});
    out += tr(lang, "narrative.status." + std::string(status_name(e.status)));
  }
  return out;
}

std::string task_groups_sentence(const Scorecard& s, Lang lang) {
  if (s.task_groups.empty() || !s.task_scale)
    return {};
  size_t rated = 0;
  for (const auto& g : s.task_groups)
    if (g.rating)
      ++rated;
  if (rated == 0)
    return tr(lang, "narrative.task_groups_unrated", {s.period.label(lang)});
  return tr(
      lang, "narrative.task_groups",
      {count(s.task_groups_good_or_better), count(s.task_groups.size()),
       level_name(s.task_scale, s.plan->task_good_level, lang), count(s.task_groups_excellent),
       level_name(s.task_scale, s.task_scale->levels[0].code, lang)});
}

std::string task_timeliness_sentence(const Scorecard& s, Lang lang) {
  if (!s.task_timeliness)
    return {};
  const TaskTimelinessCounts& t = *s.task_timeliness;
  std::vector<std::string> args{s.period.label(lang), count(static_cast<size_t>(t.total))};
  for (auto kind : {TaskTimeliness::completed_on_time, TaskTimeliness::completed_late,
                    TaskTimeliness::in_progress, TaskTimeliness::overdue}) {
    args.push_back(count(static_cast<size_t>(t.count(kind))));
    args.push_back(format_percent(t.percent(kind), lang));
  }
  return tr(lang, "narrative.task_timeliness", args);
}

std::string study_sentence(const Scorecard& s, Lang lang) {
  auto rate = s.study.rate();
  if (!rate)
    return {};
  std::vector<std::string> categories;
  for (const Activity* a : s.study_sessions)
    for (const auto& row : a->attendance) {
      std::string label = category_label(row, lang);
      if (std::find(categories.begin(), categories.end(), label) == categories.end())
        categories.push_back(label);
    }
  return tr(
      lang, "narrative.study",
      {join(categories, ", "), format_percent(*rate, lang),
       format_number(static_cast<double>(s.study.attended), lang),
       format_number(static_cast<double>(s.study.eligible), lang), count(s.study_sessions.size())});
}

std::string meetings_sentence(const Scorecard& s, Lang lang) {
  if (s.model_meetings.empty())
    return {};
  if (!s.meeting_scale)
    return tr(lang, "narrative.meetings_unrated", {count(s.model_meetings.size())});
  return tr(lang, "narrative.meetings",
            {count(s.model_meetings.size()), count(s.meetings_good_or_better),
             level_name(s.meeting_scale, s.plan->meeting_good_level, lang)});
}

std::string documents_sentence(const Scorecard& s, Lang lang) {
  if (s.documents_total == 0)
    return {};
  auto phrase = [&](DocumentKind kind, size_t n) {
    const std::string key = "doc.kind." + std::string(document_kind_name(kind));
    return count(n) + " " + tr(lang, n == 1 ? key + ".one" : key);
  };
  std::vector<std::string> issued, amended;
  for (const auto& [kind, n] : s.documents_by_kind)
    issued.push_back(phrase(kind, n));
  for (const auto& [kind, n] : s.documents_amending_by_kind)
    amended.push_back(phrase(kind, n));
  std::string out = tr(lang, "narrative.documents_by", {s.unit->name});
  if (!issued.empty())
    out += tr(lang, "narrative.documents_issued", {join_list(issued, lang)});
  if (!amended.empty()) {
    if (!issued.empty())
      out += tr(lang, "narrative.clause_separator");
    out += tr(lang, "narrative.documents_amended", {join_list(amended, lang)});
  }
  return out;
}

std::string unit_change_sentence(const UnitChange& c, const Dataset& data, Lang lang) {
  const std::string date = format_short_date(c.effective, lang);
  const std::string from = unit_names(data, c.from, lang);
  const std::string key = "narrative.unit_change." + std::string(unit_change_kind_name(c.kind));
  switch (c.kind) {
    case UnitChangeKind::merge:
      return tr(lang, key, {date, from, unit_names(data, c.to, lang)});
    case UnitChangeKind::split: {
      std::vector<std::string> parts;
      for (size_t i = 0; i < c.to.size() && i < c.shares.size(); ++i)
        parts.push_back(tr(lang, "narrative.unit_change.share",
                           {format_percent(c.shares[i] * 100, lang), unit_name(data, c.to[i])}));
      return tr(lang, key, {date, from, join(parts, ", ")});
    }
    case UnitChangeKind::rename:
      return tr(lang, key, {date, from, c.new_name});
    case UnitChangeKind::move:
      return tr(lang, key, {date, from, unit_name(data, c.new_parent)});
    case UnitChangeKind::dissolve:
      return c.to.empty() ? tr(lang, key, {date, from})
                          : tr(lang, key + "_into", {date, from, unit_names(data, c.to, lang)});
  }
  return {};
}

std::vector<std::string> unit_changes_sentences(const Scorecard& s, const Dataset& data,
                                                Lang lang) {
  if (s.unit_changes.empty())
    return {};
  std::vector<std::string> out{tr(lang, "narrative.unit_changes_lead")};
  for (const UnitChange* c : s.unit_changes)
    out.push_back(unit_change_sentence(*c, data, lang));
  return out;
}

std::vector<NarrativeSection> narrative(const Scorecard& s, const Dataset& data, Lang lang) {
  std::vector<NarrativeSection> out;
  auto add = [&](std::string key, std::vector<std::string> sentences, std::string heading = {}) {
    std::vector<std::string> kept;
    for (auto& x : sentences)
      if (!x.empty())
        kept.push_back(std::move(x));
    if (kept.empty())
      return;
    std::string title = heading.empty() ? tr(lang, "report.section." + key) : std::move(heading);
    out.push_back({std::move(key), std::move(title), std::move(kept)});
  };

  add("general", {indicators_summary_sentence(s, lang), task_groups_sentence(s, lang)});
  add("unit_changes", unit_changes_sentences(s, data, lang));

  for (const auto& field : data.fields) {
    std::vector<std::string> sentences;
    for (const auto& r : s.indicators)
      if (r.indicator->field == field.code && r.evaluation.actual)
        sentences.push_back(indicator_sentence(r, lang));
    add("field", std::move(sentences), tr(lang, "report.section.field", {field.name}));
  }

  std::vector<std::string> groups;
  for (size_t i = 0; i < s.task_groups.size(); ++i) {
    const auto& g = s.task_groups[i];
    const std::string rating = g.rating ? level_name(s.task_scale, g.rating->level, lang)
                                        : tr(lang, "narrative.not_rated");
    groups.push_back(tr(lang, "narrative.task_group_line", {count(i + 1), g.task->name, rating}));
  }
  groups.push_back(task_timeliness_sentence(s, lang));
  add("task_groups", std::move(groups));

  std::vector<std::string> party{study_sentence(s, lang), meetings_sentence(s, lang)};
  for (const Activity* c : s.contests)
    party.push_back(
        tr(lang, "narrative.contest",
           {c->name, format_number(static_cast<double>(c->participants), lang), c->result}));
  for (const Activity* a : s.other_activities)
    party.push_back(a->result.empty() ? a->name : a->name + ": " + a->result);
  add("party_building", std::move(party));

  add("documents", {documents_sentence(s, lang)});
  return out;
}

}  // namespace mandate::core
