// value set / value history: one figure at a time.
#include <ostream>

#include "cli/command_context.hpp"
#include "cli/table.hpp"
#include "core/number_format.hpp"
#include "service/value_service.hpp"

namespace mandate::cli {

void add_value_commands(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string db, kind = "official", value_text;
    service::ValueWrite input;
  };
  auto opts = std::make_shared<Options>();
  auto* value = app.add_subcommand("value", CommandContext::help("cli.help.value"));
  value->require_subcommand(1);

  auto* set = value->add_subcommand("set", CommandContext::help("cli.help.value_set"));
  add_db_option(*set, opts->db);
  set->add_option("--indicator", opts->input.indicator, CommandContext::help("cli.help.indicator"))
      ->required();
  set->add_option("--unit", opts->input.unit, CommandContext::help("cli.help.unit"))->required();
  set->add_option("--period", opts->input.period, CommandContext::help("cli.help.period"))
      ->required();
  set->add_option("--value", opts->value_text, CommandContext::help("cli.help.value_text"))
      ->required();
  set->add_option("--kind", opts->kind, CommandContext::help("cli.help.value_kind"))
      ->check(CLI::IsMember({"estimate", "official"}));
  set->add_option("--comment", opts->input.comment, CommandContext::help("cli.help.comment"));
  set->callback([&ctx, opts] {
    const auto number = core::parse_vi_number(opts->value_text);
    if (!number)
      throw core::invalid_input("value.not_a_number", {opts->value_text}, "value");
    opts->input.kind = core::parse_value_kind(opts->kind);
    opts->input.value = *number;
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    service::SnapshotCache cache(*store);
    const auto snapshot = cache.get();
    const auto outcome = service::put_value(
        *store, *snapshot, service::command_line_actor(*snapshot, ctx.now()), opts->input);
    *ctx.out << core::tr(ctx.lang(), outcome.changed ? "cli.value_saved" : "cli.value_unchanged")
             << "\n";
  });

  auto* history = value->add_subcommand("history", CommandContext::help("cli.help.value_history"));
  add_db_option(*history, opts->db);
  history
      ->add_option("--indicator", opts->input.indicator, CommandContext::help("cli.help.indicator"))
      ->required();
  history->add_option("--unit", opts->input.unit, CommandContext::help("cli.help.unit"))
      ->required();
  history->add_option("--period", opts->input.period, CommandContext::help("cli.help.period"))
      ->required();
  history->callback([&ctx, opts] {
    const core::Lang lang = ctx.lang();
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    service::SnapshotCache cache(*store);
    const auto snapshot = cache.get();
    const auto changes = service::value_history(
        *store, *snapshot, service::command_line_actor(*snapshot, ctx.now()).principal,
        opts->input.indicator, opts->input.unit, opts->input.period);
    std::vector<std::vector<std::string>> rows;
    auto num = [&](const std::optional<double>& d) {
      return d ? core::format_number(*d, lang, 6) : std::string();
    };
    for (const auto& c : changes)
      rows.push_back({c.at, c.actor,
                      core::tr(lang, "kind." + std::string(core::value_kind_name(c.kind))),
                      num(c.old_value), num(c.new_value), c.comment});
    std::vector<std::string> headers;
    for (const char* k : {"at", "actor", "kind", "old", "new", "comment"})
      headers.push_back(core::tr(lang, std::string("list.col.") + k));
    print_table(*ctx.out, headers, rows);
  });
}

}  // namespace mandate::cli
