// XLSX uploads: the zip package (libzip) and its XML parts (pugixml) read by
// io::xlsx::read_sheet within its limits, then the data-entry template reader
// io::read_entry_xlsx. Small limits here, so the fuzzer reaches them.
#include <string>
#include <vector>

#include "check.hpp"
#include "core/error.hpp"
#include "io/data_entry_table.hpp"
#include "io/xlsx_reader.hpp"

namespace io = mandate::io;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = mandate::fuzz::as_text(data, size);
  const std::vector<std::string> names = {io::entry_sheet_name(mandate::core::Lang::vi),
                                          io::entry_sheet_name(mandate::core::Lang::en), "Sheet1"};
  io::xlsx::Limits limits;
  limits.max_entries = 64;
  limits.max_part_bytes = 1u << 20;
  limits.max_total_bytes = 4u << 20;
  limits.max_columns = 32;
  try {
    const io::xlsx::Sheet sheet = io::xlsx::read_sheet(bytes, names, limits);
    size_t line = 0;
    for (const io::xlsx::Row& row : sheet.rows) {
      MANDATE_FUZZ_CHECK(row.line > line);  // in sheet order, 1-based
      MANDATE_FUZZ_CHECK(!row.cells.empty() && row.cells.size() <= limits.max_columns);
      line = row.line;
    }
  } catch (const mandate::core::Error&) {
  }
  try {
    (void)io::read_entry_xlsx(bytes);
  } catch (const mandate::core::Error&) {
  }
  return 0;
}
