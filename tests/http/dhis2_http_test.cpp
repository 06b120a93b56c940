// /api/dataValueSets black-box, the way a DHIS2 script calls it: a real
// `mandate serve` on the demo database, HTTP Basic authentication, JSON and
// CSV posted, JSON and CSV exported.
#include <gtest/gtest.h>

#include <chrono>

#include "../support/http_client.hpp"
#include "../support/server_process.hpp"
#include "core/dhis2_uid.hpp"
#include "service/auth_service.hpp"
#include "store/store.hpp"

namespace mandate {
namespace {

using test_support::HttpClient;
using test_support::HttpResponse;
using test_support::ServerProcess;

std::string base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    for (int k = 18; k >= 0; k -= 6)
      out += kAlphabet[(n >> k) & 63];
  }
  if (i < in.size()) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size())
      n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string basic(const std::string& user, const std::string& password) {
  return "Basic " + base64(user + ":" + password);
}

std::string uid_de(const std::string& code) {
  return core::dhis2_uid(core::kDhis2KindIndicator, code);
}
std::string uid_ou(const std::string& code) {
  return core::dhis2_uid(core::kDhis2KindUnit, code);
}

std::string text(const boost::json::value& v) {
  return std::string(v.as_string());
}
long long number(const boost::json::value& v) {
  return v.to_number<long long>();
}

class Dhis2Http : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new ServerProcess();
    // Accounts, written into the server's database beside it (SQLite in WAL mode).
    auto store = store::open_store(server->db(), store::OpenMode::existing);
    service::AuthService auth(*store, [] { return std::chrono::system_clock::now(); });
    auth.add_user("admin", "Quản trị", "LS", core::Role::admin, "district-2026", "test");
    auth.add_user("vt", "Phường Vĩnh Trại", "LS-VT", core::Role::reporter, "vinh-trai-2026",
                  "test");
  }
  static void TearDownTestSuite() {
    delete server;
    server = nullptr;
  }

  HttpResponse post(const std::string& target, const std::string& body,
                    const std::string& content_type,
                    const std::string& auth = basic("admin", "district-2026")) {
    return client.request("POST", target, body,
                          {{"Content-Type", content_type}, {"Authorization", auth}});
  }
  HttpResponse get(const std::string& target, HttpClient::Headers headers = {},
                   const std::string& auth = basic("admin", "district-2026")) {
    headers.emplace_back("Authorization", auth);
    return client.get(target, headers);
  }

  static ServerProcess* server;
  HttpClient client{server->port()};
};
ServerProcess* Dhis2Http::server = nullptr;

TEST_F(Dhis2Http, PostJsonWithBasicAuthNeedsNoCsrfToken) {
  const std::string body = R"({"dataValues": [{"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "period": "2022", "orgUnit": ")" + uid_ou("LS") +
                           R"(", "value": "2800", "comment": "từ DHIS2"}]})";
  const auto r = post("/api/dataValueSets", body, "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto m = r.json().as_object();
  EXPECT_EQ(text(m.at("httpStatus")), "OK");
  EXPECT_EQ(number(m.at("httpStatusCode")), 200);
  const auto& s = m.at("response").as_object();
  EXPECT_EQ(text(s.at("status")), "SUCCESS");
  EXPECT_EQ(number(s.at("importCount").as_object().at("imported")), 1);

  // Read back through the export.
  const auto back = get("/api/dataValueSets.json?orgUnit=" + uid_ou("LS") + "&period=2022");
  ASSERT_EQ(back.status, 200) << back.body;
  const boost::json::value doc = back.json();
  const auto& values = doc.at_pointer("/dataValues").as_array();
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(text(values[0].as_object().at("value")), "2800");
  EXPECT_EQ(text(values[0].as_object().at("comment")), "từ DHIS2");
  EXPECT_EQ(text(values[0].as_object().at("storedBy")), "admin");
}

