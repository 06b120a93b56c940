#pragma once
// Routes requests to handlers by method and path pattern ("/api/v1/units/{code}").
// Errors thrown by a handler become JSON error responses (errors.hpp).
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"

namespace mandate::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  // pattern: literal segments and {name} segments; a final "{name...}" takes the rest.
  // body_limit: the largest body this route takes when above the server's
  // default (file uploads); 0 keeps the default.
  void add(std::string method, std::string pattern, Handler handler, size_t body_limit = 0);
  // The body limit of the route a request line names; 0 when none is set.
  size_t body_limit(const std::string& method, std::string_view target) const;
  // The largest body_limit of any route (0 when none is set).
  size_t max_body_limit() const { return max_body_limit_; }

  // Finds the route, fills request.path_params and request.route, calls the
  // handler. Unknown path -> 404, known path with another method -> 405 with
  // Allow. A core::Error from the handler -> its status (errors.hpp); any other
  // exception -> 500 without details (the details go to the log).
  Response dispatch(Request& request) const;

  // Called instead of the 404 for a path that no pattern matches (the server
  // wires the static files here). It sees request.route == "(unmatched)" and may
  // set another label (route labels name metrics, so keep them few).
  void set_fallback(Handler handler);

  struct RouteInfo {
    std::string method;
    std::string pattern;
  };
  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    size_t body_limit = 0;
  };
  const Route* find(const std::string& method, const std::vector<std::string>& segments,
                    std::set<std::string>* allowed) const;
  std::vector<Route> routes_;
  Handler fallback_;
  size_t max_body_limit_ = 0;
};

}  // namespace mandate::http
