#pragma once
// Plain-text tables for the terminal, aligned by display width so Vietnamese
// names line up.
#include <iosfwd>
#include <string>
#include <vector>

namespace mandate::cli {

void print_table(std::ostream& out, const std::vector<std::string>& headers,
                 const std::vector<std::vector<std::string>>& rows);

}  // namespace mandate::cli
