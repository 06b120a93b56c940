#include "http/static_files.hpp"

#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "core/error.hpp"
#include "http/errors.hpp"

namespace mandate::http {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q)
      return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// "W/\"x\"" and "\"x\"" compare equal (weak comparison, RFC 9110 section 13.1.2).
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  auto strip = [](std::string_view t) {
    if (t.starts_with("W/"))
      t.remove_prefix(2);
    return t;
  };
  while (!if_none_match.empty()) {
    const size_t comma = if_none_match.find(',');
    std::string_view tag = if_none_match.substr(0, comma);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t'))
      tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t'))
      tag.remove_suffix(1);
    if (tag == "*" || strip(tag) == strip(etag))
      return true;
    if (comma == std::string_view::npos)
      break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec || !fs::is_directory(root_, ec))
    throw core::Error(core::ErrorCategory::unavailable, "http.web_root_missing", {root.string()});
}

std::string StaticFiles::content_type_for(std::string_view extension) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".wasm", "application/wasm"},
      {".pdf", "application/pdf"},
  };
  const std::string ext = lower(extension);
  for (const auto& [e, type] : kTypes) {
    if (e == ext)
      return std::string(type);
  }
  return "application/octet-stream";
}

Response StaticFiles::serve(Request& request) const {
  const std::string& path = request.path;
  if (path == "/api" || path.starts_with("/api/"))
    return error_response(404, "http.not_found", {path});
  if (request.method != "GET" && request.method != "HEAD")
    return error_response(405, "http.method_not_allowed", {request.method, path, "GET, HEAD"})
        .with_header("Allow", "GET, HEAD");

  // An encoded slash, backslash or NUL never names a file.
  {
    const std::string raw =
        lower(std::string_view(request.target).substr(0, request.target.find('?')));
    if (raw.find("%2f") != std::string::npos || raw.find("%5c") != std::string::npos ||
        raw.find("%00") != std::string::npos)
      return error_response(404, "http.not_found", {path});
  }
  // Split the decoded path; refuse anything that could step outside the root.
  std::vector<std::string_view> segments;
  {
    std::string_view rest = path;
    while (!rest.empty()) {
      const size_t slash = rest.find('/');
      std::string_view seg = rest.substr(0, slash);
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
      if (seg.empty())
        continue;
      if (seg.front() == '.' || seg.find('\\') != std::string_view::npos ||
          seg.find('\0') != std::string_view::npos)
        return error_response(404, "http.not_found", {path});
      segments.push_back(seg);
    }
  }
  std::string relative;  // "assets/app-1a2b.js"
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i > 0)
      relative += '/';
    relative += segments[i];
  }
  const bool has_extension =
      !segments.empty() && segments.back().find('.') != std::string_view::npos;

  fs::path file;
  std::error_code ec;
  if (!relative.empty()) {
    fs::path candidate = fs::canonical(root_ / fs::path(relative), ec);
    if (!ec && inside(root_, candidate) && fs::is_regular_file(candidate, ec))
      file = candidate;
  }
  if (file.empty()) {
    // The single-page app's own routes ("/units/LS", "/tasks/TG1.1") get
    // index.html; a missing file with an extension ("/missing.png") is a 404
    // unless a browser navigates to it (records' codes may have dots).
    const bool navigation = request.header("Accept").find("text/html") != std::string::npos;
    if (has_extension && !navigation)
      return error_response(404, "http.not_found", {path});
    relative = "index.html";
    fs::path index = fs::canonical(root_ / relative, ec);
    if (ec || !inside(root_, index) || !fs::is_regular_file(index, ec))
      return error_response(404, "http.not_found", {path});
    file = index;
  }

  struct stat st {};
  if (::stat(file.c_str(), &st) != 0)
    return error_response(404, "http.not_found", {path});
  const long long mtime_ns =
      static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  std::ostringstream tag;
  tag << '"' << std::hex << static_cast<unsigned long long>(st.st_size) << '-' << mtime_ns << '"';
  const std::string etag = tag.str();
  const std::string cache(relative.starts_with("assets/") ? kImmutable : kRevalidate);

  request.route = "(static)";
  const std::string if_none_match = request.header("If-None-Match");
  if (!if_none_match.empty() && etag_matches(if_none_match, etag)) {
    Response r304;
    r304.status = 304;
    r304.content_type.clear();
    return r304.with_header("ETag", etag).with_header("Cache-Control", cache);
  }

  std::ifstream in(file, std::ios::binary);
  if (!in)
    return error_response(404, "http.not_found", {path});
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Response out = Response::text(200, std::move(body),
                                content_type_for(fs::path(relative).extension().string()));
  return out.with_header("ETag", etag).with_header("Cache-Control", cache);
}

}  // namespace mandate::http