TEST_F(Dhis2Http, PostCsvByCodeOnAVersionedPath) {
  const std::string csv =
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value\n"
      "NEW_JOBS,2023,LS-VT,,,31\n"
      "NEW_JOBS,2023,LS-VT,,ESTIMATE,33\n";
  const auto r = post("/api/40/dataValueSets?dataElementIdScheme=CODE&orgUnitIdScheme=code", csv,
                      "application/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(number(r.json().at_pointer("/response/importCount/imported")), 2);

  const auto back = get("/api/dataValueSets.csv?orgUnit=LS-VT&dataElement=NEW_JOBS&idScheme=CODE");
  ASSERT_EQ(back.status, 200);
  EXPECT_TRUE(back.header("Content-Type").starts_with("application/csv"))
      << back.header("Content-Type");
  EXPECT_NE(back.body.find("NEW_JOBS,2023,LS-VT,default,default,31,"), std::string::npos)
      << back.body;
  EXPECT_NE(back.body.find("NEW_JOBS,2023,LS-VT,default,ESTIMATE,33,"), std::string::npos)
      << back.body;
}

TEST_F(Dhis2Http, ConflictsAnswer409WithTheSummary) {
  const std::string body = R"({"dataValues": [
    {"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "period": "2024", "orgUnit": ")" + uid_ou("LS") +
                           R"(", "value": "1"},
    {"dataElement": "NoSuchThing", "period": "2024", "orgUnit": ")" +
                           uid_ou("LS") + R"(", "value": "1"}]})";
  // atomicMode ALL (the default): nothing written.
  auto r = post("/api/dataValueSets", body, "application/json");
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(text(r.json().at_pointer("/status")), "ERROR");
  EXPECT_EQ(text(r.json().at_pointer("/response/conflicts/0/errorCode")), "E7610");
  EXPECT_EQ(number(r.json().at_pointer("/response/conflicts/0/indexes/0")), 1);
  EXPECT_TRUE(get("/api/dataValueSets?orgUnit=" + uid_ou("LS") + "&period=2024")
                  .json()
                  .at_pointer("/dataValues")
                  .as_array()
                  .empty());
  // atomicMode NONE: the valid value written, the other reported (in English: DHIS2's language).
  r = client.request("POST", "/api/dataValueSets?atomicMode=NONE", body,
                     {{"Content-Type", "application/json; charset=utf-8"},
                      {"Authorization", basic("admin", "district-2026")}});
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(text(r.json().at_pointer("/status")), "WARNING");
  EXPECT_EQ(text(r.json().at_pointer("/response/conflicts/0/value")),
            "Data element not found or not accessible: `NoSuchThing`");
  EXPECT_EQ(number(r.json().at_pointer("/response/importCount/imported")), 1);
  // Vietnamese when asked for.
  r = client.request("POST", "/api/dataValueSets?atomicMode=NONE&dryRun=true", body,
                     {{"Content-Type", "application/json"},
                      {"Authorization", basic("admin", "district-2026")},
                      {"Accept-Language", "vi-VN,vi;q=0.9"}});
  EXPECT_EQ(text(r.json().at_pointer("/response/conflicts/0/value")),
            "Không tìm thấy chỉ tiêu (dataElement) `NoSuchThing`");
}

TEST_F(Dhis2Http, DryRunWritesNothing) {
  const std::string body = R"({"dataValues": [{"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "period": "2025", "orgUnit": ")" + uid_ou("LS") +
                           R"(", "value": "7"}]})";
  const auto r = post("/api/dataValueSets?dryRun=true", body, "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(number(r.json().at_pointer("/response/importCount/imported")), 1);
  EXPECT_TRUE(r.json().at_pointer("/response/importOptions/dryRun").as_bool());
  EXPECT_TRUE(get("/api/dataValueSets?orgUnit=" + uid_ou("LS") + "&period=2025")
                  .json()
                  .at_pointer("/dataValues")
                  .as_array()
                  .empty());
}

TEST_F(Dhis2Http, ExportFormatsByAcceptHeaderAndFormatParameter) {
  auto r = get("/api/dataValueSets?orgUnit=" + uid_ou("LS") + "&children=true",
               {{"Accept", "text/csv"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.starts_with("dataelement,period,orgunit,")) << r.body.substr(0, 80);
  r = get("/api/dataValueSets?format=csv");
  EXPECT_TRUE(r.body.starts_with("dataelement,")) << r.body.substr(0, 80);
  r = get("/api/dataValueSets", {{"Accept", "application/json"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_GE(r.json().at_pointer("/dataValues").as_array().size(), 40u);
  r = get("/api/dataValueSets?format=xml");
  EXPECT_EQ(r.status, 400);
}

TEST_F(Dhis2Http, ExportedDataImportsBackUnchanged) {
  const auto exported = get("/api/dataValueSets.json");
  ASSERT_EQ(exported.status, 200);
  const size_t n = exported.json().at_pointer("/dataValues").as_array().size();
  const auto r = post("/api/dataValueSets", exported.body, "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(static_cast<size_t>(number(r.json().at_pointer("/response/importCount/ignored"))), n);
  EXPECT_EQ(number(r.json().at_pointer("/response/importCount/updated")), 0);
}

TEST_F(Dhis2Http, ScopeAndAuthentication) {
  // A ward reporter: its own ward only.
  const std::string body = R"({"dataValues": [{"dataElement": ")" + uid_de("NEW_JOBS") +
                           R"(", "period": "2022", "orgUnit": ")" + uid_ou("LS-DK") +
                           R"(", "value": "1"}]})";
  auto r = post("/api/dataValueSets", body, "application/json", basic("vt", "vinh-trai-2026"));
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(text(r.json().at_pointer("/response/conflicts/0/errorCode")), "E7617");
  r = get("/api/dataValueSets?orgUnit=" + uid_ou("LS"), {}, basic("vt", "vinh-trai-2026"));
  EXPECT_EQ(r.status, 403);

  r = post("/api/dataValueSets", body, "application/json", basic("admin", "wrong"));
  EXPECT_EQ(r.status, 401);
  r = post("/api/dataValueSets", body, "application/json", "Basic !!!");
  EXPECT_EQ(r.status, 401);
  r = client.request("POST", "/api/dataValueSets", body, {{"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 401);
}

TEST_F(Dhis2Http, RequestErrors) {
  auto r = post("/api/dataValueSets", "<dataValueSet/>", "application/xml");
  EXPECT_EQ(r.status, 415) << r.body;
  r = post("/api/dataValueSets", "{not json", "application/json");
  EXPECT_EQ(r.status, 400);
  r = post("/api/dataValueSets?importStrategy=SOMETIMES", "{}", "application/json");
  EXPECT_EQ(r.status, 400);
  r = post("/api/dataValueSets?idScheme=ATTRIBUTE:x", "{}", "application/json");
  EXPECT_EQ(r.status, 400);
  r = get("/api/v1/dataValueSets");
  EXPECT_EQ(r.status, 404);
}

}  // namespace
}  // namespace mandate
