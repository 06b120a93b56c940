// Reminders black-box (docs/reporting-cycles.md, "Reminders"): `mandate
// remind` against a served demo database, read back through
// /api/v1/notifications — only one's own, in one's language, created once —
// marking read, submission steps that notify, and e-mail to a local SMTP
// sink (python3-aiosmtpd): a server that is down, then up, and the pass that
// `serve` runs on its own.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "../support/api_fixture.hpp"
#include "../support/shell.hpp"
#include "../support/smtp_sink.hpp"

namespace {

using mandate::test_support::Account;
using mandate::test_support::HttpClient;
using mandate::test_support::HttpResponse;
namespace json = boost::json;

std::string str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

class Notifications : public mandate::test_support::ApiFixture {
 protected:
  void SetUp() override {
    ApiFixture::SetUp();
    // The city's approver (the demo's forms are approved at the city).
    mandate::test_support::add_user(server.db(), Account{"cityapprover", "LS", "approver"});
  }

  // `mandate [args...]` on the server's database; what it printed.
  test_support::ShellResult mandate(const std::string& args) {
    return test_support::shell(test_support::shell_quote(MANDATE_BINARY) + " " + args + " --db " +
                               test_support::shell_quote(server.db()));
  }
  test_support::ShellResult remind(const std::string& today, const std::string& more = "") {
    return mandate("remind --today " + today + (more.empty() ? "" : " " + more));
  }

