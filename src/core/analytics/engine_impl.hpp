#pragma once
// Private to the engine's .cpp files: the stored values (per series), the
// aggregate blocks (per indicator x unit with parts x option), and the
// figure computations both the write and the read paths share.
#include <array>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/analytics/engine.hpp"

namespace mandate::core::analytics {

// One stored value. Sorted by (period, official): an official value follows
// the estimate of the same period and supersedes it.
struct Entry {
  PeriodCode period;
  std::uint32_t official;
  double value;
};

// Reported and own figure of a whole calendar year.
struct YearFigures {
  Cell reported;
  Cell own;
};

// The values of one indicator x unit x option, and the figures of each year
// they touch: kept on every write so that a year read (the dashboard's
// commonest, and the children of a unit: one small series per child) reads
// one record instead of summing the year's months.
struct Series {
  std::vector<Entry> entries;
  int first_year = 0;
  std::vector<YearFigures> years;  // of [first_year, first_year + years.size())

  const YearFigures* year(int y) const {
    const auto k = static_cast<std::size_t>(y - first_year);
    return y >= first_year && k < years.size() ? &years[k] : nullptr;
  }
};

// Aggregates of a unit's parts for one indicator x option: 32 cells per year
// for the years [first_year, first_year + years), and one per term.
struct Group {
  int first_year = 0;
  unsigned years = 0;
  std::vector<Cell> cells;
  std::vector<Cell> terms;

  const Cell* find(int year, unsigned slot_index) const {
    if (year < first_year || year >= first_year + static_cast<int>(years))
      return nullptr;
    return &cells[static_cast<std::size_t>(year - first_year) * kSlotsPerYear + slot_index];
  }
  Cell& at(int year, unsigned slot_index) {
    return cells[static_cast<std::size_t>(year - first_year) * kSlotsPerYear + slot_index];
  }
  void include_year(int year);
};

// Reported, own (time rollup of the unit's own values) and final figure
// (own, else the parts' aggregate) for the 32 slots of one year.
struct YearView {
  std::array<Cell, kSlotsPerYear> reported;
  std::array<Cell, kSlotsPerYear> own;
  std::array<Cell, kSlotsPerYear> fig;
};

struct Term {
  int first_year;
  int last_year;
};

// The periods a write can change: slots of one year containing the written
// period, and the terms containing that year (or the written term itself).
struct Affected {
  bool has_year = false;
  int year = 0;
  std::uint32_t mask = 0;
  std::vector<unsigned> terms;
};

inline std::uint64_t series_key(IndicatorId i, UnitId u, OptionId o) {
  return (std::uint64_t{i} << 48) | (std::uint64_t{o} << 32) | u;
}

// Where the entries of `year` probably start in s, interpolated between its
// first and last period: exact for a series reported evenly over time. Only a
// starting point for a search.
std::size_t year_guess(const Series& s, int year);

// Months [first, last] (counted as year * 12 + month - 1) a period covers.
std::pair<std::int32_t, std::int32_t> month_range(PeriodCode p, const std::vector<Term>& terms);

// What the parts' figures (got from at(PeriodCode) -> Cell) give their parent
// through one relation for period p: all of p when the relation covers it;
// else the calendar nodes of the covered months combined over time.
template <class At>
Cell contribution(Rollup r, PeriodCode p, const Relation& rel, const std::vector<Term>& terms,
                  At&& at) {
  auto [first, last] = month_range(p, terms);
  if (rel.covers(first, last))
    return share_of(r, at(p), rel.share);
  if (!rel.overlaps(first, last))
    return Cell{};
  const std::int32_t lo = std::max(first, rel.from);
  const std::int32_t hi = std::min(last, rel.to - 1);
  Cell acc;
  std::array<std::uint8_t, 12> nodes{};
  for (std::int32_t y = lo / 12; y <= hi / 12; ++y) {
    const unsigned m1 = y == lo / 12 ? static_cast<unsigned>(lo % 12) + 1 : 1;
    const unsigned m2 = y == hi / 12 ? static_cast<unsigned>(hi % 12) + 1 : 12;
    const unsigned n = decompose(m1, m2, nodes);
    for (unsigned k = 0; k < n; ++k)
      combine_time(r, acc, at(calendar_code(y, nodes[k])));
  }
  return share_of(r, acc, rel.share);
}

// A unit's figure from its own cells and its parts' aggregate. A unit's own
// figure wins over its parts'; but a unit born of a restructuring adds, to a
// figure it put together from its own shorter periods (not one it reported
// for the period itself), its predecessors' data of the months before it
// existed.
inline Cell final_figure(Rollup r, const Cell& reported, const Cell& own, const Cell& parts,
                         bool born) {
  if (own.empty())
    return parts;
  if (!born || !reported.empty() || parts.empty())
    return own;
  Cell c = own;
  add_part(r, c, parts);
  return c;
}

struct Engine::Impl {
  explicit Impl(const Engine& e) : engine(e) {}

