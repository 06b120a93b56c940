#pragma once
// Routes requests to handlers by method and path pattern ("/api/v1/units/{code}").
// Errors thrown by a handler become JSON error responses (errors.hpp).
#include <functional>
#include <string>
#include <vector>

#include "http/request.hpp"

namespace mandate::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  // pattern: literal segments and {name} segments; a final "{name...}" takes the rest.
  void add(std::string method, std::string pattern, Handler handler);

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
  };
  std::vector<Route> routes_;
  Handler fallback_;
};

}  // namespace mandate::http