  static std::vector<json::object> items(const HttpResponse& r) {
    std::vector<json::object> out;
    const json::value body = r.json();  // kept: the loop reads into it
    for (const auto& v : body.at("items").as_array())
      out.push_back(v.as_object());
    return out;
  }
  // The first of the kind (and form), or nullopt.
  static std::optional<json::object> find(const std::vector<json::object>& list,
                                          const std::string& kind, const std::string& form = "") {
    for (const auto& o : list)
      if (str(o.at("kind")) == kind && (form.empty() || str(o.at("form")) == form))
        return o;
    return std::nullopt;
  }
};

// 18 December 2021: the monthly report of November is due on the 20th, the
// six-month estimate and the year's report were due on the 15th.
TEST_F(Notifications, ThePassRemindsTheUnitsReportersOnceAndLeadersGetADigest) {
  const auto first = remind("2021-12-18");
  ASSERT_EQ(first.code, 0) << first.out;
  EXPECT_NE(first.out.find("reporter  deadline_soon  BC-THANG-PX LS-VT 202111"), std::string::npos)
      << first.out;
  const auto again = remind("2021-12-18");
  ASSERT_EQ(again.code, 0) << again.out;
  EXPECT_NE(again.out.find("Đã tạo 0 thông báo"), std::string::npos) << again.out;

  HttpClient reporter = signed_in("reporter");
  const HttpResponse r = reporter.get("/api/v1/notifications");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto list = items(r);
  EXPECT_EQ(r.json().at("unread").to_number<int>(), static_cast<int>(list.size()));
  EXPECT_EQ(r.json().at("total").to_number<int>(), static_cast<int>(list.size()));
  const std::optional<json::object> soon = find(list, "deadline_soon", "BC-THANG-PX");
  ASSERT_NE(soon, std::nullopt) << r.body;
  EXPECT_EQ(str(soon->at("unit")), "LS-VT");
  EXPECT_EQ(str(soon->at("period")), "202111");
  EXPECT_EQ(str(soon->at("title")),
            "Sắp đến hạn nộp báo cáo Báo cáo tháng kết quả tiếp nhận và giải quyết đơn thư của "
            "phường, xã — Tháng 11/2021");
  EXPECT_NE(str(soon->at("body"))
                .find("Phường Vĩnh Trại phải gửi chậm nhất ngày 20/12/2021 (còn 2 "
                      "ngày)"),
            std::string::npos)
      << str(soon->at("body"));
  EXPECT_EQ(str(soon->at("link")), "/entry?unit=LS-VT&period=202111&form=BC-THANG-PX");
  EXPECT_TRUE(soon->at("readAt").is_null());
  EXPECT_TRUE(str(soon->at("createdAt")).ends_with("Z"));
  const std::optional<json::object> overdue = find(list, "overdue", "BC-6THANG-PX");
  ASSERT_NE(overdue, std::nullopt) << r.body;
  EXPECT_NE(str(overdue->at("body")).find("gia hạn đến hết ngày 18/12/2021"), std::string::npos)
      << str(overdue->at("body"));
  EXPECT_FALSE(find(list, "digest")) << "a reporter reports; leaders get digests";

  // English for whoever asks for it.
  const HttpResponse en = reporter.get("/api/v1/notifications", {{"Accept-Language", "en-US"}});
  const std::optional<json::object> soon_en = find(items(en), "deadline_soon", "BC-THANG-PX");
  ASSERT_TRUE(soon_en);
  EXPECT_TRUE(str(soon_en->at("title")).starts_with("Report due soon: ")) << en.body;
  EXPECT_NE(str(soon_en->at("body")).find("due by 20/12/2021 (2 days left)"), std::string::npos);

  // The city's administrator: a digest of the wards and communes that have
  // not sent what was due, and nothing about any one ward's deadline.
  HttpClient admin = signed_in("admin");
  const auto admin_list = items(admin.get("/api/v1/notifications"));
  ASSERT_EQ(admin_list.size(), 1u);
  const json::object& digest = admin_list[0];
  EXPECT_EQ(str(digest.at("kind")), "digest");
  EXPECT_TRUE(str(digest.at("title")).starts_with("Tổng hợp ngày 18/12/2021: "))
      << str(digest.at("title"));
  EXPECT_NE(str(digest.at("body")).find("Phường Chi Lăng"), std::string::npos)
      << str(digest.at("body"));
  EXPECT_EQ(str(digest.at("link")), "/");
}

TEST_F(Notifications, OnlyOnesOwnAreReadAndMarkedRead) {
  ASSERT_EQ(remind("2021-12-18").code, 0);
  HttpClient reporter = signed_in("reporter");
  HttpClient approver = signed_in("approver");
  const auto mine = items(reporter.get("/api/v1/notifications"));
  ASSERT_GE(mine.size(), 3u);
  const long long id = mine[0].at("id").to_number<long long>();
  const std::string target = "/api/v1/notifications/" + std::to_string(id) + "/read";

  // Another user's id is not found (nor said to exist); nothing changes.
  HttpResponse r = approver.post_json(target, json::object{});
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(error_code(r), "notification.not_found");
  for (const std::string bad : {"abc", "0", "-3", "12x", "99999999999999999999"}) {
    r = reporter.post_json("/api/v1/notifications/" + bad + "/read", json::object{});
    EXPECT_EQ(r.status, 400) << bad << ": " << r.body;
    EXPECT_EQ(error_code(r), "notification.id_invalid") << bad;
  }
  EXPECT_EQ(reporter.get("/api/v1/notifications/unread-count").json().at("unread").to_number<int>(),
            static_cast<int>(mine.size()));

  r = reporter.post_json(target, json::object{});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("unread").to_number<int>(), static_cast<int>(mine.size()) - 1);
  // Again: still read, still 200.
  EXPECT_EQ(reporter.post_json(target, json::object{}).status, 200);
  const HttpResponse unread = reporter.get("/api/v1/notifications?unread=true&limit=50&offset=0");
  EXPECT_EQ(items(unread).size(), mine.size() - 1);
  EXPECT_EQ(unread.json().at("total").to_number<int>(), static_cast<int>(mine.size()));
  const auto all = items(reporter.get("/api/v1/notifications"));
  for (const auto& n : all) {
    if (n.at("id").to_number<long long>() == id) {
      EXPECT_TRUE(str(n.at("readAt")).ends_with("Z"));
    }
  }
  EXPECT_EQ(reporter.get("/api/v1/notifications?unread=maybe").status, 400);

  r = reporter.post_json("/api/v1/notifications/read-all", json::object{});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json().at("unread").to_number<int>(), 0);
  EXPECT_EQ(reporter.get("/api/v1/notifications/unread-count").json().at("unread").to_number<int>(),
            0);
  // The approver's own are untouched by the reporter's read-all.
  EXPECT_GT(approver.get("/api/v1/notifications/unread-count").json().at("unread").to_number<int>(),
            0);

  // Signed out: 401; a cookie without its CSRF token cannot mark anything.
  HttpClient anonymous(server.port());
  EXPECT_EQ(anonymous.get("/api/v1/notifications").status, 401);
  EXPECT_EQ(anonymous.get("/api/v1/notifications/unread-count").status, 401);
  EXPECT_EQ(anonymous.post_json("/api/v1/notifications/read-all", json::object{}).status, 401);
  HttpClient no_csrf = signed_in("approver");
  no_csrf.set_header("X-CSRF-Token", "wrong");
  r = no_csrf.post_json("/api/v1/notifications/read-all", json::object{});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_code(r), "auth.csrf");
}

