// The XLSX reader and the data-entry table on crafted files: each bad file
// gives its own clear error (or row problem), never a crash or a partial read.
#include <gtest/gtest.h>
#include <zip.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "../support/temp_dir.hpp"
#include "core/error.hpp"
#include "io/data_entry_table.hpp"
#include "io/data_entry_xlsx.hpp"
#include "io/file.hpp"
#include "io/xlsx_reader.hpp"

namespace mandate {
namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip archive of the given parts, written by libzip.
std::string make_zip(const Parts& parts) {
  const test_support::TempDir dir;
  const std::string path = dir.file("parts.zip");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  return io::read_file(path);
}

const std::string kHeader = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Mã đơn vị</t></is></c>)"
                            R"(<c r="B1" t="inlineStr"><is><t>Kỳ báo cáo</t></is></c>)"
                            R"(<c r="C1" t="inlineStr"><is><t>Mã chỉ tiêu</t></is></c>)"
                            R"(<c r="D1" t="inlineStr"><is><t>Số liệu</t></is></c></row>)";

// A workbook with one sheet of the given name and rows (sheetData content).
std::string workbook(const std::string& sheet_rows,
                     const std::string& sheet_name = "Nhập số liệu") {
  return make_zip({
      {"xl/workbook.xml",
       R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name=")" +
           sheet_name + R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)"},
      {"xl/worksheets/sheet1.xml",
       R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           sheet_rows + "</sheetData></worksheet>"},
  });
}

std::string row(int r, const std::string& unit, const std::string& period,
                const std::string& indicator, const std::string& value_cell) {
  const std::string n = std::to_string(r);
  return "<row r=\"" + n + "\"><c r=\"A" + n + "\" t=\"inlineStr\"><is><t>" + unit +
         "</t></is></c><c r=\"B" + n + "\" t=\"inlineStr\"><is><t>" + period +
         "</t></is></c><c r=\"C" + n + "\" t=\"inlineStr\"><is><t>" + indicator + "</t></is></c>" +
         value_cell + "</row>";
}
std::string number_cell(int r, const std::string& v) {
  return "<c r=\"D" + std::to_string(r) + "\"><v>" + v + "</v></c>";
}

template <typename F>
std::string error_code(F&& f) {
  try {
    f();
  } catch (const core::Error& e) {
    return e.code();
  }
  return "(no error)";
}

TEST(XlsxReader, NotAZip) {
  EXPECT_EQ(error_code([] { io::xlsx::read_sheet("not a zip at all", {"x"}); }), "xlsx.not_zip");
  // Starts like a zip, but is not one.
  EXPECT_EQ(error_code([] { io::xlsx::read_sheet(std::string("PK\x03\x04garbage", 11), {"x"}); }),
            "xlsx.not_zip");
  EXPECT_EQ(error_code([] { io::detect_entry_format("a,b\n", "bieu.xlsx"); }), "xlsx.not_zip");
}

TEST(XlsxReader, ZipBombIsRefusedByItsSize) {
  // 8 MiB of one byte compresses to a few KiB; a part's limit of 1 MiB refuses it.
  const std::string bomb = make_zip({{"xl/workbook.xml", std::string(8u << 20, ' ')}});
  EXPECT_LT(bomb.size(), 64u << 10);
  io::xlsx::Limits limits;
  limits.max_part_bytes = 1u << 20;
  try {
    io::xlsx::read_sheet(bomb, {"x"}, limits);
    FAIL() << "read a zip bomb";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "xlsx.too_large");
    EXPECT_EQ(e.category(), core::ErrorCategory::too_large);
  }
}

TEST(XlsxReader, TooManyEntries) {
  Parts parts;
  for (int i = 0; i < 20; ++i)
    parts.push_back({"p" + std::to_string(i), "x"});
  io::xlsx::Limits limits;
  limits.max_entries = 10;
  EXPECT_EQ(error_code([&] { io::xlsx::read_sheet(make_zip(parts), {"x"}, limits); }),
            "xlsx.too_many_entries");
}

TEST(XlsxReader, MissingPartsAreDamage) {
  EXPECT_EQ(error_code([] {
              io::xlsx::read_sheet(make_zip({{"a.txt", "x"}}), {"x"});
            }),
            "xlsx.damaged");
}

TEST(XlsxReader, WrongSheetNamesTheSheetsThere) {
  try {
    io::read_entry_xlsx(workbook(kHeader, "Sheet1"));
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "xlsx.sheet_missing");
    EXPECT_NE(e.args().at(1).find("Sheet1"), std::string::npos);
  }
}

TEST(EntryTable, ReadsNumbersAndSkipsUnfilledRows) {
  const auto t = io::read_entry_xlsx(
      workbook(kHeader + row(2, "LS-VT", "2021", "POPULATION", number_cell(2, "65.3")) +
               row(3, "LS-VT", "2021", "BHYT", "")));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 2u);
  EXPECT_EQ(t.rows[0].unit, "LS-VT");
  EXPECT_DOUBLE_EQ(t.rows[0].value, 65.3);
  EXPECT_TRUE(t.rows[0].problems.empty());
}

