// /api/v1/users black-box (docs/api.md, "Users"): administrators manage the
// accounts of their own scope — create, list with filters, change with
// ETags, reset passwords (which ends sessions), lift lockouts — and nobody
// else may; bad input and stale edits change nothing; an administrator cannot
// demote, move or switch off themselves; no password or hash ever leaves.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../support/api_fixture.hpp"

namespace {

using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
using mandate::test_support::kPassword;
namespace json = boost::json;

std::string str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

class Users : public mandate::test_support::ApiFixture {
 protected:
  static json::object new_user(const std::string& username, const std::string& unit,
                               const std::string& role) {
    return {{"username", username},
            {"displayName", "Nguyễn Thị Lan"},
            {"unit", unit},
            {"role", role},
            {"email", "lan@langson.gov.vn"},
            {"language", "en"},
            {"password", "mật-khẩu-ban-đầu"}};
  }
  static std::vector<std::string> usernames(const HttpResponse& r) {
    std::vector<std::string> out;
    const json::value body = r.json();
    for (const auto& u : body.at("items").as_array())
      out.push_back(str(u.at("username")));
    return out;
  }
  static HttpResponse put(HttpClient& c, const std::string& username, const std::string& body,
                          const std::string& etag) {
    return c.request("PUT", "/api/v1/users/" + username, body,
                     {{"If-Match", etag}, {"Content-Type", "application/json"}});
  }
  // Everything the city's administrator can see of the accounts, to compare before and after.
  std::string all_accounts() { return signed_in("admin").get("/api/v1/users").body; }
};

TEST_F(Users, AnAdministratorCreatesListsAndChangesAccountsWithoutHashes) {
  HttpClient admin = signed_in("admin");
  HttpResponse r = admin.post_json("/api/v1/users", new_user("lan", "LS-VT", "reporter"));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_FALSE(r.header("ETag").empty());
  const json::value created = r.json();
  EXPECT_EQ(str(created.at("displayName")), "Nguyễn Thị Lan");
  EXPECT_EQ(str(created.at("unit")), "LS-VT");
  EXPECT_EQ(str(created.at("role")), "reporter");
  EXPECT_EQ(str(created.at("email")), "lan@langson.gov.vn");
  EXPECT_EQ(str(created.at("language")), "en");
  EXPECT_EQ(created.at("active"), json::value(true));
  EXPECT_EQ(created.at("locked"), json::value(false));
  EXPECT_EQ(r.body.find("password\""), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("argon2"), std::string::npos) << r.body;

  // The new account signs in with the initial password.
  HttpClient lan(server.port());
  EXPECT_EQ(lan.post_json("/api/v1/auth/login",
                          json::object{{"username", "lan"}, {"password", "mật-khẩu-ban-đầu"}})
                .status,
            200);

  // Filters: the unit's subtree, the role, text ignoring case and accents.
  EXPECT_EQ(usernames(admin.get("/api/v1/users?role=reporter")),
            (std::vector<std::string>{"lan", "reporter"}));
  const auto ward = usernames(admin.get("/api/v1/users?unit=LS-VT"));
  EXPECT_EQ(ward, (std::vector<std::string>{"approver", "lan", "reporter", "viewer", "wardadmin"}));
  EXPECT_EQ(usernames(admin.get("/api/v1/users?q=nguyen%20thi")),
            (std::vector<std::string>{"lan"}));
  EXPECT_EQ(usernames(admin.get("/api/v1/users?unit=LS-CL")), std::vector<std::string>{});
  const HttpResponse all = admin.get("/api/v1/users");
  EXPECT_EQ(all.json().at("total").to_number<int>(), 7);
  EXPECT_EQ(all.body.find("argon2"), std::string::npos);

  // One account, then a change of role and unit with its ETag.
  r = admin.get("/api/v1/users/lan");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string etag = r.header("ETag");
  r = put(admin, "lan", R"({"role": "approver", "unit": "LS-CL", "displayName": "  Lan  "})", etag);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(str(r.json().at("role")), "approver");
  EXPECT_EQ(str(r.json().at("unit")), "LS-CL");
  EXPECT_EQ(str(r.json().at("displayName")), "Lan");
  EXPECT_EQ(str(r.json().at("email")), "lan@langson.gov.vn") << "left out: kept";
  EXPECT_NE(r.header("ETag"), etag);
  EXPECT_EQ(str(admin.get("/api/v1/auth/me").json().at("user").at("role")), "admin");
  r = lan.get("/api/v1/auth/me");
  EXPECT_EQ(str(r.json().at("user").at("role")), "approver") << "sessions see the change at once";

  // Audited as entity "user", never with a password.
  r = admin.get("/api/v1/audit?entity=user&key=lan");
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value audit = r.json();
  const auto& entries = audit.at("items").as_array();
  ASSERT_EQ(entries.size(), 2u) << r.body;
  EXPECT_EQ(str(entries[0].at("action")), "update");
  EXPECT_EQ(str(entries[0].at("actor")), "admin");
  EXPECT_EQ(str(entries[0].at("before").at("role")), "reporter");
  EXPECT_EQ(str(entries[0].at("after").at("role")), "approver");
  EXPECT_EQ(str(entries[1].at("action")), "create");
  EXPECT_EQ(r.body.find("mật-khẩu"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("argon2"), std::string::npos) << r.body;
}

TEST_F(Users, AStaleEditIsRefusedWithTheCurrentAccount) {
  HttpClient admin = signed_in("admin");
  const std::string etag = etag_of(admin, "/api/v1/users/viewer");
  ASSERT_FALSE(etag.empty());
  HttpResponse r = put(admin, "viewer", R"({"email": "a@langson.gov.vn"})", etag);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string now = r.header("ETag");

  // A second editor still holding the first ETag.
  r = put(admin, "viewer", R"({"role": "planner"})", etag);
  EXPECT_EQ(r.status, 412) << r.body;
  EXPECT_EQ(error_code(r), "record.stale");
  EXPECT_EQ(str(r.json().at("current").at("email")), "a@langson.gov.vn");
  EXPECT_EQ(r.header("ETag"), now);
  EXPECT_EQ(r.body.find("argon2"), std::string::npos);
  EXPECT_EQ(str(admin.get("/api/v1/users/viewer").json().at("role")), "viewer");

  // Without If-Match at all.
  r = admin.request("PUT", "/api/v1/users/viewer", R"({"role": "planner"})");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(error_code(r), "etag.required");
}

TEST_F(Users, OnlyAdministratorsAndOnlyInsideTheirScope) {
  const std::string before = all_accounts();
  for (const std::string who : {"planner", "reporter", "approver", "viewer"}) {
    HttpClient c = signed_in(who);
    HttpResponse r = c.get("/api/v1/users");
    EXPECT_EQ(r.status, 403) << who << ": " << r.body;
    EXPECT_EQ(error_code(r), "access.denied.administer");
    EXPECT_EQ(c.get("/api/v1/users/viewer").status, 403) << who;
    EXPECT_EQ(c.post_json("/api/v1/users", new_user("x-" + who, "LS-VT", "viewer")).status, 403)
        << who;
    EXPECT_EQ(
        c.post_json("/api/v1/users/viewer/password", json::object{{"password", kPassword}}).status,
        403)
        << who;
    EXPECT_EQ(c.post_json("/api/v1/users/viewer/unlock", json::object{}).status, 403) << who;
  }

  // The ward's administrator: the ward's accounts only.
  HttpClient ward = signed_in("wardadmin");
  EXPECT_EQ(usernames(ward.get("/api/v1/users")),
            (std::vector<std::string>{"approver", "reporter", "viewer", "wardadmin"}));
  HttpResponse r = ward.get("/api/v1/users/planner");
  EXPECT_EQ(r.status, 403) << r.body;
  HttpClient city = signed_in("admin");
  const std::string city_etag = etag_of(city, "/api/v1/users/planner");
  EXPECT_EQ(put(ward, "planner", R"({"displayName": "x"})", city_etag).status, 403);
  EXPECT_EQ(ward.post_json("/api/v1/users/planner/password", json::object{{"password", kPassword}})
                .status,
            403);
  EXPECT_EQ(ward.post_json("/api/v1/users/planner/unlock", json::object{}).status, 403);
  // Never a unit outside the scope: not for a new account, not for a moved one.
  r = ward.post_json("/api/v1/users", new_user("citywide", "LS", "admin"));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(error_code(r), "access.denied.administer");
  r = put(ward, "viewer", R"({"unit": "LS"})", etag_of(ward, "/api/v1/users/viewer"));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(all_accounts(), before) << "nothing changed";

  // Inside it, the ward's administrator may.
  r = ward.post_json("/api/v1/users", new_user("wardnew", "LS-VT", "reporter"));
  EXPECT_EQ(r.status, 201) << r.body;
}

TEST_F(Users, BadInputIsRefusedAndChangesNothing) {
  HttpClient admin = signed_in("admin");
  const std::string before = all_accounts();
  struct Case {
    std::string body;
    int status;
    std::string code;
  };
  auto with = [](const std::string& key, const json::value& v) {
    json::object o = new_user("moi", "LS-VT", "viewer");
    o[key] = v;
    return json::serialize(o);
  };
  const std::vector<Case> cases = {
      {with("role", "boss"), 400, "role.invalid"},
      {with("unit", "NOWHERE"), 400, "user.unit_unknown"},
      {with("username", "reporter"), 409, "user.exists"},
      {with("username", "hai tu"), 400, "auth.username_invalid"},
      {with("email", "not-an-address"), 400, "user.email_invalid"},
      {with("language", "fr"), 400, "user.language_invalid"},
      {with("password", "ngan"), 400, "auth.password_too_short"},
      {with("extra", 1), 400, "json.unknown_key"},
      {with("role", 3), 400, "json.expected_string"},
      {"{\"username\": \"moi\",", 400, "body.not_json"},
  };
  for (const auto& c : cases) {
    HttpResponse r =
        admin.request("POST", "/api/v1/users", c.body, {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, c.status) << c.body << ": " << r.body;
    EXPECT_EQ(error_code(r), c.code) << c.body;
  }
  // The message in both languages.
  HttpResponse r = admin.request("POST", "/api/v1/users", with("unit", "NOWHERE"),
                                 {{"Content-Type", "application/json"}});
  const json::value message = r.json().at("error").at("message");
  EXPECT_EQ(str(message.at("vi")), "Không có đơn vị mã \"NOWHERE\"");
  EXPECT_EQ(str(message.at("en")), "There is no unit with code \"NOWHERE\"");

  const std::string etag = etag_of(admin, "/api/v1/users/viewer");
  for (const Case& c : std::vector<Case>{
           {R"({"role": "boss"})", 400, "role.invalid"},
           {R"({"unit": "NOWHERE"})", 400, "user.unit_unknown"},
           {R"({"email": "a@b@c"})", 400, "user.email_invalid"},
           {R"({"active": "no"})", 400, "json.expected_bool"},
           {R"({"username": "other"})", 400, "record.key_mismatch"},
           {R"({"password": "mật-khẩu-mới-dài"})", 400, "json.unknown_key"},
           {"[1]", 400, "json.expected_object"},
       }) {
    r = put(admin, "viewer", c.body, etag);
    EXPECT_EQ(r.status, c.status) << c.body << ": " << r.body;
    EXPECT_EQ(error_code(r), c.code) << c.body;
  }
  EXPECT_EQ(put(admin, "nobody", R"({"role": "viewer"})", etag).status, 404);
  EXPECT_EQ(admin.get("/api/v1/users?role=boss").status, 400);
  EXPECT_EQ(admin.get("/api/v1/users?unit=NOWHERE").status, 400);
  r = admin.post_json("/api/v1/users/viewer/password", json::object{{"password", "ngan"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(error_code(r), "auth.password_too_short");
  EXPECT_EQ(all_accounts(), before);
}

TEST_F(Users, AnAdministratorCannotDemoteMoveOrSwitchOffThemselves) {
  HttpClient admin = signed_in("admin");
  for (const std::string body :
       {R"({"role": "planner"})", R"({"unit": "LS-VT"})", R"({"active": false})"}) {
    HttpResponse r = put(admin, "admin", body, etag_of(admin, "/api/v1/users/admin"));
    EXPECT_EQ(r.status, 409) << body << ": " << r.body;
    EXPECT_EQ(error_code(r), "user.self_change") << body;
  }
  HttpResponse r =
      admin.post_json("/api/v1/users/admin/password", json::object{{"password", kPassword}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(error_code(r), "user.self_password");
  // Their own name, address and language they may change.
  r = put(admin, "admin", R"({"displayName": "Quản trị", "language": "en"})",
          etag_of(admin, "/api/v1/users/admin"));
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(str(admin.get("/api/v1/users/admin").json().at("role")), "admin");

  // A second administrator of the city may switch off the first; the one
  // left cannot demote themselves either.
  mandate::test_support::add_user(server.db(), {"admin2", "LS", "admin"});
  HttpClient second = signed_in("admin2");
  r = put(second, "admin", R"({"active": false})", etag_of(second, "/api/v1/users/admin"));
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(admin.get("/api/v1/users").status, 401) << "a switched-off account is signed out";
  r = put(second, "admin2", R"({"role": "viewer"})", etag_of(second, "/api/v1/users/admin2"));
  EXPECT_EQ(r.status, 409) << r.body;
}

TEST_F(Users, AResetPasswordEndsSessionsAndUnlockLiftsALockout) {
  HttpClient admin = signed_in("admin");
  HttpClient reporter = signed_in("reporter");
  ASSERT_EQ(reporter.get("/api/v1/auth/me").status, 200);
  HttpResponse r = admin.post_json("/api/v1/users/reporter/password",
                                   json::object{{"password", "mật-khẩu-mới-dài"}});
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(reporter.get("/api/v1/auth/me").status, 401);
  HttpClient fresh(server.port());
  EXPECT_EQ(fresh
                .post_json("/api/v1/auth/login",
                           json::object{{"username", "reporter"}, {"password", kPassword}})
                .status,
            401);
  EXPECT_EQ(fresh
                .post_json("/api/v1/auth/login",
                           json::object{{"username", "reporter"}, {"password", "mật-khẩu-mới-dài"}})
                .status,
            200);
  r = admin.get("/api/v1/audit?entity=user&key=reporter");
  EXPECT_NE(r.body.find("password_reset"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("mật-khẩu-mới-dài"), std::string::npos) << r.body;

  // Five wrong passwords lock the viewer out, even with the right one after.
  HttpClient viewer(server.port());
  for (int i = 0; i < 5; ++i)
    viewer.post_json("/api/v1/auth/login",
                     json::object{{"username", "viewer"}, {"password", "sai-mật-khẩu"}});
  r = viewer.post_json("/api/v1/auth/login",
                       json::object{{"username", "viewer"}, {"password", kPassword}});
  ASSERT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(error_code(r), "auth.locked");
  EXPECT_EQ(admin.get("/api/v1/users/viewer").json().at("locked"), json::value(true));
  r = admin.post_json("/api/v1/users/viewer/unlock", json::object{});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("locked"), json::value(false));
  EXPECT_EQ(viewer
                .post_json("/api/v1/auth/login",
                           json::object{{"username", "viewer"}, {"password", kPassword}})
                .status,
            200);
}

}  // namespace
