#pragma once
// The HTTP/1.1 server: Boost.Beast and Asio with C++20 coroutines, after
// Beast's example/http/server/awaitable. A listener coroutine accepts
// connections; each connection runs a session coroutine that reads one request
// at a time (a fresh parser per request, header and body limits set before
// reading, a stream deadline before each read and write), hands it to the
// Router on the I/O thread and writes the response. See docs/http.md.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "http/router.hpp"

namespace mandate::http {

class Metrics;
class AccessLog;

struct ServerConfig {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;                 // 0: any free port; port() tells which
  int threads = 1;                      // threads running the I/O loop (and the handlers)
  size_t header_limit = 16 * 1024;      // bytes; more -> 431
  size_t body_limit = 8 * 1024 * 1024;  // bytes; more -> 413
  // Time allowed to receive a whole request once its first byte has arrived
  // (also the time a new connection may take to send its first byte).
  std::chrono::milliseconds read_timeout = std::chrono::seconds(30);
  std::chrono::milliseconds write_timeout = std::chrono::seconds(30);
  // How long a keep-alive connection may wait for its next request.
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(15);
  // On SIGINT/SIGTERM or stop(): how long requests in progress may take to finish.
  std::chrono::milliseconds shutdown_deadline = std::chrono::seconds(10);
  size_t max_connections = 10000;  // further connections are closed at once
  bool handle_signals = true;      // SIGINT and SIGTERM start the graceful shutdown
};

class Server {
 public:
  // Binds and listens at once, so port() is known before run(). Throws
  // core::Error(unavailable, "http.bind_failed"). metrics and access_log may be
  // null; whatever is given must outlive the server.
  Server(ServerConfig config, const Router& router, Metrics* metrics = nullptr,
         const AccessLog* access_log = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  uint16_t port() const;
  // "http://127.0.0.1:8080" ("http://[::1]:8080" for IPv6).
  std::string url() const;

  // Serves until a signal or stop(), then shuts down gracefully: stops
  // accepting, closes idle keep-alive connections, lets requests in progress
  // finish (their responses carry Connection: close), closes whatever is left
  // at the deadline, and returns.
  void run();
  // Starts the graceful shutdown; callable from any thread, also before run().
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mandate::http
