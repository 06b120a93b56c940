// The analytics benchmark (issue 5, section 4): on the same generated data,
// measures (a) the bulk load into the engine, (b) write-to-visible latency and
// (c) the three dashboard queries in the engine, on SQLite and on PostgreSQL,
// and prints the figures, the ratios and whether each target is met.
// Usage: bench_analytics [--preset national|small] [--sqlite FILE] [--pg CONNINFO]
//                        [--engine-runs N] [--sql-runs N] [--writes N]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/analytics/engine.hpp"
#include "generator.hpp"
#include "postgres_backend.hpp"
#include "sql_backend.hpp"

namespace mandate::bench {
namespace {

using core::analytics::calendar_code;
using core::analytics::Engine;
using core::analytics::IndicatorId;
using core::analytics::PeriodCode;
using core::analytics::UnitId;
namespace slot = core::analytics::slot;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

long rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string key;
  long value = 0;
  while (in >> key) {
    if (key == "VmRSS:") {
      in >> value;
      return value;
    }
    in.ignore(1 << 12, '\n');
  }
  return 0;
}

struct Stats {
  double p50 = 0, p99 = 0;  // microseconds
};

Stats percentiles(std::vector<double> us) {
  std::sort(us.begin(), us.end());
  if (us.empty())
    return {};
  return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 99 / 100)]};
}

// Times fn() runs times (after a few warm-up calls), in microseconds.
Stats time_runs(int runs, const std::function<void(int)>& fn) {
  for (int k = 0; k < std::min(runs, 5); ++k)
    fn(-1 - k);
  std::vector<double> us;
  us.reserve(static_cast<std::size_t>(runs));
  for (int k = 0; k < runs; ++k) {
    const auto t0 = Clock::now();
    fn(k);
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  return percentiles(us);
}

struct Options {
  std::string preset = "national";
  std::string sqlite_path;
  std::string pg;
  int engine_runs = 2000;
  int sql_runs = 100;
  int writes = 20000;
};

// The queries of one run, drawn once so every engine answers the same ones.
struct Workload {
  std::vector<int> q1_indicator;  // a sum indicator
  std::vector<int> q2_province, q2_year;
  std::vector<int> q3_commune, q3_year;
};

Workload draw(const Dataset& d, int runs) {
  std::mt19937 rng(12345);
  Workload w;
  std::vector<int> sums;
  for (int i = 0; i < d.first_rate(); ++i)
    if (d.indicators[static_cast<std::size_t>(i)].aggregation == core::Aggregation::sum)
      sums.push_back(i);
  const int years = d.config.months / 12;
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int k = 0; k < runs; ++k) {
    w.q1_indicator.push_back(sums[static_cast<std::size_t>(pick(0, int(sums.size()) - 1))]);
    w.q2_province.push_back(d.first_province() + pick(0, d.config.provinces - 1));
    w.q2_year.push_back(d.config.first_year + pick(0, years - 1));
    w.q3_commune.push_back(d.first_commune() + pick(0, d.config.communes - 1));
    w.q3_year.push_back(d.config.first_year + pick(0, years - 1));
  }
  return w;
}

struct QueryStats {
  std::string engine;
  Stats q[3];
};

