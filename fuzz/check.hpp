#pragma once
// What the fuzz targets share: the input as text, and a property check that
// stops the run (libFuzzer then saves the input) when a parser breaks a
// promise its header makes. Rejections by core::Error are the expected answer
// to bad input and are caught by each target; anything else escaping is a
// finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#define MANDATE_FUZZ_CHECK(condition)                                                        \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "property failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

namespace mandate::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace mandate::fuzz
