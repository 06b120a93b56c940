// The server, black-box: a real `mandate serve` on a free port, spoken to over
// TCP. Limits, timeouts, keep-alive, shutdown, headers, metrics, access log
// and static files.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "../support/http_client.hpp"
#include "../support/http_expect.hpp"
#include "../support/server_process.hpp"

namespace mandate {
namespace {

using namespace std::chrono_literals;
using test_support::expect_error;
using test_support::expect_security_headers;
using test_support::HttpClient;
using test_support::HttpResponse;
using test_support::ServerOptions;
using test_support::ServerProcess;
using Clock = std::chrono::steady_clock;

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

ServerOptions with_args(std::vector<std::string> args) {
  ServerOptions o;
  o.args = std::move(args);
  return o;
}

// One server for the tests that only make requests.
class Server : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new ServerProcess(); }
  static void TearDownTestSuite() {
    delete server;
    server = nullptr;
  }
  static ServerProcess* server;
  HttpClient client{server->port()};
};
ServerProcess* Server::server = nullptr;

TEST_F(Server, HealthzAndHeaders) {
  HttpResponse r = client.get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json(), boost::json::parse(R"({"status":"ok"})"));
  EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(r.header("Content-Length"), std::to_string(r.body.size()));
  expect_security_headers(r);
  HttpResponse head = client.head("/healthz");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("Content-Length"), r.header("Content-Length"));
}

TEST_F(Server, NotFoundIsJsonInBothLanguages) {
  HttpResponse r = client.get("/api/v1/no-such-thing");
  expect_error(r, 404, "http.not_found");
  auto m = r.json().as_object()["error"].as_object()["message"].as_object();
  EXPECT_EQ(m["vi"], "Không có tài nguyên tại \"/api/v1/no-such-thing\"");
  EXPECT_EQ(m["en"], "There is no resource at \"/api/v1/no-such-thing\"");
  // Without a web root every unknown path is a JSON 404.
  expect_error(client.get("/units/LS"), 404, "http.not_found");
}

TEST_F(Server, MethodNotAllowedListsTheAllowedOnes) {
  HttpResponse r = client.request("POST", "/healthz", "{}");
  expect_error(r, 405, "http.method_not_allowed");
  EXPECT_EQ(r.header("Allow"), "GET, HEAD");
  EXPECT_TRUE(r.keep_alive);
}

TEST_F(Server, KeepAliveServesManyRequestsOnOneConnection) {
  for (int i = 0; i < 5; ++i) {
    HttpResponse r = client.get(i % 2 ? "/healthz" : "/nothing");
    EXPECT_TRUE(r.keep_alive);
  }
  EXPECT_EQ(client.connections(), 1);
  EXPECT_TRUE(client.connected());
}

