// The metadata format (io::read_metadata), imported from files and the API.
// A data set read is written (write_metadata) and read again to the same text.
#include <string>

#include "check.hpp"
#include "core/dataset.hpp"
#include "core/error.hpp"
#include "io/metadata_json.hpp"

namespace io = mandate::io;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const mandate::core::Dataset dataset = io::read_metadata(mandate::fuzz::as_text(data, size));
    const std::string written = io::write_metadata(dataset);
    MANDATE_FUZZ_CHECK(io::write_metadata(io::read_metadata(written)) == written);
  } catch (const mandate::core::Error&) {
  }
  return 0;
}