  const Engine& engine;
  std::vector<Series> series;
  std::vector<std::uint64_t> series_keys;  // series_key of each series
  FlatMap series_index;
  // The series of each unit as the last bulk load left them, by the unit's
  // layout rank (offsets, then each unit's (indicator, option) -> series
  // sorted): the children of a unit find their series in adjacent memory
  // instead of one scattered hash probe each. Series added later by writes
  // are found through series_index.
  struct UnitSeries {
    std::uint32_t indicator_option;  // indicator << 16 | option
    std::uint32_t series;
  };
  std::vector<std::uint32_t> unit_series_begin;
  std::vector<UnitSeries> unit_series;
  std::size_t indexed_series = 0;  // series [0, indexed_series) are in unit_series
  std::vector<Group> groups;
  std::vector<std::uint64_t> group_keys;
  FlatMap group_index;
  std::vector<Term> terms;
  std::vector<std::string> options{""};
  std::unordered_map<std::string, OptionId> option_index{{"", 0}};
  std::unordered_map<std::uint64_t, double> targets;  // key: series_key(i, u, term index)
  std::size_t value_count = 0;

  Rollup rollup(IndicatorId i) const { return engine.indicators_[i].rollup; }
  const Series* find_series(IndicatorId i, UnitId u, OptionId o) const;
  void index_series_by_unit();
  const Group* find_group(IndicatorId i, UnitId u, OptionId o) const {
    auto k = group_index.find(series_key(i, u, o));
    return k == FlatMap::kMissing ? nullptr : &groups[k];
  }
  std::uint32_t ensure_group(IndicatorId i, UnitId u, OptionId o, const Affected& aff);
  std::uint32_t ensure_group_year(IndicatorId i, UnitId u, OptionId o, int year);

  void year_view(Rollup r, const Series* s, const Group* g, int year, YearView& out,
                 bool born = false) const;
  // Reported and own figure of one slot only: the read path's shortcut. The
  // search for the year's entries starts at `guess` (year_guess).
  std::pair<Cell, Cell> own_slot(Rollup r, const Series& s, int year, unsigned slot_index,
                                 std::size_t guess) const;
  // Recomputes s's YearFigures of one year, or of every year it has entries in.
  void refresh_year(Rollup r, Series& s, int year) const;
  void refresh_years(Rollup r, Series& s) const;
  // Own figure of a term: its reported value, else its years' own figures.
  // The value reported for term t itself (empty when none).
  Cell reported_term(const Series* s, unsigned t) const;
  Cell own_term(Rollup r, const Series* s, unsigned t) const;
  Cell term_figure(Rollup r, const Series* s, const Group* g, unsigned t, bool born) const;

  Affected affected(PeriodCode p) const;
  bool write(IndicatorId i, UnitId u, OptionId o, PeriodCode p, bool official,
             std::optional<double> value);
  void propagate(IndicatorId i, OptionId o, Rollup r, UnitId child, const Affected& aff,
                 Figures& before, Figures& after);
  void recompute(IndicatorId i, OptionId o, Rollup r, UnitId parent, std::uint32_t group, int year,
                 std::uint32_t mask, const std::vector<unsigned>& term_list);

  void load(std::span<const ValueRecord> values);
  void rebuild();

  Figure figure(IndicatorId i, UnitId u, PeriodCode p, OptionId o, int depth = 0) const;
  std::size_t memory_bytes() const;
};

// Figures of one indicator x unit x option for any period, computed from the
// engine's current state on first use and then kept: taken before a write
// (capture) they keep showing the state before it.
class Figures {
 public:
  Figures(const Engine::Impl& impl, IndicatorId i, UnitId u, OptionId o, Rollup r)
      : impl_(impl),
        series_(impl.series_index.find(series_key(i, u, o))),
        group_(impl.group_index.find(series_key(i, u, o))),
        rollup_(r),
        born_(impl.engine.hierarchy_.born(u)) {}

  void capture(const Affected& aff) {
    if (aff.has_year)
      year(aff.year);
    for (unsigned t : aff.terms)
      term(t);
  }
  const YearView& year(int y);
  Cell term(unsigned t);
  Cell at(PeriodCode p) {
    return is_term(p) ? term(term_index(p)) : year(code_year(p)).fig[code_slot(p)];
  }
  // Same final figures for every period of aff.
  bool same(Figures& other, const Affected& aff);

 private:
  // Indices, not pointers: a write may grow the arrays while this is alive.
  const Engine::Impl& impl_;
  std::uint32_t series_;
  std::uint32_t group_;
  Rollup rollup_;
  bool born_;
  std::vector<std::pair<int, std::unique_ptr<YearView>>> years_;
  std::vector<std::pair<unsigned, Cell>> terms_;
};

}  // namespace mandate::core::analytics
