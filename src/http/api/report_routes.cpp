// /api/v1/scorecard and /api/v1/reports: figures and drafted reports.
#include <mutex>
#include <unordered_map>

#include "core/error.hpp"
#include "core/period.hpp"
#include "http/api/context.hpp"
#include "io/report_render.hpp"
#include "service/report_service.hpp"

namespace mandate::http::api {
namespace {

// A drafted report depends only on the data, the unit, the period, the
// language and the format, so it is rendered once per data version and then
// served from memory: dashboards ask for the same scorecard again and again.
class RenderedReports {
 public:
  template <typename Render>
  std::string get(long long version, const std::string& key, Render&& render) {
    {
      std::lock_guard lock(mutex_);
      if (version != version_) {
        items_.clear();
        version_ = version;
      }
      if (auto it = items_.find(key); it != items_.end())
        return it->second;
    }
    std::string text = render();  // outside the lock: rendering takes a while
    std::lock_guard lock(mutex_);
    if (version == version_) {
      if (items_.size() >= kMaxItems)
        items_.clear();
      items_.emplace(key, text);
    }
    return text;
  }

 private:
  static constexpr size_t kMaxItems = 2000;
  std::mutex mutex_;
  long long version_ = -1;
  std::unordered_map<std::string, std::string> items_;
};

Response rendered(ApiContext& api, RenderedReports& cache, const Request& r,
                  const std::string& format) {
  const auto who = api.authenticate(r).principal;
  const auto s = api.cache().get();
  const core::Unit& u = s->tree.resolve(required_query(r, "unit"));
  core::require(who, core::Action::read, u.code, s->tree);
  const std::string period = core::Period::parse(required_query(r, "period")).id();
  const core::Lang lang = lang_of(r);
  const std::string key =
      u.code + '\x1f' + period + '\x1f' + (lang == core::Lang::vi ? "vi" : "en") + '\x1f' + format;
  std::string body = cache.get(s->version, key, [&] {
    const auto report = service::build_report(s, u.code, period, lang);
    if (format == "md")
      return io::render_report_markdown(report.content);
    if (format == "text")
      return io::render_report_text(report.content);
    return io::render_report_json(report.content, report.scorecard);
  });
  const char* type = format == "md"     ? "text/markdown; charset=utf-8"
                     : format == "text" ? "text/plain; charset=utf-8"
                                        : "application/json; charset=utf-8";
  return Response::text(200, std::move(body), type);
}

}  // namespace

void register_report_routes(Router& router, std::shared_ptr<ApiContext> api) {
  auto cache = std::make_shared<RenderedReports>();
  router.add("GET", "/api/v1/scorecard",
             [api, cache](Request& r) { return rendered(*api, *cache, r, "json"); });

  router.add("GET", "/api/v1/reports", [api, cache](Request& r) {
    const std::string format = r.query_param("format").value_or("json");
    if (format != "json" && format != "md" && format != "text")
      throw core::invalid_input("query.invalid", {"format", format}, "format");
    return rendered(*api, *cache, r, format);
  });
}

}  // namespace mandate::http::api
