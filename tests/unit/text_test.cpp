#include "core/text.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "core/catalog.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {

// "Vĩnh Trại" in NFC and in NFD (base letters plus combining marks).
constexpr std::string_view kVinhTraiNfc = "V\u0129nh Tr\u1EA1i";
constexpr std::string_view kVinhTraiNfd = "Vi\u0303nh Tra\u0323i";
// "Phường": NFD with the horn and the grave as separate marks.
constexpr std::string_view kPhuongNfd = "Phu\u031Bo\u031B\u0300ng";

void expect_invalid_utf8(const std::function<void()>& f) {
  try {
    f();
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), ErrorCategory::invalid_input);
    EXPECT_EQ(e.code(), "text.invalid_utf8");
  }
}

const std::string_view kBadUtf8[] = {
    "\x80",                // lone continuation byte
    "abc\xff",             // never valid
    "\xc3",                // truncated two-byte sequence
    "\xe1\xba",            // truncated three-byte sequence
    "\xc0\xaf",            // overlong '/'
    "\xc1\xbf",            // overlong
    "\xe0\x80\xaf",        // overlong three-byte
    "\xf0\x80\x80\xaf",    // overlong four-byte
    "\xed\xa0\x80",        // UTF-16 surrogate U+D800
    "\xed\xbf\xbf",        // surrogate U+DFFF
    "\xf4\x90\x80\x80",    // above U+10FFFF
    "\xf5\x80\x80\x80",    // lead byte past F4
    "Ph\xc6\xb0\xe1\xbb",  // "Phư" then a cut "ờ"
    "\xc3\x28",            // bad continuation
    "\xe1\xbb\x9d\x9d",    // stray continuation after a full sequence
};

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8(kVinhTraiNfc));
  EXPECT_TRUE(is_valid_utf8(kVinhTraiNfd));
  EXPECT_TRUE(is_valid_utf8("Đảng bộ tỉnh Lạng Sơn"));
  EXPECT_TRUE(is_valid_utf8("\x7f"));
  EXPECT_TRUE(is_valid_utf8("\xc2\x80"));          // U+0080, smallest two-byte
  EXPECT_TRUE(is_valid_utf8("\xe0\xa0\x80"));      // U+0800
  EXPECT_TRUE(is_valid_utf8("\xed\x9f\xbf"));      // U+D7FF, just below surrogates
  EXPECT_TRUE(is_valid_utf8("\xee\x80\x80"));      // U+E000, just above
  EXPECT_TRUE(is_valid_utf8("\xef\xbf\xbf"));      // U+FFFF
  EXPECT_TRUE(is_valid_utf8("\xf0\x90\x80\x80"));  // U+10000
  EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF, the last code point
  EXPECT_TRUE(is_valid_utf8(std::string_view("a\0b", 3)));
}

TEST(Utf8, RejectsIllFormedText) {
  for (std::string_view bad : kBadUtf8) {
    EXPECT_FALSE(is_valid_utf8(bad)) << testing::PrintToString(std::string(bad));
  }
}

