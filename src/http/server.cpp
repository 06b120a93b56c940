#include "http/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <ctime>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "http/access_log.hpp"
#include "http/errors.hpp"
#include "http/metrics.hpp"
#include "http/target.hpp"

namespace mandate::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr auto kTuple = net::as_tuple(net::use_awaitable);

// Sent with every response.
constexpr std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"},
    {"X-Frame-Options", "DENY"},
};

// A connection's state. stream, idle and stopping are touched only on the
// connection's strand (the session coroutine runs there; shutdown posts there).
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool idle = true;       // waiting for the first byte of a request
  bool stopping = false;  // the server is shutting down: answer, then close
};

std::string http_date() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

bool is_http_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

}  // namespace

struct Server::Impl {
  Impl(ServerConfig cfg, const Router& r, Metrics* m, const AccessLog* log)
      : config(std::move(cfg)),
        router(r),
        metrics(m),
        access_log(log),
        ioc(std::max(1, config.threads)),
        control(net::make_strand(ioc)),
        acceptor(control),
        signals(control),
        deadline(control) {}

  ServerConfig config;
  const Router& router;
  Metrics* metrics;
  const AccessLog* access_log;

  net::io_context ioc;
  net::strand<net::io_context::executor_type> control;  // acceptor, signals, timers
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer deadline;
  bool shutting_down = false;  // control strand only

  std::mutex mutex;  // guards connections and stopping
  std::set<std::shared_ptr<Connection>> connections;
  bool stopping = false;

  void bind();
  net::awaitable<void> listen();
  net::awaitable<void> session(std::shared_ptr<Connection> conn);
  void wait_for_signal();
  void begin_shutdown();     // control strand
  void force_close_all();    // control strand
  void finish_if_drained();  // control strand
  void forget(const std::shared_ptr<Connection>& conn);

  bhttp::response<bhttp::string_body> to_beast(Response&& r, unsigned version) const;
  Response handle(bhttp::request<bhttp::string_body>&& req, const std::string& remote,
                  Request& request);
  void record(const Request& request, const std::string& remote, int status, size_t bytes,
              Clock::time_point started) const;
};

void Server::Impl::bind() {
  const std::string where = config.host + ":" + std::to_string(config.port);
  beast::error_code ec;
  tcp::resolver resolver(ioc);
  auto results = resolver.resolve(config.host, std::to_string(config.port),
                                  tcp::resolver::numeric_service, ec);
  if (ec || results.empty())
    throw core::Error(core::ErrorCategory::unavailable, "http.bind_failed",
                      {where, ec ? ec.message() : "no address"});
  const tcp::endpoint endpoint = *results.begin();
  acceptor.open(endpoint.protocol(), ec);
  if (!ec)
    acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec)
    acceptor.bind(endpoint, ec);
  if (!ec)
    acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec)
    throw core::Error(core::ErrorCategory::unavailable, "http.bind_failed", {where, ec.message()});
}

net::awaitable<void> Server::Impl::listen() {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(net::make_strand(ioc), kTuple);
    if (ec) {
      if (ec == net::error::operation_aborted || !acceptor.is_open())
        co_return;
      // Out of descriptors and the like: wait a little rather than spin.
      spdlog::warn("accept failed: {}", ec.message());
      net::steady_timer pause(control, std::chrono::milliseconds(50));
      co_await pause.async_wait(kTuple);
      continue;
    }
    auto conn = std::make_shared<Connection>(std::move(socket));
    {
      std::lock_guard lock(mutex);
      if (stopping || connections.size() >= config.max_connections) {
        beast::error_code ignored;
        conn->stream.socket().close(ignored);
        if (!stopping)
          spdlog::warn("connection refused: {} connections open", connections.size());
        continue;
      }
      connections.insert(conn);
    }
    if (metrics)
      metrics->connection_opened();
    net::co_spawn(conn->stream.get_executor(), session(conn), [this, conn](std::exception_ptr e) {
      if (e) {
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          spdlog::error("connection ended by an exception: {}", ex.what());
        } catch (...) {
          spdlog::error("connection ended by an exception");
        }
      }
      forget(conn);
    });
  }
}

void Server::Impl::forget(const std::shared_ptr<Connection>& conn) {
  beast::error_code ignored;
  conn->stream.socket().close(ignored);
  bool drained = false;
  {
    std::lock_guard lock(mutex);
    connections.erase(conn);
    drained = stopping && connections.empty();
  }
  if (metrics)
    metrics->connection_closed();
  if (drained)
    net::post(control, [this] { finish_if_drained(); });
}

bhttp::response<bhttp::string_body> Server::Impl::to_beast(Response&& r, unsigned version) const {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
  res.set(bhttp::field::server, "mandate");
  res.set(bhttp::field::date, http_date());
  if (!r.content_type.empty())
    res.set(bhttp::field::content_type, r.content_type);
  for (auto& [name, value] : r.headers)
    res.insert(name, value);
  for (const auto& [name, value] : kSecurityHeaders) {
    if (res.find(name) == res.end())
      res.set(name, value);
  }
  if (r.status != 204 && r.status != 304 && r.status >= 200)
    res.content_length(r.body.size());
  res.body() = std::move(r.body);
  return res;
}

