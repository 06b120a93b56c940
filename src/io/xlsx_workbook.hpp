#pragma once
// A libxlsxwriter workbook. The library writes files only, so it writes a
// private temporary file (in TMPDIR), read back as bytes and removed.
#include <string>

struct lxw_workbook;

namespace mandate::io {

class XlsxWorkbook {
 public:
  // Throws Error(unavailable, "xlsx.write_failed").
  XlsxWorkbook();
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  lxw_workbook* get() { return book_; }
  // Closes the workbook and returns the file's bytes. Throws
  // Error(unavailable, "xlsx.write_failed") with libxlsxwriter's reason.
  std::string bytes();

 private:
  std::string path_;
  lxw_workbook* book_ = nullptr;
};

}  // namespace mandate::io
