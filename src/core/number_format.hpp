#pragma once
// Number formatting in one place. Rounding rule (documented in docs/domain.md):
// a value is rounded half away from zero on its shortest decimal representation,
// so 116.65 (stored as the double nearest 116.65) shows as "116,7", never "116,6".
#include <optional>
#include <string>

#include "core/i18n.hpp"

namespace mandate::core {

// Rounds half away from zero to `decimals` places, using the shortest decimal
// representation of x (what a person typed), not its binary expansion.
double round_half_away(double x, int decimals);

// vi: "1.234.567", "65,3", "-0,5"; en: "1,234,567", "65.3". Trailing zeros after
// the decimal separator are dropped ("430", not "430,0"). Negative zero prints "0".
std::string format_number(double x, Lang lang, int max_decimals = 2);
// "116,7%" / "116.7%" (one decimal unless told otherwise).
std::string format_percent(double x, Lang lang, int max_decimals = 1);

// Money given in đồng, scaled for reading: >= 1e9 -> "430 tỷ đồng" / "430 billion VND",
// >= 1e6 -> "65,3 triệu đồng" / "65.3 million VND", else "500.000 đồng" / "500,000 VND".
enum class MoneyScale { automatic, dong, million, billion };
std::string format_money(double dong, Lang lang, MoneyScale scale = MoneyScale::automatic,
                         int max_decimals = 1);

// Parses a number as a Vietnamese office types it: "65,3", "1.234.567", "1.234,5",
// "-2", "0,5"; also accepts plain "65.3" when the dot cannot be a thousands
// separator. Returns nullopt for anything else (letters, "1,2,3", empty).
std::optional<double> parse_vi_number(const std::string& text);

}  // namespace mandate::core
