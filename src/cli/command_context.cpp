#include "cli/command_context.hpp"

namespace mandate::cli {

std::string CommandContext::help(const std::string& key) {
  return core::tr(core::Lang::vi, key) + " / " + core::tr(core::Lang::en, key);
}

void add_db_option(CLI::App& command, std::string& db) {
  command.add_option("--db", db, CommandContext::help("cli.help.db"))->required();
}

void add_format_option(CLI::App& command, std::string& format, std::vector<std::string> choices) {
  format = choices.front();
  command.add_option("--format", format, CommandContext::help("cli.help.format"))
      ->check(CLI::IsMember(std::move(choices)));
}

}  // namespace mandate::cli
