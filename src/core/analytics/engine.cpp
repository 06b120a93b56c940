// The engine's construction, ids and the incremental write path.
#include "core/analytics/engine.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>

#include "core/analytics/engine_impl.hpp"
#include "core/error.hpp"

namespace mandate::core::analytics {

Rollup rollup_of(const Indicator& indicator) {
  switch (indicator.aggregation) {
    case Aggregation::sum:
      return Rollup::sum;
    case Aggregation::average:
      return Rollup::average;
    case Aggregation::last:
      return Rollup::last;
    case Aggregation::min:
      return Rollup::min;
    case Aggregation::max:
      return Rollup::max;
    case Aggregation::count:
      return Rollup::count;
    case Aggregation::rate:
    case Aggregation::none:
      return Rollup::none;
  }
  return Rollup::none;
}

std::pair<std::int32_t, std::int32_t> month_range(PeriodCode p, const std::vector<Term>& terms) {
  if (is_term(p)) {
    const Term& t = terms[term_index(p)];
    return {t.first_year * 12, t.last_year * 12 + 11};
  }
  const std::int32_t base = code_year(p) * 12 - 1;
  const MonthSpan span = slot_span(code_slot(p));
  return {base + static_cast<std::int32_t>(span.first),
          base + static_cast<std::int32_t>(span.last)};
}

void Group::include_year(int year) {
  if (years == 0) {
    first_year = year;
    years = 1;
    cells.assign(kSlotsPerYear, Cell{});
    return;
  }
  if (find(year, 0))
    return;
  const int lo = std::min(first_year, year);
  const int hi = std::max(first_year + static_cast<int>(years) - 1, year);
  std::vector<Cell> grown(static_cast<std::size_t>(hi - lo + 1) * kSlotsPerYear);
  std::copy(cells.begin(), cells.end(),
            grown.begin() + static_cast<std::ptrdiff_t>(first_year - lo) * kSlotsPerYear);
  cells = std::move(grown);
  first_year = lo;
  years = static_cast<unsigned>(hi - lo + 1);
}

// --- construction and ids ----------------------------------------------------

Engine::Engine(const std::vector<Unit>& units, const std::vector<Indicator>& indicators,
               const std::vector<Restructuring>& changes, const std::vector<Period>& terms)
    : hierarchy_(units, changes), impl_(std::make_unique<Impl>(*this)) {
  if (indicators.size() >= 0xffff)
    throw invalid_input("dataset.duplicate", {"indicators", "> 65535"});
  std::map<std::string, IndicatorId, std::less<>> by_code;
  for (const Indicator& ind : indicators) {
    if (!by_code.emplace(ind.code, static_cast<IndicatorId>(indicators_.size())).second)
      throw invalid_input("dataset.duplicate", {"indicators", ind.code});
    IndicatorInfo info;
    info.code = ind.code;
    info.rollup = rollup_of(ind);
    info.direction = ind.direction;
    if (ind.computed())
      info.formula = Formula::parse(ind.formula);
    indicators_.push_back(std::move(info));
  }
  std::map<std::string, std::set<std::string>> references;
  std::set<std::string> known;
  for (auto& info : indicators_) {
    known.insert(info.code);
    if (!info.formula)
      continue;
    references[info.code] = info.formula->references();
    for (const auto& ref : info.formula->references()) {
      auto it = by_code.find(ref);
      info.inputs.emplace_back(ref, it == by_code.end() ? 0 : it->second);
    }
  }
  check_formula_graph(references, known);  // unknown references and cycles
  for (const Period& t : terms)
    period_code(t);
}

Engine::~Engine() = default;

UnitId Engine::unit_id(std::string_view code) const {
  auto id = hierarchy_.find(code);
  if (!id)
    throw not_found("unit.not_found", {std::string(code)});
  return *id;
}

IndicatorId Engine::indicator_id(std::string_view code) const {
  for (IndicatorId i = 0; i < indicators_.size(); ++i)
    if (indicators_[i].code == code)
      return i;
  throw not_found("indicator.not_found", {std::string(code)});
}

const std::string& Engine::indicator_code(IndicatorId i) const {
  return indicators_.at(i).code;
}

OptionId Engine::option_id(std::string_view code) {
  std::unique_lock lock(mutex_);
  auto it = impl_->option_index.find(std::string(code));
  if (it != impl_->option_index.end())
    return it->second;
  if (impl_->options.size() >= 0xffff)
    throw invalid_input("dataset.duplicate", {"options", "> 65535"});
  const auto id = static_cast<OptionId>(impl_->options.size());
  impl_->options.emplace_back(code);
  impl_->option_index.emplace(std::string(code), id);
  return id;
}

const std::string& Engine::option_code(OptionId o) const {
  std::shared_lock lock(mutex_);
  return impl_->options.at(o);
}

std::optional<PeriodCode> Engine::find_period_code(const Period& p) const {
  if (p.type() != PeriodType::term) {
    unsigned s = 0;
    switch (p.type()) {
      case PeriodType::month:
        s = slot::month(p.index());
        break;
      case PeriodType::quarter:
        s = slot::quarter(p.index());
        break;
      case PeriodType::six_months:
        s = slot::half(p.index());
        break;
      case PeriodType::nine_months:
        s = slot::nine_months;
        break;
      case PeriodType::year:
        s = slot::year;
        break;
      case PeriodType::year_to_date:
        s = slot::year_to_date(p.index());
        break;
      case PeriodType::term:
        break;
    }
    return calendar_code(p.year(), s);
  }
  std::shared_lock lock(mutex_);
  for (unsigned t = 0; t < impl_->terms.size(); ++t)
    if (impl_->terms[t].first_year == p.year() && impl_->terms[t].last_year == p.last_year())
      return term_code(t);
  return std::nullopt;
}

PeriodCode Engine::period_code(const Period& p) {
  if (auto c = find_period_code(p))
    return *c;
  std::unique_lock lock(mutex_);
  for (unsigned t = 0; t < impl_->terms.size(); ++t)  // registered meanwhile
    if (impl_->terms[t].first_year == p.year() && impl_->terms[t].last_year == p.last_year())
      return term_code(t);
  impl_->terms.push_back(Term{p.year(), p.last_year()});
  if (impl_->value_count > 0)
    impl_->rebuild();  // the new term's aggregates over the data already held
  return term_code(static_cast<unsigned>(impl_->terms.size() - 1));
}

Period Engine::period(PeriodCode c) const {
  if (is_term(c)) {
    std::shared_lock lock(mutex_);
    const Term& t = impl_->terms.at(term_index(c));
    return Period::term(t.first_year, t.last_year);
  }
  const int y = code_year(c);
  const unsigned s = code_slot(c);
  if (s < 12)
    return Period::month(y, s + 1);
  if (s < 16)
    return Period::quarter(y, s - 11);
  if (s < 18)
    return Period::six_months(y, s - 15);
  if (s == slot::nine_months)
    return Period::nine_months(y);
  if (s == slot::year)
    return Period::year(y);
  return Period::year_to_date(y, s - 19);
}

// --- writes --------------------------------------------------------------------

namespace {

void check_record(const Engine& e, const ValueRecord& v, std::size_t terms, std::size_t options) {
  if (v.indicator >= e.indicator_count())
    throw not_found("indicator.not_found", {std::to_string(v.indicator)});
  if (v.unit >= e.unit_count())
    throw not_found("unit.not_found", {std::to_string(v.unit)});
  if (is_term(v.period) ? term_index(v.period) >= terms
                        : (code_year(v.period) < kBaseYear || code_year(v.period) > 2200))
    throw invalid_input("period.invalid", {std::to_string(v.period)});
  if (v.option >= options)
    throw invalid_input("dataset.unknown_reference", {std::to_string(v.option)});
  if (!std::isfinite(v.value))
    throw invalid_input("value.not_finite", {e.indicator_code(v.indicator)});
}

}  // namespace

void Engine::load(std::span<const ValueRecord> values) {
  std::unique_lock lock(mutex_);
  impl_->load(values);
}

void Engine::set_value(const ValueRecord& v) {
  std::unique_lock lock(mutex_);
  check_record(*this, v, impl_->terms.size(), impl_->options.size());
  const auto& info = indicators_[v.indicator];
  if (info.formula)
    throw invalid_input("value.computed_indicator", {info.code, info.formula->text()});
  impl_->write(v.indicator, v.unit, v.option, v.period, v.kind == ValueKind::official, v.value);
}

bool Engine::delete_value(IndicatorId i, UnitId u, PeriodCode p, ValueKind kind, OptionId option) {
  std::unique_lock lock(mutex_);
  if (i >= indicators_.size() || u >= hierarchy_.size())
    return false;
  return impl_->write(i, u, option, p, kind == ValueKind::official, std::nullopt);
}

void Engine::set_target(IndicatorId i, UnitId u, PeriodCode term, std::optional<double> target) {
  std::unique_lock lock(mutex_);
  if (!is_term(term) || term_index(term) >= impl_->terms.size())
    throw invalid_input("plan.term_not_term", {std::to_string(term)});
  const auto key = series_key(i, u, term_index(term));
  if (target)
    impl_->targets[key] = *target;
  else
    impl_->targets.erase(key);
}

std::optional<double> Engine::stored(IndicatorId i, UnitId u, PeriodCode p, ValueKind kind,
                                     OptionId option) const {
  std::shared_lock lock(mutex_);
  const auto si = impl_->series_index.find(series_key(i, u, option));
  if (si == FlatMap::kMissing)
    return std::nullopt;
  const auto& es = impl_->series[si].entries;
  const std::uint32_t official = kind == ValueKind::official ? 1u : 0u;
  auto it = std::lower_bound(
      es.begin(), es.end(), Entry{p, official, 0}, [](const Entry& a, const Entry& b) {
        return a.period != b.period ? a.period < b.period : a.official < b.official;
      });
  if (it == es.end() || it->period != p || it->official != official)
    return std::nullopt;
  return it->value;
}

std::size_t Engine::value_count() const {
  std::shared_lock lock(mutex_);
  return impl_->value_count;
}

std::size_t Engine::memory_bytes() const {
  std::shared_lock lock(mutex_);
  return impl_->memory_bytes() + hierarchy_.memory_bytes() +
         indicators_.capacity() * sizeof(IndicatorInfo) + sizeof(*this);
}

Affected Engine::Impl::affected(PeriodCode p) const {
  Affected a;
  if (is_term(p)) {
    a.terms.push_back(term_index(p));
    return a;
  }
  a.has_year = true;
  a.year = code_year(p);
  a.mask = containing_slots(code_slot(p));
  for (unsigned t = 0; t < terms.size(); ++t)
    if (terms[t].first_year <= a.year && a.year <= terms[t].last_year)
      a.terms.push_back(t);
  return a;
}

std::uint32_t Engine::Impl::ensure_group_year(IndicatorId i, UnitId u, OptionId o, int year) {
  const auto g = group_index.insert(series_key(i, u, o), static_cast<std::uint32_t>(groups.size()));
  if (g == groups.size()) {
    groups.emplace_back();
    group_keys.push_back(series_key(i, u, o));
  }
  Group& grp = groups[g];
  grp.include_year(year);
  if (grp.terms.size() < terms.size())
    grp.terms.resize(terms.size());
  return g;
}

std::uint32_t Engine::Impl::ensure_group(IndicatorId i, UnitId u, OptionId o, const Affected& aff) {
  if (aff.has_year)
    return ensure_group_year(i, u, o, aff.year);
  const auto g = group_index.insert(series_key(i, u, o), static_cast<std::uint32_t>(groups.size()));
  if (g == groups.size()) {
    groups.emplace_back();
    group_keys.push_back(series_key(i, u, o));
  }
  if (groups[g].terms.size() < terms.size())
    groups[g].terms.resize(terms.size());
  return g;
}

bool Engine::Impl::write(IndicatorId i, UnitId u, OptionId o, PeriodCode p, bool official,
                         std::optional<double> value) {
  const auto key = series_key(i, u, o);
  auto si = series_index.find(key);
  if (si == FlatMap::kMissing) {
    if (!value)
      return false;
    si = series_index.insert(key, static_cast<std::uint32_t>(series.size()));
    series.emplace_back();
    series_keys.push_back(key);
  }
  const Entry probe{p, official ? 1u : 0u, 0};
  auto less = [](const Entry& a, const Entry& b) {
    return a.period != b.period ? a.period < b.period : a.official < b.official;
  };
  {
    auto& es = series[si].entries;
    auto it = std::lower_bound(es.begin(), es.end(), probe, less);
    const bool found = it != es.end() && it->period == p && it->official == probe.official;
    if (!value && !found)
      return false;
    if (value && found && it->value == *value)
      return true;  // unchanged
  }
  const Rollup r = rollup(i);
  const Affected aff = affected(p);
  Figures before(*this, i, u, o, r);
  if (r != Rollup::none)
    before.capture(aff);

  auto& es = series[si].entries;
  auto it = std::lower_bound(es.begin(), es.end(), probe, less);
  const bool found = it != es.end() && it->period == p && it->official == probe.official;
  if (!value) {
    es.erase(it);
    --value_count;
  } else if (found) {
    it->value = *value;
  } else {
    es.insert(it, Entry{p, probe.official, *value});
    ++value_count;
  }
  if (!is_term(p))
    refresh_year(r, series[si], code_year(p));
  if (r == Rollup::none)
    return true;
  Figures after(*this, i, u, o, r);
  after.capture(aff);
  if (!before.same(after, aff))
    propagate(i, o, r, u, aff, before, after);
  return true;
}

void Engine::Impl::propagate(IndicatorId i, OptionId o, Rollup r, UnitId child, const Affected& aff,
                             Figures& before, Figures& after) {
  const auto& hierarchy = engine.hierarchy_;
  for (const Relation& rel : hierarchy.parents(child)) {
    const UnitId parent = rel.unit;
    Figures parent_before(*this, i, parent, o, r);
    parent_before.capture(aff);
    std::uint32_t g = FlatMap::kMissing;
    std::uint32_t redo_mask = 0;
    std::vector<unsigned> redo_terms;
    auto apply = [&](PeriodCode p, auto&& cell_of) {
      const Cell old_part =
          contribution(r, p, rel, terms, [&](PeriodCode x) { return before.at(x); });
      const Cell new_part =
          contribution(r, p, rel, terms, [&](PeriodCode x) { return after.at(x); });
      if (old_part == new_part)
        return false;
      if (g == FlatMap::kMissing)
        g = ensure_group(i, parent, o, aff);
      Cell& cell = cell_of(groups[g]);
      const bool known = remove_part(r, cell, old_part);
      add_part(r, cell, new_part);
      return !known;
    };
    if (aff.has_year) {
      for (std::uint32_t m = aff.mask; m != 0; m &= m - 1) {
        const unsigned s = static_cast<unsigned>(__builtin_ctz(m));
        if (apply(calendar_code(aff.year, s),
                  [&](Group& gr) -> Cell& { return gr.at(aff.year, s); }))
          redo_mask |= 1u << s;
      }
    }
    for (unsigned t : aff.terms)
      if (apply(term_code(t), [&](Group& gr) -> Cell& { return gr.terms[t]; }))
        redo_terms.push_back(t);
    if (g == FlatMap::kMissing)
      continue;  // this relation does not reach the changed periods
    if (redo_mask != 0 || !redo_terms.empty())
      recompute(i, o, r, parent, g, aff.year, redo_mask, redo_terms);
    Figures parent_after(*this, i, parent, o, r);
    parent_after.capture(aff);
    if (!parent_before.same(parent_after, aff))
      propagate(i, o, r, parent, aff, parent_before, parent_after);
  }
}

void Engine::Impl::recompute(IndicatorId i, OptionId o, Rollup r, UnitId parent, std::uint32_t g,
                             int year, std::uint32_t mask, const std::vector<unsigned>& term_list) {
  for (std::uint32_t m = mask; m != 0; m &= m - 1)
    groups[g].at(year, static_cast<unsigned>(__builtin_ctz(m))) = Cell{};
  for (unsigned t : term_list)
    groups[g].terms[t] = Cell{};
  for (const Relation& rel : engine.hierarchy_.children(parent)) {
    Figures part(*this, i, rel.unit, o, r);
    auto at = [&](PeriodCode x) { return part.at(x); };
    for (std::uint32_t m = mask; m != 0; m &= m - 1) {
      const unsigned s = static_cast<unsigned>(__builtin_ctz(m));
      add_part(r, groups[g].at(year, s), contribution(r, calendar_code(year, s), rel, terms, at));
    }
    for (unsigned t : term_list)
      add_part(r, groups[g].terms[t], contribution(r, term_code(t), rel, terms, at));
  }
}

// --- Figures -------------------------------------------------------------------

const YearView& Figures::year(int y) {
  for (const auto& [yy, view] : years_)
    if (yy == y)
      return *view;
  auto view = std::make_unique<YearView>();
  impl_.year_view(rollup_, series_ == FlatMap::kMissing ? nullptr : &impl_.series[series_],
                  group_ == FlatMap::kMissing ? nullptr : &impl_.groups[group_], y, *view, born_);
  years_.emplace_back(y, std::move(view));
  return *years_.back().second;
}

Cell Figures::term(unsigned t) {
  for (const auto& [tt, cell] : terms_)
    if (tt == t)
      return cell;
  const Cell c =
      impl_.term_figure(rollup_, series_ == FlatMap::kMissing ? nullptr : &impl_.series[series_],
                        group_ == FlatMap::kMissing ? nullptr : &impl_.groups[group_], t, born_);
  terms_.emplace_back(t, c);
  return c;
}

bool Figures::same(Figures& other, const Affected& aff) {
  if (aff.has_year) {
    const YearView& a = year(aff.year);
    const YearView& b = other.year(aff.year);
    for (std::uint32_t m = aff.mask; m != 0; m &= m - 1) {
      const unsigned s = static_cast<unsigned>(__builtin_ctz(m));
      if (!(a.fig[s] == b.fig[s]))
        return false;
    }
  }
  for (unsigned t : aff.terms)
    if (!(term(t) == other.term(t)))
      return false;
  return true;
}

}  // namespace mandate::core::analytics
