#include "io/xlsx_reader.hpp"

#include <zip.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "core/error.hpp"
#include "core/text.hpp"

namespace mandate::io::xlsx {
namespace {

using core::Error;
using core::ErrorCategory;

Error damaged(const std::string& part) {
  return core::invalid_input("xlsx.damaged", {part}, "file");
}
Error too_large(const std::string& what, size_t limit) {
  return Error(ErrorCategory::too_large, "xlsx.too_large",
               {what, std::to_string(limit / (1u << 20))}, "file");
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// The package, read part by part within the limits.
class Package {
 public:
  Package(std::string_view bytes, const Limits& limits) : limits_(limits) {
    if (!looks_like_zip(bytes))
      throw core::invalid_input("xlsx.not_zip", {}, "file");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source)
      throw std::bad_alloc();
    zip_.reset(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    zip_error_fini(&error);
    if (!zip_) {
      zip_source_free(source);
      throw core::invalid_input("xlsx.not_zip", {}, "file");
    }
    const zip_int64_t entries = zip_get_num_entries(zip_.get(), 0);
    if (entries < 0 || static_cast<size_t>(entries) > limits_.max_entries)
      throw Error(ErrorCategory::too_large, "xlsx.too_many_entries",
                  {std::to_string(limits_.max_entries)}, "file");
  }

  bool has(const std::string& name) const {
    return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0;
  }

  std::string read(const std::string& name) {
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), 0);
    if (index < 0)
      throw damaged(name);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) != 0)
      throw damaged(name);
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limits_.max_part_bytes)
      throw too_large(name, limits_.max_part_bytes);
    std::unique_ptr<zip_file_t, FileCloser> file(
        zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file)
      throw damaged(name);
    // The declared size may lie: the bytes actually inflated are counted too.
    std::string out;
    char buffer[1 << 16];
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
      if (n < 0)
        throw damaged(name);
      if (n == 0)
        break;
      out.append(buffer, static_cast<size_t>(n));
      total_ += static_cast<size_t>(n);
      if (out.size() > limits_.max_part_bytes)
        throw too_large(name, limits_.max_part_bytes);
      if (total_ > limits_.max_total_bytes)
        throw too_large("*", limits_.max_total_bytes);
    }
    return out;
  }

 private:
  const Limits& limits_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  size_t total_ = 0;
};

// Element names without their namespace prefix ("x:row" -> "row").
std::string_view local(const char* name) {
  std::string_view n(name);
  const size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node c : parent.children())
    if (local(c.name()) == name)
      return c;
  return {};
}

pugi::xml_document parse(const std::string& text, const std::string& part) {
  pugi::xml_document doc;
  if (!doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                       pugi::encoding_utf8))
    throw damaged(part);
  return doc;
}

// The text of a string item: every <t> under it, phonetic runs left out.
void collect_text(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node c : node.children()) {
    const std::string_view name = local(c.name());
    if (name == "t")
      out += c.text().get();
    else if (name == "r")
      collect_text(c, out);
  }
}

// "xl/worksheets/sheet1.xml" from a relationship target, absolute or relative
// to xl/; empty for a target that steps outside (which no writer emits).
std::string part_path(std::string_view target) {
  if (target.find("..") != std::string_view::npos)
    return {};
  if (target.starts_with('/'))
    return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

// "BC12" -> column 54 (0-based); nullopt when the reference has no letters.
std::optional<size_t> column_of(std::string_view ref) {
  size_t col = 0;
  size_t letters = 0;
  for (char c : ref) {
    if (c >= 'A' && c <= 'Z')
      col = col * 26 + static_cast<size_t>(c - 'A' + 1);
    else if (c >= 'a' && c <= 'z')
      col = col * 26 + static_cast<size_t>(c - 'a' + 1);
    else
      break;
    if (++letters > 3)
      return std::nullopt;
  }
  if (letters == 0)
    return std::nullopt;
  return col - 1;
}

std::optional<double> number_of(std::string_view text) {
  double d = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(d))
    return std::nullopt;
  return d;
}