TEST_F(Notifications, SubmissionStepsNotifyWhoMustActNext) {
  HttpClient reporter = signed_in("reporter");
  HttpClient city = signed_in("cityapprover");
  const std::string report = "/api/v1/submissions/BC-THANG-PX/LS-VT/202203/";
  HttpResponse r = reporter.post_json(report + "submit", json::object{});
  ASSERT_EQ(r.status, 200) << r.body;
  auto waiting = items(city.get("/api/v1/notifications"));
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(str(waiting[0].at("kind")), "submission_submitted");
  EXPECT_EQ(str(waiting[0].at("title")),
            "Phường Vĩnh Trại đã gửi báo cáo Báo cáo tháng kết quả tiếp nhận và giải quyết đơn thư "
            "của phường, xã — Tháng 3/2022, chờ duyệt");
  EXPECT_TRUE(str(waiting[0].at("body")).starts_with("reporter đã gửi")) << waiting[0];
  // The one who stepped is not told of their own step.
  EXPECT_FALSE(find(items(reporter.get("/api/v1/notifications")), "submission_submitted"));

  r = city.post_json(report + "reopen", json::object{{"reason", "Thiếu số đơn thư tháng 3"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const std::optional<json::object> reopened =
      find(items(reporter.get("/api/v1/notifications")), "submission_reopened");
  ASSERT_TRUE(reopened);
  EXPECT_NE(str(reopened->at("body")).find("Lý do: Thiếu số đơn thư tháng 3"), std::string::npos);

  ASSERT_EQ(reporter.post_json(report + "submit", json::object{}).status, 200);
  ASSERT_EQ(city.post_json(report + "approve", json::object{}).status, 200);
  const auto after = items(reporter.get("/api/v1/notifications"));
  ASSERT_TRUE(find(after, "submission_approved"));
  // A second submission is a second notification: each step has its own.
  EXPECT_EQ(items(city.get("/api/v1/notifications")).size(), 2u);
}

// E-mail through a local SMTP server: refused while it is down (the
// notifications are kept and the failure is printed), sent by the next pass
// once it is up, in each user's language, the Subject's Vietnamese intact.
TEST_F(Notifications, MailIsSentThroughSmtpAndRetriedWhenTheServerWasDown) {
  ASSERT_EQ(mandate("user set --username reporter --email 'reporter@vinhtrai.langson.gov.vn'").code,
            0);
  auto set = mandate("user set --username approver --email approver@vinhtrai.vn --language en");
  ASSERT_EQ(set.code, 0) << set.out;
  EXPECT_NE(mandate("user set --username viewer --email 'not an address'").code, 0);

  // Nothing listens on this port.
  const std::string down_port = [] {
    mandate::test_support::SmtpSink probe;
    return std::to_string(probe.port());
  }();
  const std::string smtp_opts = "--smtp-from 'Văn phòng Thành ủy <mandate@langson.gov.vn>'";
  auto down = remind("2021-12-18", "--smtp-url smtp://127.0.0.1:" + down_port + " " + smtp_opts);
  ASSERT_EQ(down.code, 0) << down.out;
  EXPECT_NE(down.out.find("Không gửi được thư tới reporter@vinhtrai.langson.gov.vn"),
            std::string::npos)
      << down.out;
  EXPECT_NE(down.out.find("Đã gửi 0 thư, 7 thư chưa gửi được"), std::string::npos) << down.out;
  HttpClient reporter = signed_in("reporter");
  const int stored =
      reporter.get("/api/v1/notifications/unread-count").json().at("unread").to_number<int>();
  EXPECT_EQ(stored, 3);

  mandate::test_support::SmtpSink sink;
  auto up = remind("2021-12-18", "--smtp-url " + sink.url() + " " + smtp_opts);
  ASSERT_EQ(up.code, 0) << up.out;
  EXPECT_NE(up.out.find("Đã tạo 0 thông báo"), std::string::npos) << up.out;
  EXPECT_NE(up.out.find("Đã gửi 7 thư, 0 thư chưa gửi được"), std::string::npos) << up.out;
  const auto mails = sink.wait_for(7);
  ASSERT_EQ(mails.size(), 7u);
  int to_reporter = 0, to_approver = 0;
  for (const auto& m : mails) {
    EXPECT_EQ(str(m.at("mailFrom")), "mandate@langson.gov.vn");
    EXPECT_EQ(str(m.at("contentType")), "text/plain");
    EXPECT_EQ(str(m.at("charset")), "utf-8");
    const std::string to = str(m.at("rcptTos").as_array()[0]);
    const std::string subject = str(m.at("subject"));
    const std::string body = str(m.at("body"));
    if (to == "reporter@vinhtrai.langson.gov.vn") {
      ++to_reporter;
      // Vietnamese travels as encoded words: 7-bit on the wire.
      EXPECT_NE(str(m.at("rawHeaders")).find("Subject: =?UTF-8?B?"), std::string::npos);
      EXPECT_NE(str(m.at("rawHeaders")).find("From: =?UTF-8?B?"), std::string::npos);
      EXPECT_TRUE(subject.starts_with("Sắp đến hạn") || subject.starts_with("Quá hạn nộp"))
          << subject;
      EXPECT_NE(body.find("Phường Vĩnh Trại"), std::string::npos) << body;
      EXPECT_NE(body.find("/entry?unit=LS-VT&period="), std::string::npos) << body;
    } else {
      EXPECT_EQ(to, "approver@vinhtrai.vn");
      ++to_approver;
      EXPECT_TRUE(subject.starts_with("Report due soon") || subject.starts_with("Report overdue") ||
                  subject.starts_with("Summary for"))
          << subject;
    }
  }
  EXPECT_EQ(to_reporter, 3);
  EXPECT_EQ(to_approver, 4);  // the same three, and a digest: an approver oversees too

  // Sent once: a later pass sends nothing again.
  auto later = remind("2021-12-18", "--smtp-url " + sink.url() + " " + smtp_opts);
  EXPECT_NE(later.out.find("Đã gửi 0 thư"), std::string::npos) << later.out;
  EXPECT_EQ(sink.messages().size(), 7u);
}

// Bad input stops the pass before it writes anything, with the catalog's message.
TEST_F(Notifications, RemindRefusesBadDatesAndMailSettings) {
  auto r = remind("2021-02-30");
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("Lỗi: "), std::string::npos) << r.out;
  r = remind("2021-12-18", "--smtp-url http://mail.langson.gov.vn --smtp-from m@x.vn");
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("smtp://"), std::string::npos) << r.out;
  r = remind("2021-12-18", "--smtp-url smtp://127.0.0.1:25");  // no sender
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("--smtp-from"), std::string::npos) << r.out;
  r = remind("2021-12-18",
             "--smtp-url smtp://127.0.0.1:25 --smtp-from m@x.vn --smtp-password-file /nonexistent");
  EXPECT_EQ(r.code, 3) << r.out;
  r = remind("2021-12-18", "--remind-days-before 40");
  EXPECT_EQ(r.code, 2) << r.out;  // CLI11's range check: a usage error
  HttpClient reporter = signed_in("reporter");
  EXPECT_EQ(reporter.get("/api/v1/notifications/unread-count").json().at("unread").to_number<int>(),
            0);
}

