#include "http/request.hpp"

#include <algorithm>

#include "io/json_writer.hpp"

namespace mandate::http {
namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return lower(x) < lower(y); });
}

std::string Request::header(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  auto it = query.find(std::string(name));
  if (it == query.end())
    return std::nullopt;
  return it->second;
}

// Cookie: a=1; b="two"; c=3 (RFC 6265 section 5.4). The first cookie of the
// name wins, as browsers send the most specific one first.
std::optional<std::string> Request::cookie(std::string_view name) const {
  auto it = headers.find(std::string_view("Cookie"));
  if (it == headers.end() || name.empty())
    return std::nullopt;
  std::string_view rest = it->second;
  while (!rest.empty()) {
    const size_t semi = rest.find(';');
    std::string_view pair = trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    const size_t eq = pair.find('=');
    if (eq == std::string_view::npos)
      continue;
    if (trim(pair.substr(0, eq)) != name)
      continue;
    std::string_view value = trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return std::string(value);
  }
  return std::nullopt;
}

Response Response::json(int status, const boost::json::value& v) {
  Response r;
  r.status = status;
  r.body = io::compact_json(v);  // plain numbers: 116.7, not 1.167E2
  return r;
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response& Response::with_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

}  // namespace mandate::http
