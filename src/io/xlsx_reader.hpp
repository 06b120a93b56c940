#pragma once
// Reads one worksheet of an XLSX file (Office Open XML spreadsheet) from
// untrusted bytes: libzip for the package, pugixml for its parts. Bounded
// against zip bombs: the number of entries, each part's uncompressed size
// (declared and actually read) and the total read are capped. Cells keep
// their type, so a caller can tell a number from text that looks like one,
// and whether a cell holds a formula.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mandate::io::xlsx {

struct Limits {
  size_t max_entries = 10'000;          // parts in the package
  size_t max_part_bytes = 256u << 20;   // one part, uncompressed
  size_t max_total_bytes = 512u << 20;  // every part read, uncompressed
  size_t max_columns = 256;             // cells beyond are refused
};

enum class CellType { empty, number, text, boolean, error };

struct Cell {
  CellType type = CellType::empty;
  double number = 0;  // number and boolean (1 / 0)
  std::string text;   // text, error ("#DIV/0!"), and the number as written
  bool formula = false;
};

// A row that has at least one cell; cells by column (A = 0), empty ones between.
struct Row {
  size_t line = 0;  // 1-based row number in the sheet
  std::vector<Cell> cells;
};

struct Sheet {
  std::string name;
  std::vector<Row> rows;  // in sheet order; rows without cells are left out
};

// True when the bytes start like a zip archive (what an XLSX is).
bool looks_like_zip(std::string_view bytes);

// The first worksheet whose name is one of `names` (compared exactly).
// Throws core::Error invalid_input: xlsx.not_zip, xlsx.damaged (a missing or
// malformed part), xlsx.sheet_missing (with the sheets the file has);
// too_large: xlsx.too_many_entries, xlsx.too_large (a part or the whole past
// its limit: a zip bomb or a file far larger than any form).
Sheet read_sheet(std::string_view bytes, const std::vector<std::string>& names,
                 const Limits& limits = {});

}  // namespace mandate::io::xlsx
