#pragma once
#include <string_view>
#include <vector>

namespace mandate::store {

// A file compiled into the binary (see cmake/embed_files.cmake).
struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

}  // namespace mandate::store
