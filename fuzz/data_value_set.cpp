// DHIS2 dataValueSets in JSON (io::dhis2::read_json), the body of
// POST /api/dataValueSets. A set read is written back (write_json) and read
// again to the same values.
#include <string>

#include "check.hpp"
#include "core/error.hpp"
#include "io/dhis2_data_value_set.hpp"

namespace dhis2 = mandate::io::dhis2;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const dhis2::DataValueSet set = dhis2::read_json(mandate::fuzz::as_text(data, size));
    const std::string written = dhis2::write_json(set.values);
    const dhis2::DataValueSet again = dhis2::read_json(written);
    MANDATE_FUZZ_CHECK(again.values.size() == set.values.size());
    MANDATE_FUZZ_CHECK(dhis2::write_json(again.values) == written);
  } catch (const mandate::core::Error&) {
  }
  return 0;
}
