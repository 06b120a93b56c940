#pragma once
// A process's resident memory, from /proc/PID/status.
#include <sys/types.h>

#include <fstream>
#include <string>

namespace mandate::bench {

// VmRSS in MiB; -1 when the process is gone.
inline double rss_mib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0)
      return std::stod(line.substr(6)) / 1024.0;  // kB
  return -1;
}

}  // namespace mandate::bench
