#pragma once
// What every command shares: the chosen language, where output goes, the
// clock, and how a store is opened.
#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/i18n.hpp"
#include "store/store.hpp"

namespace mandate::cli {

struct CommandContext {
  std::string lang_text = "vi";
  std::ostream* out = nullptr;
  std::function<std::string()> now;  // ISO 8601 UTC, e.g. "2026-11-27T21:00:00Z"

  core::Lang lang() const { return core::parse_lang(lang_text); }
  store::ChangeContext change(const std::string& actor) const { return {actor, now()}; }
  // The command's help text in both languages, from the catalog.
  static std::string help(const std::string& key);
};

// Adds `--db FILE` (required) to a command and returns where it is stored.
void add_db_option(CLI::App& command, std::string& db);
// Adds `--format` limited to the given choices.
void add_format_option(CLI::App& command, std::string& format, std::vector<std::string> choices);

void add_data_commands(CLI::App& app, CommandContext& ctx);     // init, demo, import, export
void add_report_command(CLI::App& app, CommandContext& ctx);    // report
void add_list_command(CLI::App& app, CommandContext& ctx);      // list ...
void add_value_commands(CLI::App& app, CommandContext& ctx);    // value set, value history
void add_user_commands(CLI::App& app, CommandContext& ctx);     // user add, user list
void add_serve_command(CLI::App& app, CommandContext& ctx);     // serve (the web server)
void add_backup_commands(CLI::App& app, CommandContext& ctx);   // backup, restore
void add_template_command(CLI::App& app, CommandContext& ctx);  // template (entry_commands.cpp)
// submission list|submit|recall|approve|unapprove|reopen, completeness
void add_cycle_commands(CLI::App& app, CommandContext& ctx);
void add_remind_command(CLI::App& app, CommandContext& ctx);  // remind (one reminder pass)

// entry_commands.cpp: what `import` does with a file that is not metadata JSON.
bool is_metadata_json(const std::string& bytes);
// Imports a filled template (XLSX) or a CSV file; on problems prints them one
// per row, writes the XLSX report to errors_out (when given) and throws.
void import_values_file(CommandContext& ctx, const std::string& db, const std::string& path,
                        const std::string& bytes, const std::string& errors_out);

}  // namespace mandate::cli
