// serve: the web server. Wires store -> API routes -> router -> server, with
// /healthz, /metrics and the web interface's files; runs until SIGINT/SIGTERM
// and closes the database after the last request has finished.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <thread>

#include "cli/command_context.hpp"
#include "cli/reminder_options.hpp"
#include "core/error.hpp"
#include "http/access_log.hpp"
#include "http/api/api.hpp"
#include "http/builtin_routes.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "service/analytics_cache.hpp"
#include "service/feed_retention.hpp"
#include "store/change_listener.hpp"

namespace mandate::cli {
namespace {

// "127.0.0.1:8080", "[::1]:8080", "localhost:0".
std::pair<std::string, uint16_t> parse_listen(const std::string& text) {
  const size_t colon = text.rfind(':');
  auto invalid = [&] { return core::invalid_input("http.listen_invalid", {text}, "--listen"); };
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size() ||
      text.size() - colon - 1 > 5)
    throw invalid();
  std::string host = text.substr(0, colon);
  const std::string port_text = text.substr(colon + 1);
  if (!std::all_of(port_text.begin(), port_text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw invalid();
  const unsigned long port = std::stoul(port_text);
  if (port > 65535)
    throw invalid();
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']')
      throw invalid();
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string::npos) {
    throw invalid();  // IPv6 needs brackets
  }
  return {host, static_cast<uint16_t>(port)};
}

// The rollup engine's memory, read at each scrape.
void add_analytics_gauges(http::Metrics& metrics,
                          std::shared_ptr<const service::AnalyticsCache> analytics) {
  auto read = [analytics](auto what) {
    return [analytics, what] {
      const auto engine = analytics->current();
      return engine ? what(*engine) : 0.0;
    };
  };
  using Engine = core::analytics::Engine;
  metrics.add_gauge("mandate_analytics_bytes", "Memory held by the rollup engine, in bytes.",
                    read([](const Engine& e) { return static_cast<double>(e.memory_bytes()); }));
  metrics.add_gauge("mandate_analytics_values", "Values held by the rollup engine.",
                    read([](const Engine& e) { return static_cast<double>(e.value_count()); }));
  metrics.add_gauge("mandate_analytics_bytes_per_value",
                    "Rollup engine memory per value held, in bytes.", read([](const Engine& e) {
                      const auto n = e.value_count();
                      return n ? static_cast<double>(e.memory_bytes()) / static_cast<double>(n)
                               : 0.0;
                    }));
  // What an operator watches to see the change feed followed (docs/operations.md).
  metrics.add_gauge("mandate_feed_applied_id",
                    "Id of the last change-feed entry in this server's rollups.",
                    [analytics] { return static_cast<double>(analytics->fed_through()); });
  metrics.add_gauge("mandate_analytics_builds",
                    "Times the rollups were built from the whole data set since the start.",
                    [analytics] { return static_cast<double>(analytics->builds()); });
}

}  // namespace

