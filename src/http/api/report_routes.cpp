// /api/v1/scorecard and /api/v1/reports: figures and drafted reports.
#include <mutex>
#include <unordered_map>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/period.hpp"
#include "http/api/context.hpp"
#include "report/render.hpp"
#include "service/report_service.hpp"

namespace mandate::http::api {
namespace {

// A drafted report depends only on the data, the unit, the period, the
// language, the format and the template, so it is rendered once per data
// version and then served from memory: dashboards ask for the same scorecard
// again and again. Bounded by count and by bytes (a DOCX with its charts is
// a few hundred kilobytes).
class RenderedReports {
 public:
  template <typename Render>
  std::string get(long long version, const std::string& key, Render&& render) {
    {
      std::lock_guard lock(mutex_);
      if (version != version_) {
        items_.clear();
        bytes_ = 0;
        version_ = version;
      }
      if (auto it = items_.find(key); it != items_.end())
        return it->second;
    }
    std::string text = render();  // outside the lock: rendering takes a while
    std::lock_guard lock(mutex_);
    if (version == version_) {
      if (items_.size() >= kMaxItems || bytes_ + text.size() > kMaxBytes) {
        items_.clear();
        bytes_ = 0;
      }
      if (items_.emplace(key, text).second)
        bytes_ += text.size();
    }
    return text;
  }

 private:
  static constexpr size_t kMaxItems = 2000;
  static constexpr size_t kMaxBytes = 64u << 20;
  std::mutex mutex_;
  long long version_ = -1;
  size_t bytes_ = 0;
  std::unordered_map<std::string, std::string> items_;
};

// kind and layout matter to DOCX and PDF only; the other formats ignore them.
report::RenderOptions render_options(const Request& r) {
  report::RenderOptions o;
  if (auto kind = r.query_param("kind"))
    o.kind = report::parse_report_kind(*kind);
  if (auto layout = r.query_param("layout"))
    o.layout = report::parse_layout(*layout);
  return o;
}

Response rendered(ApiContext& api, RenderedReports& cache, const report::TemplateLibrary& templates,
                  const Request& r, report::Format format) {
  const auto who = api.authenticate(r).principal;
  const auto s = api.cache().get();
  const core::Unit& u = s->tree.resolve(required_query(r, "unit"));
  core::require(who, core::Action::read, u.code, s->tree);
  const std::string period = core::Period::parse(required_query(r, "period")).id();
  const core::Lang lang = lang_of(r);
  const report::RenderOptions options = render_options(r);
  // Open tasks are judged as of today: a report cached yesterday may be stale.
  const core::Date today = core::vietnam_date(api.now());
  const std::string key =
      u.code + '\x1f' + period + '\x1f' + core::format_iso_date(today) + '\x1f' +
      (lang == core::Lang::vi ? "vi" : "en") + '\x1f' + std::string(report::format_name(format)) +
      '\x1f' + (options.kind ? std::string(report::report_kind_name(*options.kind)) : "") + '\x1f' +
      std::string(report::layout_name(options.layout));
  std::string body = cache.get(s->feed_position, key, [&] {
    return report::render(service::build_report(s, u.code, period, lang, today), format, options,
                          templates);
  });
  Response response =
      Response::text(200, std::move(body), std::string(report::content_type(format)));
  if (report::is_download(format))
    response.with_header(
        "Content-Disposition",
        "attachment; filename=\"" + report::file_name(u.code, period, format) + "\"");
  return response;
}

}  // namespace

void register_report_routes(Router& router, std::shared_ptr<ApiContext> api,
                            std::shared_ptr<const report::TemplateLibrary> templates) {
  auto cache = std::make_shared<RenderedReports>();
  router.add("GET", "/api/v1/scorecard", [api, cache, templates](Request& r) {
    return rendered(*api, *cache, *templates, r, report::Format::json);
  });

  router.add("GET", "/api/v1/reports", [api, cache, templates](Request& r) {
    const auto format = report::parse_format(r.query_param("format").value_or("json"));
    return rendered(*api, *cache, *templates, r, format);
  });
}

}  // namespace mandate::http::api
