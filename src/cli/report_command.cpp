// report: the periodic report of a unit for a period, in any format.
#include <ostream>

#include "cli/command_context.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "io/file.hpp"
#include "report/render.hpp"
#include "service/report_service.hpp"

namespace mandate::cli {

void add_report_command(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string db, unit, period, format, out, kind, layout = "party", templates, trace;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("report", CommandContext::help("cli.help.report"));
  add_db_option(*cmd, opts->db);
  cmd->add_option("--unit", opts->unit, CommandContext::help("cli.help.unit"))->required();
  cmd->add_option("--period", opts->period, CommandContext::help("cli.help.period"))->required();
  add_format_option(*cmd, opts->format, {"text", "md", "json", "docx", "pdf", "xlsx", "trace"});
  cmd->add_option("--out", opts->out, CommandContext::help("cli.help.out"));
  cmd->add_option("--kind", opts->kind, CommandContext::help("cli.help.report_kind"));
  cmd->add_option("--layout", opts->layout, CommandContext::help("cli.help.layout"))
      ->capture_default_str();
  cmd->add_option("--templates", opts->templates, CommandContext::help("cli.help.templates"));
  cmd->add_option("--trace", opts->trace, CommandContext::help("cli.help.trace"));
  cmd->callback([&ctx, opts] {
    const report::Format format = report::parse_format(opts->format);
    report::RenderOptions options;
    if (!opts->kind.empty())
      options.kind = report::parse_report_kind(opts->kind);
    options.layout = report::parse_layout(opts->layout);
    if (report::is_download(format) && format != report::Format::trace && opts->out.empty())
      throw core::invalid_input("report.out_required", {opts->format}, "out");
    const report::TemplateLibrary templates = opts->templates.empty()
                                                  ? report::TemplateLibrary()
                                                  : report::TemplateLibrary(opts->templates);

    auto store = store::open_store(opts->db, store::OpenMode::existing);
    const auto built = service::build_report(*store, opts->unit, opts->period, ctx.lang(),
                                             core::vietnam_date(ctx.now()));
    const std::string bytes = report::render(built, format, options, templates);
    if (!opts->trace.empty())
      io::write_file_atomic(opts->trace,
                            report::render(built, report::Format::trace, options, templates));
    if (opts->out.empty())
      *ctx.out << bytes;
    else
      io::write_file_atomic(opts->out, bytes);
  });
}

}  // namespace mandate::cli
