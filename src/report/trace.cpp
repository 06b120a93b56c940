#include "report/trace.hpp"

#include <boost/json.hpp>

#include "io/json_writer.hpp"

namespace mandate::report {
namespace {

namespace json = boost::json;
namespace analytics = core::analytics;
constexpr core::Lang kVi = core::Lang::vi;

json::value number(const std::optional<double>& d) {
  return d ? json::value(*d) : json::value(nullptr);
}

// Where the engine's figure for one indicator, unit and period came from:
// the stored value, the unit's own values over shorter periods, or its
// sub-units' figures combined by the indicator's aggregation.
json::object figure_source(const service::Report& report, const core::IndicatorResult& r) {
  json::object out;
  const auto* engine = report.snapshot->engine.get();
  const auto period = engine ? engine->find_period_code(report.scorecard.period) : std::nullopt;
  if (!period)
    return out;
  const auto unit = engine->unit_id(report.scorecard.unit->code);
  const auto id = engine->indicator_id(r.indicator->code);
  const analytics::Figure f = engine->query(id, unit, *period);
  out["reported"] = number(f.reported);
  out["ownRolledUp"] = number(f.own);
  out["fromSubUnits"] = number(f.aggregated);
  out["reportingUnits"] = f.reporting_units;
  out["estimate"] = f.estimate;
  const char* how = f.reported ? "report.trace.own_value"
                    : f.own    ? "report.trace.own_rollup"
                               : "report.trace.parts";
  out["explanation"] = core::tr(kVi, how, {std::to_string(f.reporting_units)});
  json::array parts;
  if (!f.reported && !f.own) {
    for (auto child : engine->children(unit, *period)) {
      const auto part = engine->query(id, child, *period);
      if (!part.value)
        continue;
      const core::Unit* u = report.snapshot->tree.find_by_code(engine->unit_code(child));
      parts.push_back({{"unit", engine->unit_code(child)},
                       {"name", u ? u->name : engine->unit_code(child)},
                       {"value", *part.value},
                       {"estimate", part.estimate}});
    }
  }
  out["subUnits"] = std::move(parts);
  return out;
}

// The stored values of the indicator in the unit and the units below it,
// inside the report's period.
json::array stored_values(const service::Report& report, const core::Indicator& ind) {
  json::array out;
  const auto& s = report.scorecard;
  std::vector<std::string> units{s.unit->code};
  for (const core::Unit* u : report.snapshot->tree.descendants(s.unit->code))
    units.push_back(u->code);
  for (const auto& unit : units) {
    for (const core::Value& v : report.snapshot->values.of_unit(unit)) {
      if (v.indicator != ind.code || !s.period.contains(core::Period::parse(v.period)))
        continue;
      out.push_back({{"unit", v.unit},
                     {"period", v.period},
                     {"value", v.value},
                     {"kind", core::value_kind_name(v.kind)},
                     {"comment", v.comment}});
    }
  }
  return out;
}

json::array codes(const std::vector<const core::Activity*>& activities) {
  json::array out;
  for (const auto* a : activities)
    out.emplace_back(a->code);
  return out;
}

}  // namespace

std::string write_trace(const service::Report& report) {
  const auto& s = report.scorecard;
  json::object root;
  root["unit"] = s.unit->code;
  root["period"] = s.period.id();
  root["plan"] = s.plan ? json::value(s.plan->code) : json::value(nullptr);

  json::array indicators;
  json::array met;
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const auto& r = s.indicators[i];
    const auto& e = r.evaluation;
    const core::Indicator& ind = *r.indicator;
    if (e.met_or_exceeded())
      met.emplace_back(ind.code);
    json::object o{
        {"code", ind.code},
        {"name", ind.name},
        {"printed",
         {{"actual", report.content.table[i].actual},
          {"target", report.content.table[i].target},
          {"percentOfTarget", report.content.table[i].percent_of_target},
          {"samePeriodLastYear", report.content.table[i].last_year}}},
        {"actual", number(e.actual)},
        {"target", number(e.target)},
        {"targetSource", r.target_source ? json::value(core::target_source_name(*r.target_source))
                                         : json::value(nullptr)},
        {"percentOfTarget", number(e.percent_of_target)},
        {"percentOfTargetIs", "actual / target × 100"},
        {"status", core::status_name(e.status)},
        {"direction", core::direction_name(ind.direction)},
        {"aggregation", core::aggregation_name(ind.aggregation)},
        {"formula", ind.formula},
        {"figure", figure_source(report, r)},
        {"storedValues", stored_values(report, ind)}};
    indicators.push_back(std::move(o));
  }
  root["indicators"] = std::move(indicators);
  root["indicatorsMet"] = {
      {"count", s.indicators_met}, {"of", s.indicators_evaluated}, {"codes", std::move(met)}};

  json::array groups;
  for (const auto& g : s.task_groups)
    groups.push_back(
        {{"task", g.task->code},
         {"rating", g.rating ? json::value(g.rating->level) : json::value(nullptr)},
         {"ratingPeriod", g.rating ? json::value(g.rating->period) : json::value(nullptr)}});
  root["taskGroups"] = {{"goodOrBetter", s.task_groups_good_or_better},
                        {"excellent", s.task_groups_excellent},
                        {"total", s.task_groups.size()},
                        {"groups", std::move(groups)}};
  root["study"] = {{"attended", s.study.attended},
                   {"eligible", s.study.eligible},
                   {"rate", number(s.study.rate())},
                   {"rateIs", "attended / eligible × 100"},
                   {"activities", codes(s.study_sessions)}};
  root["modelMeetings"] = {{"total", s.model_meetings.size()},
                           {"goodOrBetter", s.meetings_good_or_better},
                           {"activities", codes(s.model_meetings)}};
  json::array documents;
  for (const core::Document* d : s.documents)
    documents.push_back(
        {{"code", d->code}, {"kind", core::document_kind_name(d->kind)}, {"amends", d->amends}});
  root["documents"] = {{"total", s.documents_total}, {"records", std::move(documents)}};
  return io::pretty_json(root);
}

}  // namespace mandate::report