// Runs the SQL shapes; returns a checksum of the answers of run 0 for a
// cross-check with the engine.
QueryStats run_sql(SqlBackend& db, const Dataset& d, const Workload& w, int runs,
                   std::vector<double>& check) {
  QueryStats s;
  s.engine = db.name();
  DashboardSql sql(db, d);
  auto t0 = Clock::now();
  sql.create_indexes();
  fmt::print("  {}: indexes and statistics in {:.1f} s\n", db.name(), seconds_since(t0));
  const int y0 = d.config.first_year, y1 = d.config.first_year + d.config.months / 12 - 1;
  const int n = std::min<int>(runs, static_cast<int>(w.q1_indicator.size()));
  auto at = [&](int k) { return static_cast<std::size_t>(k < 0 ? -k : k); };
  s.q[0] = time_runs(n, [&](int k) { sql.by_province_quarter(w.q1_indicator[at(k)], y0, y1); });
  s.q[1] = time_runs(n, [&](int k) { sql.province_year(w.q2_province[at(k)], w.q2_year[at(k)]); });
  s.q[2] = time_runs(
      n, [&](int k) { sql.commune_children_year(w.q3_commune[at(k)], w.q3_year[at(k)]); });
  double sum1 = 0, sum2 = 0, sum3 = 0;
  for (const Row& r : sql.by_province_quarter(w.q1_indicator[0], y0, y1))
    sum1 += r[3].value_or(0);
  for (const auto& v : sql.province_year(w.q2_province[0], w.q2_year[0]))
    sum2 += v.value_or(0);
  for (const Row& r : sql.commune_children_year(w.q3_commune[0], w.q3_year[0]))
    sum3 += r[2].value_or(0);
  check = {sum1, sum2, sum3};
  return s;
}

