// init, demo, import, export: whole data sets in and out of a database.
#include <ostream>

#include "cli/command_context.hpp"
#include "io/file.hpp"
#include "io/metadata_json.hpp"
#include "service/dataset_service.hpp"
#include "store/embedded_file.hpp"

namespace mandate::cli {

extern const std::vector<store::EmbeddedFile> kDemoData;

namespace {

struct DataOptions {
  std::string db;
  std::string file;
  std::string errors;  // import: where to write the XLSX error report
};

void report_import(CommandContext& ctx, const std::string& what, const service::ImportResult& r) {
  *ctx.out << core::tr(ctx.lang(), "cli.done_import", {what, std::to_string(r.changed)}) << "\n";
}

}  // namespace

void add_data_commands(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<DataOptions>();

  auto* init = app.add_subcommand("init", CommandContext::help("cli.help.init"));
  add_db_option(*init, opts->db);
  init->callback([&ctx, opts] {
    store::open_store(opts->db, store::OpenMode::create_or_open);
    *ctx.out << core::tr(ctx.lang(), "cli.done_init", {opts->db}) << "\n";
  });

  auto* demo = app.add_subcommand("demo", CommandContext::help("cli.help.demo"));
  add_db_option(*demo, opts->db);
  demo->callback([&ctx, opts] {
    // Parse before opening: a broken build fails without creating a file.
    const core::Dataset data = io::read_metadata(kDemoData.front().content);
    auto store = store::open_store(opts->db, store::OpenMode::create_or_open);
    report_import(ctx, std::string(kDemoData.front().name),
                  service::import_dataset(*store, data, ctx.change("demo")));
  });

  auto* import = app.add_subcommand("import", CommandContext::help("cli.help.import"));
  add_db_option(*import, opts->db);
  auto* file_option =
      import->add_option("--file", opts->file, CommandContext::help("cli.help.import_file"));
  import->add_option("file", opts->file, CommandContext::help("cli.help.import_file"))
      ->excludes(file_option);
  import->add_option("--errors", opts->errors, CommandContext::help("cli.help.import_errors"));
  import->callback([&ctx, opts] {
    if (opts->file.empty())
      throw CLI::RequiredError("--file");
  const std::string bytes = io::read_file(opts->file);
  if (!is_metadata_json(bytes)) {
    import_values_file(ctx, opts->db, opts->file, bytes, opts->errors);
    return;
  }
  const core::Dataset data = io::read_metadata(bytes);
  auto store = store::open_store(opts->db, store::OpenMode::create_or_open);
  report_import(ctx, opts->file, service::import_dataset(*store, data, ctx.change("import")));
});

auto* exp = app.add_subcommand("export", CommandContext::help("cli.help.export"));
add_db_option(*exp, opts->db);
exp->add_option("--out", opts->file, CommandContext::help("cli.help.out"));
exp->callback([&ctx, opts] {
  auto store = store::open_store(opts->db, store::OpenMode::existing);
  const std::string text = io::write_metadata(store->load());
  if (opts->file.empty()) {
    *ctx.out << text;
  } else {
    io::write_file_atomic(opts->file, text);
    *ctx.out << core::tr(ctx.lang(), "cli.done_export", {opts->file}) << "\n";
  }
});
}  // namespace mandate::cli

}  // namespace mandate::cli
