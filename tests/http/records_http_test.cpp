// Attachments, task progress updates, unit restructuring events and search,
// black-box through a real `mandate serve`: the happy paths, the limits, the
// scopes, and what each leaves in the audit log.
#include <gtest/gtest.h>

#include <string>

#include "../support/api_fixture.hpp"

namespace {

using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
namespace json = boost::json;

using Records = mandate::test_support::ApiFixture;

// A small but real PDF: libmagic knows it by its header.
const std::string kPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(64, '\0');

// A document of a ward of LS outside LS-VT, made by the city's administrator.
void make_document(HttpClient& admin, const std::string& code, const std::string& issuer) {
  HttpResponse r = admin.request("PUT", "/api/v1/documents/" + code,
                                 R"({"kind": "plan", "title": "Kế hoạch thử nghiệm", "date":
                                     "2021-05-04", "issuer": ")" +
                                     issuer + R"("})",
                                 {{"If-None-Match", "*"}});
  ASSERT_EQ(r.status, 201) << r.body;
}

TEST_F(Records, AttachmentsGoUpComeBackAndAreAudited) {
  HttpClient reporter = signed_in("reporter");
  const std::string base = "/api/v1/documents/VT-KH-2021-01/attachments";
  HttpResponse up = reporter.request("POST", base + "?filename=K%E1%BA%BF%20ho%E1%BA%A1ch%2001.pdf",
                                     kPdf, {{"Content-Type", "application/octet-stream"}});
  ASSERT_EQ(up.status, 201) << up.body;
  const json::value a = up.json();
  EXPECT_EQ(a.at("filename").as_string(), "Kế hoạch 01.pdf");
  EXPECT_EQ(a.at("contentType").as_string(), "application/pdf");
  EXPECT_EQ(a.at("size").to_number<size_t>(), kPdf.size());
  EXPECT_EQ(a.at("uploadedBy").as_string(), "reporter");
  const std::string id = std::to_string(a.at("id").to_number<long long>());

  HttpClient viewer = signed_in("viewer");
  HttpResponse list = viewer.get(base);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json().at("total").to_number<int>(), 1);
  HttpResponse down = viewer.get("/api/v1/attachments/" + id);
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.body, kPdf);
  EXPECT_EQ(down.header("Content-Type"), "application/pdf");
  EXPECT_EQ(down.header("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(down.header("Content-Disposition").find("filename*=UTF-8''K%E1%BA%BF%20ho"),
            std::string::npos)
      << down.header("Content-Disposition");

  // A viewer reads but does not attach; nobody outside the ward sees it.
  EXPECT_EQ(viewer.request("POST", base + "?filename=x.pdf", kPdf).status, 403);
  HttpClient admin = signed_in("admin");
  make_document(admin, "CL-KH-1", "LS-CL");
  EXPECT_EQ(
      reporter.request("POST", "/api/v1/documents/CL-KH-1/attachments?filename=x.pdf", kPdf).status,
      403);
  HttpResponse other =
      admin.request("POST", "/api/v1/documents/CL-KH-1/attachments?filename=a.png", kPng);
  ASSERT_EQ(other.status, 201) << other.body;
  const std::string other_id = std::to_string(other.json().at("id").to_number<long long>());
  EXPECT_EQ(reporter.get("/api/v1/attachments/" + other_id).status, 403);
  EXPECT_EQ(reporter.get("/api/v1/documents/CL-KH-1/attachments").status, 403);

  // A document with files is not deleted under them.
  const std::string doc_etag = etag_of(admin, "/api/v1/documents/VT-KH-2021-01");
  HttpResponse refused =
      admin.request("DELETE", "/api/v1/documents/VT-KH-2021-01", "", {{"If-Match", doc_etag}});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(error_code(refused), "attachment.in_use");

  // Deleting needs the attachment's version.
  EXPECT_EQ(error_code(reporter.request("DELETE", "/api/v1/attachments/" + id)), "etag.required");
  HttpResponse stale =
      reporter.request("DELETE", "/api/v1/attachments/" + id, "", {{"If-Match", "\"old\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  HttpResponse gone = reporter.request("DELETE", "/api/v1/attachments/" + id, "",
                                       {{"If-Match", a.at("etag").as_string().c_str()}});
  EXPECT_EQ(gone.status, 204) << gone.body;
  EXPECT_EQ(viewer.get("/api/v1/attachments/" + id).status, 404);

  HttpResponse audit = admin.get("/api/v1/audit?entity=attachment");
  ASSERT_EQ(audit.status, 200);
  const json::value entries = audit.json();
  ASSERT_GE(entries.at("items").as_array().size(), 3u);
  EXPECT_EQ(entries.at("items").at(0).at("action").as_string(), "delete");
  EXPECT_EQ(entries.at("items").at(0).at("before").at("filename").as_string(), "Kế hoạch 01.pdf");
}

TEST_F(Records, AttachmentsAreCheckedByTheirBytesAndSize) {
  HttpClient admin = signed_in("admin");
  const std::string base = "/api/v1/documents/VT-KH-2021-01/attachments?filename=";
  auto code_of = [&](const std::string& name, const std::string& body) {
    return error_code(admin.request("POST", base + name, body));
  };
  EXPECT_EQ(code_of("page.html", "<html><script>alert(1)</script></html>"),
            "attachment.type_not_allowed");
  EXPECT_EQ(code_of("scan.pdf", kPng), "attachment.extension_mismatch");
  EXPECT_EQ(code_of("empty.pdf", ""), "attachment.empty");
  EXPECT_EQ(error_code(admin.request("POST", "/api/v1/documents/VT-KH-2021-01/attachments", kPdf)),
            "query.missing");
  EXPECT_EQ(
      admin.request("POST", "/api/v1/documents/NO-SUCH/attachments?filename=a.pdf", kPdf).status,
      404);

  // Up to 20 MiB is taken; beyond, the server stops reading with 413.
  std::string big = kPdf + std::string(20 * 1024 * 1024 - kPdf.size(), ' ');
  HttpResponse ok = admin.request("POST", base + "big.pdf", big);
  EXPECT_EQ(ok.status, 201) << ok.body.substr(0, 300);
  // The server answers as soon as it reads the announced length, before the body.
  auto announce = [&](const std::string& target, size_t length) {
    HttpClient c = signed_in("admin");
    c.send_raw("POST " + target +
               " HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n");
    return c.read_response();
  };
  EXPECT_EQ(announce(base + "bigger.pdf", big.size() + 1).status, 413);
  // Other routes keep the ordinary limit.
  EXPECT_EQ(announce("/api/v1/values/bulk", 9 * 1024 * 1024).status, 413);
  EXPECT_EQ(
      announce("/api/v1/values/bulk", 9 * 1024 * 1024).json().at("error").at("code").as_string(),
      "http.body_too_large");
  HttpResponse list = admin.get("/api/v1/documents/VT-KH-2021-01/attachments");
  EXPECT_EQ(list.json().at("total").to_number<int>(), 1);  // only the file that was accepted
}

TEST_F(Records, TaskProgressUpdatesJoinTheJournalAndSetTheTask) {
  HttpClient planner = signed_in("planner");
  HttpResponse task = planner.request(
      "PUT", "/api/v1/tasks/VT-T1",
      R"({"plan": "NQ-XXIII", "parent": "TG1", "name": "Chỉnh trang tuyến phố Vĩnh Trại",
          "responsibleUnit": "LS-VT", "deadline": "2021-12-31"})",
      {{"If-None-Match", "*"}});
  ASSERT_EQ(task.status, 201) << task.body;

  HttpClient reporter = signed_in("reporter");
  HttpResponse first = reporter.post_json(
      "/api/v1/tasks/VT-T1/updates",
      json::object{{"date", "2021-06-30"}, {"progress", 40}, {"note", "Đã xong 2/5 đoạn"}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json().at("author").as_string(), "reporter");
  HttpResponse done = reporter.post_json(
      "/api/v1/tasks/VT-T1/updates",
      json::object{{"date", "2021-11-20"}, {"progress", 100}, {"status", "completed"}});
  ASSERT_EQ(done.status, 201) << done.body;

  HttpResponse t = reporter.get("/api/v1/tasks/VT-T1");
  EXPECT_EQ(t.json().at("progress").to_number<int>(), 100);
  EXPECT_EQ(t.json().at("status").as_string(), "completed");
  HttpResponse journal = signed_in("viewer").get("/api/v1/tasks/VT-T1/updates");
  ASSERT_EQ(journal.status, 200);
  const json::value j = journal.json();
  ASSERT_EQ(j.at("total").to_number<int>(), 2);
  EXPECT_EQ(j.at("items").at(0).at("note").as_string(), "Đã xong 2/5 đoạn");

  // Bad entries change nothing.
  auto post = [&](const json::object& body) {
    return reporter.post_json("/api/v1/tasks/VT-T1/updates", body);
  };
  EXPECT_EQ(error_code(post({{"date", "2021-12-01"}, {"progress", 90}, {"status", "completed"}})),
            "task_update.completed_not_full");
  EXPECT_EQ(error_code(post({{"date", "2021-12-01"}, {"progress", 4294967346LL}})),
            "task.progress_range");
  EXPECT_EQ(error_code(post({{"date", "2021-13-01"}, {"progress", 10}})), "date.invalid");
  EXPECT_EQ(error_code(post({{"date", "2021-12-01"}, {"progress", 10}, {"by", "x"}})),
            "json.unknown_key");
  EXPECT_EQ(error_code(post({{"date", "2021-12-01"}, {"progress", 10}, {"status", "paused"}})),
            "task_status.invalid");
  EXPECT_EQ(reporter.get("/api/v1/tasks/VT-T1/updates").json().at("total").to_number<int>(), 2);

  // Outside the responsible unit's scope, or only viewing: refused.
  EXPECT_EQ(signed_in("viewer")
                .post_json("/api/v1/tasks/VT-T1/updates",
                           json::object{{"date", "2021-12-01"}, {"progress", 10}})
                .status,
            403);
  EXPECT_EQ(reporter
                .post_json("/api/v1/tasks/TG2/updates",
                           json::object{{"date", "2021-12-01"}, {"progress", 10}})
                .status,
            403);
  EXPECT_EQ(reporter.get("/api/v1/tasks/NOPE/updates").status, 404);
  // Outside the scope, an absent rating or target is refused, not "not found".
  EXPECT_EQ(reporter.get("/api/v1/tasks/TG2/ratings/2099").status, 403);
  EXPECT_EQ(reporter.get("/api/v1/targets/POPULATION/LS-CL/2099").status, 403);
  EXPECT_EQ(reporter.get("/api/v1/targets/POPULATION/LS-VT/2099").status, 404);
  HttpResponse audit = signed_in("admin").get("/api/v1/audit?entity=task_update");
  EXPECT_EQ(audit.json().at("items").as_array().size(), 2u);
}

TEST_F(Records, UnitRestructuringEventsAreRecordsOfTheCommonParent) {
  const std::string merge = R"({"kind": "merge", "effective": "2025-07-01",
      "from": ["LS-VT", "LS-CL"], "to": ["LS-DK"], "note": "Sáp nhập theo Nghị quyết"})";
  HttpClient wardadmin = signed_in("wardadmin");
  HttpResponse refused =
      wardadmin.request("PUT", "/api/v1/unit-changes/M-2025-1", merge, {{"If-None-Match", "*"}});
  EXPECT_EQ(refused.status, 403) << refused.body;  // the city plans its wards' merger
  HttpClient planner = signed_in("planner");
  HttpResponse made =
      planner.request("PUT", "/api/v1/unit-changes/M-2025-1", merge, {{"If-None-Match", "*"}});
  ASSERT_EQ(made.status, 201) << made.body;
  HttpResponse list = planner.get("/api/v1/unit-changes");
  // This one and the demo's ten of 1/7/2025 (data/demo/README.md).
  EXPECT_EQ(list.json().at("total").to_number<int>(), 11);

  HttpResponse bad = planner.request(
      "PUT", "/api/v1/unit-changes/S-1",
      R"({"kind": "split", "effective": "2025-07-01", "from": ["LS-HD"], "to": ["LS-MP", "LS-QL"],
          "shares": [0.7, 0.2]})",
      {{"If-None-Match", "*"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(error_code(bad), "unit_change.shares_sum");
  EXPECT_EQ(std::string(bad.json().at("error").at("field").as_string()), "shares");
  HttpResponse unknown = planner.request(
      "PUT", "/api/v1/unit-changes/R-1",
      R"({"kind": "rename", "effective": "2025-07-01", "from": ["LS-NOPE"], "newName": "X"})",
      {{"If-None-Match", "*"}});
  EXPECT_EQ(error_code(unknown), "dataset.unknown_reference");
  // A unit named in a restructuring is still referred to.
  const std::string etag = etag_of(planner, "/api/v1/units/LS-CL");
  EXPECT_EQ(error_code(planner.request("DELETE", "/api/v1/units/LS-CL", "", {{"If-Match", etag}})),
            "record.in_use");
}

TEST_F(Records, SearchFindsWordsWithoutDiacriticsAndOnlyWhatTheCallerMayRead) {
  HttpClient admin = signed_in("admin");
  HttpResponse found = admin.get("/api/v1/search?q=quan%20triet");
  ASSERT_EQ(found.status, 200) << found.body;
  const json::value f = found.json();
  EXPECT_GE(f.at("total").to_number<int>(), 3);
  bool saw = false;
  for (const auto& item : f.at("items").as_array())
    saw = saw || item.at("code").as_string() == "VT-KH-2021-01";
  EXPECT_TRUE(saw) << found.body;

  // "đ" folds to "d"; every word must match the start of a word.
  HttpResponse dang = admin.get("/api/v1/search?q=dang%20bo&entity=document&limit=1000");
  ASSERT_EQ(dang.status, 200);
  const json::value dang_json = dang.json();
  for (const auto& item : dang_json.at("items").as_array())
    EXPECT_EQ(item.at("entity").as_string(), "document");
  EXPECT_GT(dang_json.at("total").to_number<int>(), 5);
  EXPECT_EQ(admin.get("/api/v1/search?q=xyzzy").json().at("total").to_number<int>(), 0);
  EXPECT_EQ(error_code(admin.get("/api/v1/search?q=a&entity=unit")), "search.entity_invalid");
  EXPECT_EQ(error_code(admin.get("/api/v1/search")), "query.missing");

  // New records are found at once, deleted ones are gone at once.
  make_document(admin, "CL-CDS-1", "LS-CL");
  HttpResponse renamed =
      admin.request("PUT", "/api/v1/documents/CL-CDS-1",
                    R"({"kind": "plan", "title": "Kế hoạch chuyển đổi số phường Chi Lăng",
                        "date": "2021-05-04", "issuer": "LS-CL"})",
                    {{"If-Match", etag_of(admin, "/api/v1/documents/CL-CDS-1")}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(admin.get("/api/v1/search?q=chuyen%20doi%20so").json().at("total").to_number<int>(), 1);
  EXPECT_EQ(
      admin.get("/api/v1/documents?unit=LS&q=chuyen%20doi").json().at("total").to_number<int>(), 1);
  // A ward's reporter does not find another ward's document.
  HttpClient reporter = signed_in("reporter");
  EXPECT_EQ(reporter.get("/api/v1/search?q=chuyen%20doi%20so").json().at("total").to_number<int>(),
            0);
  HttpResponse del = admin.request("DELETE", "/api/v1/documents/CL-CDS-1", "",
                                   {{"If-Match", etag_of(admin, "/api/v1/documents/CL-CDS-1")}});
  ASSERT_EQ(del.status, 204) << del.body;
  EXPECT_EQ(admin.get("/api/v1/search?q=chuyen%20doi%20so").json().at("total").to_number<int>(), 0);
}

}  // namespace
