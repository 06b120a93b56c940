// user add / user list: accounts from the command line (the first admin).
#include <iostream>
#include <ostream>

#include "cli/command_context.hpp"
#include "cli/table.hpp"
#include "core/error.hpp"
#include "service/auth_service.hpp"
#include "service/notification_service.hpp"

namespace mandate::cli {

void add_user_commands(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string db, username, display_name, unit, role = "viewer", email, language;
  };
  auto opts = std::make_shared<Options>();
  auto* user = app.add_subcommand("user", CommandContext::help("cli.help.user"));
  user->require_subcommand(1);

  auto* add = user->add_subcommand("add", CommandContext::help("cli.help.user_add"));
  add_db_option(*add, opts->db);
  add->add_option("--username", opts->username, CommandContext::help("cli.help.username"))
      ->required();
  add->add_option("--unit", opts->unit, CommandContext::help("cli.help.unit"))->required();
  add->add_option("--role", opts->role, CommandContext::help("cli.help.role"))
      ->check(CLI::IsMember({"admin", "planner", "reporter", "approver", "viewer"}));
  add->add_option("--name", opts->display_name, CommandContext::help("cli.help.display_name"));
  add->add_option("--email", opts->email, CommandContext::help("cli.help.email"));
  add->add_option("--language", opts->language, CommandContext::help("cli.help.user_language"))
      ->check(CLI::IsMember({"vi", "en"}));
  add->callback([&ctx, opts] {
    // The password comes from standard input so it never shows in `ps` or shell history.
    std::string password;
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r')
      password.pop_back();
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    service::AuthService auth(*store, [] { return std::chrono::system_clock::now(); });
    const core::Role role = core::parse_role(opts->role);
    auth.add_user(opts->username, opts->display_name, opts->unit, role, password, "cli");
    if (!opts->email.empty() || !opts->language.empty())
      service::set_user_contact(*store, opts->username, opts->email, opts->language,
                                ctx.change("cli"));
    const auto saved = store->find_user(opts->username);
    *ctx.out << core::tr(ctx.lang(), "cli.user_saved",
                         {opts->username, saved ? saved->unit : opts->unit, opts->role})
             << "\n";
  });

  // E-mail address and language of an existing account, for reminders.
  auto* set = user->add_subcommand("set", CommandContext::help("cli.help.user_set"));
  add_db_option(*set, opts->db);
  set->add_option("--username", opts->username, CommandContext::help("cli.help.username"))
      ->required();
  auto* email = set->add_option("--email", opts->email, CommandContext::help("cli.help.email"));
  auto* language =
      set->add_option("--language", opts->language, CommandContext::help("cli.help.user_language"))
          ->check(CLI::IsMember({"vi", "en", ""}));
  set->callback([&ctx, opts, email, language] {
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    const auto account = store->find_user(opts->username);
    if (!account)
      throw core::not_found("user.unknown", {opts->username});
    // An option left out keeps what is stored; --email "" removes the address.
    const std::string new_email = email->count() ? opts->email : account->email;
    const std::string new_language = language->count() ? opts->language : account->language;
    service::set_user_contact(*store, opts->username, new_email, new_language, ctx.change("cli"));
    *ctx.out << core::tr(ctx.lang(), "cli.user_contact_saved",
                         {opts->username, new_email.empty() ? "-" : new_email,
                          new_language.empty() ? "vi" : new_language})
             << "\n";
  });

  auto* list = user->add_subcommand("list", CommandContext::help("cli.help.user_list"));
  add_db_option(*list, opts->db);
  list->callback([&ctx, opts] {
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    std::vector<std::vector<std::string>> rows;
    for (const auto& u : store->users())
      rows.push_back({u.username, u.display_name, u.unit, std::string(core::role_name(u.role)),
                      u.email, u.locked_until});
    std::vector<std::string> headers;
    for (const char* k : {"username", "display_name", "unit", "role", "email", "locked"})
      headers.push_back(core::tr(ctx.lang(), std::string("list.col.") + k));
    print_table(*ctx.out, headers, rows);
  });
}

}  // namespace mandate::cli
