// Many idle keep-alive connections (issue 9, section 3): starts `mandate
// serve` on a copy of the demo database, measures normal requests (the
// dashboard's scorecard, a list of values, /healthz) for --baseline-seconds,
// then opens --connections connections that each make one request and stay
// open, idle, and measures the same requests again for --hold-seconds. Then
// counts how many idle connections the server still holds. The server's idle
// timeout is --idle-timeout-ms (its default, 15 s, would close them sooner
// than the hold: pass a longer one to hold them, or the default to see them
// closed). Raises its own open-file limit (inherited by the server) to the
// hard limit. Exit code 1 when a normal request failed.
//
//   bench/load/idle [--connections 5000] [--hold-seconds 60] [--idle-timeout-ms 120000]
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../../tests/support/api_token.hpp"
#include "../../tests/support/http_client.hpp"
#include "../../tests/support/server_process.hpp"
#include "latencies.hpp"
#include "proc_status.hpp"

namespace {

using mandate::bench::Latencies;
using mandate::test_support::HttpClient;
using Clock = std::chrono::steady_clock;

struct Options {
  int connections = 5000;
  int hold_seconds = 60;
  int baseline_seconds = 20;
  int idle_timeout_ms = 120000;
};

void raise_file_limit(int needed) {
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
  if (limit.rlim_cur < static_cast<rlim_t>(needed))
    throw std::runtime_error("the open-file limit (" + std::to_string(limit.rlim_cur) +
                             ") is below " + std::to_string(needed));
}

// A connection that made one request (read whole) and is now idle, kept alive.
int open_idle(uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    throw std::runtime_error(std::string("connect: ") + std::strerror(errno));
  static constexpr char kRequest[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  if (::send(fd, kRequest, sizeof kRequest - 1, MSG_NOSIGNAL) != sizeof kRequest - 1)
    throw std::runtime_error("send failed");
  std::string got;
  char buf[2048];
  while (got.find("\"ok\"}") == std::string::npos) {  // the end of {"status":"ok"}
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0)
      throw std::runtime_error("the server closed an idle connection's first request");
    got.append(buf, static_cast<size_t>(n));
  }
  return fd;
}

// Open: nothing to read and no end of stream.
bool still_open(int fd) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, 0) == 0)
    return true;
  char byte;
  return ::recv(fd, &byte, 1, MSG_DONTWAIT | MSG_PEEK) < 0 && errno == EAGAIN;
}

// Normal requests, one after the other with 10 ms pauses, for seconds.
Latencies measure(uint16_t port, const std::string& token, int seconds) {
  HttpClient c(port);
  c.set_header("Authorization", "Bearer " + token);
  Latencies l;
  const char* kTargets[][2] = {{"GET scorecard", "/api/v1/scorecard?unit=LS&period=2021"},
                               {"GET values (list)", "/api/v1/values?unit=LS-VT&limit=100"},
                               {"GET /healthz", "/healthz"}};
  const auto until = Clock::now() + std::chrono::seconds(seconds);
  for (int i = 0; Clock::now() < until; ++i) {
    const auto& t = kTargets[i % 3];
    const auto start = Clock::now();
    bool ok = false;
    try {
      ok = c.get(t[1]).status == 200;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s: %s\n", t[0], e.what());
    }
    l.add(t[0], std::chrono::duration<double, std::milli>(Clock::now() - start).count(), ok);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return l;
}

int run(const Options& o) {
  raise_file_limit(2 * o.connections + 100);  // ours and, inherited, the server's
  mandate::test_support::ServerOptions server_options;
  server_options.args = {"--idle-timeout-ms", std::to_string(o.idle_timeout_ms)};
  mandate::test_support::ServerProcess server(server_options);
  mandate::test_support::add_user(MANDATE_BINARY, server.db(), mandate::test_support::kAccounts[0]);
  const std::string token = mandate::test_support::api_token(server.port(), "admin", "idle");

  std::printf("baseline: %d s of normal requests, no idle connections; RSS %.1f MiB\n\n",
              o.baseline_seconds, mandate::bench::rss_mib(server.pid()));
  Latencies baseline = measure(server.port(), token, o.baseline_seconds);
  baseline.print(o.baseline_seconds);

  const auto opening = Clock::now();
  std::vector<int> idle;
  for (int i = 0; i < o.connections; ++i)
    idle.push_back(open_idle(server.port()));
  std::printf(
      "\n%d idle keep-alive connections opened in %.1f s; RSS %.1f MiB; holding %d s "
      "(idle timeout %d ms)\n\n",
      o.connections, std::chrono::duration<double>(Clock::now() - opening).count(),
      mandate::bench::rss_mib(server.pid()), o.hold_seconds, o.idle_timeout_ms);
  std::fflush(stdout);
  Latencies held = measure(server.port(), token, o.hold_seconds);
  held.print(o.hold_seconds);

  int open = 0;
  for (int fd : idle)
    open += still_open(fd) ? 1 : 0;
  std::printf("\nafter %d s: %d of %d idle connections still open; server RSS %.1f MiB\n",
              o.hold_seconds, open, o.connections, mandate::bench::rss_mib(server.pid()));
  for (int fd : idle)
    ::close(fd);
  return baseline.errors() + held.errors() == 0 ? 0 : 1;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    const int value = std::stoi(argv[i + 1]);
    if (arg == "--connections")
      o.connections = value;
    else if (arg == "--hold-seconds")
      o.hold_seconds = value;
    else if (arg == "--baseline-seconds")
      o.baseline_seconds = value;
    else if (arg == "--idle-timeout-ms")
      o.idle_timeout_ms = value;
    else
      throw std::invalid_argument("unknown option " + arg);
  }
  if (argc % 2 == 0)
    throw std::invalid_argument("an option without its value");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "idle: %s\n", e.what());
    return 2;
  }
}
