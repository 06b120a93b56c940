// The `mandate` command: parses arguments, runs one command, and turns every
// failure into one line in Vietnamese and English with a distinct exit code.
#include <chrono>
#include <ctime>
#include <iostream>

#include "cli/command_context.hpp"
#include "core/error.hpp"

namespace {

using mandate::core::ErrorCategory;

// Exit codes, documented in docs/cli.md.
int exit_code(ErrorCategory c) {
  switch (c) {
    case ErrorCategory::invalid_input:
      return 3;
    case ErrorCategory::not_found:
      return 4;
    case ErrorCategory::conflict:
      return 5;
    case ErrorCategory::unauthenticated:
    case ErrorCategory::permission:
      return 6;
    case ErrorCategory::precondition_failed:
      return 5;
    case ErrorCategory::too_large:
      return 3;
    case ErrorCategory::unavailable:
      return 7;
    case ErrorCategory::corrupt:
      return 8;
    case ErrorCategory::internal:
      return 70;
  }
  return 70;
}

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void print_error(const std::string& vi, const std::string& en) {
  using mandate::core::Lang;
  using mandate::core::tr;
  std::cerr << tr(Lang::vi, "error.prefix") << ": " << vi << " / " << tr(Lang::en, "error.prefix")
            << ": " << en << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace mandate;
  cli::CommandContext ctx;
  ctx.out = &std::cout;
  ctx.now = now_utc;

  CLI::App app{cli::CommandContext::help("cli.help.app"), "mandate"};
  app.require_subcommand(1);
  app.add_option("--lang", ctx.lang_text, cli::CommandContext::help("cli.help.lang"))
      ->check(CLI::IsMember({"vi", "en"}));
  cli::add_data_commands(app, ctx);
  cli::add_report_command(app, ctx);
  cli::add_list_command(app, ctx);
  cli::add_value_commands(app, ctx);
  cli::add_user_commands(app, ctx);
  cli::add_serve_command(app, ctx);
  cli::add_backup_commands(app, ctx);
  cli::add_template_command(app, ctx);
  cli::add_cycle_commands(app, ctx);
  cli::add_remind_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_error(core::tr(core::Lang::vi, "cli.usage", {e.what()}),
                core::tr(core::Lang::en, "cli.usage", {e.what()}));
    return 2;
  } catch (const core::Error& e) {
    std::string vi = e.message(core::Lang::vi), en = e.message(core::Lang::en);
    if (!e.field().empty()) {
      vi = core::tr(core::Lang::vi, "error.at_field", {vi, e.field()});
      en = core::tr(core::Lang::en, "error.at_field", {en, e.field()});
    }
    print_error(vi, en);
    return exit_code(e.category());
  } catch (const std::exception& e) {
    print_error(core::tr(core::Lang::vi, "cli.internal", {e.what()}),
                core::tr(core::Lang::en, "cli.internal", {e.what()}));
    return 70;
  }
  return 0;
}
