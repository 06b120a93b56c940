// CSV as it is imported: io::read_csv_rows (libcsv, strict), the DHIS2 CSV
// data values (io::dhis2::read_csv) and the data-entry table
// (io::read_entry_csv). The first byte picks the header rule of the DHIS2
// reader. DHIS2 values read are written back (write_csv) and read again to
// the same values.
#include <optional>
#include <string>

#include "check.hpp"
#include "core/error.hpp"
#include "io/csv_rows.hpp"
#include "io/data_entry_table.hpp"
#include "io/dhis2_data_value_set.hpp"

namespace io = mandate::io;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0)
    return 0;
  const std::optional<bool> header =
      data[0] % 3 == 0 ? std::nullopt : std::optional<bool>(data[0] % 3 == 1);
  const std::string_view text = mandate::fuzz::as_text(data + 1, size - 1);
  try {
    (void)io::read_csv_rows(text);
  } catch (const mandate::core::Error&) {
  }
  try {
    const io::dhis2::DataValueSet set = io::dhis2::read_csv(text, header);
    const std::string written = io::dhis2::write_csv(set.values);
    const io::dhis2::DataValueSet again = io::dhis2::read_csv(written, true);
    MANDATE_FUZZ_CHECK(again.values.size() == set.values.size());
    MANDATE_FUZZ_CHECK(io::dhis2::write_csv(again.values) == written);
  } catch (const mandate::core::Error&) {
  }
  try {
    (void)io::read_entry_csv(text);
  } catch (const mandate::core::Error&) {
  }
  return 0;
}
