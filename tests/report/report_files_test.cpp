// The generated files opened by independent readers: the DOCX and XLSX (the
// report's table and the data-entry template) by
// LibreOffice (converted to PDF), every PDF by poppler (pdftotext, and
// pdftoppm for the first page as a PNG in build/test-output/report/ to look
// at). The article's figures must come out with their diacritics.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"

namespace {

namespace fs = std::filesystem;

using Result = test_support::ShellResult;
using test_support::shell;
using test_support::shell_quote;

Result mandate(const std::string& args) {
  return shell(std::string(MANDATE_BINARY) + " " + args);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const fs::path kOut = MANDATE_TEST_OUTPUT;

class ReportFiles : public ::testing::Test {
 protected:
  // Generates every file once and converts the office files in one
  // LibreOffice run (it takes seconds to start).
  static void SetUpTestSuite() {
    fs::remove_all(kOut);
    fs::create_directories(kOut);
    const std::string db = (kOut / "demo.db").string();
    ASSERT_EQ(mandate("demo --db " + shell_quote(db)).code, 0);
    const std::string report = "report --db " + shell_quote(db) + " --unit LS --period 2021 ";
    for (const auto& [args, file] : std::initializer_list<std::pair<std::string, std::string>>{
             {"--format pdf", "report.pdf"},
             {"--format docx", "party.docx"},
             {"--format docx --layout state", "state.docx"},
             {"--format xlsx", "table.xlsx"}}) {
      const Result r = mandate(report + args + " --out " + shell_quote((kOut / file).string()));
      ASSERT_EQ(r.code, 0) << args << ": " << r.out;
    }
    const Result t =
        mandate("template --db " + shell_quote(db) + " --unit LS-VT --period 2021 --out " +
                shell_quote((kOut / "template.xlsx").string()));
    ASSERT_EQ(t.code, 0) << t.out;
    const Result lo =
        shell("soffice --headless --norestore -env:UserInstallation=file://" +
              (kOut / "lo-profile").string() + " --convert-to pdf --outdir " +
              shell_quote(kOut.string()) + " " + shell_quote((kOut / "party.docx").string()) + " " +
              shell_quote((kOut / "state.docx").string()) + " " +
              shell_quote((kOut / "table.xlsx").string()) + " " +
              shell_quote((kOut / "template.xlsx").string()));
    ASSERT_EQ(lo.code, 0) << lo.out;
    for (const char* pdf : {"report", "party", "state", "table", "template"}) {
      const Result png = shell("pdftoppm -png -r 70 -f 1 -l 1 -singlefile " +
                               shell_quote((kOut / (std::string(pdf) + ".pdf")).string()) + " " +
                               shell_quote((kOut / (std::string(pdf) + "-page1")).string()));
      ASSERT_EQ(png.code, 0) << png.out;
    }
  }

  static std::string text_of(const std::string& pdf) {
    const Result r = shell("pdftotext -enc UTF-8 " + shell_quote((kOut / pdf).string()) + " -");
    EXPECT_EQ(r.code, 0) << r.out;
    // Lines break anywhere in justified text: whitespace runs become one space.
    std::string text;
    for (char c : r.out) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
      if (!space)
        text += c;
      else if (!text.empty() && text.back() != ' ')
        text += ' ';
    }
    return text;
  }

  static void expect_article_figures(const std::string& text) {
    for (const char* figure : {"17/19", "430 tỷ đồng", "116,7%", "65,3", "91,7%", "97,5%",
                               "6/6 nhóm nhiệm vụ", "Thu ngân sách Nhà nước", "Lạng Sơn"})
      EXPECT_TRUE(has(text, figure)) << figure;
  }
};

TEST_F(ReportFiles, PdfReadByPoppler) {
  const std::string text = text_of("report.pdf");
  expect_article_figures(text);
  EXPECT_TRUE(has(text, "THÀNH ỦY LẠNG SƠN"));
  EXPECT_TRUE(has(text, "ĐẢNG CỘNG SẢN VIỆT NAM"));
  EXPECT_TRUE(has(text, "HẠN CHẾ, NGUYÊN NHÂN"));
  EXPECT_TRUE(has(text, "Nơi nhận:"));
  EXPECT_TRUE(fs::exists(kOut / "report-page1.png"));
}

TEST_F(ReportFiles, DocxReadByLibreOffice) {
  const std::string text = text_of("party.pdf");
  expect_article_figures(text);
  EXPECT_TRUE(has(text, "THÀNH ỦY LẠNG SƠN"));
  EXPECT_TRUE(has(text, "-BC/TU"));
  EXPECT_TRUE(has(text, "BÍ THƯ"));
  EXPECT_TRUE(fs::exists(kOut / "party-page1.png"));
}

TEST_F(ReportFiles, StateLayoutDocx) {
  const std::string text = text_of("state.pdf");
  EXPECT_TRUE(has(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  EXPECT_TRUE(has(text, "Độc lập - Tự do - Hạnh phúc"));
  EXPECT_TRUE(has(text, "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN")) << text;
  EXPECT_TRUE(has(text, "CHỦ TỊCH"));
}

TEST_F(ReportFiles, XlsxReadByLibreOffice) {
  const std::string text = text_of("table.pdf");
  EXPECT_TRUE(has(text, "Thu ngân sách Nhà nước trên địa bàn"));
  EXPECT_TRUE(has(text, "430"));
  // Numbers are numbers: LibreOffice formats them in its own locale.
  EXPECT_TRUE(has(text, "116.7%") || has(text, "116,7%")) << text;
  EXPECT_TRUE(has(text, "91.7") || has(text, "91,7")) << text;
}

TEST_F(ReportFiles, DataEntryTemplateReadByLibreOffice) {
  const std::string text = text_of("template.pdf");
  for (const char* part : {"BIỂU NHẬP SỐ LIỆU CHỈ TIÊU", "Mã chỉ tiêu", "Cùng kỳ năm trước",
                           "Vĩnh Trại", "LS-VT", "2021"})
    EXPECT_TRUE(has(text, part)) << part << "\n" << text;
  EXPECT_TRUE(fs::exists(kOut / "template-page1.png"));
}

TEST_F(ReportFiles, BadRequestsGiveBilingualErrors) {
  const std::string db = (kOut / "demo.db").string();
  const std::string report = "report --db " + shell_quote(db) + " --unit LS --period 2021 ";
  Result r = mandate(report + "--format docx");
  EXPECT_NE(r.code, 0);
  EXPECT_TRUE(has(r.out, "--out")) << r.out;
  EXPECT_TRUE(has(r.out, "Lỗi")) << r.out;
  r = mandate(report + "--format pdf --kind weekly --out " +
              shell_quote((kOut / "x.pdf").string()));
  EXPECT_NE(r.code, 0);
  EXPECT_TRUE(has(r.out, "Loại báo cáo không hợp lệ")) << r.out;
  EXPECT_FALSE(fs::exists(kOut / "x.pdf"));
  r = mandate(report + "--format pdf --templates /nonexistent --out " +
              shell_quote((kOut / "x.pdf").string()));
  EXPECT_NE(r.code, 0);
  EXPECT_TRUE(has(r.out, "/nonexistent")) << r.out;
}

}  // namespace
