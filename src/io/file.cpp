#include "io/file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace mandate::io {

using core::Error;
using core::ErrorCategory;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorCategory::unavailable, "file.unreadable", {path, std::strerror(errno)});
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad())
    throw Error(ErrorCategory::unavailable, "file.unreadable", {path, std::strerror(errno)});
  return ss.str();
}

void write_file_atomic(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp";
  auto fail = [&](int err) {
    ::unlink(tmp.c_str());
    throw Error(ErrorCategory::unavailable, "file.unwritable", {path, std::strerror(err)});
  };
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    fail(errno);
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      const int err = errno;
      ::close(fd);
      fail(err);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0)
    fail(errno);
  if (::rename(tmp.c_str(), path.c_str()) != 0)
    fail(errno);
}

}  // namespace mandate::io