int main_impl(const Options& opt) {
  const GeneratorConfig config =
      opt.preset == "small" ? GeneratorConfig::small() : GeneratorConfig::national();
  fmt::print("Generating the {} preset...\n", opt.preset);
  auto t0 = Clock::now();
  const Dataset d = generate(config);
  fmt::print("  {} units, {} indicators, {} values in {:.1f} s\n", d.units.size(),
             d.indicators.size(), d.values.size(), seconds_since(t0));

  // (a) bulk load.
  const long rss0 = rss_kb();
  t0 = Clock::now();
  Engine engine(d.units, d.indicators, {}, {core::Period::term(2021, 2025)});
  engine.load(d.values);
  const double load_s = seconds_since(t0);
  const long rss1 = rss_kb();
  const double per_value = double(engine.memory_bytes()) / double(engine.value_count());
  const double rss_per_value = double(rss1 - rss0) * 1024.0 / double(engine.value_count());
  fmt::print(
      "(a) load: {} values in {:.2f} s = {:.2f} M values/s; engine memory {:.0f} MB = "
      "{:.1f} bytes/value (process RSS grew {:.0f} MB = {:.1f} bytes/value)\n",
      engine.value_count(), load_s, double(engine.value_count()) / load_s / 1e6,
      double(engine.memory_bytes()) / 1e6, per_value, double(rss1 - rss0) / 1024.0, rss_per_value);

  // (c) engine queries.
  const Workload w = draw(d, std::max(opt.engine_runs, opt.sql_runs));
  std::vector<UnitId> provinces;
  for (int p = 0; p < config.provinces; ++p)
    provinces.push_back(static_cast<UnitId>(d.first_province() + p));
  std::vector<PeriodCode> quarters;
  for (int y = config.first_year; y < config.first_year + config.months / 12; ++y)
    for (unsigned q = 1; q <= 4; ++q)
      quarters.push_back(calendar_code(y, slot::quarter(q)));
  std::vector<IndicatorId> commune_indicators, cell_indicators;
  for (int i = 0; i < d.first_cell_indicator(); ++i)
    commune_indicators.push_back(static_cast<IndicatorId>(i));
  for (int i = 0; i < config.cell_indicators; ++i)
    cell_indicators.push_back(static_cast<IndicatorId>(d.first_cell_indicator() + i));
  auto at = [&](int k) { return static_cast<std::size_t>(k < 0 ? -k : k); };
  auto q1 = [&](int k) {
    const IndicatorId i[] = {static_cast<IndicatorId>(w.q1_indicator[at(k)])};
    return engine.query_grid(i, provinces, quarters);
  };
  auto q2 = [&](int k) {
    const UnitId u[] = {static_cast<UnitId>(w.q2_province[at(k)])};
    const PeriodCode p[] = {calendar_code(w.q2_year[at(k)], slot::year)};
    return engine.query_grid(commune_indicators, u, p);
  };
  auto q3 = [&](int k) {
    const PeriodCode p[] = {calendar_code(w.q3_year[at(k)], slot::year)};
    const auto children = engine.children(static_cast<UnitId>(w.q3_commune[at(k)]), p[0]);
    return engine.query_grid(cell_indicators, children, p);
  };
  std::vector<QueryStats> results;
  QueryStats es;
  es.engine = "engine";
  es.q[0] = time_runs(opt.engine_runs, [&](int k) { (void)q1(k); });
  es.q[1] = time_runs(opt.engine_runs, [&](int k) { (void)q2(k); });
  es.q[2] = time_runs(opt.engine_runs, [&](int k) { (void)q3(k); });
  results.push_back(es);
  double e1 = 0, e2 = 0, e3 = 0;
  for (const auto& f : q1(0))
    e1 += f.value.value_or(0);
  for (const auto& f : q2(0))
    e2 += f.value.value_or(0);
  for (const auto& f : q3(0))
    e3 += f.value.value_or(0);
  const std::vector<double> engine_check{e1, e2, e3};

  auto cross_check = [&](const std::string& name, const std::vector<double>& c) {
    for (int k = 0; k < 3; ++k)
      if (std::abs(c[k] - engine_check[k]) > 1e-6 * std::max(1.0, std::abs(c[k])))
        fmt::print("  MISMATCH {} query {}: engine {} vs {}\n", name, k + 1, engine_check[k], c[k]);
    fmt::print(
        "  {} answers equal the engine's on the first query of each shape: {}\n", name,
        std::abs(c[0] - e1) + std::abs(c[1] - e2) + std::abs(c[2] - e3) < 1e-3 ? "yes" : "NO");
  };

  if (!opt.sqlite_path.empty()) {
    std::remove(opt.sqlite_path.c_str());
    auto db = open_sqlite(opt.sqlite_path);
    t0 = Clock::now();
    db->load(d);
    fmt::print("SQLite (file {}): loaded in {:.1f} s\n", opt.sqlite_path, seconds_since(t0));
    std::vector<double> check;
    results.push_back(run_sql(*db, d, w, opt.sql_runs, check));
    cross_check("SQLite", check);
  }
  if (!opt.pg.empty()) {
    auto db = open_postgres(opt.pg);
    t0 = Clock::now();
    db->load(d);
    fmt::print("PostgreSQL: loaded (COPY) in {:.1f} s\n", seconds_since(t0));
    t0 = Clock::now();
    db->exec("VACUUM ANALYZE dv");
    // Issue 7, section 6: the engine built from PostgreSQL, reading included.
    {
      t0 = Clock::now();
      const auto records = read_values_postgres(opt.pg);
      const double read_s = seconds_since(t0);
      Engine from_pg(d.units, d.indicators, {}, {core::Period::term(2021, 2025)});
      from_pg.load(records);
      const double total_s = seconds_since(t0);
      fmt::print(
          "(a') load from PostgreSQL: {} values read in {:.2f} s and loaded in {:.2f} s = {:.2f} M "
          "values/s -> {} (target >= 1 M/s)\n",
          from_pg.value_count(), read_s, total_s - read_s,
          double(from_pg.value_count()) / total_s / 1e6,
          double(from_pg.value_count()) / total_s >= 1e6 ? "met" : "NOT met");
    }
    std::vector<double> check;
    results.push_back(run_sql(*db, d, w, opt.sql_runs, check));
    cross_check("PostgreSQL", check);
  }

  // (b) write-to-visible: a value saved, then the centre's year figure read.
  std::mt19937_64 rng(99);
  std::vector<double> write_us;
  int visible = 0, checked = 0;
  const UnitId centre = 0;
  for (int k = 0; k < opt.writes; ++k) {
    auto r = d.values[rng() % d.values.size()];
    const double old_value = engine.query(r.indicator, r.unit, r.period).value.value_or(0);
    r.value = static_cast<double>(rng() % 1000) + 0.5;
    const PeriodCode year = calendar_code(core::analytics::code_year(r.period), slot::year);
    const auto before = engine.query(r.indicator, centre, year).value;
    const auto t1 = Clock::now();
    engine.set_value(r);
    const auto after = engine.query(r.indicator, centre, year).value;
    write_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t1).count());
    if (d.indicators[r.indicator].aggregation == core::Aggregation::sum && before && after) {
      ++checked;
      if (std::abs(*after - *before - (r.value - old_value)) < 1e-6)
        ++visible;
    }
  }
  const Stats ws = percentiles(write_us);
  fmt::print(
      "(b) write-to-visible over {} writes: p50 {:.1f} us, p99 {:.1f} us; the centre's "
      "year total moved by the change in {}/{} sum-indicator writes\n",
      opt.writes, ws.p50, ws.p99, visible, checked);

  // Summary.
  const char* shapes[] = {"(c1) 1 indicator x 34 provinces x 20 quarters",
                          "(c2) 50 indicators x 1 province x 1 year",
                          "(c3) children of 1 commune x 3 indicators x 1 year"};
  fmt::print(
      "\n| query | engine | p50 (us) | p99 (us) | engine p50 speed-up "
      "|\n|---|---|---:|---:|---:|\n");
  double worst_ratio = 1e300;
  for (int q = 0; q < 3; ++q) {
    double best_sql = 1e300;
    for (const auto& r : results)
      if (r.engine != "engine")
        best_sql = std::min(best_sql, r.q[q].p50);
    for (const auto& r : results) {
      std::string ratio =
          r.engine == "engine" ? "" : fmt::format("{:.0f}x", r.q[q].p50 / results[0].q[q].p50);
      fmt::print("| {} | {} | {:.1f} | {:.1f} | {} |\n", shapes[q], r.engine, r.q[q].p50,
                 r.q[q].p99, ratio);
    }
    if (results.size() > 1)
      worst_ratio = std::min(worst_ratio, best_sql / results[0].q[q].p50);
  }
  fmt::print("\nTargets:\n");
  if (results.size() > 1)
    fmt::print(
        "- dashboard p50 >= 100x faster than the best SQL engine: worst shape {:.0f}x -> {}\n",
        worst_ratio, worst_ratio >= 100 ? "met" : "NOT met");
  fmt::print("- write-to-visible p99 < 1 ms: {:.1f} us -> {}\n", ws.p99,
             ws.p99 < 1000 ? "met" : "NOT met");
  const double rate = double(engine.value_count()) / load_s;
  fmt::print("- load >= 2 M values/s: {:.2f} M/s -> {}\n", rate / 1e6,
             rate >= 2e6 ? "met" : "NOT met");
  fmt::print("- <= 64 bytes per stored value: {:.1f} (engine accounting), {:.1f} (RSS) -> {}\n",
             per_value, rss_per_value,
             std::max(per_value, rss_per_value) <= 64 ? "met" : "NOT met");
  return 0;
}

}  // namespace
}  // namespace mandate::bench

int main(int argc, char** argv) {
  mandate::bench::Options opt;
  for (int k = 1; k + 1 < argc; k += 2) {
    const std::string a = argv[k], v = argv[k + 1];
    if (a == "--preset")
      opt.preset = v;
    else if (a == "--sqlite")
      opt.sqlite_path = v;
    else if (a == "--pg")
      opt.pg = v;
    else if (a == "--engine-runs")
      opt.engine_runs = std::stoi(v);
    else if (a == "--sql-runs")
      opt.sql_runs = std::stoi(v);
    else if (a == "--writes")
      opt.writes = std::stoi(v);
    else {
      fmt::print(stderr, "unknown option {}\n", a);
      return 2;
    }
  }
  try {
    return mandate::bench::main_impl(opt);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
}