Response Server::Impl::handle(bhttp::request<bhttp::string_body>&& req, const std::string& remote,
                              Request& request) {
  request.method = std::string(req.method_string());
  request.target = std::string(req.target());
  request.remote_address = remote;
  for (const auto& field : req) {
    const std::string_view name = field.name_string();
    auto [it, inserted] = request.headers.emplace(std::string(name), std::string(field.value()));
    if (!inserted) {
      const bool cookie = beast::iequals(name, "Cookie");
      it->second.append(cookie ? "; " : ", ").append(field.value());
    }
  }
  request.body = std::move(req.body());
  // Checked before routing: origin form, no "." or ".." segment.
  auto target = parse_target(request.target);
  if (!target) {
    request.route = "(invalid)";
    return error_response(400, "http.bad_target", {request.target});
  }
  request.path = std::move(target->path);
  request.query = std::move(target->query);
  return router.dispatch(request);
}

void Server::Impl::record(const Request& request, const std::string& remote, int status,
                          size_t bytes, Clock::time_point started) const {
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  const std::string_view route =
      request.route.empty() ? std::string_view("(invalid)") : std::string_view(request.route);
  const std::string_view method =
      request.method.empty() ? std::string_view("-") : std::string_view(request.method);
  if (metrics)
    metrics->observe_request(route, method, status, seconds);
  if (access_log) {
    AccessEntry e;
    e.time = std::chrono::system_clock::now();
    e.remote = remote;
    e.method = method;
    e.route = route;
    e.target = request.target;
    e.status = status;
    e.bytes = bytes;
    e.duration_ms = seconds * 1000;
    access_log->write(e);
  }
}

net::awaitable<void> Server::Impl::session(std::shared_ptr<Connection> conn) {
  beast::tcp_stream& stream = conn->stream;
  beast::flat_buffer buffer;
  std::string remote;
  {
    beast::error_code ec;
    auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec)
      remote = endpoint.address().to_string();
  }
  bool first = true;
  for (;;) {
    conn->idle = true;
    if (conn->stopping)
      break;
    // Wait for the first byte of the next request: an idle keep-alive
    // connection is closed at shutdown or after idle_timeout.
    if (buffer.size() == 0) {
      stream.expires_after(first ? config.read_timeout : config.idle_timeout);
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kTuple);
      if (ec)
        break;
      buffer.commit(n);
    }
    conn->idle = false;
    first = false;
    const auto started = Clock::now();
    if (metrics)
      metrics->request_started();
    struct InFlight {
      Metrics* m;
      ~InFlight() {
        if (m)
          m->request_finished();
      }
    } in_flight{metrics};

    // A fresh parser per request, its limits set before reading.
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
    // Beast judges a Content-Length against the limit while parsing the
    // header, before the route is known: allow the largest any route takes,
    // then hold the request to its own route's limit.
    size_t body_limit = config.body_limit;
    parser.body_limit(std::max(body_limit, router.max_body_limit()));
    stream.expires_after(config.read_timeout);
    auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
    if (!ec && !parser.is_done()) {
      const auto& head = parser.get();
      body_limit =
          std::max(body_limit, router.body_limit(std::string(head.method_string()), head.target()));
      if (parser.content_length() && *parser.content_length() > body_limit)
        ec = bhttp::error::body_limit;
      else
        parser.body_limit(body_limit);  // chunked bodies count against it as they come
    }
    if (!ec && !parser.is_done()) {
      const auto& head = parser.get();
      if (head.version() == 11 && beast::iequals(head[bhttp::field::expect], "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        auto [wec, wn] = co_await net::async_write(
            stream, net::buffer(kContinue.data(), kContinue.size()), kTuple);
        ec = wec;
      }
      if (!ec) {
        auto [rec, rn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
        ec = rec;
      }
    }

    Request request;
    Response response;
    bool keep_alive = false;
    bool linger = false;  // unread request bytes may follow: drain before closing
    unsigned version = 11;
    bool head = false;
    if (ec) {
      if (ec == bhttp::error::header_limit) {
        response =
            error_response(431, "http.header_too_large", {std::to_string(config.header_limit)});
      } else if (ec == bhttp::error::body_limit) {
        response = error_response(413, "http.body_too_large", {std::to_string(body_limit)});
        // The request line has been parsed: name it in the log.
        request.method = std::string(parser.get().method_string());
        request.target = std::string(parser.get().target());
      } else if (is_http_error(ec) && ec != bhttp::error::end_of_stream &&
                 ec != bhttp::error::partial_message) {
        response = error_response(400, "http.bad_request");
      } else {
        break;  // timeout, reset, end of stream, cancelled: nothing to answer
      }
      request.route = "(invalid)";
      linger = true;
    } else {
      auto req = parser.release();
      version = req.version();
      head = req.method() == bhttp::verb::head;
      keep_alive = req.keep_alive();
      response = handle(std::move(req), remote, request);
    }
    if (conn->stopping)
      keep_alive = false;

    const int status = response.status;
    auto res = to_beast(std::move(response), version);
    res.keep_alive(keep_alive);
    const size_t bytes = head ? 0 : res.body().size();
    stream.expires_after(config.write_timeout);
    beast::error_code wec;
    if (head) {
      bhttp::response_serializer<bhttp::string_body> serializer{res};
      auto [e, w] = co_await bhttp::async_write_header(stream, serializer, kTuple);
      wec = e;
    } else {
      auto [e, w] = co_await bhttp::async_write(stream, res, kTuple);
      wec = e;
    }
    record(request, remote, status, wec ? 0 : bytes, started);
    if (wec)
      break;
    if (!keep_alive) {
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      if (linger) {
        // Read and drop what the client still sends (at most 1 MiB or 2 s, and
        // until 200 ms of silence), so that closing does not reset the
        // connection before the client has read the error response.
        const auto linger_until = Clock::now() + std::chrono::seconds(2);
        char sink[8192];
        for (size_t drained = 0; drained < 1024 * 1024 && Clock::now() < linger_until;) {
          stream.expires_after(std::chrono::milliseconds(200));
          auto [e, r] = co_await stream.async_read_some(net::buffer(sink), kTuple);
          if (e)
            break;
          drained += r;
        }
      }
      break;
    }
  }
}

