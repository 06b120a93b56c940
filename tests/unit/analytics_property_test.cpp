// Property test of the analytics engine: random hierarchies (with merges,
// splits and moves, into existing units and into units born of the change),
// random values at every period type, updates and deletes; every
// figure is checked against a from-scratch recomputation written directly from
// the rules in docs/analytics.md, and against a second engine bulk-loaded with
// the final values.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/analytics/engine.hpp"
#include "core/formula.hpp"

namespace mandate::core::analytics {
namespace {

constexpr int kFirstYear = 2021;
constexpr int kLastYear = 2022;

struct World {
  std::vector<Unit> units;
  std::vector<Indicator> indicators;
  std::vector<Restructuring> changes;
  std::vector<Period> terms{Period::term(2021, 2022), Period::term(2022, 2023)};
};

Unit make_unit(std::string code, std::string parent) {
  Unit u;
  u.code = std::move(code);
  u.parent_code = std::move(parent);
  return u;
}

Restructuring change(Restructuring::Kind kind, Date d, std::string from, std::string to) {
  Restructuring c;
  c.kind = kind;
  c.effective = d;
  c.from = {std::move(from)};
  if (kind == Restructuring::Kind::move)
    c.new_parent = std::move(to);
  else
    c.to = {std::move(to)};
  return c;
}

Indicator make_indicator(std::string code, Aggregation a, std::string formula = {}) {
  Indicator i;
  i.code = std::move(code);
  i.aggregation = a;
  i.formula = std::move(formula);
  return i;
}

World random_world(std::mt19937& rng) {
  World w;
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  w.units.push_back(make_unit("C", ""));
  std::vector<std::string> provinces, communes;
  for (int p = 0, np = pick(2, 3); p < np; ++p) {
    provinces.push_back("P" + std::to_string(p));
    w.units.push_back(make_unit(provinces.back(), "C"));
    for (int c = 0, nc = pick(1, 3); c < nc; ++c) {
      communes.push_back(provinces.back() + "C" + std::to_string(c));
      w.units.push_back(make_unit(communes.back(), provinces.back()));
      for (int k = 0, nk = pick(0, 3); k < nk; ++k)
        w.units.push_back(make_unit(communes.back() + "K" + std::to_string(k), communes.back()));
    }
  }
  for (const char* code : {"SUM", "AVG", "LAST", "MIN", "MAX", "COUNT", "NONE", "B"}) {
    const std::string c = code;
    Aggregation a = c == "AVG"     ? Aggregation::average
                    : c == "LAST"  ? Aggregation::last
                    : c == "MIN"   ? Aggregation::min
                    : c == "MAX"   ? Aggregation::max
                    : c == "COUNT" ? Aggregation::count
                    : c == "NONE"  ? Aggregation::none
                                   : Aggregation::sum;
    w.indicators.push_back(make_indicator(c, a));
  }
  w.indicators.push_back(make_indicator("RATE", Aggregation::rate, "{SUM} / {B} * 100"));
  // Restructuring at month starts (and one mid-month date) inside the data years.
  for (int k = 0, nk = pick(0, 2); k < nk && communes.size() >= 2; ++k) {
    const Date d = make_date(pick(kFirstYear, kLastYear), static_cast<unsigned>(pick(1, 12)),
                             pick(0, 3) == 0 ? 15u : 1u);
    const std::string x = communes[static_cast<std::size_t>(pick(0, int(communes.size()) - 1))];
    if (pick(0, 1) == 0) {
      std::string y = x;
      while (y == x)
        y = communes[static_cast<std::size_t>(pick(0, int(communes.size()) - 1))];
      w.changes.push_back(change(Restructuring::Kind::merge, d, x, y));
    } else {
      const std::string p = provinces[static_cast<std::size_t>(pick(0, int(provinces.size()) - 1))];
      w.changes.push_back(change(Restructuring::Kind::move, d, x, p));
    }
  }
  // A commune merged into, or split between, units that come into being with
  // the change (under any province): they take its history.
  for (int k = 0, nk = pick(0, 2); k < nk; ++k) {
    const Date d = make_date(pick(kFirstYear, kLastYear), static_cast<unsigned>(pick(1, 12)),
                             pick(0, 3) == 0 ? 15u : 1u);
    const std::string x = communes[static_cast<std::size_t>(pick(0, int(communes.size()) - 1))];
    const bool split = pick(0, 1) == 0;
    Restructuring c = change(split ? Restructuring::Kind::split : Restructuring::Kind::merge, d, x,
                             "N" + std::to_string(k) + "A");
    if (split) {
      c.to.push_back("N" + std::to_string(k) + "B");
      c.shares = {0.25, 0.75};
    }
    for (const auto& code : c.to) {
      w.units.push_back(
          make_unit(code, provinces[static_cast<std::size_t>(pick(0, int(provinces.size()) - 1))]));
      w.units.back().valid_from = d;
    }
    w.changes.push_back(std::move(c));
  }
  return w;
}

// --- The reference: the rules, recomputed from the raw values each time. ---

using Key = std::tuple<IndicatorId, UnitId, OptionId, PeriodCode, bool>;  // bool: official

class Reference {
 public:
  Reference(const World& w, const Engine& e) : w_(w), e_(e) {
    std::vector<const Restructuring*> ordered;
    for (const auto& c : w.changes)
      ordered.push_back(&c);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](auto* a, auto* b) { return a->effective < b->effective; });
    for (const Restructuring* c : ordered)
      for (const auto& from : c->from) {
        Move m{e.unit_id(from), c->effective, effective_month(c->effective), {}, false};
        if (c->kind == Restructuring::Kind::move)
          m.parents.push_back({e.unit_id(c->new_parent), 1.0});
        for (std::size_t k = 0; k < c->to.size(); ++k)
          m.parents.push_back({e.unit_id(c->to[k]), c->shares.empty() ? 1.0 : c->shares[k]});
        m.history = c->kind != Restructuring::Kind::move;
        moves_.push_back(std::move(m));
      }
  }
  std::map<Key, double> values;