// `serve` runs the pass itself, at start and then on its timer, with today's
// date: the demo's wards have sent nothing of the months before, so the city's
// administrator gets a digest, by e-mail too.
TEST_F(Notifications, TheServerRunsThePassOnItsOwnAndMails) {
  ASSERT_EQ(mandate("user set --username admin --email chanh.vanphong@langson.gov.vn").code, 0);
  mandate::test_support::SmtpSink sink;
  mandate::test_support::ServerOptions options;
  options.shared_db = server.db();
  options.args = {"--remind-every-minutes", "1", "--smtp-url", sink.url(), "--smtp-from",
                  "mandate@langson.gov.vn"};
  mandate::test_support::ServerProcess second(options);
  const auto mails = sink.wait_for(1);
  ASSERT_GE(mails.size(), 1u);
  bool digest = false;
  for (const auto& m : mails)
    digest = digest || (str(m.at("rcptTos").as_array()[0]) == "chanh.vanphong@langson.gov.vn" &&
                        str(m.at("subject")).starts_with("Tổng hợp ngày "));
  EXPECT_TRUE(digest);
  HttpClient admin = signed_in("admin");
  EXPECT_TRUE(find(items(admin.get("/api/v1/notifications")), "digest"));
  EXPECT_EQ(second.stop(), 0);
}

}  // namespace
