#pragma once
// Runs the real `mandate serve` as a child process on a free port against a
// temporary database, for black-box HTTP tests:
//
//   ServerProcess server;                       // demo database, default options
//   HttpClient client(server.port());
//   ...
//   EXPECT_EQ(server.stop(), 0);                // SIGTERM, wait, exit code
//
// The demo database is made once per build (`mandate demo`, cached next to the
// test binary, keyed by the mandate binary's size and time) and copied for each
// server. Standard output (the start-up line, the access log) is captured and
// can be read with output(); standard error passes through.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "run_command.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"

namespace mandate::test_support {

struct ServerOptions {
  enum class Database { demo, empty };
  Database database = Database::demo;
  std::vector<std::string> args;  // more arguments for `serve`, e.g. {"--threads", "1"}
  // A database another ServerProcess made (its db()): this one serves it too,
  // as a second application server, and leaves it to its maker.
  std::string shared_db;
  std::string binary =
#ifdef MANDATE_BINARY
      MANDATE_BINARY;
#else
      "mandate";
#endif
  std::string cache_dir =  // where the demo database template is kept
#ifdef MANDATE_TEST_CACHE_DIR
      MANDATE_TEST_CACHE_DIR;
#else
      std::filesystem::temp_directory_path().string();
#endif
  std::chrono::milliseconds start_timeout{15000};
};

namespace detail {

// The mandate binary's size and time: demo templates are rebuilt when it changes.
inline std::string binary_key(const ServerOptions& options) {
  struct stat st {};
  if (::stat(options.binary.c_str(), &st) != 0)
    throw std::runtime_error("mandate binary not found: " + options.binary);
  return std::to_string(st.st_size) + "_" + std::to_string(st.st_mtim.tv_sec) + "_" +
         std::to_string(st.st_mtim.tv_nsec / 1000);
}

// A PostgreSQL database with the demo loaded, made once per cluster and then copied.
inline std::string demo_postgresql_template(const ServerOptions& options) {
  return postgresql_template("demo_" + binary_key(options), options.cache_dir,
                             [&](const std::string& location) {
                               if (run_command({options.binary, "demo", "--db", location}) != 0)
                                 throw std::runtime_error("`mandate demo` failed on " + location);
                             });
}

// A database file with the demo loaded, made once and then copied.
inline std::filesystem::path demo_template(const ServerOptions& options) {
  namespace fs = std::filesystem;
  const fs::path path =
      fs::path(options.cache_dir) / ("mandate-demo-" + binary_key(options) + ".db");
  if (fs::exists(path))
    return path;
  // Built beside the final name and renamed, so parallel tests never see half a file.
  TempDir work;
  const std::string db = work.file("demo.db");
  if (run_command({options.binary, "demo", "--db", db}) != 0)
    throw std::runtime_error("`mandate demo` failed");
  std::error_code ec;
  const fs::path partial = path.string() + "." + std::to_string(::getpid()) + ".tmp";
  fs::copy_file(db, partial, fs::copy_options::overwrite_existing, ec);
  if (!ec)
    fs::rename(partial, path, ec);
  if (ec)
    throw std::runtime_error("cannot cache the demo database: " + ec.message());
  // Templates of earlier builds are of no more use.
  for (const auto& entry : fs::directory_iterator(options.cache_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("mandate-demo-") && name.ends_with(".db") && entry.path() != path)
      fs::remove(entry.path(), ec);
  }
  return path;
}

}  // namespace detail

class ServerProcess {
 public:
  explicit ServerProcess(ServerOptions options = {}) : options_(std::move(options)) {
    if (!options_.shared_db.empty()) {
      db_ = options_.shared_db;
      start();
      return;
    }
    const bool demo = options_.database == ServerOptions::Database::demo;
    database_.emplace(dir_, "server.db",
                      demo && on_postgresql() ? detail::demo_postgresql_template(options_) : "");
    db_ = database_->location();
    if (demo && !on_postgresql()) {
      std::filesystem::copy_file(detail::demo_template(options_), db_);
    } else if (!demo && run_command({options_.binary, "init", "--db", db_}) != 0) {
      throw std::runtime_error("`mandate init` failed");
    }
    start();
  }

