// XLSX uploads: the zip package (libzip) and its XML parts (pugixml) read by
// io::xlsx::read_sheet within its limits, then the data-entry template reader
// io::read_entry_xlsx. Small limits here, so the fuzzer reaches them.
// Input whose first byte is odd is the XML of the worksheet (after that byte),
// packed here into an otherwise valid workbook: mutated zip bytes rarely get
// past the CRC checks, so this is how the XML readers get fuzzed. Input whose
// first byte is even ("PK..." of a real file) is the whole package.
#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "check.hpp"
#include "core/error.hpp"
#include "io/data_entry_table.hpp"
#include "io/xlsx_reader.hpp"

namespace io = mandate::io;

namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>)";
constexpr std::string_view kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
constexpr std::string_view kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Nhập số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr std::string_view kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)";
constexpr std::string_view kSharedStrings =
    R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Mã đơn vị</t></si><si><t>Kỳ báo cáo</t></si><si><t>Mã chỉ tiêu</t></si><si><t>Giá trị</t></si><si><t>LS</t></si><si><t>2021Q1</t></si><si><t>POPULATION</t></si><si><r><t>Ghi </t></r><r><t>chú</t></r></si></sst>)";

// A workbook (stored, in memory) whose first sheet is sheet_xml; empty if
// libzip fails, which is not what is being tested.
std::string package(std::string_view sheet_xml) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
  zip_error_fini(&error);
  if (!archive) {
    if (buffer)
      zip_source_free(buffer);
    return {};
  }
  zip_source_keep(buffer);  // read back after zip_close
  const std::pair<const char*, std::string_view> parts[] = {
      {"[Content_Types].xml", kContentTypes},   {"_rels/.rels", kRels},
      {"xl/workbook.xml", kWorkbook},           {"xl/_rels/workbook.xml.rels", kWorkbookRels},
      {"xl/sharedStrings.xml", kSharedStrings}, {"xl/worksheets/sheet1.xml", sheet_xml}};
  for (const auto& [name, content] : parts) {
    zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!part || zip_file_add(archive, name, part, ZIP_FL_ENC_UTF_8) < 0) {
      if (part)
        zip_source_free(part);
      zip_discard(archive);
      zip_source_free(buffer);
      return {};
    }
  }
  std::string bytes;
  if (zip_close(archive) != 0) {
    zip_discard(archive);
  } else if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    bytes.resize(static_cast<size_t>(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    if (zip_source_read(buffer, bytes.data(), bytes.size()) !=
        static_cast<zip_int64_t>(bytes.size()))
      bytes.clear();
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0)
    return 0;
  std::string packed;
  std::string_view bytes = mandate::fuzz::as_text(data, size);
  if (data[0] % 2 == 1) {
    packed = package(bytes.substr(1));
    bytes = packed;
  }
  const std::vector<std::string> names = {io::entry_sheet_name(mandate::core::Lang::vi),
                                          io::entry_sheet_name(mandate::core::Lang::en), "Sheet1"};
  io::xlsx::Limits limits;
  limits.max_entries = 64;
  limits.max_part_bytes = 1u << 20;
  limits.max_total_bytes = 4u << 20;
  limits.max_columns = 32;
  try {
    const io::xlsx::Sheet sheet = io::xlsx::read_sheet(bytes, names, limits);
    size_t line = 0;
    for (const io::xlsx::Row& row : sheet.rows) {
      MANDATE_FUZZ_CHECK(row.line > line);  // in sheet order, 1-based
      MANDATE_FUZZ_CHECK(!row.cells.empty() && row.cells.size() <= limits.max_columns);
      line = row.line;
    }
  } catch (const mandate::core::Error&) {
  }
  try {
    (void)io::read_entry_xlsx(bytes);
  } catch (const mandate::core::Error&) {
  }
  return 0;
}