TEST(EntryTable, TextInANumberCellIsARowProblem) {
  const auto t = io::read_entry_xlsx(
      workbook(kHeader + row(2, "LS-VT", "2021", "POPULATION",
                             R"(<c r="D2" t="inlineStr"><is><t>65,3</t></is></c>)")));
  ASSERT_EQ(t.rows.size(), 1u);
  ASSERT_EQ(t.rows[0].problems.size(), 1u);
  EXPECT_EQ(t.rows[0].problems[0].code, "import.value_text");
  EXPECT_EQ(t.rows[0].problems[0].column, "value");
}

TEST(EntryTable, FormulasAreRefusedEvenWithACachedValue) {
  const auto t = io::read_entry_xlsx(workbook(
      kHeader + row(2, "LS-VT", "2021", "POPULATION", R"(<c r="D2"><f>1+1</f><v>2</v></c>)")));
  ASSERT_EQ(t.rows.size(), 1u);
  ASSERT_EQ(t.rows[0].problems.size(), 1u);
  EXPECT_EQ(t.rows[0].problems[0].code, "import.formula");
}

TEST(EntryTable, DuplicateRowsNameTheFirst) {
  const auto t = io::read_entry_xlsx(
      workbook(kHeader + row(2, "LS-VT", "2021", "POPULATION", number_cell(2, "1")) +
               row(3, "LS-VT", "2021", "POPULATION", number_cell(3, "2"))));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_TRUE(t.rows[0].problems.empty());
  ASSERT_EQ(t.rows[1].problems.size(), 1u);
  EXPECT_EQ(t.rows[1].problems[0].code, "import.duplicate_row");
  EXPECT_EQ(t.rows[1].problems[0].args.at(1), "2");
}

TEST(EntryTable, TenMegabytesOfEmptyRowsHoldNoValue) {
  std::string rows = kHeader;
  for (int r = 2; rows.size() < (10u << 20); ++r)
    rows += "<row r=\"" + std::to_string(r) + "\"/>";
  EXPECT_EQ(error_code([&] { io::read_entry_xlsx(workbook(rows)); }), "import.empty");
}

TEST(EntryTable, AFileWithoutTheHeaderIsNotATemplate) {
  EXPECT_EQ(
      error_code([] {
        io::read_entry_xlsx(workbook(row(1, "LS-VT", "2021", "POPULATION", number_cell(1, "1"))));
      }),
      "import.header_missing");
}

TEST(EntryTable, CsvTakesVietnameseNumbersAndEnglishHeaders) {
  const auto t = io::read_entry_csv(
      "\xEF\xBB\xBFUnit code,Period,Indicator code,Value,Kind,Comment\n"
      "LS-VT,2021,POPULATION,1.234.567,Ước thực hiện,ước\n"
      "LS-VT,2021,BHYT,\"91,7\",,\n"
      "LS-VT,2021,X,abc,,\n"
      ",,,,,\n");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_DOUBLE_EQ(t.rows[0].value, 1234567);
  EXPECT_EQ(t.rows[0].kind, core::ValueKind::estimate);
  EXPECT_DOUBLE_EQ(t.rows[1].value, 91.7);
  EXPECT_EQ(t.rows[1].kind, core::ValueKind::official);
  ASSERT_EQ(t.rows[2].problems.size(), 1u);
  EXPECT_EQ(t.rows[2].problems[0].code, "import.value_not_number");
}

TEST(EntryTemplate, WrittenAndReadBack) {
  io::DataEntryTemplate t;
  t.unit_code = "LS-VT";
  t.unit_name = "Phường Vĩnh Trại";
  t.period = "2021";
  t.period_label = "Năm 2021";
  t.previous_label = t.last_year_label = "Năm 2020";
  io::TemplateRow a;
  a.indicator = "POPULATION";
  a.indicator_name = "Dân số";
  a.current = 12345;
  a.min = 0;
  a.max = INFINITY;
  a.whole = true;
  io::TemplateRow b = a;
  b.indicator = "BHYT";
  b.current.reset();
  t.rows = {a, b};
  const std::string bytes = io::write_entry_template(t);
  const auto table = io::read_entry_xlsx(bytes);
  ASSERT_EQ(table.rows.size(), 1u);  // the unfilled row is left out
  EXPECT_EQ(table.rows[0].indicator, "POPULATION");
  EXPECT_EQ(table.rows[0].period, "2021");
  EXPECT_DOUBLE_EQ(table.rows[0].value, 12345);
  EXPECT_TRUE(table.rows[0].problems.empty());
}

}  // namespace
}  // namespace mandate