TEST(Quotable, ReplacesEachBadByteAndKeepsTheRest) {
  EXPECT_EQ(quotable("Phường Vĩnh Trại"), "Phường Vĩnh Trại");
  EXPECT_EQ(quotable("GET\x92"), "GET\xef\xbf\xbd");
  EXPECT_EQ(quotable("a\xc3"), "a\xef\xbf\xbd");                                // cut short
  EXPECT_EQ(quotable("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // a surrogate
}

TEST(Utf8, EveryFunctionRejectsIllFormedText) {
  for (std::string_view bad : kBadUtf8) {
    expect_invalid_utf8([&] { to_nfc(bad); });
    expect_invalid_utf8([&] { fold_case(bad); });
    expect_invalid_utf8([&] { fold_diacritics(bad); });
    expect_invalid_utf8([&] { collapse_spaces(bad); });
  }
}

TEST(StorableText, RefusesWhatCannotBeShownOrWrittenIntoXml) {
  EXPECT_TRUE(is_storable_text("Đảng bộ\ttỉnh\r\nLạng Sơn"));
  EXPECT_TRUE(is_storable_text("<script>alert(1)</script> '; DROP TABLE x; --"));
  EXPECT_TRUE(is_storable_text("\xef\xbf\xbd"));  // U+FFFD itself is text
  for (std::string_view bad : {std::string_view("a\0b", 3), std::string_view("bell\x07"),
                               std::string_view("\x1b[31m"), std::string_view("\x7f"),
                               std::string_view("\xef\xbf\xbe"), std::string_view("\xef\xbf\xbf")})
    EXPECT_FALSE(is_storable_text(bad)) << testing::PrintToString(std::string(bad));
  for (std::string_view bad : kBadUtf8)
    EXPECT_FALSE(is_storable_text(bad));
  expect_invalid_utf8([] { to_nfc(std::string_view("a\0b", 3)); });
  expect_invalid_utf8([] { to_nfc("\x01"); });
}

TEST(Quotable, ReplacesWhatIsNotTextAndCutsLongText) {
  EXPECT_EQ(quotable("Lạng Sơn"), "Lạng Sơn");
  EXPECT_EQ(quotable("a\xff"
                     "b"),
            "a\ufffdb");
  EXPECT_EQ(quotable(std::string_view("a\0b", 3)), "a\ufffdb");
  EXPECT_EQ(quotable("one\nline\ttab"), "one line tab");
  EXPECT_EQ(quotable(std::string(10, 'x'), 4), "xxxx\u2026");
  EXPECT_EQ(quotable("Sơn", 3), "Sơn");  // counted in characters, not bytes
  for (std::string_view bad : kBadUtf8)
    EXPECT_TRUE(is_storable_text(quotable(bad))) << testing::PrintToString(std::string(bad));
}

TEST(ErrorArguments, AreQuotableSoEveryMessageIsValidText) {
  const Error e = invalid_input("query.invalid", {"asOf", "\xc3\x28"});
  EXPECT_EQ(e.args()[1], "\ufffd(");
  EXPECT_TRUE(is_valid_utf8(e.message(Lang::vi)));
  EXPECT_TRUE(is_valid_utf8(e.what()));
}

TEST(ToNfc, ComposesDecomposedVietnamese) {
  EXPECT_EQ(to_nfc(kVinhTraiNfd), kVinhTraiNfc);
  EXPECT_EQ(to_nfc(kVinhTraiNfc), kVinhTraiNfc);
  EXPECT_EQ(to_nfc(kPhuongNfd), "Phường");
  EXPECT_EQ(to_nfc("a\u0302\u0301"), "\u1EA5");  // a + circumflex + acute = ấ
  EXPECT_EQ(to_nfc(""), "");
  EXPECT_EQ(to_nfc("abc"), "abc");
  EXPECT_NE(std::string(kVinhTraiNfd), std::string(kVinhTraiNfc));  // the test means something
}

TEST(ToNfc, OrdersMarksCanonically) {
  // Dot below (ccc 220) sorts before the circumflex (ccc 230): both give "ậ".
  EXPECT_EQ(to_nfc("a\u0302\u0323"), "\u1EAD");
  EXPECT_EQ(to_nfc("a\u0323\u0302"), "\u1EAD");
}

TEST(FoldCase, IgnoresCaseAndNormalForm) {
  EXPECT_EQ(fold_case("Phường"), fold_case("PHƯỜNG"));
  EXPECT_EQ(fold_case(kPhuongNfd), fold_case("PHƯỜNG"));
  EXPECT_EQ(fold_case("PHU\u031BO\u031B\u0300NG"), "phường");
  EXPECT_EQ(fold_case("Đảng Bộ"), "đảng bộ");
  EXPECT_EQ(fold_case(kVinhTraiNfd), "v\u0129nh tr\u1EA1i");
  EXPECT_EQ(fold_case("Straße"), "strasse");  // full folding, not lower-casing
  EXPECT_EQ(fold_case(""), "");
  EXPECT_NE(fold_case("Phường"), fold_case("Phuong"));  // diacritics still count
}

TEST(FoldDiacritics, SearchKeys) {
  EXPECT_EQ(fold_diacritics("Quán Triệt"), "quan triet");
  EXPECT_EQ(fold_diacritics("Đông Kinh"), "dong kinh");
  EXPECT_EQ(fold_diacritics("ĐẢNG"), "dang");
  EXPECT_EQ(fold_diacritics("đảng"), "dang");
  EXPECT_EQ(fold_diacritics(kVinhTraiNfd), "vinh trai");
  EXPECT_EQ(fold_diacritics(kVinhTraiNfc), "vinh trai");
  EXPECT_EQ(fold_diacritics(kPhuongNfd), "phuong");
  EXPECT_EQ(fold_diacritics("Nghị quyết số 01-NQ/TU"), "nghi quyet so 01-nq/tu");
  EXPECT_EQ(fold_diacritics("Lạng Sơn"), "lang son");
  EXPECT_EQ(fold_diacritics("ăâêôơư ĂÂÊÔƠƯ"), "aaeoou aaeoou");
  EXPECT_EQ(fold_diacritics("àáảãạ ằắẳẵặ ầấẩẫậ"), "aaaaa aaaaa aaaaa");
  EXPECT_EQ(fold_diacritics("ỳýỷỹỵ ÌÍỈĨỊ"), "yyyyy iiiii");
  EXPECT_EQ(fold_diacritics(""), "");
  EXPECT_EQ(fold_diacritics("plain 123"), "plain 123");
}

TEST(FoldDiacritics, BothToneMarkPlacementsMatch) {
  // "hoà" (new style) and "hòa" (old style) name the same word.
  EXPECT_EQ(fold_diacritics("Hoà Bình"), fold_diacritics("Hòa Bình"));
  EXPECT_EQ(fold_diacritics("Hoà Bình"), "hoa binh");
}

TEST(FoldDiacritics, KeepsOtherScripts) {
  EXPECT_EQ(fold_diacritics("Ελλάδα"), "ελλαδα");
  EXPECT_EQ(fold_diacritics("中文"), "中文");
}

TEST(CollapseSpaces, TrimsAndCollapses) {
  EXPECT_EQ(collapse_spaces("  Quán   triệt  "), "Quán triệt");
  EXPECT_EQ(collapse_spaces("a\t\tb\r\nc"), "a b c");
  EXPECT_EQ(collapse_spaces("a\u00A0\u00A0b"), "a b");        // no-break space
  EXPECT_EQ(collapse_spaces("\u3000a\u2003b\u202F"), "a b");  // ideographic, em, narrow
  EXPECT_EQ(collapse_spaces("\u2028a\u2029"), "a");           // line/paragraph separators
  EXPECT_EQ(collapse_spaces(""), "");
  EXPECT_EQ(collapse_spaces("   "), "");
  EXPECT_EQ(collapse_spaces("\u00A0"), "");
  EXPECT_EQ(collapse_spaces("x"), "x");
  EXPECT_EQ(collapse_spaces("a b"), "a b");
  EXPECT_EQ(collapse_spaces(kVinhTraiNfd), kVinhTraiNfd);  // marks are not spaces
}

TEST(CollapseSpaces, LeavesNonSpacesAlone) {
  // Zero-width space is not White_Space; it is not ours to remove.
  EXPECT_EQ(collapse_spaces("a\u200Bb"), "a\u200Bb");
}

TEST(PeriodCatalog, TextIsWellFormedNfcAndBilingual) {
  for (const auto& m : catalog::period_messages()) {
    EXPECT_TRUE(is_valid_utf8(m.vi)) << m.key;
    EXPECT_TRUE(is_valid_utf8(m.en)) << m.key;
    EXPECT_EQ(to_nfc(m.vi), m.vi) << m.key;
    EXPECT_EQ(to_nfc(m.en), m.en) << m.key;
    EXPECT_FALSE(m.vi.empty()) << m.key;
    EXPECT_FALSE(m.en.empty()) << m.key;
  }
}

TEST(PeriodCatalog, HasEveryKeyTheCodeUses) {
  for (const char* key :
       {"period.invalid", "period_type.invalid", "date.invalid", "text.invalid_utf8",
        "text.unicode_unavailable", "number.not_finite", "period.label.month",
        "period.label.quarter", "period.label.six_months.1", "period.label.six_months.2",
        "period.label.nine_months", "period.label.year", "period.label.year_to_date",
        "period.label.year_to_date.1", "period.label.term", "date.long", "money.billion",
        "money.million", "money.dong"}) {
    EXPECT_TRUE(has_message(key)) << key;
  }
  for (int m = 1; m <= 12; ++m)
    EXPECT_TRUE(has_message("month." + std::to_string(m)));
}

}  // namespace
}  // namespace mandate::core