void add_serve_command(CLI::App& app, CommandContext& ctx) {
  struct Options {
    std::string db, listen = "127.0.0.1:8080", web_root, templates;
    int threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 16u));
    int read_timeout_ms = 30000, idle_timeout_ms = 15000, shutdown_deadline_ms = 10000;
    int remind_every_minutes = 5;
    long long change_feed_kept = service::kChangeFeedKept;
    ReminderOptions reminders;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("serve", CommandContext::help("cli.help.serve"));
  add_db_option(*cmd, opts->db);
  cmd->add_option("--listen", opts->listen, CommandContext::help("cli.help.listen"))
      ->capture_default_str();
  cmd->add_option("--threads", opts->threads, CommandContext::help("cli.help.threads"))
      ->check(CLI::Range(1, 256));
  cmd->add_option("--web-root", opts->web_root, CommandContext::help("cli.help.web_root"));
  cmd->add_option("--templates", opts->templates, CommandContext::help("cli.help.templates"));
  cmd->add_option("--read-timeout-ms", opts->read_timeout_ms,
                  CommandContext::help("cli.help.read_timeout_ms"))
      ->check(CLI::Range(1, 3600 * 1000))
      ->capture_default_str();
  cmd->add_option("--idle-timeout-ms", opts->idle_timeout_ms,
                  CommandContext::help("cli.help.idle_timeout_ms"))
      ->check(CLI::Range(1, 3600 * 1000))
      ->capture_default_str();
  cmd->add_option("--shutdown-deadline-ms", opts->shutdown_deadline_ms,
                  CommandContext::help("cli.help.shutdown_deadline_ms"))
      ->check(CLI::Range(0, 3600 * 1000))
      ->capture_default_str();
  cmd->add_option("--remind-every-minutes", opts->remind_every_minutes,
                  CommandContext::help("cli.help.remind_every_minutes"))
      ->check(CLI::Range(0, 24 * 60))
      ->envname("MANDATE_REMIND_EVERY_MINUTES")
      ->capture_default_str();
  cmd->add_option("--change-feed-kept", opts->change_feed_kept,
                  CommandContext::help("cli.help.change_feed_kept"))
      ->check(CLI::Range(1LL, 1'000'000'000LL))
      ->capture_default_str();
  add_reminder_options(*cmd, opts->reminders);
  cmd->callback([&ctx, opts] {
    // Diagnostics go to standard error; standard output carries the start-up
    // line and the access log.
    spdlog::set_default_logger(spdlog::stderr_logger_mt("mandate"));

    http::ServerConfig config;
    std::tie(config.host, config.port) = parse_listen(opts->listen);
    config.threads = opts->threads;
    config.read_timeout = std::chrono::milliseconds(opts->read_timeout_ms);
    config.idle_timeout = std::chrono::milliseconds(opts->idle_timeout_ms);
    config.shutdown_deadline = std::chrono::milliseconds(opts->shutdown_deadline_ms);

    std::optional<http::StaticFiles> files;
    if (!opts->web_root.empty()) {
      files.emplace(opts->web_root);
    } else {
      std::error_code ec;
      if (std::filesystem::is_directory("web/dist", ec))
        files.emplace("web/dist");
    }

    // A template folder that does not exist stops the start, not a later report.
    auto templates = opts->templates.empty()
                         ? std::make_shared<report::TemplateLibrary>()
                         : std::make_shared<report::TemplateLibrary>(opts->templates);
    // A mail server that is set up wrongly stops the start, not a later pass.
    http::api::ReminderConfig reminders;
    reminders.interval = std::chrono::minutes(opts->remind_every_minutes);
    reminders.settings = opts->reminders.settings;
    reminders.mailer = make_mailer(opts->reminders);
    reminders.public_url = opts->reminders.public_url;
    auto store = store::open_store(opts->db, store::OpenMode::existing);
    http::Metrics metrics;
    http::Router router;
    http::add_health_route(router);
    http::add_metrics_route(router, metrics);
    auto analytics = std::make_shared<service::AnalyticsCache>();
    add_analytics_gauges(metrics, analytics);
    http::api::register_api(router, *store, ctx.now, analytics, templates,
                            store::listen_for_changes(opts->db), std::move(reminders),
                            opts->change_feed_kept);
    if (files)
      router.set_fallback([&files](http::Request& request) { return files->serve(request); });

    const http::AccessLog access_log = http::AccessLog::to_stdout();
    http::Server server(config, router, &metrics, &access_log);
    *ctx.out << core::tr(core::Lang::vi, "http.listening", {server.url()}) << " / "
             << core::tr(core::Lang::en, "http.listening", {server.url()}) << std::endl;
    server.run();
    spdlog::info("{} / {}", core::tr(core::Lang::vi, "http.stopped"),
                 core::tr(core::Lang::en, "http.stopped"));
    ctx.out->flush();
  });
}

}  // namespace mandate::cli
