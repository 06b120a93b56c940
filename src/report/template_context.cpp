#include "report/template_context.hpp"

#include "core/date.hpp"
#include "core/text.hpp"

namespace mandate::report {
namespace {

using kainjow::mustache::data;

// One line per value: a line break in stored text must not start a new block.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r')
      c = ' ';
  return s;
}

data sentence_list(const std::vector<std::string>& sentences) {
  data list{data::type::list};
  for (const auto& s : sentences)
    list.push_back(data{one_line(s)});
  return list;
}

// The committee that issues the report: the unit's own party or people's
// committee when it has one, else the unit itself.
const core::Unit& issuer(const service::Report& r, Layout layout) {
  const auto wanted =
      layout == Layout::party ? core::UnitType::party_committee : core::UnitType::peoples_committee;
  for (const core::Unit* u : r.tree->children(r.scorecard.unit->code))
    if (u->type == wanted)
      return *u;
  return *r.scorecard.unit;
}

// The period after the report's, as the next-tasks heading names it; empty
// for a mid-term review (the template names the rest of the term itself).
std::string next_period(const core::Period& p, ReportKind kind) {
  switch (kind) {
    case ReportKind::six_months:
      return core::Period::six_months(p.year(), 2).label(core::Lang::vi);
    case ReportKind::nine_months:
      return core::Period::quarter(p.year(), 4).label(core::Lang::vi);
    case ReportKind::year:
      return core::Period::year(p.last_year() + 1).label(core::Lang::vi);
    case ReportKind::mid_term:
      break;
  }
  return {};
}

// The place a report is dated at: the unit's name without its type,
// "Thành phố Lạng Sơn" -> "Lạng Sơn".
std::string place_of(const core::Unit& unit) {
  const std::string type =
      core::tr(core::Lang::vi, "unit_type.label." + std::string(core::unit_type_name(unit.type)));
  const std::string prefix = type + " ";
  if (unit.name.size() > prefix.size() &&
      core::fold_case(unit.name.substr(0, prefix.size())) == core::fold_case(prefix))
    return unit.name.substr(prefix.size());
  return unit.name;
}

}  // namespace

data template_context(const service::Report& report, ReportKind kind, Layout layout) {
  const core::Scorecard& s = report.scorecard;
  const core::Unit& unit = *s.unit;
  const core::Unit& by = issuer(report, layout);
  data d;
  d.set("unit_name", unit.name);
  d.set("unit_upper", core::upper_case(unit.name));
  d.set("issuer_name", by.name);
  d.set("issuer_upper", core::upper_case(by.name));
  if (const core::Unit* parent = report.tree->find_by_code(unit.parent_code)) {
    d.set("superior_name", parent->name);
    d.set("superior_upper", core::upper_case(parent->name));
  }
  d.set("place", place_of(unit));
  d.set("year", std::to_string(s.period.last_year()));
  d.set("issue_year", std::to_string(kind == ReportKind::year || kind == ReportKind::mid_term
                                         ? s.period.last_year() + 1
                                         : s.period.last_year()));
  const std::string label = s.period.label(core::Lang::vi);
  d.set("period_label", label);
  d.set("period_label_lower", core::fold_case(label));
  d.set("plan_name", s.plan ? s.plan->name : report.content.plan_line);
  d.set("next_period_upper", core::upper_case(next_period(s.period, kind)));

  data fields{data::type::list};
  for (const auto& section : report.content.sections) {
    if (section.key == "field") {
      data f;
      f.set("heading", one_line(section.heading));
      f.set("sentences", sentence_list(section.sentences));
      fields.push_back(f);
    } else {
      d.set(section.key, sentence_list(section.sentences));
    }
  }
  d.set("fields", fields);
  d.set("has_indicators", !report.content.table.empty());

  data tasks{data::type::list};
  for (const core::Task* t : s.open_tasks) {
    data task;
    task.set("name", one_line(t->name));
    task.set("progress", std::to_string(t->progress) + "%");
    if (t->deadline)
      task.set("deadline", core::format_short_date(*t->deadline, core::Lang::vi));
    tasks.push_back(task);
  }
  d.set("next_tasks", tasks);
  return d;
}

}  // namespace mandate::report
