// backup, restore: copies of an embedded database.
#include <ostream>

#include "cli/command_context.hpp"
#include "store/backup.hpp"

namespace mandate::cli {

void add_backup_commands(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string db, file;
  };
  auto opts = std::make_shared<Options>();

  auto* backup = app.add_subcommand("backup", CommandContext::help("cli.help.backup"));
  add_db_option(*backup, opts->db);
  backup->add_option("--out", opts->file, CommandContext::help("cli.help.backup_out"))->required();
  backup->callback([&ctx, opts] {
    store::backup(opts->db, opts->file);
    *ctx.out << core::tr(ctx.lang(), "cli.done_backup", {opts->db, opts->file}) << "\n";
  });

  auto* restore = app.add_subcommand("restore", CommandContext::help("cli.help.restore"));
  add_db_option(*restore, opts->db);
  restore->add_option("--from", opts->file, CommandContext::help("cli.help.restore_from"))
      ->required();
  restore->callback([&ctx, opts] {
    store::restore(opts->file, opts->db);
    *ctx.out << core::tr(ctx.lang(), "cli.done_restore", {opts->file, opts->db}) << "\n";
  });
}

}  // namespace mandate::cli
