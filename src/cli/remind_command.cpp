// remind: one reminder pass, for cron and tests: creates the notifications
// today calls for, sends the e-mail waiting (with --smtp-url), and prints
// what it did.
#include <ostream>

#include "cli/command_context.hpp"
#include "cli/reminder_options.hpp"
#include "core/error.hpp"
#include "service/reminder_service.hpp"
#include "service/snapshot.hpp"

namespace mandate::cli {

void add_remind_command(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string db, today;
    ReminderOptions reminders;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("remind", CommandContext::help("cli.help.remind"));
  add_db_option(*cmd, opts->db);
  cmd->add_option("--today", opts->today, CommandContext::help("cli.help.today"));
  add_reminder_options(*cmd, opts->reminders);
  cmd->callback([&ctx, opts] {
    const auto mailer = make_mailer(opts->reminders);
    const std::string now = ctx.now();
    const core::Date today =
        opts->today.empty() ? core::vietnam_date(now) : core::parse_iso_date(opts->today);
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    service::SnapshotCache cache(*store);
    const auto snapshot = cache.get();
    const auto created = service::create_reminders(
        *store, *snapshot, today, opts->reminders.settings, now, mailer != nullptr);
    const core::Lang lang = ctx.lang();
    *ctx.out << core::tr(lang, "remind.created", {std::to_string(created.size())}) << "\n";
    for (const auto& n : created)
      *ctx.out << core::tr(lang, "remind.line",
                           {n.username, n.kind, n.form, n.unit,
                            n.period.empty() ? n.occasion : n.period})
               << "\n";
    if (!mailer)
      return;
    const auto mail =
        service::send_pending_mail(*store, *snapshot, *mailer, now, opts->reminders.public_url);
    for (const auto& line : mail.errors)
      *ctx.out << line << "\n";
    *ctx.out << core::tr(lang, "remind.mailed",
                         {std::to_string(mail.sent), std::to_string(mail.failed)})
             << "\n";
  });
}

}  // namespace mandate::cli