void Server::Impl::wait_for_signal() {
  signals.async_wait([this](const beast::error_code& ec, int signal) {
    if (ec)
      return;
    if (!shutting_down) {
      spdlog::info("signal {} received", signal);
      wait_for_signal();  // a second signal closes everything at once
      begin_shutdown();   // (after re-arming: it cancels the wait when nothing is open)
    } else {
      force_close_all();
    }
  });
}

void Server::Impl::begin_shutdown() {
  if (shutting_down)
    return;
  shutting_down = true;
  spdlog::info(
      "{} / {}",
      core::tr(core::Lang::vi, "http.stopping", {std::to_string(config.shutdown_deadline.count())}),
      core::tr(core::Lang::en, "http.stopping",
               {std::to_string(config.shutdown_deadline.count())}));
  beast::error_code ignored;
  acceptor.close(ignored);
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex);
    stopping = true;
    open.assign(connections.begin(), connections.end());
  }
  for (auto& conn : open) {
    net::post(conn->stream.get_executor(), [conn] {
      conn->stopping = true;
      if (conn->idle)
        conn->stream.cancel();
    });
  }
  deadline.expires_after(config.shutdown_deadline);
  deadline.async_wait([this](const beast::error_code& ec) {
    if (!ec)
      force_close_all();
  });
  finish_if_drained();
}

void Server::Impl::force_close_all() {
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex);
    open.assign(connections.begin(), connections.end());
  }
  if (!open.empty())
    spdlog::warn("closing {} connections still open at the shutdown deadline", open.size());
  for (auto& conn : open) {
    net::post(conn->stream.get_executor(), [conn] {
      beast::error_code ignored;
      conn->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      conn->stream.close();
    });
  }
  // A handler that never returns cannot be interrupted; stop the loop anyway
  // a moment later so that run() returns in the other threads.
  deadline.expires_after(std::chrono::seconds(1));
  deadline.async_wait([this](const beast::error_code& ec) {
    if (!ec) {
      spdlog::error("connections did not close after the deadline; stopping the I/O loop");
      ioc.stop();
    }
  });
}

void Server::Impl::finish_if_drained() {
  if (!shutting_down)
    return;
  {
    std::lock_guard lock(mutex);
    if (!connections.empty())
      return;
  }
  // Nothing else holds work: run() returns in every thread.
  deadline.cancel();
  signals.cancel();
}

Server::Server(ServerConfig config, const Router& router, Metrics* metrics,
               const AccessLog* access_log)
    : impl_(std::make_unique<Impl>(std::move(config), router, metrics, access_log)) {
  impl_->bind();
  if (impl_->config.handle_signals) {
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
  }
}

Server::~Server() = default;

uint16_t Server::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

std::string Server::url() const {
  beast::error_code ec;
  const auto endpoint = impl_->acceptor.local_endpoint(ec);
  const auto address = endpoint.address();
  const std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  return "http://" + host + ":" + std::to_string(endpoint.port());
}

void Server::run() {
  Impl& s = *impl_;
  net::co_spawn(s.control, s.listen(), [](std::exception_ptr e) {
    if (e)
      spdlog::error("the listener stopped by an exception");
  });
  if (s.config.handle_signals)
    net::post(s.control, [&s] { s.wait_for_signal(); });
  std::vector<std::thread> pool;
  for (int i = 1; i < s.config.threads; ++i)
    pool.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : pool)
    t.join();
}

void Server::stop() {
  Impl& s = *impl_;
  net::post(s.control, [&s] { s.begin_shutdown(); });
}

}  // namespace mandate::http
