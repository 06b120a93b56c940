// Figures over time for one series, the bulk load and the from-scratch
// rebuild of every aggregate (children before parents).
#include <algorithm>
#include <cmath>
#include <mutex>

#include "core/analytics/engine_impl.hpp"
#include "core/error.hpp"

namespace mandate::core::analytics {
namespace {

bool entry_less(const Entry& a, const Entry& b) {
  return a.period != b.period ? a.period < b.period : a.official < b.official;
}

// The first entry at or after `code`, searched outward from `guess` by
// doubling steps: when the guess is right only the lines around it are read
// (the batch read prefetches them), and a wrong guess costs a logarithm.
std::size_t lower_bound_near(const std::vector<Entry>& e, PeriodCode code, std::size_t guess) {
  const std::size_t n = e.size();
  guess = std::min(guess, n);
  std::size_t lo = 0, hi = n;
  if (guess < n && e[guess].period < code) {
    // Everything before lo is earlier than code.
    lo = guess + 1;
    std::size_t step = 1;
    while (lo + step <= n && e[lo + step - 1].period < code) {
      lo += step;
      step *= 2;
    }
    hi = std::min(n, lo + step - 1);
  } else {
    // Everything from hi on is at or after code.
    hi = guess;
    std::size_t step = 1;
    while (hi >= step && e[hi - step].period >= code) {
      hi -= step;
      step *= 2;
    }
    lo = hi >= step ? hi - step + 1 : 0;
  }
  return static_cast<std::size_t>(
      std::lower_bound(e.begin() + static_cast<std::ptrdiff_t>(lo),
                       e.begin() + static_cast<std::ptrdiff_t>(hi), code,
                       [](const Entry& x, PeriodCode c) { return x.period < c; }) -
      e.begin());
}

// The entries of one calendar year: codes of a year are contiguous.
std::pair<const Entry*, const Entry*> year_entries(const Series& s, int year, std::size_t guess) {
  const PeriodCode hi = calendar_code(year + 1, 0);
  const Entry* b = s.entries.data() + lower_bound_near(s.entries, calendar_code(year, 0), guess);
  const Entry* end = s.entries.data() + s.entries.size();
  const Entry* e = b;
  while (e != end && e->period < hi)
    ++e;
  return {b, e};
}

std::pair<const Entry*, const Entry*> year_entries(const Series& s, int year) {
  return year_entries(s, year, year_guess(s, year));
}

}  // namespace

std::size_t year_guess(const Series& s, int year) {
  const auto& e = s.entries;
  if (e.size() < 2)
    return 0;
  const double first = e.front().period, last = e.back().period;
  const double code = calendar_code(year, 0);
  if (last <= first || code <= first)
    return 0;
  if (code >= last)
    return e.size() - 1;
  return static_cast<std::size_t>((code - first) / (last - first) * double(e.size() - 1));
}

void Engine::Impl::year_view(Rollup r, const Series* s, const Group* g, int year, YearView& out,
                             bool born) const {
  out.reported.fill(Cell{});
  if (s) {
    auto [b, e] = year_entries(*s, year);
    for (const Entry* x = b; x != e; ++x)  // an official entry follows and replaces its estimate
      out.reported[code_slot(x->period)] = single_value(x->value, x->official == 0);
  }
  for (unsigned k = 0; k < kSlotsPerYear; ++k) {
    Cell own = out.reported[k];
    if (own.empty() && r != Rollup::none)
      for (std::uint8_t part : slot_parts(k))
        combine_time(r, own, out.own[part]);
    out.own[k] = own;
    const Cell* agg = (own.empty() || born) && g ? g->find(year, k) : nullptr;
    out.fig[k] = final_figure(r, out.reported[k], own, agg ? *agg : Cell{}, born);
  }
}

namespace {

struct Reported {
  std::uint32_t present = 0;
  std::uint32_t estimate = 0;
  std::array<double, kSlotsPerYear> value;
};

Cell own_of(Rollup r, const Reported& rep, unsigned k) {
  if (rep.present & (1u << k))
    return single_value(rep.value[k], (rep.estimate >> k) & 1u);
  Cell acc;
  if (r != Rollup::none)
    for (std::uint8_t part : slot_parts(k))
      combine_time(r, acc, own_of(r, rep, part));
  return acc;
}

}  // namespace

std::pair<Cell, Cell> Engine::Impl::own_slot(Rollup r, const Series& s, int year,
                                             unsigned slot_index, std::size_t guess) const {
  Reported rep;
  auto [b, e] = year_entries(s, year, guess);
  for (const Entry* x = b; x != e; ++x) {
    const unsigned k = code_slot(x->period);
    rep.present |= 1u << k;
    rep.value[k] = x->value;
    rep.estimate = x->official ? rep.estimate & ~(1u << k) : rep.estimate | (1u << k);
  }
  const Cell reported = rep.present & (1u << slot_index)
                            ? single_value(rep.value[slot_index], (rep.estimate >> slot_index) & 1u)
                            : Cell{};
  constexpr std::uint32_t kMonths = (1u << 12) - 1;
  if ((rep.present & ~kMonths) != 0 || slot_index < 12 || r == Rollup::none)
    return {reported, own_of(r, rep, slot_index)};
  // Months only (the usual monthly series): the calendar tree's combination
  // over time is the months' in order, without walking the tree.
  const MonthSpan span = slot_span(slot_index);
  Cell own;
  for (unsigned m = span.first - 1; m < span.last; ++m)
    if (rep.present & (1u << m))
      combine_time(r, own, single_value(rep.value[m], (rep.estimate >> m) & 1u));
  return {reported, own};
}

void Engine::Impl::refresh_year(Rollup r, Series& s, int year) const {
  if (s.years.empty()) {
    s.first_year = year;
  } else if (year < s.first_year) {
    s.years.insert(s.years.begin(), static_cast<std::size_t>(s.first_year - year), YearFigures{});
    s.first_year = year;
  }
  const auto k = static_cast<std::size_t>(year - s.first_year);
  if (k >= s.years.size())
    s.years.resize(k + 1);
  const auto [reported, own] = own_slot(r, s, year, slot::year, year_guess(s, year));
  s.years[k] = YearFigures{reported, own};
}

void Engine::Impl::refresh_years(Rollup r, Series& s) const {
  int lo = 1 << 30, hi = -(1 << 30);
  for (const Entry& e : s.entries)
    if (!is_term(e.period)) {
      lo = std::min(lo, code_year(e.period));
      hi = std::max(hi, code_year(e.period));
    }
  std::vector<YearFigures>().swap(s.years);
  if (hi >= lo)
    s.years.reserve(static_cast<std::size_t>(hi - lo + 1));
  for (int y = lo; y <= hi; ++y)
    refresh_year(r, s, y);
}

Cell Engine::Impl::reported_term(const Series* s, unsigned t) const {
  Cell reported;
  if (!s)
    return reported;
  const Entry probe{term_code(t), 0, 0};
  for (auto it = std::lower_bound(s->entries.begin(), s->entries.end(), probe, entry_less);
       it != s->entries.end() && it->period == probe.period; ++it)
    reported = single_value(it->value, it->official == 0);  // the official entry comes last
  return reported;
}

Cell Engine::Impl::own_term(Rollup r, const Series* s, unsigned t) const {
  if (!s)
    return Cell{};
  const Cell reported = reported_term(s, t);
  if (!reported.empty() || r == Rollup::none)
    return reported;
  Cell acc;
  YearView view;
  for (int y = terms[t].first_year; y <= terms[t].last_year; ++y) {
    auto [b, e] = year_entries(*s, y);
    if (b == e)
      continue;
    year_view(r, s, nullptr, y, view);
    combine_time(r, acc, view.own[slot::year]);
  }
  return acc;
}

Cell Engine::Impl::term_figure(Rollup r, const Series* s, const Group* g, unsigned t,
                               bool born) const {
  return final_figure(r, born ? reported_term(s, t) : Cell{}, own_term(r, s, t),
                      g && t < g->terms.size() ? g->terms[t] : Cell{}, born);
}

void Engine::Impl::load(std::span<const ValueRecord> values) {
  for (const ValueRecord& v : values) {  // all or nothing: check before changing anything
    if (v.indicator >= engine.indicators_.size())
      throw not_found("indicator.not_found", {std::to_string(v.indicator)});
    if (v.unit >= engine.hierarchy_.size())
      throw not_found("unit.not_found", {std::to_string(v.unit)});
    if (engine.indicators_[v.indicator].formula)
      throw invalid_input(
          "value.computed_indicator",
          {engine.indicators_[v.indicator].code, engine.indicators_[v.indicator].formula->text()});
    if (!std::isfinite(v.value))
      throw invalid_input("value.not_finite", {engine.indicators_[v.indicator].code});
    if (v.option >= options.size() || (is_term(v.period) && term_index(v.period) >= terms.size()) ||
        (!is_term(v.period) && code_year(v.period) > 2200))
      throw invalid_input("period.invalid", {std::to_string(v.period)});
  }
  // Runs of records of one series, appended in the hierarchy's layout order:
  // new series (and their entries, allocated one after the other) then sit
  // with their siblings', so reading the children of a unit reads adjacent
  // memory instead of one scattered place per child.
  struct Run {
    std::uint64_t rank;
    std::size_t begin, end;
  };
  std::vector<Run> runs;
  for (std::size_t k = 0; k < values.size();) {
    const ValueRecord& first = values[k];
    const auto key = series_key(first.indicator, first.unit, first.option);
    std::size_t j = k + 1;
    while (j < values.size() &&
           series_key(values[j].indicator, values[j].unit, values[j].option) == key)
      ++j;
    const std::uint64_t rank = std::uint64_t{engine.hierarchy_.layout_rank(first.unit)} << 32 |
                               std::uint64_t{first.indicator} << 16 | first.option;
    runs.push_back(Run{rank, k, j});
    k = j;
  }
  std::stable_sort(runs.begin(), runs.end(),
                   [](const Run& a, const Run& b) { return a.rank < b.rank; });
  std::vector<std::uint32_t> touched;
  for (const Run& run : runs) {
    const ValueRecord& first = values[run.begin];
    const auto key = series_key(first.indicator, first.unit, first.option);
    const auto si = series_index.insert(key, static_cast<std::uint32_t>(series.size()));
    if (si == series.size()) {
      series.emplace_back();
      series_keys.push_back(key);
    }
    auto& es = series[si].entries;
    if (es.empty() || es.capacity() - es.size() < run.end - run.begin) {
      es.reserve(es.size() + (run.end - run.begin));
    }
    touched.push_back(si);
    for (std::size_t k = run.begin; k < run.end; ++k)
      es.push_back(Entry{values[k].period, values[k].kind == ValueKind::official ? 1u : 0u,
                         values[k].value});
  }
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  for (auto si : touched) {
    auto& es = series[si].entries;
    if (!std::is_sorted(es.begin(), es.end(), entry_less))
      std::stable_sort(es.begin(), es.end(), entry_less);
    // Keep the last of equal cells: the stable sort kept arrival order.
    std::size_t out = 0;
    for (std::size_t k = 0; k < es.size(); ++k) {
      if (out > 0 && es[out - 1].period == es[k].period && es[out - 1].official == es[k].official)
        es[out - 1] = es[k];
      else
        es[out++] = es[k];
    }
    es.resize(out);
    if (es.capacity() > out + out / 8 + 4)
      es.shrink_to_fit();
    refresh_years(rollup(static_cast<IndicatorId>(series_keys[si] >> 48)), series[si]);
  }
  value_count = 0;
  for (const auto& s : series)
    value_count += s.entries.size();
  index_series_by_unit();
  rebuild();
}

void Engine::Impl::index_series_by_unit() {
  // Built aside and swapped in: a failure half way leaves the old index whole.
  const Hierarchy& h = engine.hierarchy_;
  std::vector<std::uint32_t> begin(h.size() + 1, 0);
  for (std::uint64_t key : series_keys)
    ++begin[h.layout_rank(static_cast<UnitId>(key & 0xffff'ffffu)) + 1];
  for (std::size_t r = 0; r < h.size(); ++r)
    begin[r + 1] += begin[r];
  std::vector<UnitSeries> by_unit(series_keys.size());
  std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
  for (std::uint32_t si = 0; si < series_keys.size(); ++si) {
    const std::uint64_t key = series_keys[si];
    by_unit[fill[h.layout_rank(static_cast<UnitId>(key & 0xffff'ffffu))]++] =
        UnitSeries{static_cast<std::uint32_t>(key >> 32), si};
  }
  for (std::size_t r = 0; r < h.size(); ++r)
    std::sort(by_unit.begin() + begin[r], by_unit.begin() + begin[r + 1],
              [](const UnitSeries& a, const UnitSeries& b) {
                return a.indicator_option < b.indicator_option;
              });
  unit_series_begin.swap(begin);
  unit_series.swap(by_unit);
  indexed_series = series.size();
}

const Series* Engine::Impl::find_series(IndicatorId i, UnitId u, OptionId o) const {
  if (!unit_series_begin.empty()) {
    const std::uint32_t rank = engine.hierarchy_.layout_rank(u);
    const UnitSeries* b = unit_series.data() + unit_series_begin[rank];
    const UnitSeries* e = unit_series.data() + unit_series_begin[rank + 1];
    const auto io = static_cast<std::uint32_t>(series_key(i, u, o) >> 32);
    const UnitSeries* it = std::lower_bound(
        b, e, io, [](const UnitSeries& x, std::uint32_t v) { return x.indicator_option < v; });
    if (it != e && it->indicator_option == io)
      return &series[it->series];
    if (series.size() == indexed_series)
      return nullptr;
  }
  const auto k = series_index.find(series_key(i, u, o));
  return k == FlatMap::kMissing ? nullptr : &series[k];
}

void Engine::Impl::rebuild() {
  const Hierarchy& h = engine.hierarchy_;
  groups.clear();
  group_index.clear();
  // Series by unit (counting sort) and the groups each unit receives.
  std::vector<std::uint32_t> start(h.size() + 1, 0);
  group_keys.clear();
  const std::vector<std::uint64_t>& keys = series_keys;
  for (std::uint64_t key : keys)
    ++start[(key & 0xffff'ffffu) + 1];
  for (std::size_t u = 0; u < h.size(); ++u)
    start[u + 1] += start[u];
  std::vector<std::uint32_t> by_unit(series.size());
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::uint32_t k = 0; k < series.size(); ++k)
      by_unit[fill[keys[k] & 0xffff'ffffu]++] = k;
  }
  std::vector<std::vector<std::uint32_t>> unit_groups(h.size());
  std::vector<YearView> views;
  std::vector<Cell> term_figs(terms.size());

  auto process = [&](UnitId u, std::uint64_t key, const Series* s, std::uint32_t gi) {
    const auto i = static_cast<IndicatorId>(key >> 48);
    const auto o = static_cast<OptionId>((key >> 32) & 0xffff);
    const Rollup r = rollup(i);
    if (r == Rollup::none || h.parents(u).empty())
      return;
    int lo = 1 << 30, hi = -(1 << 30);
    if (s)
      for (const Entry& e : s->entries)
        if (!is_term(e.period)) {
          lo = std::min(lo, code_year(e.period));
          hi = std::max(hi, code_year(e.period));
        }
    const Group* g = gi == FlatMap::kMissing ? nullptr : &groups[gi];
    if (g && g->years > 0) {
      lo = std::min(lo, g->first_year);
      hi = std::max(hi, g->first_year + static_cast<int>(g->years) - 1);
    }
    const int years = hi >= lo ? hi - lo + 1 : 0;
    if (views.size() < static_cast<std::size_t>(years))
      views.resize(static_cast<std::size_t>(years));
    for (int y = lo; y <= hi; ++y)
      year_view(r, s, g, y, views[static_cast<std::size_t>(y - lo)], h.born(u));
    for (unsigned t = 0; t < terms.size(); ++t) {
      const Cell reported = reported_term(s, t);
      Cell own = reported;
      if (s) {
        if (own.empty())
          for (int y = std::max(lo, terms[t].first_year); y <= std::min(hi, terms[t].last_year);
               ++y)
            combine_time(r, own, views[static_cast<std::size_t>(y - lo)].own[slot::year]);
      }
      term_figs[t] = final_figure(r, reported, own, g && t < g->terms.size() ? g->terms[t] : Cell{},
                                  h.born(u));
    }
    auto at = [&](PeriodCode p) -> Cell {
      if (is_term(p))
        return term_figs[term_index(p)];
      const int y = code_year(p);
      if (y < lo || y > hi)
        return Cell{};
      return views[static_cast<std::size_t>(y - lo)].fig[code_slot(p)];
    };
    for (const Relation& rel : h.parents(u)) {
      auto note_group = [&](std::uint32_t pg, std::size_t before) {
        if (groups.size() > before)
          unit_groups[rel.unit].push_back(pg);
      };
      for (int y = lo; y <= hi; ++y) {
        if (!rel.overlaps(y * 12, y * 12 + 11))
          continue;
        const YearView& v = views[static_cast<std::size_t>(y - lo)];
        const std::size_t before = groups.size();
        const auto pg = ensure_group_year(i, rel.unit, o, y);
        note_group(pg, before);
        Group& parent = groups[pg];
        const bool whole = rel.covers(y * 12, y * 12 + 11);
        for (unsigned k = 0; k < kSlotsPerYear; ++k)
          add_part(r, parent.at(y, k),
                   whole ? share_of(r, v.fig[k], rel.share)
                         : contribution(r, calendar_code(y, k), rel, terms, at));
      }
      for (unsigned t = 0; t < terms.size(); ++t) {
        const Cell part = contribution(r, term_code(t), rel, terms, at);
        if (part.empty())
          continue;
        const std::size_t before = groups.size();
        Affected none;
        const auto pg = ensure_group(i, rel.unit, o, none);
        note_group(pg, before);
        add_part(r, groups[pg].terms[t], part);
      }
    }
  };

  for (UnitId u : h.bottom_up()) {
    for (std::uint32_t k = start[u]; k < start[u + 1]; ++k) {
      const std::uint32_t si = by_unit[k];
      process(u, keys[si], &series[si], group_index.find(keys[si]));
    }
    for (std::uint32_t gi : unit_groups[u]) {
      // Parts' aggregates of a key the unit has no values of.
      const std::uint64_t key = group_keys[gi];
      if (series_index.find(key) == FlatMap::kMissing)
        process(u, key, nullptr, gi);
    }
    std::vector<std::uint32_t>().swap(unit_groups[u]);
  }
}

}  // namespace mandate::core::analytics
