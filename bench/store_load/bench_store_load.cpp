// The server's start-up path measured at national scale (issue 7, section 6):
// the analytics benchmark's national data written into Mandate's own schema
// on SQLite and on PostgreSQL, then read back as the server reads it —
// Store::load() into a data set, then build_engine() — with the time and
// memory of each step. The two stores are each other's reference in the same
// run. Then what a running server does when another server writes: its
// snapshot cache follows the change feed (a value, a record, metadata), with
// the whole reload it replaces as the reference. A benchmark, not a test: it
// exits 0 whatever the speed.
// Usage: bench_store_load [--preset national|small] [--communes N] [--cells N]
//                         [--sqlite FILE] [--pg LOCATION]
// LOCATION is a postgresql:// URI of a database that need not exist yet;
// --communes and --cells scale the preset down (a province: 100 and 3000).
#include <libpq-fe.h>
#include <sqlite3.h>

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "core/analytics/from_dataset.hpp"
#include "national_dataset.hpp"
#include "proc_status.hpp"
#include "service/snapshot.hpp"
#include "store/store.hpp"
#include "timing.hpp"

namespace {

using namespace mandate;
using bench::Clock;
using bench::seconds_since;

// The database server's share of a step is the wall clock's rest.
double cpu_seconds() {
  return bench::cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
}

double rss_mib() {
  return bench::rss_mib(getpid());
}

// Units, indicators, fields and plans go through the store itself, as an
// import would write them; values are the bulk, written below by SQL.
void write_metadata(store::Store& s, const core::Dataset& d) {
  auto tx = s.begin(store::ChangeContext{"bench", "2026-01-01T00:00:00Z"});
  for (const auto& f : d.fields)
    tx->upsert(f);
  for (const auto& u : d.units)
    tx->upsert(u);
  for (const auto& i : d.indicators)
    tx->upsert(i);
  for (const auto& p : d.plans)
    tx->upsert(p);
  tx->commit();
}

const char* kind_text(core::ValueKind k) {
  return k == core::ValueKind::official ? "official" : "estimate";
}

// code -> id of the rows of one table (units or indicators).
using Ids = std::map<std::string, long long>;

void write_values_sqlite(const std::string& path, const core::Dataset& d) {
  sqlite3* db = nullptr;
  auto check = [&](int rc) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
      throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db));
  };
  check(sqlite3_open(path.c_str(), &db));
  auto ids_of = [&](const char* table) {
    Ids ids;
    sqlite3_stmt* st = nullptr;
    check(sqlite3_prepare_v2(db, fmt::format("SELECT id, code FROM {}", table).c_str(), -1, &st,
                             nullptr));
    while (sqlite3_step(st) == SQLITE_ROW)
      ids[reinterpret_cast<const char*>(sqlite3_column_text(st, 1))] = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return ids;
  };
  const Ids units = ids_of("units"), indicators = ids_of("indicators");
  check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr));
  sqlite3_stmt* st = nullptr;
  check(sqlite3_prepare_v2(db,
                           "INSERT INTO data_values (indicator_id, unit_id, period, kind, value,"
                           " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, 'bench', '2026-01-01')",
                           -1, &st, nullptr));
  for (const auto& v : d.values) {
    sqlite3_bind_int64(st, 1, indicators.at(v.indicator));
    sqlite3_bind_int64(st, 2, units.at(v.unit));
    sqlite3_bind_text(st, 3, v.period.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, kind_text(v.kind), -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 5, v.value);
    check(sqlite3_step(st));
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr));
  sqlite3_close(db);
}

void write_values_postgres(const std::string& location, const core::Dataset& d) {
  PGconn* c = PQconnectdb(location.c_str());
  auto fail = [&](const std::string& what) {
    const std::string why = what + ": " + PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error(why);
  };
  if (PQstatus(c) != CONNECTION_OK)
    fail("postgres connect");
  auto ids_of = [&](const char* table) {
    Ids ids;
    PGresult* r = PQexec(c, fmt::format("SELECT id, code FROM {}", table).c_str());
    for (int k = 0; k < PQntuples(r); ++k)
      ids[PQgetvalue(r, k, 1)] = std::atoll(PQgetvalue(r, k, 0));
    PQclear(r);
    return ids;
  };
  const Ids units = ids_of("units"), indicators = ids_of("indicators");
  PGresult* r = PQexec(c,
                       "COPY data_values (indicator_id, unit_id, period, kind, value, updated_by,"
                       " updated_at) FROM STDIN");
  if (PQresultStatus(r) != PGRES_COPY_IN)
    fail("postgres copy");
  PQclear(r);
  std::string buf;
  for (const auto& v : d.values) {
    fmt::format_to(std::back_inserter(buf), "{}\t{}\t{}\t{}\t{}\tbench\t2026-01-01\n",
                   indicators.at(v.indicator), units.at(v.unit), v.period, kind_text(v.kind),
                   v.value);
    if (buf.size() > (1 << 20)) {
      if (PQputCopyData(c, buf.data(), static_cast<int>(buf.size())) != 1)
        fail("postgres copy data");
      buf.clear();
    }
  }
  if (PQputCopyData(c, buf.data(), static_cast<int>(buf.size())) != 1 ||
      PQputCopyEnd(c, nullptr) != 1)
    fail("postgres copy end");
  r = PQgetResult(c);
  if (PQresultStatus(r) != PGRES_COMMAND_OK)
    fail("postgres copy result");
  PQclear(r);
  PQclear(PQexec(c, "VACUUM ANALYZE data_values"));
  PQfinish(c);
}

