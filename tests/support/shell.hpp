#pragma once
// Runs a shell command and keeps what it printed (stdout and stderr together)
// and its exit code: the CLI and report-file tests drive real programs.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace test_support {

struct ShellResult {
  int code = -1;
  std::string out;  // stdout and stderr together
};

// Single-quotes s for /bin/sh.
inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s)
    q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline ShellResult shell(const std::string& cmd) {
  ShellResult r;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p)
    return r;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
    r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace test_support
