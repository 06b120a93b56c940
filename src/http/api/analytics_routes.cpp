// /api/v1/analytics: the rollup engine's figures for indicators x units x
// periods, with targets, statuses and totals; /api/v1/analytics/projections:
// the trend of each indicator towards its term target.
#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>

#include "core/error.hpp"
#include "core/evaluation.hpp"
#include "core/period.hpp"
#include "core/scorecard.hpp"
#include "core/text.hpp"
#include "http/api/context.hpp"

namespace mandate::http::api {
namespace {

namespace json = boost::json;
using core::analytics::Engine;
using core::analytics::IndicatorId;
using core::analytics::PeriodCode;
using core::analytics::UnitId;

// Bounds one answer: a dashboard asks for a few thousand figures at most.
constexpr size_t kMaxFigures = 100'000;

// A repeatable parameter whose values may also be comma lists:
// ?indicator=A&indicator=B,C gives A, B, C.
std::vector<std::string> list_param(const Request& r, std::string_view name) {
  std::vector<std::string> out;
  const auto [first, last] = r.query.equal_range(std::string(name));
  for (auto it = first; it != last; ++it) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      const size_t comma = std::min(rest.find(','), rest.size());
      if (std::string item = core::to_nfc(rest.substr(0, comma)); !item.empty())
        out.push_back(std::move(item));
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
  }
  return out;
}

unsigned number_param(const Request& r, std::string_view name, unsigned max) {
  const std::string text = r.query_param(name).value_or("");
  unsigned n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n > max)
    throw core::invalid_input("query.invalid", {std::string(name), text}, std::string(name));
  return n;
}

json::value optional_number(std::optional<double> v) {
  return v ? json::value(*v) : json::value(nullptr);
}

const core::Indicator& indicator_named(const core::Dataset& d, const std::string& code) {
  for (const auto& i : d.indicators)
    if (i.code == code)
      return i;
  throw core::not_found("indicator.not_found", {code});
}

// ?indicator=, else the plan's indicators (of the unit or its nearest
// ancestor), else every indicator.
std::vector<const core::Indicator*> indicators_of(const Request& r, const service::Snapshot& s,
                                                  const core::Unit& unit) {
  std::vector<const core::Indicator*> out;
  std::vector<std::string> codes = list_param(r, "indicator");
  if (codes.empty()) {
    if (const core::Plan* plan = core::plan_for(s.data, s.tree, unit))
      codes = plan->indicators;
    else
      for (const auto& i : s.data.indicators)
        codes.push_back(i.code);
  }
  for (const auto& c : codes)
    out.push_back(&indicator_named(s.data, c));
  return out;
}

// A term the engine knows (the plans' and targets' terms).
PeriodCode code_of(const Engine& e, const core::Period& p, const char* param) {
  const auto code = e.find_period_code(p);
  if (!code)
    throw core::invalid_input("analytics.term_unknown", {p.id()}, param);
  return *code;
}

struct Units {
  std::vector<const core::Unit*> list;
  const core::Unit* parent = nullptr;  // children=: the unit whose parts these are
  bool disjoint = true;                // no unit lies within another
};

// ?unit= (each must be readable), ?children=UNIT or ?level=N (those the
// caller may read), else the caller's own unit.
Units units_of(const Request& r, const core::Principal& who, const service::Snapshot& s,
               const std::vector<PeriodCode>& periods) {
  const Engine& e = *s.engine;
  const auto asked = list_param(r, "unit");
  const bool children = r.query_param("children").has_value();
  const bool level = r.query_param("level").has_value();
  if (int(!asked.empty()) + int(children) + int(level) > 1)
    throw core::invalid_input("analytics.selection_conflict", {}, "unit");
  Units out;
  auto readable = [&](UnitId id) {
    const core::Unit* u = s.tree.find_by_code(e.unit_code(id));
    if (u && core::may(who, core::Action::read, u->code, s.tree))
      out.list.push_back(u);
  };
  if (children) {
    out.parent = &s.tree.resolve(required_query(r, "children"));
    core::require(who, core::Action::read, out.parent->code, s.tree);
    std::set<UnitId> parts;  // over the periods: restructuring changes them
    for (PeriodCode p : periods)
      for (UnitId c : e.children(e.unit_id(out.parent->code), p))
        parts.insert(c);
    std::for_each(parts.begin(), parts.end(), readable);
  } else if (level) {
    for (UnitId u : e.level(number_param(r, "level", 64)))
      readable(u);
  } else {
    for (const auto& a : asked.empty() ? std::vector{who.unit} : asked) {
      const core::Unit& u = s.tree.resolve(a);
      core::require(who, core::Action::read, u.code, s.tree);
      out.list.push_back(&u);
    }
    for (const core::Unit* a : out.list)
      for (const core::Unit* b : out.list)
        out.disjoint = out.disjoint && (a == b || !s.tree.is_within(a->code, b->code));
  }
  return out;
}

