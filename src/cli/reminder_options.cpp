#include "cli/reminder_options.hpp"

#include <cstdlib>
#include <fstream>

#include "cli/command_context.hpp"
#include "core/error.hpp"
#include "service/smtp_mailer.hpp"

namespace mandate::cli {

void add_reminder_options(CLI::App& cmd, ReminderOptions& o) {
  cmd.add_option("--remind-days-before", o.settings.days_before,
                 CommandContext::help("cli.help.remind_days_before"))
      ->check(CLI::Range(0, 31))
      ->envname("MANDATE_REMIND_DAYS_BEFORE")
      ->capture_default_str();
  cmd.add_option("--remind-overdue-days", o.settings.overdue_days,
                 CommandContext::help("cli.help.remind_overdue_days"))
      ->check(CLI::Range(1, 92))
      ->envname("MANDATE_REMIND_OVERDUE_DAYS")
      ->capture_default_str();
  cmd.add_option("--digest-days", o.settings.digest_days,
                 CommandContext::help("cli.help.digest_days"))
      ->check(CLI::Range(1, 366))
      ->envname("MANDATE_DIGEST_DAYS")
      ->capture_default_str();
  cmd.add_option("--smtp-url", o.smtp_url, CommandContext::help("cli.help.smtp_url"))
      ->envname("MANDATE_SMTP_URL");
  cmd.add_option("--smtp-from", o.smtp_from, CommandContext::help("cli.help.smtp_from"))
      ->envname("MANDATE_SMTP_FROM");
  cmd.add_option("--smtp-user", o.smtp_user, CommandContext::help("cli.help.smtp_user"))
      ->envname("MANDATE_SMTP_USER");
  cmd.add_option("--smtp-password-file", o.smtp_password_file,
                 CommandContext::help("cli.help.smtp_password_file"))
      ->envname("MANDATE_SMTP_PASSWORD_FILE");
  cmd.add_option("--smtp-timeout-s", o.smtp_timeout_s,
                 CommandContext::help("cli.help.smtp_timeout_s"))
      ->check(CLI::Range(1, 600))
      ->capture_default_str();
  cmd.add_option("--public-url", o.public_url, CommandContext::help("cli.help.public_url"))
      ->envname("MANDATE_PUBLIC_URL");
}

std::shared_ptr<service::Mailer> make_mailer(const ReminderOptions& o) {
  if (o.smtp_url.empty())
    return nullptr;
  service::SmtpConfig config;
  config.url = o.smtp_url;
  config.from = o.smtp_from;
  config.username = o.smtp_user;
  config.timeout = std::chrono::seconds(o.smtp_timeout_s);
  if (!o.smtp_password_file.empty()) {
    std::ifstream in(o.smtp_password_file);
    if (!in || !std::getline(in, config.password))
      throw core::Error(core::ErrorCategory::invalid_input, "mail.password_file",
                        {o.smtp_password_file});
    if (!config.password.empty() && config.password.back() == '\r')
      config.password.pop_back();
  } else if (const char* env = std::getenv("MANDATE_SMTP_PASSWORD")) {
    config.password = env;
  }
  return std::make_shared<service::SmtpMailer>(std::move(config));
}

}  // namespace mandate::cli
