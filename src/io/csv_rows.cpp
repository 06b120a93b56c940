#include "io/csv_rows.hpp"

#include <csv.h>

#include <new>

#include "core/error.hpp"

namespace mandate::io {
namespace {

struct CsvRows {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
};

void on_field(void* field, size_t size, void* data) {
  auto* rows = static_cast<CsvRows*>(data);
  rows->current.emplace_back(field ? static_cast<const char*>(field) : "", field ? size : 0);
}

void on_row(int, void* data) {
  auto* rows = static_cast<CsvRows*>(data);
  rows->rows.push_back(std::move(rows->current));
  rows->current.clear();
}

struct CsvParser {
  csv_parser parser{};
  bool ready = false;
  ~CsvParser() {
    if (ready)
      csv_free(&parser);
  }
};

}  // namespace

std::vector<std::vector<std::string>> read_csv_rows(std::string_view text) {
  CsvParser p;
  if (csv_init(&p.parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    throw std::bad_alloc();
  p.ready = true;
  CsvRows rows;
  const size_t used = csv_parse(&p.parser, text.data(), text.size(), on_field, on_row, &rows);
  if (used != text.size() || csv_fini(&p.parser, on_field, on_row, &rows) != 0) {
    const std::string row = std::to_string(rows.rows.size() + 1);
    throw core::invalid_input("dhis2.csv_invalid", {row, csv_strerror(csv_error(&p.parser))},
                              "body");
  }
  return std::move(rows.rows);
}

}  // namespace mandate::io
