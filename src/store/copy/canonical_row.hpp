#pragma once
// Rows in one form whatever database they come from, so that both sides of a
// copy can be compared cell by cell and checksummed identically: integers
// and reals as their shortest decimal text, text and blobs as their bytes,
// NULL as no value. Columns are sorted by name, so the order a schema
// declares them in does not matter.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/copy/tables.hpp"
#include "store/sha256.hpp"

namespace mandate::store::copy {

enum class Kind { integer, real, text, blob };

// The kind of a column from its declared type: SQLite's INTEGER, REAL,
// TEXT, BLOB; PostgreSQL's bigint, integer, double precision, text, bytea.
Kind kind_of_declared(std::string_view declared_type);

struct Column {
  std::string name;
  Kind kind = Kind::text;
  bool operator==(const Column&) const = default;
};

using Cell = std::optional<std::string>;
using Row = std::vector<Cell>;

// A table's columns (sorted by name) and where its key and unique columns are.
struct Layout {
  const TableSpec* spec = nullptr;
  std::vector<Column> columns;
  std::vector<size_t> key;     // indexes into columns, in the key's order
  std::vector<size_t> unique;  // indexes into columns
};

// columns in any order; Error(internal) when a key or unique column is missing.
Layout make_layout(const TableSpec& spec, std::vector<Column> columns);

template <typename Statement>
Row read_row(Statement& st, const std::vector<Column>& columns) {
  Row row(columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    const int col = static_cast<int>(i);
    if (st.is_null(col))
      continue;
    switch (columns[i].kind) {
      case Kind::integer:
        row[i] = std::to_string(st.integer(col));
        break;
      case Kind::real: {
        char buf[64];
        const auto r = std::to_chars(buf, buf + sizeof buf, st.real(col));
        row[i] = std::string(buf, r.ptr);
        break;
      }
      case Kind::text:
        row[i] = st.text(col);
        break;
      case Kind::blob:
        row[i] = st.blob(col);
        break;
    }
  }
  return row;
}

// Binds a cell as its column's kind.
template <typename Statement>
void bind_cell(Statement& st, int index, const Cell& cell, Kind kind) {
  if (!cell) {
    st.bind_null(index);
    return;
  }
  switch (kind) {
    case Kind::integer:
      st.bind(index, std::stoll(*cell));
      break;
    case Kind::real: {
      double d = 0;
      std::from_chars(cell->data(), cell->data() + cell->size(), d);
      st.bind(index, d);
      break;
    }
    case Kind::text:
      st.bind(index, std::string_view(*cell));
      break;
    case Kind::blob:
      st.bind_blob(index, *cell);
      break;
  }
}

// Orders two rows by key as both databases do (numbers by value, text by
// bytes: PostgreSQL is asked for the "C" collation): <0, 0 or >0.
int compare_keys(const Layout& layout, const Row& a, const Row& b);

// "id=3" or "scale_code=A, position=2".
std::string describe_key(const Layout& layout, const Row& row);
// The columns whose cells differ, as "name=value, …" for each side.
std::pair<std::string, std::string> describe_difference(const Layout& layout, const Row& a,
                                                        const Row& b);
// "column=value" for one column of a row.
std::string describe_cell(const Layout& layout, const Row& row, size_t column);

// SHA-256 over a table's column names and its rows, fed in key order.
class RowHasher {
 public:
  explicit RowHasher(const Layout& layout);
  void add(const Row& row);
  long long rows() const { return rows_; }
  std::string hex();  // once, at the end

 private:
  Sha256 sha_;
  long long rows_ = 0;
};

}  // namespace mandate::store::copy