// Totals of the listed units' values where adding them up means something:
// for children=, the parent's aggregate (by the indicator's own rule); for a
// list or a level of units that do not overlap, their sum (sum, last, count)
// or their extreme (min, max). Computed indicators get a total only from a parent.
std::optional<double> total(const core::Indicator& ind, const Units& units,
                            std::span<const core::analytics::Figure> figures) {
  if (ind.computed() || !units.disjoint)
    return std::nullopt;
  std::optional<double> t;
  for (const auto& f : figures) {
    if (!f.value)
      continue;
    switch (ind.aggregation) {
      case core::Aggregation::sum:
      case core::Aggregation::last:
      case core::Aggregation::count:
        t = t.value_or(0) + *f.value;
        break;
      case core::Aggregation::min:
        t = std::min(t.value_or(*f.value), *f.value);
        break;
      case core::Aggregation::max:
        t = std::max(t.value_or(*f.value), *f.value);
        break;
      default:
        return std::nullopt;
    }
  }
  return t;
}

std::unordered_map<std::string, double> targets_by_cell(const core::Dataset& d) {
  std::unordered_map<std::string, double> out;
  for (const auto& t : d.targets)
    out[t.indicator + '\x1f' + t.unit + '\x1f' + t.period] = t.value;
  return out;
}

json::object figure_row(const core::Indicator& ind, const core::Unit& u, const core::Period& p,
                        const core::analytics::Figure& f, std::optional<double> target) {
  const core::Evaluation ev = core::evaluate(ind, f.value, target);
  return {{"indicator", ind.code},
          {"unit", u.code},
          {"period", p.id()},
          {"value", optional_number(f.value)},
          {"reported", optional_number(f.reported)},
          {"own", optional_number(f.own)},
          {"aggregated", optional_number(f.aggregated)},
          {"reportingUnits", f.reporting_units},
          {"estimate", f.estimate},
          {"target", optional_number(target)},
          {"percentOfTarget", optional_number(ev.percent_of_target)},
          {"status", core::status_name(ev.status)}};
}

