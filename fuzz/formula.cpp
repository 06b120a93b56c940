// Formulas of computed indicators (core::Formula::parse), as typed by users in
// the metadata and the API. An accepted formula keeps its text, parses again to
// the same references and value, and evaluates to a finite number or none.
#include <cmath>
#include <optional>
#include <string>

#include "check.hpp"
#include "core/error.hpp"
#include "core/formula.hpp"

using mandate::core::Formula;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = mandate::fuzz::as_text(data, size);
  try {
    const Formula formula = Formula::parse(text);
    MANDATE_FUZZ_CHECK(formula.text() == text);
    const Formula again = Formula::parse(formula.text());
    MANDATE_FUZZ_CHECK(again.references() == formula.references());

    // Some references have no value, the others a value that depends on the
    // code, so missing inputs and if() branches are both exercised.
    const auto lookup = [](const std::string& code) -> std::optional<double> {
      if (code.size() % 3 == 0)
        return std::nullopt;
      return static_cast<double>(code.size()) - 2.0;
    };
    const std::optional<double> value = formula.evaluate(lookup);
    const std::optional<double> value_again = again.evaluate(lookup);
    MANDATE_FUZZ_CHECK(value.has_value() == value_again.has_value());
    if (value) {
      MANDATE_FUZZ_CHECK(std::isfinite(*value));
      MANDATE_FUZZ_CHECK(*value == *value_again);
    }
    const std::string words = formula.describe([](const std::string& code) { return code; });
    MANDATE_FUZZ_CHECK(!words.empty());
  } catch (const mandate::core::Error&) {
  }
  return 0;
}