  void clear_memo() { memo_.clear(); }

  Figure figure(IndicatorId i, UnitId u, PeriodCode p, OptionId o) {
    const Indicator& ind = w_.indicators[i];
    if (ind.computed()) {
      const Formula formula = Formula::parse(ind.formula);
      std::map<std::string, Figure> in;
      for (const auto& ref : formula.references())
        in[ref] = figure(e_.indicator_id(ref), u, p, o);
      auto eval = [&](std::optional<double> Figure::*m) {
        return formula.evaluate([&](const std::string& c) { return in[c].*m; });
      };
      Figure f;
      f.value = eval(&Figure::value);
      f.own = eval(&Figure::own);
      f.aggregated = eval(&Figure::aggregated);
      for (auto& [c, x] : in) {
        f.reporting_units = std::max(f.reporting_units, x.reporting_units);
        f.estimate = f.estimate || (x.value && x.estimate);
      }
      return f;
    }
    const Rollup r = rollup_of(ind);
    Figure f;
    const Cell rep = reported(i, u, p, o);
    if (!rep.empty())
      f.reported = rep.a;
    f.own = cell_value(r, own(i, u, p, o));
    if (r != Rollup::none)
      f.aggregated = cell_value(r, parts(i, u, p, o));
    const Cell fig = final_figure(i, u, p, o);
    f.value = cell_value(r, fig);
    f.reporting_units = fig.reporting;
    f.estimate = fig.estimates > 0;
    return f;
  }

 private:
  using Parents = std::vector<std::pair<UnitId, double>>;  // with the share of each
  struct Move {
    UnitId unit;
    Date date;
    std::int32_t month;
    Parents parents;
    bool history;  // successors born of the change take the earlier months too
  };

  Rollup rollup(IndicatorId i) const { return rollup_of(w_.indicators[i]); }

