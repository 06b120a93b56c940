// The report benchmark (issue 6, section 6): the year report of every commune
// of the national benchmark data set, in every format, in one process, from
// one in-memory snapshot with its rollups, as the server makes them. The
// reference in the same run is building the report's content alone (the
// scorecard and the composed text, no rendering); each format's time is also
// printed as a ratio to it. A benchmark, not a test: it exits 0 whatever the
// speed. Environment: BENCH_PRESET=small, BENCH_CELLS (party cells),
// BENCH_COMMUNES (how many communes get a report; default all),
// BENCH_FORMATS (default md,json,trace,xlsx,pdf,docx), BENCH_YEAR.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/analytics/from_dataset.hpp"
#include "core/date.hpp"
#include "core/unit_tree.hpp"
#include "national_dataset.hpp"
#include "report/render.hpp"
#include "service/report_service.hpp"
#include "timing.hpp"

namespace {

using namespace mandate;
using bench::Clock;
using bench::seconds_since;

// The reports' own cost, whatever else the machine runs.
double thread_cpu_seconds() {
  return bench::cpu_seconds(CLOCK_THREAD_CPUTIME_ID);
}

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string::npos ? text.size() : comma;
    if (end > start)
      out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

struct Run {
  double seconds = 0;
  double cpu_seconds = 0;
  std::size_t bytes = 0;
};

// Builds (and, with a format, renders) the report of every listed commune.
Run run(const std::shared_ptr<const service::Snapshot>& snapshot,
        const std::vector<std::string>& communes, const std::string& period,
        const report::Format* format, const report::TemplateLibrary& templates) {
  Run r;
  const auto start = Clock::now();
  const double cpu_start = thread_cpu_seconds();
  // A fixed "today" keeps runs comparable: open tasks are judged as of it.
  const core::Date today = core::make_date(2026, 1, 1);
  for (const auto& code : communes) {
    const auto built = service::build_report(snapshot, code, period, core::Lang::vi, today);
    if (format)
      r.bytes += report::render(built, *format, {}, templates).size();
    else
      r.bytes += built.content.table.size();  // keeps the work observable
  }
  r.seconds = seconds_since(start);
  r.cpu_seconds = thread_cpu_seconds() - cpu_start;
  return r;
}

}  // namespace

int main() {
  const char* preset = std::getenv("BENCH_PRESET");
  auto config = preset && std::string(preset) == "small" ? bench::GeneratorConfig::small()
                                                         : bench::GeneratorConfig::national();
  config.cells = env_int("BENCH_CELLS", config.cells);
  const int year = env_int("BENCH_YEAR", config.first_year + config.months / 12 - 1);
  const char* formats_env = std::getenv("BENCH_FORMATS");
  const auto formats = split(formats_env ? formats_env : "md,json,trace,xlsx,pdf,docx");

  auto start = Clock::now();
  const auto generated = bench::generate(config);
  auto snapshot = service::Snapshot::of(bench::national_dataset(generated));
  std::printf(
      "data set: %d provinces, %d communes, %d party cells, %zu indicators, %zu values, "
      "%zu targets (%.1f s)\n",
      config.provinces, config.communes, config.cells, snapshot->data.indicators.size(),
      snapshot->values.size(), snapshot->data.targets.size(), seconds_since(start));
  start = Clock::now();
  snapshot->engine = service::engine_of(*snapshot);
  std::printf("rollups built in %.1f s\n", seconds_since(start));

  std::vector<std::string> communes;
  const int wanted = std::min(env_int("BENCH_COMMUNES", config.communes), config.communes);
  for (int c = 0; c < wanted; ++c)
    communes.push_back(
        snapshot->data.units[static_cast<std::size_t>(generated.first_commune() + c)].code);
  const std::string period = core::Period::year(year).id();
  const report::TemplateLibrary templates;

  std::printf("\nyear report %s for %zu communes, one thread\n", period.c_str(), communes.size());
  std::printf("%-8s %10s %12s %12s %16s %14s %16s\n", "format", "seconds", "reports/s",
              "CPU seconds", "reports/CPU-s", "bytes/report", "× content (CPU)");
  run(snapshot, {communes.front()}, period, nullptr, templates);  // warm-up: fonts, templates
  const Run content = run(snapshot, communes, period, nullptr, templates);
  const double n = static_cast<double>(communes.size());
  std::printf("%-8s %10.2f %12.1f %12.2f %16.1f %14s %16s\n", "content", content.seconds,
              n / content.seconds, content.cpu_seconds, n / content.cpu_seconds, "-", "1.0");
  for (const auto& name : formats) {
    const report::Format format = report::parse_format(name);
    const Run r = run(snapshot, communes, period, &format, templates);
    std::printf("%-8s %10.2f %12.1f %12.2f %16.1f %14.0f %16.1f\n", name.c_str(), r.seconds,
                n / r.seconds, r.cpu_seconds, n / r.cpu_seconds, static_cast<double>(r.bytes) / n,
                r.cpu_seconds / content.cpu_seconds);
    std::fflush(stdout);
  }
  return 0;
}
