#pragma once
// Clocks the benchmarks share: wall time, and CPU time of this thread or
// process — on a machine shared with other work the wall clock counts the
// neighbours too, the CPU time only what is measured.
#include <chrono>
#include <ctime>

namespace mandate::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// clock: CLOCK_THREAD_CPUTIME_ID or CLOCK_PROCESS_CPUTIME_ID.
inline double cpu_seconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace mandate::bench
