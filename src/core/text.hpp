#pragma once
// Vietnamese text handling (ICU): normalisation and matching.
#include <string>
#include <string_view>

namespace mandate::core {

// True when text is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);
// The text with each byte that is not part of well-formed UTF-8 replaced by
// U+FFFD, for echoing outside bytes where valid UTF-8 is required (JSON).
std::string valid_utf8(std::string_view text);
// Number of code points (what a user counts as characters, near enough for limits).
size_t utf8_length(std::string_view text);
// NFC normal form. Throws Error(invalid_input, "text.invalid_utf8") on bad UTF-8.
std::string to_nfc(std::string_view text);
// Key for case-insensitive comparison: NFC + full case folding. "Phường" and
// "PHƯỜNG" (in either composed or decomposed form) give the same key.
std::string fold_case(std::string_view text);
// Upper case in Vietnamese: "Thành ủy Lạng Sơn" -> "THÀNH ỦY LẠNG SƠN" (NFC).
std::string upper_case(std::string_view text);
// Key for search that ignores case and diacritics: "Quán Triệt" -> "quan triet",
// "Đông Kinh" -> "dong kinh".
std::string fold_diacritics(std::string_view text);
// Trims ASCII and Unicode white space at both ends and collapses inner runs to one space.
std::string collapse_spaces(std::string_view text);

}  // namespace mandate::core
