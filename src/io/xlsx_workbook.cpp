#include "io/xlsx_workbook.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>

#include "core/error.hpp"
#include "io/file.hpp"

namespace mandate::io {

XlsxWorkbook::XlsxWorkbook() {
  path_ = (std::filesystem::temp_directory_path() / "mandate-xlsx-XXXXXX").string();
  const int fd = mkstemp(path_.data());
  if (fd < 0)
    throw core::Error(core::ErrorCategory::unavailable, "xlsx.write_failed", {path_});
  ::close(fd);
  book_ = workbook_new(path_.c_str());
  if (!book_) {
    ::unlink(path_.c_str());
    throw core::Error(core::ErrorCategory::unavailable, "xlsx.write_failed", {path_});
  }
}

XlsxWorkbook::~XlsxWorkbook() {
  if (book_)
    workbook_close(book_);
  ::unlink(path_.c_str());
}

std::string XlsxWorkbook::bytes() {
  const lxw_error e = workbook_close(book_);
  book_ = nullptr;
  if (e != LXW_NO_ERROR)
    throw core::Error(core::ErrorCategory::unavailable, "xlsx.write_failed", {lxw_strerror(e)});
  return read_file(path_);
}

}  // namespace mandate::io
