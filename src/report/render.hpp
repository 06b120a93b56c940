#pragma once
// One entry point for every format a report comes in, used by the command
// line and the HTTP API alike.
#include <optional>
#include <string>
#include <string_view>

#include "report/report_kind.hpp"
#include "report/template_library.hpp"
#include "service/report_service.hpp"

namespace mandate::report {

enum class Format { text, md, json, docx, pdf, xlsx, trace };

// Throws Error(invalid_input, "query.invalid") naming the field "format".
Format parse_format(std::string_view s);
std::string_view format_name(Format f);

struct RenderOptions {
  std::optional<ReportKind> kind;  // default: the period's (default_kind)
  Layout layout = Layout::party;
};

std::string_view content_type(Format f);
// Files to save rather than text to show: DOCX, PDF, XLSX and the trace.
bool is_download(Format f);
// "bao-cao-LS-2021.docx": ASCII only, from the unit code and the period id.
std::string file_name(std::string_view unit_code, std::string_view period_id, Format f);

// The report's bytes in the format. Throws core::Error (a broken template,
// a failing library).
std::string render(const service::Report& report, Format format, const RenderOptions& options,
                   const TemplateLibrary& templates);

}  // namespace mandate::report
