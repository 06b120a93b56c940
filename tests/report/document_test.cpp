// The template language: what each line becomes, and the errors a broken
// template gives.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "report/document.hpp"

namespace mandate::report {
namespace {

TEST(Markup, HeaderLinesCarryTheirStyles) {
  const Document d = parse_markup(
      "@left: |ĐẢNG BỘ TỈNH LẠNG SƠN\n@left: b|THÀNH ỦY LẠNG SƠN\n"
      "@right: bu|ĐẢNG CỘNG SẢN VIỆT NAM\n@title: BÁO CÁO\n@sign: b|BÍ THƯ\n"
      "@recipient: - Lưu Văn phòng.\n");
  ASSERT_EQ(d.left.size(), 2u);
  EXPECT_EQ(d.left[0].style, kPlain);
  EXPECT_EQ(d.left[1].text, "THÀNH ỦY LẠNG SƠN");
  EXPECT_EQ(d.left[1].style, kBold);
  EXPECT_EQ(d.right[0].style, kBold | kUnderline);
  EXPECT_EQ(d.title[0].text, "BÁO CÁO");
  EXPECT_EQ(d.signature[0].style, kBold);
  EXPECT_EQ(d.recipients, std::vector<std::string>{"- Lưu Văn phòng."});
}

TEST(Markup, BodyBlocks) {
  const Document d = parse_markup(
      "# I. KẾT QUẢ\n## 1. Chung\n### Kinh tế\n- Thu ngân sách đạt 430 tỷ đồng.\n"
      "Đoạn văn.\n? hạn chế\n[table indicators]\n[chart progress]\n\n   \n");
  ASSERT_EQ(d.body.size(), 8u);
  EXPECT_EQ(d.body[0].type, BlockType::heading1);
  EXPECT_EQ(d.body[0].text, "I. KẾT QUẢ");
  EXPECT_EQ(d.body[1].type, BlockType::heading2);
  EXPECT_EQ(d.body[2].type, BlockType::heading3);
  EXPECT_EQ(d.body[3].type, BlockType::item);
  EXPECT_EQ(d.body[3].text, "- Thu ngân sách đạt 430 tỷ đồng.");
  EXPECT_EQ(d.body[4].type, BlockType::paragraph);
  EXPECT_EQ(d.body[5].type, BlockType::write_here);
  EXPECT_EQ(d.body[5].text, "hạn chế");
  EXPECT_EQ(d.body[6].type, BlockType::table);
  EXPECT_EQ(d.body[6].text, "indicators");
  EXPECT_EQ(d.body[7].type, BlockType::chart);
  EXPECT_EQ(d.body[7].text, "progress");
}

TEST(Markup, UnknownHeaderKeyIsAnErrorWithItsLine) {
  try {
    parse_markup("# I\n@footer: x\n");
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "report.template.unknown_block");
    EXPECT_EQ(e.args()[0], "2");
    EXPECT_NE(e.bilingual().find("dòng 2"), std::string::npos) << e.bilingual();
  }
}

TEST(Markup, UnknownStyleLetterAndUnclosedBlockAreErrors) {
  EXPECT_THROW(parse_markup("@left: bx|A\n"), core::Error);
  EXPECT_THROW(parse_markup("[table indicators\n"), core::Error);
}

}  // namespace
}  // namespace mandate::report
