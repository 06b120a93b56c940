// backup, restore: copies of an embedded database; migrate: a whole database
// into another one, of either kind; checksum: what migrate compares; audit
// verify: whether the audit log's hash chain holds.
#include <cstdlib>
#include <ostream>

#include "cli/command_context.hpp"
#include "cli/table.hpp"
#include "core/error.hpp"
#include "store/audit_chain.hpp"
#include "store/backup.hpp"
#include "store/migrate.hpp"

namespace mandate::cli {
namespace {

// For the tests of resuming: the process ends, as if killed, after this many
// committed batches (docs/cli.md).
long long exit_after_batches() {
  const char* n = std::getenv("MANDATE_MIGRATE_EXIT_AFTER_BATCHES");
  return n ? std::atoll(n) : 0;
}

void add_migrate_command(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string from, to;
    long long batch_rows = store::MigrateOptions{}.batch_rows;
  };
  auto opts = std::make_shared<Options>();
  auto* migrate = app.add_subcommand("migrate", CommandContext::help("cli.help.migrate"));
  migrate->add_option("--from", opts->from, CommandContext::help("cli.help.migrate_from"))
      ->required();
  migrate->add_option("--to", opts->to, CommandContext::help("cli.help.migrate_to"))->required();
  migrate
      ->add_option("--batch-rows", opts->batch_rows, CommandContext::help("cli.help.migrate_batch"))
      ->check(CLI::PositiveNumber);
  migrate->callback([&ctx, opts] {
    store::MigrateOptions options;
    options.batch_rows = opts->batch_rows;
    const long long exit_after = exit_after_batches();
    long long batches = 0;
    options.on_batch = [&](const std::string& table, long long copied) {
      *ctx.out << core::tr(ctx.lang(), "cli.migrate_progress", {table, std::to_string(copied)})
               << std::endl;
      if (exit_after > 0 && ++batches >= exit_after)
        std::_Exit(75);
    };
    const auto report = store::migrate(opts->from, opts->to, options);
    for (const auto& t : report)
      *ctx.out << core::tr(ctx.lang(), "cli.migrate_table",
                           {t.table, std::to_string(t.source_rows), std::to_string(t.copied),
                            std::to_string(t.already), std::to_string(t.target_only)})
               << "\n";
    *ctx.out << core::tr(ctx.lang(), "cli.done_migrate", {opts->from, opts->to}) << "\n";
  });
}

void add_checksum_command(CLI::App& app, CommandContext& ctx) {
  auto db = std::make_shared<std::string>();
  auto* checksum = app.add_subcommand("checksum", CommandContext::help("cli.help.checksum"));
  add_db_option(*checksum, *db);
  checksum->callback([&ctx, db] {
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : store::table_checksums(*db))
      rows.push_back({t.table, std::to_string(t.rows), t.checksum});
    print_table(
        *ctx.out,
        {core::tr(ctx.lang(), "cli.checksum_table"), core::tr(ctx.lang(), "cli.checksum_rows"),
         core::tr(ctx.lang(), "cli.checksum_sha256")},
        rows);
  });
}

void add_audit_command(CLI::App& app, CommandContext& ctx) {
  auto db = std::make_shared<std::string>();
  auto* audit = app.add_subcommand("audit", CommandContext::help("cli.help.audit"));
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", CommandContext::help("cli.help.audit_verify"));
  add_db_option(*verify, *db);
  verify->callback([&ctx, db] {
    auto store = store::open_store(*db, store::OpenMode::existing);
    const auto checked = store::verify_audit_chain(*store);
    if (checked.broken_at)
      throw core::Error(core::ErrorCategory::corrupt, "audit.chain_broken",
                        {std::to_string(*checked.broken_at), std::to_string(checked.entries - 1)});
    *ctx.out << core::tr(
                    ctx.lang(), "cli.audit_intact",
                    {std::to_string(checked.entries), checked.head.empty() ? "-" : checked.head})
             << "\n";
  });
}

}  // namespace

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

  add_migrate_command(app, ctx);
  add_checksum_command(app, ctx);
  add_audit_command(app, ctx);
}

}  // namespace mandate::cli
