#include "io/content_type.hpp"

#include <magic.h>

#include "core/error.hpp"

namespace mandate::io {
namespace {

// A magic cookie is not thread-safe; one per thread, loaded once.
struct Cookie {
  magic_t handle = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
  bool loaded = handle && magic_load(handle, nullptr) == 0;
  ~Cookie() {
    if (handle)
      magic_close(handle);
  }
};

}  // namespace

std::string detect_content_type(std::string_view bytes) {
  thread_local Cookie cookie;
  if (!cookie.loaded)
    throw core::Error(core::ErrorCategory::internal, "attachment.detect_failed",
                      {cookie.handle ? magic_error(cookie.handle) : "magic_open"});
  const char* type = magic_buffer(cookie.handle, bytes.data(), bytes.size());
  if (!type)
    throw core::Error(core::ErrorCategory::internal, "attachment.detect_failed",
                      {magic_error(cookie.handle) ? magic_error(cookie.handle) : "?"});
  return type;
}

}  // namespace mandate::io
