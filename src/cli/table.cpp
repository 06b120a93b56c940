#include "cli/table.hpp"

#include <algorithm>
#include <ostream>

namespace mandate::cli {
namespace {

// One column per code point: NFC Vietnamese has no combining marks.
size_t width(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

void print_table(std::ostream& out, const std::vector<std::string>& headers,
                 const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths(headers.size());
  for (size_t c = 0; c < headers.size(); ++c)
    widths[c] = width(headers[c]);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], width(row[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (size_t c = 0; c < widths.size(); ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      if (c)
        s += "  ";
      s += cell;
      if (c + 1 < widths.size())
        s += std::string(widths[c] - width(cell), ' ');
    }
    out << s << "\n";
  };
  line(headers);
  std::vector<std::string> rule;
  for (size_t w : widths)
    rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : rows)
    line(row);
}

}  // namespace mandate::cli
