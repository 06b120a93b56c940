// Crash safety (issue 9, section 2): runs `mandate serve` on one database,
// has writers send single value writes and bulk imports concurrently, kills
// the server with SIGKILL after a random delay, restarts it on the same
// database and checks, every round:
// - every acknowledged write is stored, and a write in flight at the kill
//   either whole or not at all (workload.hpp);
// - the restarted server's rollups, built from the database at start, equal
//   the sum of the stored values (verify.hpp);
// - the database passes its integrity checks (verify.hpp).
//
//   crash_harness --kills 100 --seed 1 [--writers 2] [--importers 2] [--max-delay-ms 300]
//
// The store is SQLite, or PostgreSQL with MANDATE_TEST_BACKEND=postgresql
// under scripts/with-postgresql. Exit code 0 when every round passed, 1 at the
// first round that did not (its errors printed), 2 for bad options.
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../support/accounts.hpp"
#include "../support/api_token.hpp"
#include "../support/http_client.hpp"
#include "../support/server_process.hpp"
#include "verify.hpp"
#include "workload.hpp"

namespace {

using mandate::reliability::BulkImporter;
using mandate::reliability::SingleWriter;
using mandate::test_support::HttpClient;
using mandate::test_support::ServerOptions;
using mandate::test_support::ServerProcess;
using Clock = std::chrono::steady_clock;
namespace json = boost::json;

struct Options {
  int kills = 10;
  uint32_t seed = 1;
  int writers = 2;
  int importers = 2;
  int max_delay_ms = 300;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc)
      throw std::invalid_argument("missing value after " + arg);
    const int value = std::stoi(argv[++i]);
    if (arg == "--kills")
      o.kills = value;
    else if (arg == "--seed")
      o.seed = static_cast<uint32_t>(value);
    else if (arg == "--writers")
      o.writers = value;
    else if (arg == "--importers")
      o.importers = value;
    else if (arg == "--max-delay-ms")
      o.max_delay_ms = value;
    else
      throw std::invalid_argument("unknown option " + arg);
  }
  if (o.kills < 1 || o.writers < 0 || o.importers < 0 || o.writers + o.importers < 1 ||
      o.writers > 10 || o.importers > 4 || o.max_delay_ms < 0)
    throw std::invalid_argument("options out of range");
  return o;
}

int run(const Options& options) {
  // The first server makes the database (the demo) and owns it to the end;
  // every later server serves it as a shared database.
  ServerProcess owner;
  mandate::test_support::add_user(MANDATE_BINARY, owner.db(), mandate::test_support::kAccounts[0]);
  const std::string token =
      mandate::test_support::api_token(owner.port(), "admin", "crash-harness");
  ServerOptions again;
  again.shared_db = owner.db();

  std::vector<SingleWriter> writers;
  for (int i = 0; i < options.writers; ++i)
    writers.emplace_back(i);
  std::vector<BulkImporter> importers;
  for (int i = 0; i < options.importers; ++i)
    importers.emplace_back(
        i, i % 2 == 0 ? BulkImporter::Route::values_bulk : BulkImporter::Route::dhis2);
  std::vector<int> years;
  for (const auto& w : writers)
    years.push_back(w.year());
  for (const auto& b : importers)
    for (int y : b.years())
      years.push_back(y);

  std::mt19937 rng(options.seed);
  std::unique_ptr<ServerProcess> restarted;
  ServerProcess* server = &owner;
  const auto started = Clock::now();
  double slowest_first_write = 0;  // ms, over every restart
  for (int round = 1; round <= options.kills; ++round) {
    std::vector<std::thread> threads;
    for (auto& w : writers)
      threads.emplace_back([&w, &token, port = server->port(),
                            seed = static_cast<uint32_t>(rng())] { w.run(port, token, seed); });
    for (auto& b : importers)
      threads.emplace_back([&b, &token, port = server->port()] { b.run(port, token); });
    const int delay = static_cast<int>(rng() % (options.max_delay_ms + 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    if (server->stop(SIGKILL) != -SIGKILL)
      throw std::runtime_error("the server did not die of SIGKILL");
    for (auto& t : threads)
      t.join();

    std::vector<std::string> errors;
    for (const auto& w : writers)
      if (!w.error().empty())
        errors.push_back("writer before the kill: " + w.error());
    for (const auto& b : importers)
      if (!b.error().empty())
        errors.push_back("importer before the kill: " + b.error());

    const auto restarting = Clock::now();
    restarted = std::make_unique<ServerProcess>(again);
    const auto verifying = Clock::now();
    server = restarted.get();
    HttpClient reader(server->port());
    reader.set_header("Authorization", "Bearer " + token);
    reader.set_timeout(std::chrono::seconds(30));
    const auto stored = mandate::reliability::read_stored(reader, years);
    for (auto& w : writers)
      w.check(stored, errors);
    for (auto& b : importers)
      b.check(stored, errors);
    mandate::reliability::check_rollups(reader, stored, years, errors);
    mandate::reliability::check_integrity(server->db(), errors);
    slowest_first_write =
        std::max(slowest_first_write, mandate::reliability::check_writable(reader, round, errors));

    auto ms = [](Clock::duration d) {
      return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
    };
    std::printf(
        "round %d: killed after %d ms, restarted in %ld ms, %zu values stored, checked in "
        "%ld ms%s\n",
        round, delay, ms(verifying - restarting), stored.size(), ms(Clock::now() - verifying),
        errors.empty() ? "" : ", FAILED");
    std::fflush(stdout);
    if (!errors.empty()) {
      for (const auto& e : errors)
        std::printf("  %s\n", e.c_str());
      return 1;
    }
  }

  mandate::reliability::WriteCounts singles, bulks;
  for (const auto& w : writers) {
    singles.acknowledged += w.counts().acknowledged;
    singles.in_flight += w.counts().in_flight;
    singles.in_flight_committed += w.counts().in_flight_committed;
  }
  int bulk_values = 0;
  for (const auto& b : importers) {
    bulks.acknowledged += b.counts().acknowledged;
    bulks.in_flight += b.counts().in_flight;
    bulks.in_flight_committed += b.counts().in_flight_committed;
    bulk_values += b.counts().acknowledged * b.cells_per_batch();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::printf(
      "crash harness: %d kills survived on %s in %.0f s (seed %u)\n"
      "  single writes: %d acknowledged, all kept; %d in flight at a kill, %d of them committed\n"
      "  bulk imports:  %d acknowledged (%d values), all kept whole; %d in flight at a kill, %d "
      "of them committed whole, none half\n"
      "  integrity and rollups checked after every restart: ok; a write right after each restart "
      "answered within %.0f ms\n",
      options.kills, mandate::test_support::on_postgresql() ? "PostgreSQL" : "SQLite", seconds,
      options.seed, singles.acknowledged, singles.in_flight, singles.in_flight_committed,
      bulks.acknowledged, bulk_values, bulks.in_flight, bulks.in_flight_committed,
      slowest_first_write);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = parse(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr,
                 "%s\nusage: crash_harness --kills N --seed S [--writers W] [--importers B] "
                 "[--max-delay-ms MS]\n",
                 e.what());
    return 2;
  }
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "crash harness: %s\n", e.what());
    return 1;
  }
}
