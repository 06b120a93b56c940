#include "store/copy/canonical_row.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/error.hpp"

namespace mandate::store::copy {
namespace {

constexpr size_t kShownBytes = 60;  // of a long value in a message

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

size_t column_index(const std::vector<Column>& columns, std::string_view name,
                    std::string_view table) {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == name)
      return i;
  throw core::Error(core::ErrorCategory::internal, "migrate.schema_differs",
                    {std::string(table), std::string(name)});
}

std::string shown(const Cell& cell, Kind kind) {
  if (!cell)
    return "NULL";
  if (kind == Kind::blob)
    return "<" + std::to_string(cell->size()) + " bytes>";
  if (kind != Kind::text)
    return *cell;
  std::string text = cell->size() > kShownBytes ? cell->substr(0, kShownBytes) + "…" : *cell;
  return "\"" + text + "\"";
}

}  // namespace

Kind kind_of_declared(std::string_view declared_type) {
  const std::string t = lower(declared_type);
  if (t.find("int") != std::string::npos)
    return Kind::integer;
  if (t.find("real") != std::string::npos || t.find("double") != std::string::npos)
    return Kind::real;
  if (t.find("blob") != std::string::npos || t.find("bytea") != std::string::npos)
    return Kind::blob;
  return Kind::text;
}

Layout make_layout(const TableSpec& spec, std::vector<Column> columns) {
  std::sort(columns.begin(), columns.end(),
            [](const Column& a, const Column& b) { return a.name < b.name; });
  Layout layout{&spec, std::move(columns), {}, {}};
  for (auto name : spec.key)
    layout.key.push_back(column_index(layout.columns, name, spec.name));
  for (auto name : spec.unique)
    layout.unique.push_back(column_index(layout.columns, name, spec.name));
  return layout;
}

int compare_keys(const Layout& layout, const Row& a, const Row& b) {
  for (size_t i : layout.key) {
    // Key columns are NOT NULL in every schema.
    const std::string& x = a[i].value();
    const std::string& y = b[i].value();
    int c = 0;
    if (layout.columns[i].kind == Kind::integer) {
      const long long u = std::stoll(x), v = std::stoll(y);
      c = u < v ? -1 : (u > v ? 1 : 0);
    } else {
      c = x.compare(y);  // char_traits<char> compares as unsigned bytes
    }
    if (c != 0)
      return c < 0 ? -1 : 1;
  }
  return 0;
}

std::string describe_cell(const Layout& layout, const Row& row, size_t column) {
  return layout.columns[column].name + "=" + shown(row[column], layout.columns[column].kind);
}

std::string describe_key(const Layout& layout, const Row& row) {
  std::string out;
  for (size_t i : layout.key)
    out += (out.empty() ? "" : ", ") + describe_cell(layout, row, i);
  return out;
}

std::pair<std::string, std::string> describe_difference(const Layout& layout, const Row& a,
                                                        const Row& b) {
  std::pair<std::string, std::string> out;
  for (size_t i = 0; i < layout.columns.size(); ++i) {
    if (a[i] == b[i])
      continue;
    const char* sep = out.first.empty() ? "" : ", ";
    out.first += sep + describe_cell(layout, a, i);
    out.second += sep + describe_cell(layout, b, i);
  }
  return out;
}

RowHasher::RowHasher(const Layout& layout) {
  for (const auto& c : layout.columns)
    sha_.add(c.name);
}

void RowHasher::add(const Row& row) {
  ++rows_;
  for (const auto& cell : row) {
    sha_.add_present(cell.has_value());
    if (cell)
      sha_.add(*cell);
  }
}

std::string RowHasher::hex() {
  return sha_.hex();
}

}  // namespace mandate::store::copy
