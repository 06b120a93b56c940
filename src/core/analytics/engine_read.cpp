// Reads: figures, the batch shapes of the dashboard, projections, memory.
#include <algorithm>
#include <mutex>
#include <tuple>

#include "core/analytics/engine_impl.hpp"
#include "core/analytics/projection.hpp"
#include "core/error.hpp"

namespace mandate::core::analytics {
namespace {

constexpr int kMaxFormulaDepth = 32;  // formulas are checked for cycles; this is a backstop

// Fills a default Figure in place: the batch read writes straight into its
// result vector (building a Figure aside and copying it stalled on
// store-to-load forwarding of the just-written fields).
void fill_figure(Figure& f, Rollup r, const Cell& reported, const Cell& own, const Cell& agg,
                 const Cell& fig) {
  if (!reported.empty())
    f.reported = reported.a;
  f.own = cell_value(r, own);
  if (r != Rollup::none)
    f.aggregated = cell_value(r, agg);
  f.value = cell_value(r, fig);
  f.reporting_units = fig.reporting;
  f.estimate = fig.estimates > 0;
}

Figure make_figure(Rollup r, const Cell& reported, const Cell& own, const Cell& agg,
                   const Cell& fig) {
  Figure f;
  fill_figure(f, r, reported, own, agg, fig);
  return f;
}

}  // namespace

Figure Engine::Impl::figure(IndicatorId i, UnitId u, PeriodCode p, OptionId o, int depth) const {
  const auto& info = engine.indicators_[i];
  if (info.formula) {
    Figure f;
    if (depth > kMaxFormulaDepth)
      return f;
    std::vector<Figure> inputs;
    inputs.reserve(info.inputs.size());
    for (const auto& in : info.inputs)
      inputs.push_back(figure(in.second, u, p, o, depth + 1));
    auto eval = [&](std::optional<double> Figure::*member) {
      return info.formula->evaluate([&](const std::string& code) -> std::optional<double> {
        for (std::size_t k = 0; k < inputs.size(); ++k)
          if (info.inputs[k].first == code)
            return inputs[k].*member;
        return std::nullopt;
      });
    };
    f.value = eval(&Figure::value);
    f.own = eval(&Figure::own);
    f.aggregated = eval(&Figure::aggregated);
    for (const Figure& in : inputs) {
      f.reporting_units = std::max(f.reporting_units, in.reporting_units);
      f.estimate = f.estimate || (in.value && in.estimate);
    }
    return f;
  }
  const Rollup r = info.rollup;
  const Series* s = find_series(i, u, o);
  const Group* g = find_group(i, u, o);
  if (is_term(p)) {
    const unsigned t = term_index(p);
    const Cell reported = reported_term(s, t);
    const Cell own = own_term(r, s, t);
    const Cell agg = g && t < g->terms.size() ? g->terms[t] : Cell{};
    return make_figure(r, reported, own, agg,
                       final_figure(r, reported, own, agg, engine.hierarchy_.born(u)));
  }
  const int y = code_year(p);
  const unsigned k = code_slot(p);
  const Cell* agg = g ? g->find(y, k) : nullptr;
  if (!s) {
    const Cell a = agg ? *agg : Cell{};
    return make_figure(r, Cell{}, Cell{}, a, a);
  }
  YearView v;
  year_view(r, s, g, y, v, engine.hierarchy_.born(u));
  return make_figure(r, v.reported[k], v.own[k], agg ? *agg : Cell{}, v.fig[k]);
}

Figure Engine::query(IndicatorId i, UnitId u, PeriodCode p, OptionId option) const {
  std::shared_lock lock(mutex_);
  if (i >= indicators_.size())
    throw not_found("indicator.not_found", {std::to_string(i)});
  if (u >= hierarchy_.size())
    throw not_found("unit.not_found", {std::to_string(u)});
  if (is_term(p) && term_index(p) >= impl_->terms.size())
    throw invalid_input("period.invalid", {std::to_string(p)});
  return impl_->figure(i, u, p, option);
}

std::vector<Figure> Engine::query_grid(std::span<const IndicatorId> indicators,
                                       std::span<const UnitId> units,
                                       std::span<const PeriodCode> periods, OptionId option) const {
  std::shared_lock lock(mutex_);
  for (IndicatorId i : indicators)
    if (i >= indicators_.size())
      throw not_found("indicator.not_found", {std::to_string(i)});
  for (UnitId u : units)
    if (u >= hierarchy_.size())
      throw not_found("unit.not_found", {std::to_string(u)});
  for (PeriodCode p : periods)
    if (is_term(p) && term_index(p) >= impl_->terms.size())
      throw invalid_input("period.invalid", {std::to_string(p)});
  // The series and aggregates of a batch's units lie scattered in memory, and
  // each step of a lookup (hash slot, record, entries) waits for the one
  // before. Resolving the batch in passes, each prefetching what the next
  // reads for every indicator x unit, overlaps those waits instead of paying
  // them one unit at a time: what makes "children of a commune" (about 90
  // small series of party cells) fast.
  struct Resolved {
    const Series* s = nullptr;
    const Group* g = nullptr;
  };
  std::vector<Resolved> resolved(indicators.size() * units.size());
  if (!impl_->unit_series_begin.empty())
    for (UnitId u : units)
      __builtin_prefetch(&impl_->unit_series_begin[hierarchy_.layout_rank(u)]);
  for (IndicatorId i : indicators) {
    if (indicators_[i].formula)
      continue;
    for (UnitId u : units)
      if (hierarchy_.has_parts(u))
        impl_->group_index.prefetch(series_key(i, u, option));
  }
  std::size_t n = 0;
  for (IndicatorId i : indicators)
    for (UnitId u : units) {
      Resolved& r = resolved[n++];
      if (indicators_[i].formula)
        continue;
      r.s = impl_->find_series(i, u, option);
      r.g = hierarchy_.has_parts(u) ? impl_->find_group(i, u, option) : nullptr;
      __builtin_prefetch(r.s);
      __builtin_prefetch(r.g);
    }
  // Whole years read the series' YearFigures; other slots its entries.
  const bool reads_entries = std::any_of(periods.begin(), periods.end(), [](PeriodCode p) {
    return !is_term(p) && code_slot(p) != slot::year;
  });
  for (const Resolved& r : resolved) {
    if (r.s && reads_entries && !r.s->entries.empty()) {
      __builtin_prefetch(&r.s->entries.front());
      __builtin_prefetch(&r.s->entries.back());
    }
    for (PeriodCode p : periods)
      if (!is_term(p)) {
        if (r.g)
          __builtin_prefetch(r.g->find(code_year(p), code_slot(p)));
        if (r.s && code_slot(p) == slot::year)
          __builtin_prefetch(r.s->year(code_year(p)));
      }
  }
  constexpr std::size_t kEntriesPerLine = 64 / sizeof(Entry);
  for (const Resolved& r : resolved)
    if (r.s)
      for (PeriodCode p : periods)
        if (!is_term(p) && code_slot(p) != slot::year) {  // the lines holding the year's entries
          const Entry* first = r.s->entries.data() + year_guess(*r.s, code_year(p));
          const Entry* end = r.s->entries.data() + r.s->entries.size();
          for (const Entry* e = first; e < end && e < first + kSlotsPerYear; e += kEntriesPerLine)
            __builtin_prefetch(e);
        }

  std::vector<Figure> out;
  out.reserve(indicators.size() * units.size() * periods.size());
  n = 0;
  for (IndicatorId i : indicators) {
    const auto& info = indicators_[i];
    for (UnitId u : units) {
      const auto [s, g] = resolved[n++];
      for (PeriodCode p : periods) {
        if (info.formula || is_term(p)) {
          out.push_back(impl_->figure(i, u, p, option));
          continue;
        }
        const int y = code_year(p);
        const unsigned k = code_slot(p);
        const Cell* agg = g ? g->find(y, k) : nullptr;
        if (!s) {  // a unit with no values of its own: the parts' aggregate, one read
          const Cell a = agg ? *agg : Cell{};
          fill_figure(out.emplace_back(), info.rollup, Cell{}, Cell{}, a, a);
          continue;
        }
        Cell reported, own;
        if (k == slot::year) {
          if (const YearFigures* yf = s->year(y)) {
            reported = yf->reported;
            own = yf->own;
          }
        } else {
          std::tie(reported, own) = impl_->own_slot(info.rollup, *s, y, k, year_guess(*s, y));
        }
        const Cell a = agg ? *agg : Cell{};
        fill_figure(out.emplace_back(), info.rollup, reported, own, a,
                    final_figure(info.rollup, reported, own, a, hierarchy_.born(u)));
      }
    }
  }
  return out;
}

std::vector<UnitId> Engine::children(UnitId u, PeriodCode p) const {
  std::shared_lock lock(mutex_);
  if (u >= hierarchy_.size())
    throw not_found("unit.not_found", {std::to_string(u)});
  auto [first, last] = month_range(p, impl_->terms);
  std::vector<UnitId> out;
  for (const Relation& rel : hierarchy_.children(u))
    if (rel.overlaps(first, last) && std::find(out.begin(), out.end(), rel.unit) == out.end())
      out.push_back(rel.unit);
  return out;
}

std::vector<UnitId> Engine::level(unsigned depth) const {
  std::vector<UnitId> out;
  for (UnitId u = 0; u < hierarchy_.size(); ++u)
    if (hierarchy_.depth(u) == depth)
      out.push_back(u);
  return out;
}

std::vector<OptionId> Engine::options_of(IndicatorId i) const {
  std::shared_lock lock(mutex_);
  std::vector<bool> seen(impl_->options.size(), false);
  for (std::uint64_t key : impl_->series_keys)
    if ((key >> 48) == i)
      seen[(key >> 32) & 0xffff] = true;
  std::vector<OptionId> out;
  for (OptionId o = 0; o < seen.size(); ++o)
    if (seen[o])
      out.push_back(o);
  return out;
}

Projection Engine::projection(IndicatorId i, UnitId u, PeriodCode term, int through_year) const {
  std::shared_lock lock(mutex_);
  if (!is_term(term) || term_index(term) >= impl_->terms.size())
    throw invalid_input("plan.term_not_term", {std::to_string(term)});
  if (i >= indicators_.size() || u >= hierarchy_.size())
    throw not_found("indicator.not_found", {std::to_string(i)});
  const Term& t = impl_->terms[term_index(term)];
  Projection out;
  if (auto it = impl_->targets.find(series_key(i, u, term_index(term))); it != impl_->targets.end())
    out.target = it->second;
  out.actual = impl_->figure(i, u, term, 0).value;
  std::vector<std::pair<int, double>> points;
  for (int y = t.first_year; y <= std::min(t.last_year, through_year); ++y)
    if (auto v = impl_->figure(i, u, calendar_code(y, slot::year), 0).value)
      points.emplace_back(y, *v);
  out.points = static_cast<unsigned>(points.size());
  const auto& info = indicators_[i];
  const bool cumulative = !info.formula && info.rollup == Rollup::sum;
  const Trend trend = project(points, t.last_year, cumulative);
  out.linear = trend.linear;
  out.compound = trend.compound;
  if (out.target) {
    if (out.linear)
      out.reaches_linear = reaches(info.direction, *out.linear, *out.target);
    if (out.compound)
      out.reaches_compound = reaches(info.direction, *out.compound, *out.target);
    out.at_risk =
        out.linear && !out.reaches_linear.value_or(false) && !out.reaches_compound.value_or(false);
  }
  return out;
}

std::vector<AtRisk> Engine::at_risk(UnitId u, PeriodCode term, int through_year) const {
  std::vector<IndicatorId> with_target;
  {
    std::shared_lock lock(mutex_);
    if (!is_term(term))
      throw invalid_input("plan.term_not_term", {std::to_string(term)});
    for (IndicatorId i = 0; i < indicators_.size(); ++i)
      if (impl_->targets.count(series_key(i, u, term_index(term))))
        with_target.push_back(i);
  }
  std::vector<AtRisk> out;
  for (IndicatorId i : with_target) {
    Projection p = projection(i, u, term, through_year);
    if (p.at_risk)
      out.push_back(AtRisk{i, std::move(p)});
  }
  return out;
}

std::size_t Engine::Impl::memory_bytes() const {
  std::size_t n = series.capacity() * sizeof(Series) + series_keys.capacity() * 8 +
                  series_index.memory_bytes() + groups.capacity() * sizeof(Group) +
                  unit_series_begin.capacity() * 4 + unit_series.capacity() * sizeof(UnitSeries) +
                  group_keys.capacity() * 8 + group_index.memory_bytes() +
                  terms.capacity() * sizeof(Term) + targets.size() * 48 +
                  targets.bucket_count() * sizeof(void*) + options.capacity() * sizeof(std::string);
  constexpr std::size_t kHeapOverhead = 16;  // malloc's header and rounding, per allocation
  for (const Series& s : series)
    n += s.entries.capacity() * sizeof(Entry) + (s.entries.capacity() ? kHeapOverhead : 0) +
         s.years.capacity() * sizeof(YearFigures) + (s.years.capacity() ? kHeapOverhead : 0);
  for (const Group& g : groups)
    n += (g.cells.capacity() + g.terms.capacity()) * sizeof(Cell) + 2 * kHeapOverhead;
  return n;
}

}  // namespace mandate::core::analytics
