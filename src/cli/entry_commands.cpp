// The Excel round-trip on the command line: `template` writes a unit's
// data-entry template; `import FILE` with a filled template or a CSV file
// (data_commands.cpp hands such files here) imports its values, all or nothing.
#include <iostream>

#include "cli/command_context.hpp"
#include "core/error.hpp"
#include "io/data_entry_xlsx.hpp"
#include "io/file.hpp"
#include "service/data_entry_template.hpp"
#include "service/value_import.hpp"

namespace mandate::cli {

bool is_metadata_json(const std::string& bytes) {
  for (char c : bytes) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
      continue;
    return c == '{';
  }
  return false;
}

void import_values_file(CommandContext& ctx, const std::string& db, const std::string& path,
                        const std::string& bytes, const std::string& errors_out) {
  const io::EntryFormat format = io::detect_entry_format(bytes, path);
  const io::EntryTable table = io::read_entry_table(format, bytes);
  auto store = store::open_store(db, store::OpenMode::existing);
  service::SnapshotCache cache(*store);
  const auto snapshot = cache.get();
  const service::ValueImportResult result = service::import_entry_table(
      *store, *snapshot, service::command_line_actor(*snapshot, ctx.now()), table);
  if (result.ok()) {
    *ctx.out << core::tr(ctx.lang(), "cli.done_value_import",
                         {path, std::to_string(result.imported), std::to_string(result.updated),
                          std::to_string(result.unchanged)})
             << "\n";
    return;
  }
  const auto rows = service::error_report_rows(result);
  for (const auto& r : rows)
    std::cerr << core::tr(core::Lang::vi, "cli.import_row_error",
                          {std::to_string(r.line), r.column})
              << ": " << r.message_vi << " / " << r.message_en << "\n";
  if (!errors_out.empty())
    io::write_file_atomic(errors_out, io::write_error_report(rows));
  throw core::invalid_input("import.rejected", {std::to_string(result.errors.size())}, "file");
}

void add_template_command(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string db, unit, period, kind = "official", out;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("template", CommandContext::help("cli.help.template"));
  add_db_option(*cmd, opts->db);
  cmd->add_option("--unit", opts->unit, CommandContext::help("cli.help.unit"))->required();
  cmd->add_option("--period", opts->period, CommandContext::help("cli.help.period"))->required();
  cmd->add_option("--kind", opts->kind, CommandContext::help("cli.help.value_kind"))
      ->check(CLI::IsMember({"estimate", "official"}));
  cmd->add_option("--out", opts->out, CommandContext::help("cli.help.out"))->required();
  cmd->callback([&ctx, opts] {
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    service::SnapshotCache cache(*store);
    const auto snapshot = cache.get();
    const auto actor = service::command_line_actor(*snapshot, ctx.now());
    const auto t = service::data_entry_template(*snapshot, actor.principal, opts->unit,
                                                opts->period, core::parse_value_kind(opts->kind));
    io::write_file_atomic(opts->out, io::write_entry_template(t));
    *ctx.out << core::tr(ctx.lang(), "cli.done_export", {opts->out}) << "\n";
  });
}

}  // namespace mandate::cli
