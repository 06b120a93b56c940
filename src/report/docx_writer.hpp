#pragma once
// The report as a DOCX (WordprocessingML written with pugixml, zipped with
// libzip): A4, Times New Roman 14 justified, the official header and
// signature blocks as borderless tables, charts as PNG images.
#include <string>

#include "report/document.hpp"

namespace mandate::report {

std::string write_docx(const Document& doc);

}  // namespace mandate::report