Response analytics(ApiContext& api, const Request& r) {
  const auto who = api.authenticate(r).principal;
  const auto s = api.cache().get();
  const Engine& e = *s->engine;

  std::vector<core::Period> periods;
  std::vector<PeriodCode> codes;
  for (const auto& id : list_param(r, "period")) {
    periods.push_back(core::Period::parse(id));
    codes.push_back(code_of(e, periods.back(), "period"));
  }
  if (periods.empty())
    throw core::invalid_input("query.missing", {"period"}, "period");
  const Units units = units_of(r, who, *s, codes);
  const core::Unit& first = units.list.empty() ? s->tree.resolve(who.unit) : *units.list.front();
  const auto indicators = indicators_of(r, *s, first);
  const size_t figures = indicators.size() * units.list.size() * periods.size();
  if (figures > kMaxFigures)
    throw core::invalid_input("analytics.too_many",
                              {std::to_string(figures), std::to_string(kMaxFigures)}, "indicator");

  std::vector<IndicatorId> ids;
  for (const auto* i : indicators)
    ids.push_back(e.indicator_id(i->code));
  std::vector<UnitId> unit_ids;
  for (const auto* u : units.list)
    unit_ids.push_back(e.unit_id(u->code));
  const auto grid = e.query_grid(ids, unit_ids, codes);  // indicator, then unit, then period

  const auto targets = targets_by_cell(s->data);
  auto target_of = [&](const std::string& i, const std::string& u,
                       const core::Period& p) -> std::optional<double> {
    auto it = targets.find(i + '\x1f' + u + '\x1f' + p.id());
    return it == targets.end() ? std::nullopt : std::optional(it->second);
  };
  json::array rows, totals;
  const size_t nu = units.list.size(), np = periods.size();
  for (size_t i = 0; i < indicators.size(); ++i) {
    const core::Indicator& ind = *indicators[i];
    for (size_t u = 0; u < nu; ++u)
      for (size_t p = 0; p < np; ++p)
        rows.push_back(figure_row(ind, *units.list[u], periods[p], grid[(i * nu + u) * np + p],
                                  target_of(ind.code, units.list[u]->code, periods[p])));
    for (size_t p = 0; p < np; ++p) {
      std::optional<double> t;
      if (units.parent) {
        t = e.query(ids[i], e.unit_id(units.parent->code), codes[p]).aggregated;
      } else {
        std::vector<core::analytics::Figure> column;
        for (size_t u = 0; u < nu; ++u)
          column.push_back(grid[(i * nu + u) * np + p]);
        t = total(ind, units, column);
      }
      if (t)
        totals.push_back({{"indicator", ind.code}, {"period", periods[p].id()}, {"value", *t}});
    }
  }
  json::object body{{"rows", std::move(rows)}, {"totals", std::move(totals)}};
  if (units.parent)
    body["parent"] = units.parent->code;
  return Response::json(200, body);
}

// ?unit= (default the caller's), ?term= (default the plan's), ?through=YEAR
// (the last complete year: default the year before now, within the term).
Response projections(ApiContext& api, const Request& r) {
  const auto who = api.authenticate(r).principal;
  const auto s = api.cache().get();
  const Engine& e = *s->engine;
  const core::Unit& unit = s->tree.resolve(r.query_param("unit").value_or(who.unit));
  core::require(who, core::Action::read, unit.code, s->tree);
  const core::Plan* plan = core::plan_for(s->data, s->tree, unit);
  const auto term_id = r.query_param("term");
  if (!term_id && !plan)
    throw core::invalid_input("query.missing", {"term"}, "term");
  const core::Period term = core::Period::parse(term_id ? *term_id : plan->term);
  if (term.type() != core::PeriodType::term)
    throw core::invalid_input("analytics.term_expected", {term.id()}, "term");
  const PeriodCode code = code_of(e, term, "term");
  int through = std::clamp(std::stoi(api.now().substr(0, 4)) - 1, term.year(), term.last_year());
  if (r.query_param("through"))
    through = static_cast<int>(number_param(r, "through", 9999));

  json::array items, at_risk;
  for (const core::Indicator* ind : indicators_of(r, *s, unit)) {
    const auto p = e.projection(e.indicator_id(ind->code), e.unit_id(unit.code), code, through);
    items.push_back(
        {{"indicator", ind->code},
         {"target", optional_number(p.target)},
         {"actual", optional_number(p.actual)},
         {"linear", optional_number(p.linear)},
         {"compound", optional_number(p.compound)},
         {"reachesLinear", p.reaches_linear ? json::value(*p.reaches_linear) : nullptr},
         {"reachesCompound", p.reaches_compound ? json::value(*p.reaches_compound) : nullptr},
         {"points", p.points},
         {"atRisk", p.at_risk}});
    if (p.at_risk)
      at_risk.push_back(json::value(ind->code));
  }
  return Response::json(200, json::object{{"unit", unit.code},
                                          {"term", term.id()},
                                          {"through", through},
                                          {"items", std::move(items)},
                                          {"atRisk", std::move(at_risk)}});
}

}  // namespace

void register_analytics_routes(Router& router, std::shared_ptr<ApiContext> api) {
  router.add("GET", "/api/v1/analytics", [api](Request& r) { return analytics(*api, r); });
  router.add("GET", "/api/v1/analytics/projections",
             [api](Request& r) { return projections(*api, r); });
}

}  // namespace mandate::http::api
