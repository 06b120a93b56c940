#pragma once
// CSV text split into rows of fields by libcsv, strictly (bad quoting fails).
#include <string>
#include <string_view>
#include <vector>

namespace mandate::io {

// Throws core::Error invalid_input "dhis2.csv_invalid" with the row and libcsv's reason.
std::vector<std::vector<std::string>> read_csv_rows(std::string_view text);

}  // namespace mandate::io
