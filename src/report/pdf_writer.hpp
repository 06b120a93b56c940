#pragma once
// The report as a PDF (cairo + pango), A4 with the margins of the official
// layout, Times New Roman's metrics through Liberation Serif.
#include <string>

#include "report/document.hpp"

namespace mandate::report {

std::string write_pdf(const Document& doc);

}  // namespace mandate::report
