// submission list|submit|recall|approve|unapprove|reopen and completeness:
// the reporting cycle from the command line, as the administrator of the
// whole tree (the command line runs on the server itself).
#include <ostream>

#include "cli/command_context.hpp"
#include "cli/table.hpp"
#include "core/number_format.hpp"
#include "service/submission_service.hpp"

namespace mandate::cli {
namespace {

struct Options {
  std::string db, form, unit, period, reason;
};

void add_report_options(CLI::App& command, Options& o, bool required) {
  add_db_option(command, o.db);
  auto* form = command.add_option("--form", o.form, CommandContext::help("cli.help.form"));
  auto* unit = command.add_option("--unit", o.unit, CommandContext::help("cli.help.unit"));
  auto* period = command.add_option("--period", o.period, CommandContext::help("cli.help.period"));
  if (required) {
    form->required();
    unit->required();
    period->required();
  }
}

std::vector<std::string> headers(core::Lang lang, std::initializer_list<const char*> keys) {
  std::vector<std::string> out;
  for (const char* k : keys)
    out.push_back(core::tr(lang, std::string("list.col.") + k));
  return out;
}

std::string state_label(core::Lang lang, core::SubmissionState s) {
  return core::tr(lang, "submission_state.label." + std::string(core::submission_state_name(s)));
}

void print_counts(std::ostream& out, core::Lang lang, const std::string& who,
                  const core::CompletenessCounts& c) {
  auto pct = [&](int n) {
    return core::format_percent(c.expected == 0 ? 0 : 100.0 * n / c.expected, lang);
  };
  out << core::tr(lang, "cli.completeness_counts",
                  {who, std::to_string(c.sent()), std::to_string(c.expected), pct(c.sent()),
                   std::to_string(c.on_time), std::to_string(c.late), std::to_string(c.missing),
                   std::to_string(c.not_due)})
      << "\n";
}

}  // namespace

void add_cycle_commands(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<Options>();
  auto* submission = app.add_subcommand("submission", CommandContext::help("cli.help.submission"));
  submission->require_subcommand(1);

  auto* list = submission->add_subcommand("list", CommandContext::help("cli.help.submission_list"));
  add_report_options(*list, *opts, false);
  list->callback([&ctx, opts] {
    const core::Lang lang = ctx.lang();
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    service::SnapshotCache cache(*store);
    const auto s = cache.get();
    const auto items =
        service::list_submissions(*s, service::command_line_actor(*s, ctx.now()).principal,
                                  opts->form, opts->unit, opts->period);
    std::vector<std::vector<std::string>> rows;
    for (const auto& x : items)
      rows.push_back({x.form, x.unit, x.period, state_label(lang, x.state),
                      std::to_string(x.approvals), x.submitted_at, x.reopen_reason});
    print_table(*ctx.out,
                headers(lang, {"form", "unit", "period", "state", "approvals", "submitted_at",
                               "reopen_reason"}),
                rows);
  });

  for (core::SubmissionStep step :
       {core::SubmissionStep::submit, core::SubmissionStep::recall, core::SubmissionStep::approve,
        core::SubmissionStep::unapprove, core::SubmissionStep::reopen}) {
    const std::string name(core::submission_step_name(step));
    auto* command =
        submission->add_subcommand(name, CommandContext::help("cli.help.submission_" + name));
    add_report_options(*command, *opts, true);
    if (step == core::SubmissionStep::reopen)
      command->add_option("--reason", opts->reason, CommandContext::help("cli.help.reason"))
          ->required();
    command->callback([&ctx, opts, step] {
      const core::Lang lang = ctx.lang();
      auto store = store::open_store(opts->db, store::OpenMode::existing);
      service::SnapshotCache cache(*store);
      const auto actor = service::command_line_actor(*cache.get(), ctx.now());
      const auto out = service::take_step(*store, cache, actor, opts->form, opts->unit,
                                          opts->period, step, opts->reason);
      const auto& x = out.submission;
      *ctx.out << core::tr(lang, "cli.submission_state",
                           {x.form, x.unit, x.period, state_label(lang, x.state),
                            std::to_string(x.approvals)})
               << "\n";
      for (const auto& v : out.violations)
        *ctx.out << core::tr(lang, "cli.rule_broken",
                             {v.rule, v.indicator, core::format_number(v.value, lang, 6)})
                 << "\n";
    });
  }

  auto* completeness =
      app.add_subcommand("completeness", CommandContext::help("cli.help.completeness"));
  add_report_options(*completeness, *opts, false);
  completeness->get_option("--form")->required();
  completeness->get_option("--period")->required();
  completeness->callback([&ctx, opts] {
    const core::Lang lang = ctx.lang();
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    service::SnapshotCache cache(*store);
    const auto s = cache.get();
    const auto report = service::completeness_report(
        *s, service::command_line_actor(*s, ctx.now()).principal, opts->form, opts->unit,
        opts->period, core::vietnam_date(ctx.now()));
    const auto& c = report.result;
    std::ostream& out = *ctx.out;
    out << core::tr(
               lang, "cli.completeness_title",
               {report.form->code, report.root, report.period, core::format_short_date(c.due, lang),
                core::format_short_date(c.grace_end, lang)})
        << "\n";
    print_counts(out, lang, report.root, c.totals);
    for (const auto& [unit, counts] : c.by_child)
      print_counts(out, lang, "  " + unit, counts);
    std::vector<std::vector<std::string>> rows;
    for (const auto& u : c.units)
      rows.push_back({u.unit,
                      core::tr(lang, "reporting_status.label." +
                                         std::string(core::reporting_status_name(u.status))),
                      state_label(lang, u.state), u.submitted_at});
    print_table(out, headers(lang, {"unit", "status", "state", "submitted_at"}), rows);
    const auto chase = c.to_chase();
    std::string names;
    for (const auto& code : chase)
      names += (names.empty() ? "" : ", ") + code;
    out << core::tr(lang, "cli.completeness_chase", {names.empty() ? "-" : names}) << "\n";
  });
}

}  // namespace mandate::cli
