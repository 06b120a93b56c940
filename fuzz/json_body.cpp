// The JSON request bodies of the API: io::parse_json, then the strict reader of
// the record the route takes (io::from_json for each record type of the
// metadata format, io::task_update_from_json for progress updates). The first
// byte picks the reader, the rest is the body. A record read is written back
// with to_json and read again to the same JSON.
#include <boost/json.hpp>
#include <string>

#include "check.hpp"
#include "core/error.hpp"
#include "io/journal_json.hpp"
#include "io/json_reader.hpp"
#include "io/metadata_json.hpp"

namespace {

namespace core = mandate::core;
namespace io = mandate::io;

// Reads body as Record; when that succeeds, to_json(record) must read back to
// a record that writes the same JSON.
template <typename Record>
void read_record(const boost::json::value& body) {
  Record record;
  io::from_json(body, "", record);
  const boost::json::object written = io::to_json(record);
  Record again;
  io::from_json(written, "", again);
  MANDATE_FUZZ_CHECK(io::to_json(again) == written);
}

void read_body(unsigned char which, const boost::json::value& body) {
  switch (which % 15) {
    case 0:
      return read_record<core::Unit>(body);
    case 1:
      return read_record<core::Field>(body);
    case 2:
      return read_record<core::RatingScale>(body);
    case 3:
      return read_record<core::Indicator>(body);
    case 4:
      return read_record<core::Plan>(body);
    case 5:
      return read_record<core::Target>(body);
    case 6:
      return read_record<core::Task>(body);
    case 7:
      return read_record<core::TaskRating>(body);
    case 8:
      return read_record<core::Activity>(body);
    case 9:
      return read_record<core::Document>(body);
    case 10:
      return read_record<core::UnitChange>(body);
    case 11:
      return read_record<core::Form>(body);
    case 12:
      return read_record<core::ValidationRule>(body);
    case 13:
      return read_record<core::Submission>(body);
    default:
      (void)io::task_update_from_json(body);
      return;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0)
    return 0;
  try {
    const boost::json::value body = io::parse_json(mandate::fuzz::as_text(data + 1, size - 1));
    read_body(data[0], body);
  } catch (const core::Error&) {
  }
  return 0;
}
