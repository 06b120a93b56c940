#pragma once
// The options `serve` and `remind` share: when to remind, and the SMTP
// server e-mail goes through (docs/operations.md, "E-mail reminders"). Each
// option can also come from the environment (deploy/mandate.env); the
// password only from a file or the environment, never the command line.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "core/reminder.hpp"
#include "service/mailer.hpp"

namespace mandate::cli {

struct ReminderOptions {
  core::ReminderSettings settings;
  std::string smtp_url, smtp_from, smtp_user, smtp_password_file, public_url;
  int smtp_timeout_s = 30;
};

void add_reminder_options(CLI::App& command, ReminderOptions& options);
// The SMTP mailer the options configure, or null without --smtp-url. The
// password: the file's first line, else MANDATE_SMTP_PASSWORD.
std::shared_ptr<service::Mailer> make_mailer(const ReminderOptions& options);

}  // namespace mandate::cli
