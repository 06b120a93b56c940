// list units|indicators|targets|values|tasks|documents|activities
#include <ostream>

#include "cli/command_context.hpp"
#include "cli/table.hpp"
#include "core/narrative.hpp"
#include "core/number_format.hpp"
#include "io/json_writer.hpp"
#include "io/metadata_json.hpp"
#include "service/list_service.hpp"

namespace mandate::cli {
namespace {

using namespace mandate::core;

struct ListOptions {
  std::string db, format;
  service::ListFilter filter;
};

using Rows = std::vector<std::vector<std::string>>;

std::vector<std::string> headers(Lang lang, std::initializer_list<const char*> keys) {
  std::vector<std::string> out;
  for (const char* k : keys)
    out.push_back(tr(lang, std::string("list.col.") + k));
  return out;
}

std::string date_text(const std::optional<Date>& d, Lang lang) {
  return d ? format_short_date(*d, lang) : "";
}

// Prints one list as a table (with the given columns) or as JSON records.
template <typename T, typename RowOf>
void print(const CommandContext& ctx, const ListOptions& o, const std::vector<T>& items,
           std::vector<std::string> columns, RowOf&& row_of) {
  if (o.format == "json") {
    boost::json::array a;
    for (const auto& x : items)
      a.emplace_back(io::to_json(x));
    *ctx.out << io::pretty_json(a);
    return;
  }
  Rows rows;
  for (const auto& x : items)
    rows.push_back(row_of(x));
  print_table(*ctx.out, columns, rows);
}

std::string indicator_value(const Dataset& d, const std::string& code, double value, Lang lang) {
  for (const auto& i : d.indicators)
    if (i.code == code)
      return format_indicator_value(i, value, lang);
  return format_number(value, lang);
}

void run(const CommandContext& ctx, const ListOptions& o, const std::string& what) {
  const Lang lang = ctx.lang();
  auto store = store::open_store(o.db, store::OpenMode::existing);
  const Dataset d = service::list_data(*store, o.filter);
  if (what == "units") {
    print(ctx, o, d.units, headers(lang, {"code", "name", "type", "parent"}), [&](const Unit& u) {
      return std::vector<std::string>{
          u.code, u.name, tr(lang, "unit_type.label." + std::string(unit_type_name(u.type))),
          u.parent_code};
    });
  } else if (what == "indicators") {
    print(ctx, o, d.indicators,
          headers(lang, {"code", "name", "unit_of_measure", "field", "formula"}),
          [&](const Indicator& i) {
            return std::vector<std::string>{i.code, i.name, i.unit_of_measure, i.field, i.formula};
          });
  } else if (what == "targets") {
    print(ctx, o, d.targets, headers(lang, {"indicator", "unit", "period", "value", "source"}),
          [&](const Target& t) {
            return std::vector<std::string>{
                t.indicator, t.unit, t.period, indicator_value(d, t.indicator, t.value, lang),
                tr(lang, "target.phrase." + std::string(target_source_name(t.source)))};
          });
  } else if (what == "values") {
    print(ctx, o, d.values,
          headers(lang, {"indicator", "unit", "period", "kind", "value", "comment"}),
          [&](const Value& v) {
            return std::vector<std::string>{
                v.indicator,
                v.unit,
                v.period,
                tr(lang, "kind." + std::string(value_kind_name(v.kind))),
                indicator_value(d, v.indicator, v.value, lang),
                v.comment};
          });
  } else if (what == "tasks") {
    print(ctx, o, d.tasks,
          headers(lang, {"code", "name", "responsible", "deadline", "status", "progress"}),
          [&](const Task& t) {
            return std::vector<std::string>{
                t.code,
                t.name,
                t.responsible_unit,
                date_text(t.deadline, lang),
                tr(lang, "task_status.label." + std::string(task_status_name(t.status))),
                std::to_string(t.progress) + "%"};
          });
  } else if (what == "documents") {
    print(ctx, o, d.documents, headers(lang, {"number", "kind", "date", "issuer", "title"}),
          [&](const Document& doc) {
            return std::vector<std::string>{
                doc.number,
                tr(lang, "doc.kind." + std::string(document_kind_name(doc.kind)) + ".one"),
                format_short_date(doc.date, lang), doc.issuer, doc.title};
          });
  } else {
    print(ctx, o, d.activities, headers(lang, {"code", "kind", "name", "unit", "date", "rating"}),
          [&](const Activity& a) {
            return std::vector<std::string>{
                a.code,
                tr(lang, "activity_kind.label." + std::string(activity_kind_name(a.kind))),
                a.name,
                a.unit,
                format_short_date(a.date, lang),
                a.rating_level};
          });
  }
}

}  // namespace

void add_list_command(CLI::App& app, CommandContext& ctx) {
  auto* list = app.add_subcommand("list", CommandContext::help("cli.help.list"));
  list->require_subcommand(1);
  for (const std::string what :
       {"units", "indicators", "targets", "values", "tasks", "documents", "activities"}) {
    auto opts = std::make_shared<ListOptions>();
    auto* cmd = list->add_subcommand(what, CommandContext::help("cli.help.list_" + what));
    add_db_option(*cmd, opts->db);
    add_format_option(*cmd, opts->format, {"table", "json"});
    cmd->add_option("--unit", opts->filter.unit, CommandContext::help("cli.help.filter_unit"));
    cmd->add_option("--period", opts->filter.period,
                    CommandContext::help("cli.help.filter_period"));
    cmd->add_option("--kind", opts->filter.kind, CommandContext::help("cli.help.filter_kind"));
    cmd->add_option("--indicator", opts->filter.indicator,
                    CommandContext::help("cli.help.filter_indicator"));
    cmd->callback([&ctx, opts, what] { run(ctx, *opts, what); });
  }
}

}  // namespace mandate::cli