// Writes the data set into the store at location, then times what the
// server does at start-up: Store::load() and build_engine().
void measure(const std::string& name, const std::string& location, const core::Dataset& d,
             void (*write_values)(const std::string&, const core::Dataset&)) {
  auto t0 = Clock::now();
  write_metadata(*store::open_store(location, store::OpenMode::create_or_open), d);
  write_values(location, d);
  fmt::print("{}: {} values written in {:.1f} s\n", name, d.values.size(), seconds_since(t0));

  const double rss0 = rss_mib();
  t0 = Clock::now();
  const double cpu0 = cpu_seconds();
  auto s = store::open_store(location, store::OpenMode::existing);
  long long feed_position = 0;
  const core::Dataset loaded = s->load(feed_position);
  const double load_s = seconds_since(t0);
  const double load_cpu = cpu_seconds() - cpu0;
  const double rss1 = rss_mib();
  t0 = Clock::now();
  const auto engine = core::analytics::build_engine(loaded);
  const double engine_s = seconds_since(t0);
  const double n = static_cast<double>(engine->value_count());
  fmt::print(
      "{}: Store::load() read {} values in {:.2f} s ({:.2f} M/s; {:.2f} s CPU in this process;"
      " the data set took {:.0f} MiB),"
      " build_engine() {:.2f} s ({:.2f} M/s); from the store into the engine {:.2f} s = "
      "{:.2f} M values/s\n",
      name, loaded.values.size(), load_s, n / load_s / 1e6, load_cpu, rss1 - rss0, engine_s,
      n / engine_s / 1e6, load_s + engine_s, n / (load_s + engine_s) / 1e6);
}

double percentile(std::vector<double> xs, double p) {
  std::sort(xs.begin(), xs.end());
  return xs[static_cast<std::size_t>(p * static_cast<double>(xs.size() - 1))];
}

// A server's snapshot cache following another server's writes: one whole
// load (the reference: what every change cost before the feed was
// followed), then value writes, a record change and a target change, each
// timed from the other server's commit to the new snapshot and rollups.
void measure_following(const std::string& name, const std::string& location,
                       const core::Dataset& d) {
  auto server = store::open_store(location, store::OpenMode::existing);
  auto other = store::open_store(location, store::OpenMode::existing);
  service::SnapshotCache cache(*server, std::make_shared<service::AnalyticsCache>());
  auto t0 = Clock::now();
  cache.get();
  const double whole = seconds_since(t0);
  const store::ChangeContext ctx{"bench", "2026-01-01T00:00:00Z"};
  // From the other server's commit until this server's snapshot holds it
  // (SQLite's data version may be trusted for a millisecond: asked again).
  auto timed = [&](auto&& write) {
    auto tx = other->begin(ctx);
    write(*tx);
    tx->commit();
    const auto start = Clock::now();
    while (cache.get()->feed_position < tx->feed_through()) {
    }
    return seconds_since(start);
  };
  std::vector<double> values;
  constexpr int kWrites = 200;
  for (int k = 0; k < kWrites; ++k) {
    core::Value v = d.values[static_cast<std::size_t>(k) * 7919 % d.values.size()];
    v.value += 1;
    values.push_back(timed([&](store::StoreTransaction& tx) { tx.upsert(v); }));
  }
  core::Field field = d.fields.at(0);
  field.name += " (sửa)";
  const double record = timed([&](store::StoreTransaction& tx) { tx.upsert(field); });
  core::Target target{d.indicators.at(0).code,
                      d.units.at(0).code,
                      d.plans.at(0).term,
                      1,
                      core::TargetSource::resolution,
                      "",
                      false};
  const double metadata = timed([&](store::StoreTransaction& tx) { tx.upsert(target); });
  const double p50 = percentile(values, 0.5), p99 = percentile(values, 0.99);
  fmt::print(
      "{}: another server's write reaches this server's snapshot and rollups: a value p50 {:.3f} "
      "ms, p99 {:.3f} ms; a record {:.3f} s; a target (rollups rebuilt from memory) {:.3f} s. "
      "Reference, the whole reload every change cost before: {:.3f} s = {:.0f}x a value's p50, "
      "{:.1f}x a record's\n",
      name, p50 * 1e3, p99 * 1e3, record, metadata, whole, whole / p50, whole / record);
}

}  // namespace

int main(int argc, char** argv) {
  std::string preset = "national", sqlite_path, pg;
  int communes = 0, cells = 0;
  for (int k = 1; k + 1 < argc; k += 2) {
    const std::string a = argv[k], v = argv[k + 1];
    if (a == "--preset")
      preset = v;
    else if (a == "--communes")
      communes = std::stoi(v);
    else if (a == "--cells")
      cells = std::stoi(v);
    else if (a == "--sqlite")
      sqlite_path = v;
    else if (a == "--pg")
      pg = v;
  }
  try {
    auto t0 = Clock::now();
    auto config =
        preset == "small" ? bench::GeneratorConfig::small() : bench::GeneratorConfig::national();
    if (communes > 0)
      config.communes = communes;
    if (cells > 0)
      config.cells = cells;
    const auto generated = bench::generate(config);
    core::Dataset d = bench::national_dataset(generated);
    d.targets.clear();  // values are the measure; targets are another table of codes
    fmt::print("{} preset: {} units, {} indicators, {} values generated in {:.1f} s\n", preset,
               d.units.size(), d.indicators.size(), d.values.size(), seconds_since(t0));
    if (!sqlite_path.empty()) {
      std::remove(sqlite_path.c_str());
      measure("SQLite", sqlite_path, d, write_values_sqlite);
      measure_following("SQLite", sqlite_path, d);
    }
    if (!pg.empty()) {
      measure("PostgreSQL", pg, d, write_values_postgres);
      measure_following("PostgreSQL", pg, d);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "bench_store_load: {}\n", e.what());
    return 1;
  }
  return 0;
}
