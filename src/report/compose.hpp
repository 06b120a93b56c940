#pragma once
// Fills in a kind's template with the report's values and resolves its
// tables and charts: the Document the DOCX and PDF writers lay out.
#include "report/document.hpp"
#include "report/report_kind.hpp"
#include "report/template_library.hpp"
#include "service/report_service.hpp"

namespace mandate::report {

// Throws Error: report.template.not_found, report.template.invalid,
// report.template.unknown_block (a template an administrator broke).
Document compose_document(const service::Report& report, const TemplateLibrary& templates,
                          ReportKind kind, Layout layout);

// The indicator table as the report prints it.
Table indicator_table(const core::ReportContent& content);

}  // namespace mandate::report
