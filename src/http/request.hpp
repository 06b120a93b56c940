#pragma once
// The server's view of an HTTP exchange, free of Beast types, so handlers are
// plain functions from Request to Response and can be tested without sockets.
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mandate::http {

struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
  using is_transparent = void;
};

struct Request {
  std::string method;                             // "GET", "POST", ...
  std::string target;                             // as received, e.g. "/api/v1/units?parent=LS"
  std::string path;                               // percent-decoded path, e.g. "/api/v1/units"
  std::multimap<std::string, std::string> query;  // percent-decoded
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  std::string remote_address;                      // "127.0.0.1"
  std::map<std::string, std::string> path_params;  // set by the router: {code} -> "LS"
  std::string route;  // set by the router: the matched pattern, e.g. "/api/v1/units/{code}"

  // Empty when absent.
  std::string header(std::string_view name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  const std::string& param(const std::string& name) const { return path_params.at(name); }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type/Length
  std::string body;

  static Response json(int status, const boost::json::value& v);
  static Response text(int status, std::string body, std::string content_type);
  static Response no_content();
  Response& with_header(std::string name, std::string value);
};

}  // namespace mandate::http