TEST_F(Server, PipelinedRequestsAreAnsweredInOrder) {
  client.send_raw(
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(client.read_response().status, 200);
  EXPECT_EQ(client.read_response().status, 404);
  EXPECT_EQ(client.read_response().status, 200);
}

TEST_F(Server, ConnectionCloseIsHonoured) {
  HttpResponse r = client.get("/healthz", {{"Connection", "close"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.keep_alive);
  EXPECT_EQ(r.header("Connection"), "close");
  client.connect();
  client.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(client.read_response().status, 200);
  // HTTP/1.0 closes unless asked otherwise.
  client.connect();
  client.send_raw("GET /healthz HTTP/1.0\r\n\r\n");
  HttpResponse old = client.read_response();
  EXPECT_EQ(old.status, 200);
  EXPECT_EQ(old.version, 10u);
  EXPECT_FALSE(old.keep_alive);
}

TEST_F(Server, HeaderAtTheLimitPassesAndBeyondIs431) {
  // 16 KiB of header in all: a request a little under passes.
  HttpResponse ok = client.get("/healthz", {{"X-Pad", std::string(15 * 1024, 'a')}});
  EXPECT_EQ(ok.status, 200);
  HttpResponse r = client.get("/healthz", {{"X-Pad", std::string(17 * 1024, 'a')}});
  expect_error(r, 431, "http.header_too_large");
  EXPECT_FALSE(r.keep_alive);
  EXPECT_TRUE(client.wait_closed(2s));
}

TEST_F(Server, BodyAtTheLimitIsReadAndOneByteMoreIs413) {
  const size_t limit = 8 * 1024 * 1024;
  // Exactly the limit: read in full, then routed (GET only here: 405).
  HttpResponse at = client.request("POST", "/healthz", std::string(limit, 'x'));
  EXPECT_EQ(at.status, 405);
  EXPECT_TRUE(at.keep_alive);
  // One byte more: refused from the Content-Length alone, before the body.
  client.send_raw("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                  std::to_string(limit + 1) + "\r\n\r\nxxxx");
  HttpResponse r = client.read_response();
  expect_error(r, 413, "http.body_too_large");
  EXPECT_FALSE(r.keep_alive);
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(Server, ExpectContinue) {
  client.send_raw(
      "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
  HttpResponse cont = client.read_response();
  EXPECT_EQ(cont.status, 100);
  client.send_raw("{}");
  EXPECT_EQ(client.read_response().status, 405);
  // Too large: the final status at once, no 100.
  client.send_raw(
      "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.read_response().status, 413);
}

TEST_F(Server, TraversalTargetsAre400BeforeRouting) {
  for (const char* target : {"/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
                             "/api/v1/../../x", "/./healthz", "/healthz/..", "/a/%2e/b"}) {
    HttpResponse r = client.get(target);
    expect_error(r, 400, "http.bad_target");
    EXPECT_TRUE(r.keep_alive) << target;
  }
  for (const char* target : {"*", "http://example.com/healthz", "healthz"}) {
    client.connect();
    expect_error(client.get(target), 400, "http.bad_target");
  }
}

TEST_F(Server, PercentDecodingAndQuery) {
  // Encoded characters of a known path are decoded before routing.
  EXPECT_EQ(client.get("/health%7A").status, 200);
  EXPECT_EQ(client.get("/healthz?x=1&y=%C3%A1+b").status, 200);
}

TEST_F(Server, MalformedRequestIs400AndClosed) {
  client.send_raw("GARBAGE\r\n\r\n");
  HttpResponse r = client.read_response();
  expect_error(r, 400, "http.bad_request");
  EXPECT_FALSE(r.keep_alive);
  EXPECT_TRUE(client.wait_closed(3s));

  client.connect();
  client.send_raw("GET /healthz HTTP/1.1\r\nHost x\r\n\r\n");  // header without a colon
  expect_error(client.read_response(), 400, "http.bad_request");
  EXPECT_TRUE(client.wait_closed(3s));

  client.connect();
  client.send_raw("GET /healthz HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
  expect_error(client.read_response(), 400, "http.bad_request");
}

TEST_F(Server, MetricsCountRoutesAndStatuses) {
  client.get("/healthz");
  client.get("/healthz");
  client.get("/nothing/at/all");
  client.get("/../x");
  HttpResponse r = client.get("/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& m = r.body;
  EXPECT_TRUE(contains(m, "# TYPE mandate_http_requests_total counter\n")) << m;
  EXPECT_TRUE(contains(m, "# TYPE mandate_http_request_duration_seconds histogram\n")) << m;
  EXPECT_TRUE(contains(m, "# TYPE mandate_http_requests_in_flight gauge\n")) << m;
  EXPECT_TRUE(contains(m, "# TYPE mandate_db_seconds_total counter\n")) << m;
  EXPECT_TRUE(
      contains(m, "mandate_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}"))
      << m;
  EXPECT_TRUE(contains(m, "route=\"(unmatched)\",method=\"GET\",status=\"404\"")) << m;
  EXPECT_TRUE(contains(m, "route=\"(invalid)\",method=\"GET\",status=\"400\"")) << m;
  EXPECT_TRUE(contains(m,
                       "mandate_http_request_duration_seconds_bucket{route=\"/healthz\","
                       "method=\"GET\",le=\"+Inf\"}"))
      << m;
  // Raw paths never become labels.
  EXPECT_FALSE(contains(m, "/nothing/at/all")) << m;
  // This request is in flight while the text is made.
  EXPECT_TRUE(contains(m, "mandate_http_requests_in_flight 1\n")) << m;
}

TEST_F(Server, AccessLogIsOneJsonLinePerRequestWithoutSecrets) {
  client.get("/healthz?lang=vi&password=hunter2&token=tok123",
             {{"Cookie", "mandate_session=cookie-secret"},
              {"Authorization", "Bearer bearer-secret"},
              {"X-Marker", "access-log-test"}});
  ASSERT_TRUE(server->wait_for_output("password=***"));
  const std::string out = server->output();
  EXPECT_FALSE(contains(out, "hunter2"));
  EXPECT_FALSE(contains(out, "tok123"));
  EXPECT_FALSE(contains(out, "cookie-secret"));
  EXPECT_FALSE(contains(out, "bearer-secret"));
  std::istringstream lines(out);
  std::string line;
  bool found = false;
  while (std::getline(lines, line)) {
    if (!contains(line, "password=***"))
      continue;
    auto o = boost::json::parse(line).as_object();
    EXPECT_EQ(o["method"], "GET");
    EXPECT_EQ(o["route"], "/healthz");
    EXPECT_EQ(o["path"], "/healthz");
    EXPECT_EQ(o["query"], "lang=vi&password=***&token=***");
    EXPECT_EQ(o["status"], 200);
    EXPECT_EQ(o["remote"], "127.0.0.1");
    EXPECT_GT(o["bytes"].as_int64(), 0);
    EXPECT_TRUE(o["duration_ms"].is_number());
    EXPECT_TRUE(o.contains("time"));
    found = true;
  }
  EXPECT_TRUE(found) << out;
}

// Tests that need their own server (options, signals).

TEST(ServerTimeouts, StalledClientIsDisconnectedAndDoesNotBlockOthers) {
  ServerProcess server(with_args({"--threads", "1", "--read-timeout-ms", "400"}));
  HttpClient slow(server.port());
  slow.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Half: ");
  const auto start = Clock::now();
  // Meanwhile, on the same single thread, others are served at once.
  HttpClient other(server.port());
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(other.get("/healthz").status, 200);
  EXPECT_LT(Clock::now() - start, 300ms);
  EXPECT_TRUE(slow.wait_closed(3s));
  const auto waited = Clock::now() - start;
  EXPECT_GE(waited, 350ms);
  EXPECT_LT(waited, 2500ms);
  // A connection that never sends anything is closed after the read timeout too.
  HttpClient silent(server.port());
  silent.connect();
  EXPECT_TRUE(silent.wait_closed(3s));
}

// Sends bytes one at a time, every 50 ms, on a raw connection until the
// server closes it; meanwhile other requests, on the server's single thread,
// must be answered at once. Returns how long the server let the trickle go on.
Clock::duration trickle_until_closed(uint16_t port, const std::string& start, HttpClient& other) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const auto began = Clock::now();
  bool closed = ::send(fd, start.data(), start.size(), MSG_NOSIGNAL) < 0;
  while (!closed && Clock::now() - began < 5s) {
    closed = ::send(fd, "a", 1, MSG_NOSIGNAL) < 0;
    pollfd p{fd, POLLIN, 0};
    if (!closed && ::poll(&p, 1, 50) > 0) {
      char buf[512];
      closed = ::recv(fd, buf, sizeof buf, 0) <= 0;  // end of stream or reset
    }
    const auto asked = Clock::now();
    EXPECT_EQ(other.get("/healthz").status, 200);
    EXPECT_LT(Clock::now() - asked, 300ms) << "a trickling client held up another";
  }
  ::close(fd);
  EXPECT_TRUE(closed) << "still open after 5 s of trickling";
  return Clock::now() - began;
}

// Sending a byte now and then does not extend the read timeout: it runs from
// the request's first byte to its last, header and body alike.
TEST(ServerTimeouts, TricklingHeadersAreCutOffAtTheReadTimeout) {
  ServerProcess server(with_args({"--threads", "1", "--read-timeout-ms", "500"}));
  HttpClient other(server.port());
  const auto lasted =
      trickle_until_closed(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: ", other);
  EXPECT_GE(lasted, 450ms);
  EXPECT_LT(lasted, 2500ms);
}

TEST(ServerTimeouts, TricklingBodyIsCutOffAtTheReadTimeout) {
  ServerProcess server(with_args({"--threads", "1", "--read-timeout-ms", "500"}));
  HttpClient other(server.port());
  const auto lasted = trickle_until_closed(server.port(),
                                           "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                                           "Content-Type: application/json\r\n"
                                           "Content-Length: 100000\r\n\r\n{",
                                           other);
  EXPECT_GE(lasted, 450ms);
  EXPECT_LT(lasted, 2500ms);
}

TEST(ServerTimeouts, IdleKeepAliveConnectionIsClosed) {
  ServerProcess server(with_args({"--idle-timeout-ms", "300"}));
  HttpClient client(server.port());
  EXPECT_EQ(client.get("/healthz").status, 200);
  const auto start = Clock::now();
  EXPECT_TRUE(client.wait_closed(3s));
  EXPECT_GE(Clock::now() - start, 250ms);
}

TEST(ServerShutdown, SigtermWithIdleConnectionsExitsPromptly) {
  ServerProcess server;
  HttpClient a(server.port()), b(server.port());
  EXPECT_EQ(a.get("/healthz").status, 200);
  EXPECT_EQ(b.get("/healthz").status, 200);
  const auto start = Clock::now();
  EXPECT_EQ(server.stop(SIGTERM, 5s), 0);
  EXPECT_LT(Clock::now() - start, 2s);  // well under the 10 s deadline and idle timeout
  EXPECT_TRUE(a.wait_closed(1s));
  EXPECT_TRUE(b.wait_closed(1s));
}

TEST(ServerShutdown, SigintAlsoStops) {
  ServerProcess server;
  EXPECT_EQ(server.stop(SIGINT, 5s), 0);
}

TEST(ServerShutdown, RequestInProgressFinishesAfterSigterm) {
  ServerProcess server;
  HttpClient client(server.port());
  EXPECT_EQ(client.get("/healthz").status, 200);
  client.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345");
  std::this_thread::sleep_for(100ms);
  ::kill(server.pid(), SIGTERM);
  std::this_thread::sleep_for(300ms);
  EXPECT_TRUE(server.running());  // waiting for the request to finish
  client.send_raw("67890");
  HttpResponse r = client.read_response();
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.keep_alive);  // the last response of the connection
  EXPECT_EQ(server.wait_exit(5s), 0);
  // No new connections once stopped.
  HttpClient late(server.port());
  EXPECT_THROW(late.connect(), std::runtime_error);
}

TEST(ServerShutdown, DeadlineClosesWhatIsLeft) {
  ServerProcess server(with_args({"--shutdown-deadline-ms", "300", "--read-timeout-ms", "30000"}));
  HttpClient client(server.port());
  client.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n123");
  std::this_thread::sleep_for(100ms);
  const auto start = Clock::now();
  EXPECT_EQ(server.stop(SIGTERM, 5s), 0);
  const auto took = Clock::now() - start;
  EXPECT_GE(took, 250ms);
  EXPECT_LT(took, 3s);
  EXPECT_TRUE(client.wait_closed(1s));
}

TEST(ServerStart, PrintsWhereItListens) {
  ServerProcess server;
  const std::string out = server.output();
  const std::string url = "http://127.0.0.1:" + std::to_string(server.port());
  EXPECT_TRUE(contains(out, "Mandate đang chạy tại " + url + " / Mandate is listening on " + url))
      << out;
}

// Runs `mandate ...` and returns {exit code, stdout + stderr}.
std::pair<int, std::string> run_mandate(const std::string& args) {
  const std::string cmd = std::string(MANDATE_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0)
    out.append(buf, n);
  const int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

TEST(ServerStart, BadArgumentsAreClearErrors) {
  ServerProcess server;
  auto [code, out] = run_mandate("serve --db " + server.db() +
                                 " --listen 127.0.0.1:" + std::to_string(server.port()));
  EXPECT_EQ(code, 7) << out;  // unavailable: the port is taken
  EXPECT_TRUE(contains(out, "Cannot listen on 127.0.0.1:" + std::to_string(server.port()))) << out;
  std::tie(code, out) = run_mandate("serve --db " + server.db() + " --listen nonsense");
  EXPECT_EQ(code, 3) << out;
  EXPECT_TRUE(contains(out, "The listen address \"nonsense\" is not valid")) << out;
  std::tie(code, out) = run_mandate("serve --db " + server.db() + " --listen 127.0.0.1:99999");
  EXPECT_EQ(code, 3) << out;
  std::tie(code, out) =
      run_mandate("serve --db " + server.db() + " --listen 127.0.0.1:0 --web-root /no/such/dir");
  EXPECT_EQ(code, 7) << out;
  EXPECT_TRUE(contains(out, "/no/such/dir")) << out;
}

// The web interface's files through the server.
class ServerStatic : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    namespace fs = std::filesystem;
    web = new test_support::TempDir();
    const fs::path root = web->path() / "dist";
    auto write = [](const fs::path& p, const std::string& text) {
      fs::create_directories(p.parent_path());
      std::ofstream(p, std::ios::binary) << text;
    };
    write(root / "index.html", "<!doctype html><title>Mandate</title>");
    write(root / "assets/index-4f2a9c.js", "console.log('mandate')");
    write(root / "assets/index-4f2a9c.css", "body{margin:0}");
    write(root / "favicon.ico", "ico");
    write(web->path() / "secret.txt", "outside the root");
    fs::create_symlink(web->path() / "secret.txt", root / "link-out.txt");
    server = new ServerProcess(with_args({"--web-root", root.string()}));
  }
  static void TearDownTestSuite() {
    delete server;
    delete web;
  }
  static test_support::TempDir* web;
  static ServerProcess* server;
  HttpClient client{server->port()};
};
test_support::TempDir* ServerStatic::web = nullptr;
ServerProcess* ServerStatic::server = nullptr;

TEST_F(ServerStatic, FilesWithTypesAndCaching) {
  HttpResponse index = client.get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("Cache-Control"), "no-cache");
  EXPECT_TRUE(contains(index.body, "<title>Mandate</title>"));
  expect_security_headers(index);

  HttpResponse js = client.get("/assets/index-4f2a9c.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.header("Cache-Control"), "public, max-age=31536000, immutable");
  expect_security_headers(js);
  EXPECT_EQ(client.get("/assets/index-4f2a9c.css").header("Content-Type"),
            "text/css; charset=utf-8");
  EXPECT_EQ(client.get("/favicon.ico").header("Content-Type"), "image/x-icon");

  HttpResponse head = client.head("/assets/index-4f2a9c.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("Content-Length"), std::to_string(js.body.size()));

  HttpResponse again =
      client.get("/assets/index-4f2a9c.js", {{"If-None-Match", js.header("ETag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_TRUE(again.keep_alive);
  EXPECT_EQ(client.get("/healthz").status, 200);  // the connection is still usable
}

TEST_F(ServerStatic, SinglePageAppFallbackButNotForApiOrFiles) {
  HttpResponse route = client.get("/units/LS");
  EXPECT_EQ(route.status, 200);
  EXPECT_TRUE(contains(route.body, "<title>Mandate</title>"));
  EXPECT_EQ(route.header("Cache-Control"), "no-cache");
  expect_error(client.get("/missing.png"), 404, "http.not_found");
  expect_error(client.get("/api/v1/nothing"), 404, "http.not_found");
  // Server routes still win.
  EXPECT_EQ(client.get("/healthz").json().as_object()["status"], "ok");
  HttpResponse post = client.request("POST", "/units/LS", "{}");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.header("Allow"), "GET, HEAD");
}

TEST_F(ServerStatic, TraversalIsRefused) {
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/link-out.txt",
        "/%2fetc%2fpasswd", "/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/.%2e/secret.txt"}) {
    client.connect();
    HttpResponse r = client.get(target);
    EXPECT_TRUE(r.status == 400 || r.status == 404) << target << " -> " << r.status;
    EXPECT_FALSE(contains(r.body, "outside the root")) << target;
    EXPECT_FALSE(contains(r.body, "root:")) << target;
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8") << target;
  }
}

}  // namespace
}  // namespace mandate