  // A unit born of a change (validFrom on or after the date of a merge or
  // split into it) is part of its parent from its validFrom only.
  bool born(UnitId u) const {
    const auto& from = w_.units[u].valid_from;
    if (!from)
      return false;
    for (const Move& m : moves_)
      if (m.history)
        for (const auto& [s, share] : m.parents)
          if (s == u && *from >= m.date)
            return true;
    return false;
  }

  // The parents of u during month `month`: those of the last change of u in
  // effect (or the tree as given), plus the born successors of its later
  // changes, which hold its history.
  Parents parents_at(UnitId u, std::int32_t month) const {
    Parents out;
    const std::string& pc = w_.units[u].parent_code;
    if (!pc.empty() && !(born(u) && month < effective_month(*w_.units[u].valid_from)))
      out.push_back({e_.unit_id(pc), 1.0});
    for (const Move& m : moves_)
      if (m.unit == u && m.month <= month)
        out = m.parents;
    for (const Move& m : moves_)
      if (m.unit == u && m.month > month && m.history)
        for (const auto& [s, share] : m.parents)
          if (born(s))
            out.push_back({s, share});
    return out;
  }

  static std::optional<double> share_in(const Parents& ps, UnitId parent) {
    for (const auto& [p, share] : ps)
      if (p == parent)
        return share;
    return std::nullopt;
  }

  std::pair<std::int32_t, std::int32_t> months(PeriodCode p) const {
    if (is_term(p)) {
      const Period t = w_.terms[term_index(p)];
      return {t.year() * 12, t.last_year() * 12 + 11};
    }
    const MonthSpan s = slot_span(code_slot(p));
    return {code_year(p) * 12 + int(s.first) - 1, code_year(p) * 12 + int(s.last) - 1};
  }

  Cell reported(IndicatorId i, UnitId u, PeriodCode p, OptionId o) const {
    if (auto it = values.find({i, u, o, p, true}); it != values.end())
      return single_value(it->second, false);
    if (auto it = values.find({i, u, o, p, false}); it != values.end())
      return single_value(it->second, true);
    return Cell{};
  }

  Cell own(IndicatorId i, UnitId u, PeriodCode p, OptionId o) {
    Cell c = reported(i, u, p, o);
    const Rollup r = rollup(i);
    if (!c.empty() || r == Rollup::none)
      return c;
    if (is_term(p)) {
      const Period t = w_.terms[term_index(p)];
      for (int y = t.year(); y <= t.last_year(); ++y)
        combine_time(r, c, own(i, u, calendar_code(y, slot::year), o));
      return c;
    }
    for (std::uint8_t part : slot_parts(code_slot(p)))
      combine_time(r, c, own(i, u, calendar_code(code_year(p), part), o));
    return c;
  }

  Cell final_figure(IndicatorId i, UnitId u, PeriodCode p, OptionId o) {
    auto key = std::make_tuple(i, u, o, p);
    if (auto it = memo_.find(key); it != memo_.end())
      return it->second;
    // A unit's own figure wins; a unit born of a restructuring adds its
    // predecessors' months to a figure not reported for the period itself.
    Cell c = own(i, u, p, o);
    if (c.empty() && rollup(i) != Rollup::none)
      c = parts(i, u, p, o);
    else if (born(u) && rollup(i) != Rollup::none && reported(i, u, p, o).empty())
      add_part(rollup(i), c, parts(i, u, p, o));
    memo_[key] = c;
    return c;
  }

