#pragma once
// A small blocking HTTP/1.1 client for black-box tests (Boost.Beast). One
// client is one connection, kept open across requests while the server allows
// it and reopened when needed (connections() counts the opens). It keeps the
// cookies the server sets, sends default headers, can send raw bytes and read
// a response separately, and every operation has a timeout.
//
//   HttpClient c(server.port());
//   auto r = c.get("/healthz");
//   EXPECT_EQ(r.status, 200);
//   auto j = r.json();
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mandate::test_support {

struct HeaderLess {
  bool operator()(std::string_view a, std::string_view b) const {
    return boost::beast::iless()(a, b);
  }
  using is_transparent = void;
};

struct HttpResponse {
  int status = 0;
  unsigned version = 11;
  bool keep_alive = true;
  std::map<std::string, std::string, HeaderLess> headers;  // repeated fields joined by ", "
  std::vector<std::string> set_cookies;                    // each Set-Cookie as sent
  std::string body;

  // Empty when absent.
  std::string header(std::string_view name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  bool has_header(std::string_view name) const { return headers.find(name) != headers.end(); }
  boost::json::value json() const { return boost::json::parse(body); }
};

class HttpClient {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  explicit HttpClient(uint16_t port, std::string host = "127.0.0.1")
      : host_(std::move(host)),
        port_(port),
        ioc_(std::make_unique<boost::asio::io_context>()),
        stream_(std::make_unique<boost::beast::tcp_stream>(*ioc_)) {}
  HttpClient(HttpClient&&) = default;
  HttpClient& operator=(HttpClient&&) = default;

  void set_timeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }
  // Sent with every request (replacing an earlier value of the same name).
  void set_header(const std::string& name, const std::string& value) {
    default_headers_[name] = value;
  }
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  void clear_cookies() { cookies_.clear(); }
  const std::map<std::string, std::string>& cookies() const { return cookies_; }

  HttpResponse get(const std::string& target, const Headers& headers = {}) {
    return request("GET", target, {}, headers);
  }
  HttpResponse head(const std::string& target, const Headers& headers = {}) {
    return request("HEAD", target, {}, headers);
  }
  HttpResponse post_json(const std::string& target, const boost::json::value& body,
                         const Headers& headers = {}) {
    Headers h = headers;
    h.emplace_back("Content-Type", "application/json");
    return request("POST", target, boost::json::serialize(body), h);
  }

  // Sends a request and reads its response; the target is sent as given (no
  // encoding), so malformed targets can be tested.
  HttpResponse request(const std::string& method, const std::string& target,
                       const std::string& body = {}, const Headers& headers = {}) {
    namespace http = boost::beast::http;
    ensure_connected();
    http::request<http::string_body> req;
    req.method_string(method);
    req.target(target);
    req.version(11);
    req.set(http::field::host, host_ + ":" + std::to_string(port_));
    req.set(http::field::user_agent, "mandate-tests");
    for (const auto& [name, value] : default_headers_)
      req.set(name, value);
    if (!cookies_.empty()) {
      std::string cookie;
      for (const auto& [name, value] : cookies_)
        cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
      req.set(http::field::cookie, cookie);
    }
    for (const auto& [name, value] : headers)
      req.set(name, value);
    req.body() = body;
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
      req.prepare_payload();
    check(run([&](auto handler) { http::async_write(*stream_, req, handler); }), "write");
    return read_response(method == "HEAD");
  }

  // Writes bytes as they are (opening the connection if needed).
  void send_raw(std::string_view bytes) {
    ensure_connected();
    check(run([&](auto handler) {
            boost::asio::async_write(*stream_, boost::asio::buffer(bytes.data(), bytes.size()),
                                     handler);
          }),
          "write");
  }

  // Reads one response; throws on timeout or a closed connection.
  HttpResponse read_response(bool head = false) {
    namespace http = boost::beast::http;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    parser.header_limit(1024 * 1024);
    if (head)
      parser.skip(true);
    check(run([&](auto handler) { http::async_read(*stream_, buffer_, parser, handler); }), "read");
    auto res = parser.release();
    HttpResponse out;
    out.status = static_cast<int>(res.result_int());
    out.version = res.version();
    out.keep_alive = res.keep_alive();
    for (const auto& field : res) {
      const std::string name(field.name_string());
      const std::string value(field.value());
      if (boost::beast::iequals(name, "Set-Cookie")) {
        out.set_cookies.push_back(value);
        remember_cookie(value);
      }
      auto [it, inserted] = out.headers.emplace(name, value);
      if (!inserted)
        it->second += ", " + value;
    }
    out.body = std::move(res.body());
    if (!out.keep_alive)
      close();
    return out;
  }

  // True when the server closes the connection (end of stream or reset)
  // within the timeout; false when it stays open or sends something.
  bool wait_closed(std::chrono::milliseconds timeout) {
    if (!connected_)
      return true;
    if (buffer_.size() > 0)
      return false;
    char byte;
    size_t n = 0;
    stream_->expires_after(timeout);
    boost::beast::error_code result = boost::asio::error::would_block;
    stream_->async_read_some(boost::asio::buffer(&byte, 1),
                             [&](boost::beast::error_code ec, size_t r) {
                               result = ec;
                               n = r;
                             });
    ioc_->restart();
    ioc_->run();
    if (result == boost::beast::error::timeout) {
      connected_ = false;  // the stream closed its socket on timeout
      return false;
    }
    if (!result && n > 0)
      return false;
    close();
    return true;
  }

  bool connected() const { return connected_; }
  int connections() const { return connections_; }

  void close() {
    boost::beast::error_code ignored;
    stream_->socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    stream_->close();
    buffer_.clear();
    connected_ = false;
  }

  void connect() {
    if (connected_)
      close();
    boost::asio::ip::tcp::resolver resolver(*ioc_);
    auto endpoints = resolver.resolve(host_, std::to_string(port_));
    check(run([&](auto handler) { stream_->async_connect(endpoints, handler); }), "connect");
    connected_ = true;
    ++connections_;
  }

 private:
  void ensure_connected() {
    if (!connected_)
      connect();
  }

  void check(const boost::beast::error_code& ec, const char* what) {
    if (ec) {
      const bool timed_out = ec == boost::beast::error::timeout;
      close();
      throw std::runtime_error(std::string(what) + (timed_out ? " timed out" : " failed: ") +
                               (timed_out ? "" : ec.message()));
    }
  }

  // Runs one asynchronous operation to completion under the client's timeout.
  template <typename Start>
  boost::beast::error_code run(Start&& start) {
    boost::beast::error_code result = boost::asio::error::would_block;
    stream_->expires_after(timeout_);
    start([&result](boost::beast::error_code ec, auto&&...) { result = ec; });
    ioc_->restart();
    ioc_->run();
    return result;
  }

  void remember_cookie(const std::string& set_cookie) {
    const size_t semi = set_cookie.find(';');
    const std::string pair = set_cookie.substr(0, semi);
    const size_t eq = pair.find('=');
    if (eq == std::string::npos)
      return;
    const std::string name = pair.substr(0, eq), value = pair.substr(eq + 1);
    std::string attrs = semi == std::string::npos ? "" : set_cookie.substr(semi);
    for (char& c : attrs)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (value.empty() || attrs.find("max-age=0") != std::string::npos)
      cookies_.erase(name);
    else
      cookies_[name] = value;
  }

  std::string host_;
  uint16_t port_;
  std::unique_ptr<boost::asio::io_context> ioc_;  // by pointer: the client can be moved
  std::unique_ptr<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
  std::chrono::milliseconds timeout_{5000};
  bool connected_ = false;
  int connections_ = 0;
  std::map<std::string, std::string> default_headers_;
  std::map<std::string, std::string> cookies_;
};

}  // namespace mandate::test_support
