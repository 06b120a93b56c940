#pragma once
// The indicator table as an XLSX workbook (libxlsxwriter): numbers stored as
// numbers with display formats, the header frozen, A4 landscape print set-up.
#include <string>

#include "service/report_service.hpp"

namespace mandate::report {

std::string write_xlsx(const service::Report& report);

}  // namespace mandate::report