  // Each child adds, for each stretch of p's months during which it is a part
  // of u (with one share), its figures of the calendar nodes covering that
  // stretch, times that share.
  Cell parts(IndicatorId i, UnitId u, PeriodCode p, OptionId o) {
    const Rollup r = rollup(i);
    auto [first, last] = months(p);
    Cell acc;
    for (UnitId c = 0; c < w_.units.size(); ++c) {
      std::int32_t m = first;
      while (m <= last) {
        const auto share = share_in(parents_at(c, m), u);
        if (!share) {
          ++m;
          continue;
        }
        std::int32_t end = m;
        while (end + 1 <= last && share_in(parents_at(c, end + 1), u) == share)
          ++end;
        Cell part;
        if (m == first && end == last) {
          part = final_figure(i, c, p, o);
        } else {
          for (std::int32_t y = m / 12; y <= end / 12; ++y) {
            std::array<std::uint8_t, 12> nodes{};
            const unsigned m1 = y == m / 12 ? unsigned(m % 12) + 1 : 1;
            const unsigned m2 = y == end / 12 ? unsigned(end % 12) + 1 : 12;
            for (unsigned k = 0, n = decompose(m1, m2, nodes); k < n; ++k)
              combine_time(r, part, final_figure(i, c, calendar_code(y, nodes[k]), o));
          }
        }
        add_part(r, acc, share_of(r, part, *share));
        m = end + 1;
      }
    }
    return acc;
  }

  const World& w_;
  const Engine& e_;
  std::vector<Move> moves_;
  std::map<std::tuple<IndicatorId, UnitId, OptionId, PeriodCode>, Cell> memo_;
};

bool near(std::optional<double> a, std::optional<double> b) {
  if (a.has_value() != b.has_value())
    return false;
  if (!a)
    return true;
  return std::abs(*a - *b) <= 1e-9 * std::max({1.0, std::abs(*a), std::abs(*b)});
}

std::string show(const Figure& f) {
  auto o = [](std::optional<double> v) { return v ? std::to_string(*v) : std::string("-"); };
  return "value " + o(f.value) + " reported " + o(f.reported) + " own " + o(f.own) +
         " aggregated " + o(f.aggregated) + " units " + std::to_string(f.reporting_units) +
         (f.estimate ? " estimate" : "");
}

std::vector<PeriodCode> all_periods(Engine& e, const World& w) {
  std::vector<PeriodCode> out;
  for (int y = kFirstYear; y <= kLastYear; ++y)
    for (unsigned s = 0; s < kSlotsPerYear; ++s)
      out.push_back(calendar_code(y, s));
  for (const Period& t : w.terms)
    out.push_back(e.period_code(t));
  return out;
}

// Checks every figure; returns the number of mismatches (reported once each).
int check_all(const Engine& e, Reference& ref, const World& w,
              const std::vector<PeriodCode>& periods, const std::string& where) {
  ref.clear_memo();
  int bad = 0;
  std::vector<UnitId> units(w.units.size());
  for (UnitId u = 0; u < units.size(); ++u)
    units[u] = u;
  for (IndicatorId i = 0; i < w.indicators.size(); ++i)
    for (OptionId o = 0; o < 2; ++o) {
      // The batch read (its own shortcut path) and the single read agree with the rules.
      const IndicatorId one[] = {i};
      const auto grid = e.query_grid(one, units, periods, o);
      for (UnitId u = 0; u < units.size(); ++u)
        for (std::size_t k = 0; k < periods.size(); ++k) {
          const PeriodCode p = periods[k];
          const Figure want = ref.figure(i, u, p, o);
          for (const Figure& got : {e.query(i, u, p, o), grid[u * periods.size() + k]}) {
            if (near(got.value, want.value) && near(got.reported, want.reported) &&
                near(got.own, want.own) && near(got.aggregated, want.aggregated) &&
                got.reporting_units == want.reporting_units && got.estimate == want.estimate)
              continue;
            if (++bad <= 5)
              ADD_FAILURE() << where << ": " << w.indicators[i].code << " " << w.units[u].code
                            << " option " << o << " " << e.period(p).id() << "\n  engine    "
                            << show(got) << "\n  reference " << show(want);
          }
        }
    }
  return bad;
}

