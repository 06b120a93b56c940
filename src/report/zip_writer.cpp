#include "report/zip_writer.hpp"

#include <zip.h>

#include "core/error.hpp"

namespace mandate::report {
namespace {

[[noreturn]] void fail(const char* what) {
  throw core::Error(core::ErrorCategory::internal, "report.render.failed", {"ZIP", what});
}

}  // namespace

void ZipWriter::add(std::string name, std::string content) {
  entries_.emplace_back(std::move(name), std::move(content));
}

std::string ZipWriter::finish() const {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer)
    fail(zip_error_strerror(&error));
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    fail(zip_error_strerror(&error));
  }
  zip_source_keep(buffer);  // read back after zip_close
  for (const auto& [name, content] : entries_) {
    zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!s || zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(s);
      zip_discard(archive);
      zip_source_free(buffer);
      fail("add");
    }
  }
  if (zip_close(archive) < 0) {
    zip_discard(archive);
    zip_source_free(buffer);
    fail("close");
  }
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) < 0 || zip_source_open(buffer) < 0) {
    zip_source_free(buffer);
    fail("read");
  }
  out.resize(st.size);
  const zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    fail("read");
  return out;
}

}  // namespace mandate::report
