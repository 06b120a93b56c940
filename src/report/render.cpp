#include "report/render.hpp"

#include "core/error.hpp"
#include "io/report_render.hpp"
#include "report/compose.hpp"
#include "report/docx_writer.hpp"
#include "report/pdf_writer.hpp"
#include "report/trace.hpp"
#include "report/xlsx_writer.hpp"

namespace mandate::report {
namespace {

constexpr Format kFormats[] = {Format::text, Format::md,   Format::json, Format::docx,
                               Format::pdf,  Format::xlsx, Format::trace};

}  // namespace

std::string_view format_name(Format f) {
  switch (f) {
    case Format::text:
      return "text";
    case Format::md:
      return "md";
    case Format::json:
      return "json";
    case Format::docx:
      return "docx";
    case Format::pdf:
      return "pdf";
    case Format::xlsx:
      return "xlsx";
    case Format::trace:
      return "trace";
  }
  return "text";
}

Format parse_format(std::string_view s) {
  for (Format f : kFormats)
    if (format_name(f) == s)
      return f;
  throw core::invalid_input("query.invalid", {"format", std::string(s)}, "format");
}

std::string_view content_type(Format f) {
  switch (f) {
    case Format::text:
      return "text/plain; charset=utf-8";
    case Format::md:
      return "text/markdown; charset=utf-8";
    case Format::json:
    case Format::trace:
      return "application/json; charset=utf-8";
    case Format::docx:
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case Format::pdf:
      return "application/pdf";
    case Format::xlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

bool is_download(Format f) {
  return f == Format::docx || f == Format::pdf || f == Format::xlsx || f == Format::trace;
}

std::string file_name(std::string_view unit_code, std::string_view period_id, Format f) {
  const std::string base = "bao-cao-" + std::string(unit_code) + "-" + std::string(period_id);
  switch (f) {
    case Format::text:
      return base + ".txt";
    case Format::trace:
      return base + ".trace.json";
    default:
      return base + "." + std::string(format_name(f));
  }
}

std::string render(const service::Report& report, Format format, const RenderOptions& options,
                   const TemplateLibrary& templates) {
  const ReportKind kind = options.kind.value_or(default_kind(report.scorecard.period));
  switch (format) {
    case Format::text:
      return io::render_report_text(report.content);
    case Format::md:
      return io::render_report_markdown(report.content);
    case Format::json:
      return io::render_report_json(report.content, report.scorecard);
    case Format::trace:
      return write_trace(report);
    case Format::docx:
      return write_docx(compose_document(report, templates, kind, options.layout));
    case Format::pdf:
      return write_pdf(compose_document(report, templates, kind, options.layout));
    case Format::xlsx:
      return write_xlsx(report);
  }
  return {};
}

}  // namespace mandate::report