PeriodCode random_period(std::mt19937& rng, Engine& e, const World& w) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const int y = pick(kFirstYear, kLastYear);
  const int kind = pick(0, 19);
  if (kind < 12)
    return calendar_code(y, slot::month(unsigned(pick(1, 12))));
  if (kind < 14)
    return calendar_code(y, slot::quarter(unsigned(pick(1, 4))));
  if (kind == 14)
    return calendar_code(y, slot::half(unsigned(pick(1, 2))));
  if (kind == 15)
    return calendar_code(y, slot::nine_months);
  if (kind == 16)
    return calendar_code(y, slot::year);
  if (kind == 17)
    return calendar_code(y, slot::year_to_date(unsigned(pick(1, 12))));
  return e.period_code(w.terms[static_cast<std::size_t>(pick(0, int(w.terms.size()) - 1))]);
}

void run_seed(unsigned seed) {
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const World w = random_world(rng);
  Engine engine(w.units, w.indicators, w.changes, w.terms);
  ASSERT_EQ(engine.option_id("CAT1"), 1u);
  Reference ref(w, engine);
  const auto periods = all_periods(engine, w);
  const IndicatorId rate = engine.indicator_id("RATE");
  // Values cluster on few cells so updates and deletes hit existing ones.
  std::vector<Key> used;
  // Random writes and deletes to `e`, mirrored in ref, checked every 80 steps.
  auto write_randomly = [&](Engine& e, int steps, const std::string& where) {
    for (int step = 1; step <= steps; ++step) {
      const bool reuse = !used.empty() && pick(0, 2) == 0;
      Key k;
      if (reuse) {
        k = used[static_cast<std::size_t>(pick(0, int(used.size()) - 1))];
      } else {
        IndicatorId i = rate;
        while (i == rate)
          i = static_cast<IndicatorId>(pick(0, int(w.indicators.size()) - 1));
        k = {i, static_cast<UnitId>(pick(0, int(w.units.size()) - 1)),
             static_cast<OptionId>(pick(0, 4) == 0 ? 1 : 0), random_period(rng, engine, w),
             pick(0, 2) != 0};
        used.push_back(k);
      }
      auto [i, u, o, p, official] = k;
      if (reuse && pick(0, 1) == 0) {
        const bool had = ref.values.erase(k) > 0;
        EXPECT_EQ(e.delete_value(i, u, p, official ? ValueKind::official : ValueKind::estimate, o),
                  had);
      } else {
        // Mostly whole numbers (exact sums), sometimes fractions, ties for min/max.
        const double v = pick(0, 3) == 0 ? pick(0, 1000) / 8.0 : double(pick(0, 20));
        ref.values[k] = v;
        e.set_value(
            ValueRecord{i, u, p, o, official ? ValueKind::official : ValueKind::estimate, v});
      }
      if (step % 80 == 0 &&
          check_all(e, ref, w, periods, where + ", step " + std::to_string(step)) > 0)
        return false;
    }
    EXPECT_EQ(e.value_count(), ref.values.size());
    return true;
  };
  if (!write_randomly(engine, 240, "writes"))
    return;

  // The same values bulk-loaded into a fresh engine give the same figures.
  Engine bulk(w.units, w.indicators, w.changes, w.terms);
  bulk.option_id("CAT1");
  std::vector<ValueRecord> records;
  for (const auto& [k, v] : ref.values) {
    auto [i, u, o, p, official] = k;
    records.push_back({i, u, p, o, official ? ValueKind::official : ValueKind::estimate, v});
  }
  std::shuffle(records.begin(), records.end(), rng);
  bulk.load(records);
  EXPECT_EQ(bulk.value_count(), ref.values.size());
  if (check_all(bulk, ref, w, periods, "bulk load") > 0)
    return;
  // Writes after a bulk load: series of the load are found by unit, series
  // new since then by their key.
  write_randomly(bulk, 160, "writes after the bulk load");
}

TEST(AnalyticsProperty, EveryFigureMatchesRecomputationFromScratch) {
  for (unsigned seed = 1; seed <= 6; ++seed)
    run_seed(seed);
}

}  // namespace
}  // namespace mandate::core::analytics
