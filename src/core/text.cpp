#include "core/text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/error.hpp"

namespace mandate::core {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one code point at text[i] and advances i; kInvalid on ill-formed
// input (overlong forms, surrogates, values above U+10FFFF, truncation), per
// Table 3-7 of the Unicode Standard.
char32_t next_code_point(std::string_view text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  size_t len = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0)
      lo = 0xA0;  // no overlong forms
    if (b0 == 0xED)
      hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0)
      lo = 0x90;  // no overlong forms
    if (b0 == 0xF4)
      hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return kInvalid;
  }
  if (text.size() - i < len)
    return kInvalid;
  for (size_t k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    unsigned char min = k == 1 ? lo : 0x80;
    unsigned char max = k == 1 ? hi : 0xBF;
    if (b < min || b > max)
      return kInvalid;
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

void require_utf8(std::string_view text) {
  if (!is_valid_utf8(text))
    throw invalid_input("text.invalid_utf8");
}

void check(UErrorCode status) {
  // ICU fails here only when its built-in data is missing: an environment fault.
  if (U_FAILURE(status)) {
    throw Error(ErrorCategory::unavailable, "text.unicode_unavailable", {u_errorName(status)});
  }
}

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString normalize(const icu::UnicodeString& s, bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      compose ? icu::Normalizer2::getNFCInstance(status) : icu::Normalizer2::getNFDInstance(status);
  check(status);
  icu::UnicodeString out = n->normalize(s, status);
  check(status);
  return out;
}

// Folded, NFC text: the common first step of both matching keys.
icu::UnicodeString folded(std::string_view text) {
  require_utf8(text);
  icu::UnicodeString s = normalize(from_utf8(text), true);
  s.foldCase(U_FOLD_CASE_DEFAULT);
  // Folding can leave a sequence that is no longer composed.
  return normalize(s, true);
}

bool is_combining_mark(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (next_code_point(text, i) == kInvalid)
      return false;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    if (next_code_point(text, i) == kInvalid) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      i = start + 1;
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++n)
    if (next_code_point(text, i) == kInvalid)
      ++i;  // count a stray byte as one character rather than stop
  return n;
}

std::string to_nfc(std::string_view text) {
  require_utf8(text);
  return to_utf8(normalize(from_utf8(text), true));
}

std::string fold_case(std::string_view text) {
  return to_utf8(folded(text));
}

std::string upper_case(std::string_view text) {
  icu::UnicodeString s = from_utf8(text);
  s.toUpper(icu::Locale("vi"));
  return to_utf8(normalize(s, true));
}

std::string fold_diacritics(std::string_view text) {
  icu::UnicodeString decomposed = normalize(folded(text), false);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (is_combining_mark(c))
      continue;
    // U+0111/U+0110 (d with stroke) are letters of their own, not d plus a
    // mark, so NFD leaves them alone.
    if (c == 0x0111 || c == 0x0110)
      c = 'd';
    stripped.append(c);
  }
  return to_utf8(normalize(stripped, true));
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t c = next_code_point(text, i);
    if (c == kInvalid)
      throw invalid_input("text.invalid_utf8");
    if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space)
      out += ' ';
    pending_space = false;
    out.append(text.substr(start, i - start));
  }
  return out;
}

}  // namespace mandate::core
