#include "report/compose.hpp"

#include "core/error.hpp"
#include "report/report_charts.hpp"
#include "report/template_context.hpp"

namespace mandate::report {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;
using kainjow::mustache::partial;

std::string render(const std::string& name, const std::string& text, const data& context) {
  mustache tmpl{text};
  if (!tmpl.is_valid())
    throw core::invalid_input("report.template.invalid", {name, tmpl.error_message()}, "template");
  tmpl.set_custom_escape([](const std::string& s) { return s; });  // not HTML
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid())
    throw core::invalid_input("report.template.invalid", {name, tmpl.error_message()}, "template");
  return out;
}

void unknown(const Block& b) {
  throw core::invalid_input(
      "report.template.unknown_block",
      {"-", (b.type == BlockType::table ? "[table " : "[chart ") + b.text + "]"}, "template");
}

}  // namespace

Table indicator_table(const core::ReportContent& content) {
  Table t;
  t.header = content.table_columns;
  for (const auto& row : content.table)
    t.rows.push_back({row.number, row.name, row.target, row.actual, row.percent_of_target,
                      row.last_year, row.status});
  t.widths = {0.75, 3.5, 1.75, 1.75, 1.35, 1.75, 1.45};
  t.align_right = {false, false, true, true, true, true, false};
  return t;
}

Document compose_document(const service::Report& report, const TemplateLibrary& templates,
                          ReportKind kind, Layout layout) {
  const std::optional<Chart> by_units = units_chart(report);
  data context = template_context(report, kind, layout);
  context.set("has_units_chart", by_units.has_value());
  const std::string letterhead = "letterhead-" + std::string(layout_name(layout));
  const std::string letterhead_text = templates.get(letterhead);
  const std::string body_text = templates.get("body");
  context.set("letterhead", partial{[&] { return letterhead_text; }});
  context.set("body", partial{[&] { return body_text; }});
  const std::string name(report_kind_name(kind));
  Document doc = parse_markup(render(name, templates.get(name), context));
  for (Block& b : doc.body) {
    if (b.type == BlockType::table) {
      if (b.text != "indicators")
        unknown(b);
      b.table = indicator_table(report.content);
    } else if (b.type == BlockType::chart) {
      if (b.text == "progress")
        b.chart = progress_chart(report);
      else if (b.text == "units" && by_units)
        b.chart = *by_units;
      else
        unknown(b);
    }
  }
  return doc;
}

}  // namespace mandate::report
