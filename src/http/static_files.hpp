#pragma once
// Serves the built web interface (web/dist) for GET and HEAD of paths outside
// /api: content type by extension; files under assets/ (Vite's hashed names)
// cached for a year as immutable, everything else revalidated (no-cache) with
// an ETag; a path without a file extension that names no file gets index.html
// (the single-page app routes it). Nothing outside the root is ever served:
// ".", ".." and hidden segments are refused, and the resolved file (symlinks
// followed) must lie inside the resolved root.
#include <filesystem>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace mandate::http {

class StaticFiles {
 public:
  // Throws core::Error(unavailable, "http.web_root_missing") when root is not a directory.
  explicit StaticFiles(const std::filesystem::path& root);

  // A response for any request (404 / 405 JSON errors included). Sets
  // request.route to "(static)" when it serves a file.
  Response serve(Request& request) const;

  const std::filesystem::path& root() const { return root_; }

  // "text/css; charset=utf-8" for ".css"; application/octet-stream when unknown.
  static std::string content_type_for(std::string_view extension);

 private:
  std::filesystem::path root_;  // canonical
};

}  // namespace mandate::http
