#pragma once
// Vietnamese text handling (ICU): normalisation and matching.
#include <string>
#include <string_view>

namespace mandate::core {

// True when text is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);
// True when text is well-formed UTF-8 that can be stored, shown and written
// into XML (DOCX, XLSX): no control characters other than tab, line feed and
// carriage return (NUL included), no noncharacters U+FFFE and U+FFFF.
bool is_storable_text(std::string_view text);
// Text fit to quote in an error message: ill-formed bytes and control
// characters become U+FFFD, and past max_chars it is cut with an ellipsis.
// Error messages quote what a client sent; they must stay valid JSON and short.
std::string quotable(std::string_view text, size_t max_chars = 120);
// Number of code points (what a user counts as characters, near enough for limits).
size_t utf8_length(std::string_view text);
// NFC normal form. Throws Error(invalid_input, "text.invalid_utf8") on text
// that is not storable (above): every text from outside passes through here.
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
