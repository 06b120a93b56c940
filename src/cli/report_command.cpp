// report: the periodic report of a unit for a period.
#include <ostream>

#include "cli/command_context.hpp"
#include "io/file.hpp"
#include "io/report_render.hpp"
#include "service/report_service.hpp"

namespace mandate::cli {

void add_report_command(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string db, unit, period, format, out;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("report", CommandContext::help("cli.help.report"));
  add_db_option(*cmd, opts->db);
  cmd->add_option("--unit", opts->unit, CommandContext::help("cli.help.unit"))->required();
  cmd->add_option("--period", opts->period, CommandContext::help("cli.help.period"))->required();
  add_format_option(*cmd, opts->format, {"text", "md", "json"});
  cmd->add_option("--out", opts->out, CommandContext::help("cli.help.out"));
  cmd->callback([&ctx, opts] {
    const core::Lang lang = ctx.lang();
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    const auto report = service::build_report(*store, opts->unit, opts->period, lang);
    std::string text;
    if (opts->format == "md")
      text = io::render_report_markdown(report.content);
    else if (opts->format == "json")
      text = io::render_report_json(report.content, report.scorecard);
    else
      text = io::render_report_text(report.content);
    if (opts->out.empty())
      *ctx.out << text;
    else
      io::write_file_atomic(opts->out, text);
  });
}

}  // namespace mandate::cli
