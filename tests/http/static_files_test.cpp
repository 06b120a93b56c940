// The web interface's files, in process: types, caching, the single-page-app
// fallback and every way of reaching outside the root.
#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "../support/temp_dir.hpp"
#include "core/error.hpp"

namespace mandate::http {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name)
      return v;
  return {};
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path root = dir.path() / "dist";
    write(root / "index.html", "<!doctype html><title>Mandate</title>");
    write(root / "assets/index-4f2a9c.js", "console.log(1)");
    write(root / "assets/index-4f2a9c.css", "body{}");
    write(root / "favicon.ico", "ico");
    write(root / "logo.svg", "<svg/>");
    write(root / "robots.txt", "User-agent: *");
    write(root / ".env", "SECRET=1");
    write(dir.path() / "secret.txt", "outside");
    fs::create_symlink(dir.path() / "secret.txt", root / "link-out.txt");
    fs::create_symlink(dir.path(), root / "dir-out");
    fs::create_symlink(root / "robots.txt", root / "link-in.txt");
    files = std::make_unique<StaticFiles>(root);
  }

  Response get(const std::string& path, const std::string& method = "GET") {
    Request r;
    r.method = method;
    r.path = path;
    r.target = path;
    return files->serve(r);
  }

  test_support::TempDir dir;
  std::unique_ptr<StaticFiles> files;
};

TEST_F(StaticFilesTest, ServesIndexAtRootWithoutCaching) {
  Response r = get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(header(r, "Cache-Control"), "no-cache");
  EXPECT_NE(r.body.find("Mandate"), std::string::npos);
  EXPECT_EQ(get("/index.html").body, r.body);
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutable) {
  Response js = get("/assets/index-4f2a9c.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(get("/assets/index-4f2a9c.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(header(get("/favicon.ico"), "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, ContentTypes) {
  EXPECT_EQ(get("/logo.svg").content_type, "image/svg+xml");
  EXPECT_EQ(get("/favicon.ico").content_type, "image/x-icon");
  EXPECT_EQ(get("/robots.txt").content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type_for(".mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type_for(".woff2"), "font/woff2");
  EXPECT_EQ(StaticFiles::content_type_for(".PNG"), "image/png");
  EXPECT_EQ(StaticFiles::content_type_for(".jpg"), "image/jpeg");
  EXPECT_EQ(StaticFiles::content_type_for(".json"), "application/json; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type_for(".map"), "application/json; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type_for(".exe"), "application/octet-stream");
}

TEST_F(StaticFilesTest, SinglePageAppRoutesGetIndex) {
  for (const char* path : {"/units/LS", "/reports", "/units/LS/", "/assets"}) {
    Response r = get(path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << path;
    EXPECT_EQ(header(r, "Cache-Control"), "no-cache") << path;
  }
  // A missing file with an extension is a real 404.
  EXPECT_EQ(get("/missing.png").status, 404);
  EXPECT_EQ(get("/assets/index-000000.js").status, 404);
}

TEST_F(StaticFilesTest, ApiPathsAreNeverFiles) {
  Response r = get("/api/v1/nothing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(get("/api").status, 404);
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  Response r = get("/index.html", "POST");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(header(r, "Allow"), "GET, HEAD");
  EXPECT_EQ(get("/index.html", "HEAD").status, 200);
}

TEST_F(StaticFilesTest, NothingOutsideTheRoot) {
  // Paths as the server hands them over: already percent-decoded.
  for (const char* path :
       {"/../secret.txt", "/assets/../../secret.txt", "/./index.html", "/link-out.txt",
        "/dir-out/secret.txt", "/.env", "/assets/..\\..\\secret.txt", "/..", "/.."}) {
    Response r = get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("outside"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << path;
  }
  // A symlink that stays inside the root is fine.
  EXPECT_EQ(get("/link-in.txt").status, 200);
}

TEST_F(StaticFilesTest, EtagRevalidation) {
  Response r = get("/assets/index-4f2a9c.js");
  const std::string etag = header(r, "ETag");
  ASSERT_FALSE(etag.empty());
  Request again;
  again.method = "GET";
  again.path = "/assets/index-4f2a9c.js";
  again.headers["If-None-Match"] = "\"other\", W/" + etag;
  Response not_modified = files->serve(again);
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(header(not_modified, "ETag"), etag);
  again.headers["If-None-Match"] = "\"other\"";
  EXPECT_EQ(files->serve(again).status, 200);
}

TEST_F(StaticFilesTest, MissingRootIsAClearError) {
  try {
    StaticFiles missing(dir.path() / "nope");
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "http.web_root_missing");
    EXPECT_EQ(e.category(), core::ErrorCategory::unavailable);
  }
}

}  // namespace
}  // namespace mandate::http
