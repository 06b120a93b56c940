#pragma once
// An in-memory zip archive (libzip): entries added in order, then the bytes.
#include <memory>
#include <string>
#include <vector>

namespace mandate::report {

class ZipWriter {
 public:
  void add(std::string name, std::string content);
  // The archive. Throws Error(internal, "report.render.failed") if libzip fails.
  std::string finish() const;

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace mandate::report
