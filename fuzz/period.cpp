// Period ids ("2021Q1", "202101", "2021YTD05", "2020-2025"), which arrive in
// URLs, query parameters, CSV and JSON. An accepted id prints as a canonical id
// that parses back to the same period, and its dates are in order.
#include <string>

#include "check.hpp"
#include "core/error.hpp"
#include "core/period.hpp"

using mandate::core::Period;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = mandate::fuzz::as_text(data, size);
  try {
    const Period period = Period::parse(text);
    const std::string id = period.id();
    MANDATE_FUZZ_CHECK(Period::parse(id) == period);
    MANDATE_FUZZ_CHECK(period.start() <= period.end());
    MANDATE_FUZZ_CHECK(period.contains(period));
    MANDATE_FUZZ_CHECK(period.contains(period.start()) && period.contains(period.end()));
    for (const auto lang : {mandate::core::Lang::vi, mandate::core::Lang::en})
      MANDATE_FUZZ_CHECK(!period.label(lang).empty());
    // Stepping back may leave the years a period can have; that is an Error.
    try {
      MANDATE_FUZZ_CHECK(period.previous() < period);
      MANDATE_FUZZ_CHECK(period.same_period_last_year().type() == period.type());
    } catch (const mandate::core::Error&) {
    }
  } catch (const mandate::core::Error&) {
  }
  return 0;
}
