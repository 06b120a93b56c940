#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>

#include "http/errors.hpp"
#include "http/target.hpp"

namespace mandate::http {
namespace {

// "/a/b/{c}" -> {"a", "b", "{c}"}; "/" -> {}.
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  if (!path.empty() && path.front() == '/')
    path.remove_prefix(1);
  if (path.empty())
    return out;
  for (;;) {
    const size_t slash = path.find('/');
    out.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos)
      break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// The request's path segments, each percent-decoded on its own, so that an
// encoded slash ("15%2FNQ-TU", a document number) stays inside its segment.
std::vector<std::string> request_segments(const Request& request) {
  if (!request.target.empty()) {
    if (auto target = parse_target(request.target))
      return std::move(target->segments);
  }
  return split_path(request.path);
}

bool is_param(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}
bool is_rest(const std::string& segment) {
  return segment.size() > 5 && segment.ends_with("...}") && segment.front() == '{';
}
std::string param_name(const std::string& segment) {
  return segment.substr(1, segment.size() - (is_rest(segment) ? 5 : 2));
}

// How specifically a pattern matches: per segment 3 literal, 2 parameter,
// 1 the rest; compared lexicographically, so "/units/tree" beats "/units/{code}".
using Rank = std::vector<int>;

std::optional<Rank> match(const std::vector<std::string>& pattern,
                          const std::vector<std::string>& segments,
                          std::map<std::string, std::string>* params) {
  Rank rank;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const std::string& p = pattern[i];
    if (is_rest(p)) {
      if (i >= segments.size())
        return std::nullopt;
      std::string rest;
      for (size_t j = i; j < segments.size(); ++j) {
        if (j > i)
          rest += '/';
        rest += segments[j];
      }
      if (params)
        (*params)[param_name(p)] = std::move(rest);
      rank.push_back(1);
      return rank;
    }
    if (i >= segments.size())
      return std::nullopt;
    if (is_param(p)) {
      if (segments[i].empty())
        return std::nullopt;
      if (params)
        (*params)[param_name(p)] = segments[i];
      rank.push_back(2);
    } else {
      if (p != segments[i])
        return std::nullopt;
      rank.push_back(3);
    }
  }
  if (pattern.size() != segments.size())
    return std::nullopt;
  return rank;
}

bool method_matches(const std::string& route_method, const std::string& request_method) {
  return route_method == request_method || (request_method == "HEAD" && route_method == "GET");
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, size_t body_limit) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  Route route{std::move(method), std::move(pattern), {}, std::move(handler), body_limit};
  route.segments = split_path(route.pattern);
  for (size_t i = 0; i + 1 < route.segments.size(); ++i) {
    if (is_rest(route.segments[i]))
      throw std::invalid_argument("{name...} must be the last segment: " + route.pattern);
  }
  for (const Route& r : routes_) {
    if (r.method == route.method && r.pattern == route.pattern)
      throw std::invalid_argument("route registered twice: " + r.method + " " + r.pattern);
  }
  max_body_limit_ = std::max(max_body_limit_, body_limit);
  routes_.push_back(std::move(route));
}

void Router::set_fallback(Handler handler) {
  fallback_ = std::move(handler);
}

const Router::Route* Router::find(const std::string& method,
                                  const std::vector<std::string>& segments,
                                  std::set<std::string>* allowed) const {
  const Route* best = nullptr;
  Rank best_rank;
  for (const Route& route : routes_) {
    auto rank = match(route.segments, segments, nullptr);
    if (!rank)
      continue;
    if (allowed)
      allowed->insert(route.method);
    // An explicit HEAD route wins over GET's for HEAD requests.
    if (!method_matches(route.method, method))
      continue;
    if (!best || *rank > best_rank || (*rank == best_rank && route.method == method)) {
      best = &route;
      best_rank = *rank;
    }
  }
  return best;
}

size_t Router::body_limit(const std::string& method, std::string_view target) const {
  const auto parsed = parse_target(target);
  if (!parsed)
    return 0;
  const Route* route = find(method, parsed->segments, nullptr);
  return route ? route->body_limit : 0;
}

Response Router::dispatch(Request& request) const {
  const std::vector<std::string> segments = request_segments(request);
  std::set<std::string> allowed;
  const Route* best = find(request.method, segments, &allowed);

  try {
    if (best) {
      request.route = best->pattern;
      request.path_params.clear();
      match(best->segments, segments, &request.path_params);
      return best->handler(request);
    }
    if (!allowed.empty()) {
      request.route = "(method_not_allowed)";
      if (allowed.contains("GET"))
        allowed.insert("HEAD");
      std::string allow;
      for (const auto& m : allowed) {
        if (!allow.empty())
          allow += ", ";
        allow += m;
      }
      return error_response(405, "http.method_not_allowed", {request.method, request.path, allow})
          .with_header("Allow", allow);
    }
    request.route = "(unmatched)";
    if (fallback_)
      return fallback_(request);
    return error_response(404, "http.not_found", {request.path});
  } catch (const core::Error& e) {
    if (status_for(e.category()) >= 500)
      spdlog::error("{} {} (route {}): {} [{}]", request.method, request.path, request.route,
                    e.bilingual(), e.code());
    return error_response(e);
  } catch (const std::exception& e) {
    spdlog::error("{} {} (route {}): unexpected exception: {}", request.method, request.path,
                  request.route, e.what());
    return error_response(500, "http.internal");
  } catch (...) {
    spdlog::error("{} {} (route {}): unexpected exception", request.method, request.path,
                  request.route);
    return error_response(500, "http.internal");
  }
}

std::vector<Router::RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const Route& r : routes_)
    out.push_back({r.method, r.pattern});
  return out;
}

}  // namespace mandate::http
