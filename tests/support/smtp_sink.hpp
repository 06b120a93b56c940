#pragma once
// A local SMTP server for the e-mail tests: tests/support/smtp_sink.py
// (python3-aiosmtpd) in a child process, writing each message it receives,
// decoded, to a folder as JSON; messages() reads them back.
//
//   SmtpSink sink;                                     // listening at sink.url()
//   ... send ...
//   auto mails = sink.wait_for(2);                      // the first two messages
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.hpp"

namespace mandate::test_support {

class SmtpSink {
 public:
  SmtpSink() {
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0)
      throw std::runtime_error("pipe");
    const std::string script = std::string(MANDATE_SOURCE_DIR) + "/tests/support/smtp_sink.py";
    const std::string folder = dir_.path().string();
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlives the test
      dup2(to_child[0], 0);
      dup2(from_child[1], 1);
      close(to_child[1]);
      close(from_child[0]);
      // Debian's Python, where python3-aiosmtpd is installed, whatever PATH says.
      execl("/usr/bin/python3", "python3", script.c_str(), folder.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    stdin_ = to_child[1];
    std::string line;
    char c;
    while (read(from_child[0], &c, 1) == 1 && c != '\n')
      line += c;
    close(from_child[0]);
    if (line.empty())
      throw std::runtime_error("the SMTP sink did not start (is python3-aiosmtpd installed?)");
    port_ = std::stoi(line);
  }
  ~SmtpSink() {
    close(stdin_);  // the script stops when its input closes
    int status = 0;
    for (int i = 0; i < 50; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_)
        return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // The messages received so far, in order.
  std::vector<boost::json::object> messages() const {
    std::set<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir_.path()))
      if (e.path().extension() == ".json")
        files.insert(e.path());
    std::vector<boost::json::object> out;
    for (const auto& f : files) {
      std::ifstream in(f);
      std::stringstream text;
      text << in.rdbuf();
      out.push_back(boost::json::parse(text.str()).as_object());
    }
    return out;
  }
  // Waits (up to a deadline) until at least n messages have arrived.
  std::vector<boost::json::object> wait_for(
      size_t n, std::chrono::milliseconds deadline = std::chrono::seconds(20)) const {
    const auto until = std::chrono::steady_clock::now() + deadline;
    auto got = messages();
    while (got.size() < n && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      got = messages();
    }
    return got;
  }

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  int stdin_ = -1;
  int port_ = 0;
};

}  // namespace mandate::test_support