  ~ServerProcess() {
    if (pid_ > 0 && !exit_code_) {
      if (!stop(SIGTERM, std::chrono::seconds(15))) {
        ::kill(pid_, SIGKILL);
        wait_exit(std::chrono::seconds(5));
      }
    }
    if (reader_.joinable())
      reader_.join();
  }

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& db() const { return db_; }  // a file path or a postgresql:// location
  const TempDir& dir() const { return dir_; }

  // Sends the signal and waits for the exit. The exit code, -N for death by
  // signal N, or nothing when the process is still running after timeout.
  std::optional<int> stop(int signal = SIGTERM,
                          std::chrono::milliseconds timeout = std::chrono::seconds(15)) {
    if (exit_code_)
      return exit_code_;
    ::kill(pid_, signal);
    return wait_exit(timeout);
  }

  std::optional<int> wait_exit(std::chrono::milliseconds timeout) {
    if (exit_code_)
      return exit_code_;
    const auto until = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      int status = 0;
      const pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
        return exit_code_;
      }
      if (std::chrono::steady_clock::now() >= until)
        return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  bool running() { return !wait_exit(std::chrono::milliseconds(0)); }

  // Everything written to standard output so far.
  std::string output() const {
    std::lock_guard lock(mutex_);
    return output_;
  }

  // Waits until the output contains needle.
  bool wait_for_output(const std::string& needle,
                       std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
      return output_.find(needle) != std::string::npos || closed_;
    }) && output_.find(needle) != std::string::npos;
  }

 private:
  void start() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
      throw std::runtime_error("pipe failed");
    std::vector<std::string> argv = {options_.binary, "serve",      "--db", db_,
                                     "--listen",      "127.0.0.1:0"};
    argv.insert(argv.end(), options_.args.begin(), options_.args.end());
    std::vector<char*> args;
    for (auto& a : argv)
      args.push_back(a.data());
    args.push_back(nullptr);
    // fork + exec rather than posix_spawn, to ask for SIGKILL when the test
    // process dies: a test killed by ctest's timeout leaves no server behind.
    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent)
        ::_exit(127);
      ::dup2(fds[1], 1);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    if (pid_ < 0) {
      ::close(fds[0]);
      throw std::runtime_error("cannot start " + options_.binary);
    }
    reader_ = std::thread([this, fd = fds[0]] {
      char buf[4096];
      for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
          continue;
        std::lock_guard lock(mutex_);
        if (n <= 0) {
          closed_ = true;
          changed_.notify_all();
          break;
        }
        output_.append(buf, static_cast<size_t>(n));
        changed_.notify_all();
      }
      ::close(fd);
    });

    // "Mandate đang chạy tại http://127.0.0.1:PORT / Mandate is listening on http://127.0.0.1:PORT"
    static const std::regex kUrl(R"(http://127\.0\.0\.1:(\d+))");
    std::unique_lock lock(mutex_);
    std::smatch m;
    const bool started = changed_.wait_for(lock, options_.start_timeout, [&] {
      return std::regex_search(output_, m, kUrl) || closed_;
    });
    if (!started || m.empty()) {
      const std::string out = output_;
      lock.unlock();
      if (!wait_exit(std::chrono::milliseconds(0))) {
        ::kill(pid_, SIGKILL);
        wait_exit(std::chrono::seconds(5));
      }
      if (reader_.joinable())
        reader_.join();
      throw std::runtime_error("the server did not start; output: " + out);
    }
    port_ = static_cast<uint16_t>(std::stoi(m[1].str()));
  }

  ServerOptions options_;
  TempDir dir_;
  std::optional<TestDatabase> database_;  // dropped after the server stopped (see ~ServerProcess)
  std::string db_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  std::optional<int> exit_code_;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string output_;
  bool closed_ = false;
};

}  // namespace mandate::test_support