Cell read_cell(pugi::xml_node c, const std::vector<std::string>& shared, const std::string& part) {
  Cell cell;
  cell.formula = static_cast<bool>(child(c, "f"));
  const std::string_view type = c.attribute("t").value();
  const std::string_view v = child(c, "v").text().get();
  if (type == "inlineStr") {
    collect_text(child(c, "is"), cell.text);
    cell.type = CellType::text;
  } else if (type == "s") {
    const auto index = number_of(v);
    if (!index || *index < 0 || *index >= static_cast<double>(shared.size()))
      throw damaged(part);
    cell.text = shared[static_cast<size_t>(*index)];
    cell.type = CellType::text;
  } else if (type == "str") {
    cell.text = v;
    cell.type = CellType::text;
  } else if (type == "b") {
    cell.type = CellType::boolean;
    cell.number = v == "1" ? 1 : 0;
    cell.text = v;
  } else if (type == "e") {
    cell.type = CellType::error;
    cell.text = v;
  } else if (!v.empty()) {
    const auto d = number_of(v);
    if (!d)
      throw damaged(part);
    cell.type = CellType::number;
    cell.number = *d;
    cell.text = v;
  }
  if (cell.type == CellType::text && !core::is_valid_utf8(cell.text))
    throw damaged(part);
  return cell;
}

}  // namespace

bool looks_like_zip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

Sheet read_sheet(std::string_view bytes, const std::vector<std::string>& names,
                 const Limits& limits) {
  Package package(bytes, limits);

  // Which part holds the sheet: workbook.xml names it, its relationships locate it.
  const std::string workbook_part = "xl/workbook.xml";
  const pugi::xml_document workbook = parse(package.read(workbook_part), workbook_part);
  const pugi::xml_node sheets = child(child(workbook, "workbook"), "sheets");
  std::string found_names, rel_id, sheet_name;
  for (pugi::xml_node s : sheets.children()) {
    if (local(s.name()) != "sheet")
      continue;
    const std::string name = s.attribute("name").value();
    found_names += (found_names.empty() ? "" : ", ") + ("\"" + name + "\"");
    for (const auto& wanted : names) {
      if (rel_id.empty() && name == wanted) {
        sheet_name = name;
        for (pugi::xml_attribute a : s.attributes())
          if (local(a.name()) == "id" &&
              std::string_view(a.name()).find(':') != std::string_view::npos)
            rel_id = a.value();
      }
    }
  }
  if (sheet_name.empty()) {
    std::string wanted;
    for (const auto& n : names)
      wanted += (wanted.empty() ? "" : ", ") + ("\"" + n + "\"");
    throw core::invalid_input("xlsx.sheet_missing", {wanted, found_names}, "file");
  }
  const std::string rels_part = "xl/_rels/workbook.xml.rels";
  const pugi::xml_document rels = parse(package.read(rels_part), rels_part);
  std::string sheet_part;
  for (pugi::xml_node r : child(rels, "Relationships").children())
    if (local(r.name()) == "Relationship" && rel_id == r.attribute("Id").value())
      sheet_part = part_path(r.attribute("Target").value());
  if (sheet_part.empty())
    throw damaged(rels_part);

  std::vector<std::string> shared;
  const std::string shared_part = "xl/sharedStrings.xml";
  if (package.has(shared_part)) {
    const pugi::xml_document sst = parse(package.read(shared_part), shared_part);
    for (pugi::xml_node si : child(sst, "sst").children()) {
      if (local(si.name()) != "si")
        continue;
      std::string text;
      collect_text(si, text);
      shared.push_back(std::move(text));
    }
  }

  const pugi::xml_document doc = parse(package.read(sheet_part), sheet_part);
  const pugi::xml_node data = child(child(doc, "worksheet"), "sheetData");
  if (!data)
    throw damaged(sheet_part);
  Sheet sheet;
  sheet.name = sheet_name;
  size_t line = 0;
  for (pugi::xml_node r : data.children()) {
    if (local(r.name()) != "row")
      continue;
    const unsigned long number = r.attribute("r").as_ullong(line + 1);
    if (number <= line)
      throw damaged(sheet_part);  // rows out of order or repeated
    line = number;
    Row row;
    row.line = line;
    size_t column = 0;
    for (pugi::xml_node c : r.children()) {
      if (local(c.name()) != "c")
        continue;
      if (const char* ref = c.attribute("r").value(); *ref) {
        const auto col = column_of(ref);
        if (!col || *col < column)
          throw damaged(sheet_part);
        column = *col;
      }
      if (column >= limits.max_columns)
        throw core::invalid_input("xlsx.too_many_columns",
                                  {std::to_string(line), std::to_string(limits.max_columns)},
                                  "file");
      Cell cell = read_cell(c, shared, sheet_part);
      if (cell.type != CellType::empty || cell.formula) {
        row.cells.resize(column + 1);
        row.cells[column] = std::move(cell);
      }
      ++column;
    }
    if (!row.cells.empty())
      sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace mandate::io::xlsx
