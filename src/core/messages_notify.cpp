// Catalog: reminders and notifications — their titles and bodies, e-mail,
// the reminder pass.
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"notification.kind_invalid", "Loại thông báo \"{0}\" không hợp lệ; chọn một trong: {1}",
     "Notification kind \"{0}\" is not valid; choose one of: {1}"},
    {"notification.not_found", "Không có thông báo số {0} của bạn", "You have no notification {0}"},
    {"notification.id_invalid", "Số hiệu thông báo \"{0}\" không hợp lệ; cần một số nguyên dương",
     "Notification id \"{0}\" is not valid; it must be a positive whole number"},

    {"notify.and_more", " và {0} nơi khác", " and {0} more"},
    {"notify.deadline_soon.title", "Sắp đến hạn nộp báo cáo {0} — {1}",
     "Report due soon: {0} — {1}"},
    {"notify.deadline_soon.body",
     "Báo cáo \"{0}\" kỳ {1} của {2} phải gửi chậm nhất ngày {3} (còn {4} ngày). Đề nghị nhập "
     "đủ số liệu và gửi báo cáo đúng hạn.",
     "The report \"{0}\" for {1} of {2} is due by {3} ({4} days left). Please enter the figures "
     "and submit it on time."},
    {"notify.deadline_today.title", "Hôm nay là hạn nộp báo cáo {0} — {1}",
     "Report due today: {0} — {1}"},
    {"notify.deadline_today.body",
     "Hôm nay ({3}) là hạn cuối gửi báo cáo \"{0}\" kỳ {1} của {2}. Đề nghị hoàn thành và gửi "
     "trong ngày.",
     "Today ({3}) is the last day to submit the report \"{0}\" for {1} of {2}. Please complete "
     "and submit it today."},
    {"notify.overdue.title", "Quá hạn nộp báo cáo {0} — {1}", "Report overdue: {0} — {1}"},
    {"notify.overdue.body",
     "Báo cáo \"{0}\" kỳ {1} của {2} đã quá hạn ({3}) mà chưa gửi. Đề nghị gửi ngay; báo cáo sẽ "
     "được tính là nộp muộn.",
     "The report \"{0}\" for {1} of {2} was due on {3} and has not been submitted. Please submit "
     "it now; it will count as late."},
    {"notify.overdue.body_grace",
     "Báo cáo \"{0}\" kỳ {1} của {2} đã quá hạn ({3}) mà chưa gửi. Thời gian gia hạn đến hết "
     "ngày {4}; báo cáo gửi sau hạn được tính là nộp muộn.",
     "The report \"{0}\" for {1} of {2} was due on {3} and has not been submitted. The grace "
     "period ends on {4}; a report sent after the due date counts as late."},
    {"notify.digest.title", "Tổng hợp ngày {0}: {1} báo cáo chưa nộp, {2} nhiệm vụ quá hạn",
     "Summary for {0}: {1} reports missing, {2} tasks overdue"},
    {"notify.digest.form", "• {0} — {1} (hạn {2}): {3}/{4} đơn vị chưa nộp: {5}.",
     "• {0} — {1} (due {2}): {3} of {4} units have not submitted: {5}."},
    {"notify.digest.late", " Nộp muộn: {0}.", " Submitted late: {0}."},
    {"notify.digest.tasks", "• Nhiệm vụ quá hạn chưa hoàn thành ({0}): {1}.",
     "• Tasks overdue ({0}): {1}."},
    {"notify.submitted.title", "{0} đã gửi báo cáo {1} — {2}, chờ duyệt",
     "{0} submitted {1} — {2} for approval"},
    {"notify.submitted.body",
     "{0} đã gửi báo cáo \"{1}\" kỳ {2} của {3}. Báo cáo đang chờ đồng chí xem xét, duyệt hoặc "
     "mở lại.",
     "{0} submitted the report \"{1}\" for {2} of {3}. It is waiting for you to approve or "
     "reopen it."},
    {"notify.approved.title", "Báo cáo {0} — {1} đã được duyệt", "Report approved: {0} — {1}"},
    {"notify.approved.body", "{0} đã duyệt báo cáo \"{1}\" kỳ {2} của {3}.",
     "{0} approved the report \"{1}\" for {2} of {3}."},
    {"notify.reopened.title", "Báo cáo {0} — {1} được mở lại để sửa",
     "Report reopened for correction: {0} — {1}"},
    {"notify.reopened.body",
     "{0} đã mở lại báo cáo \"{1}\" kỳ {2} của {3}. Lý do: {4}. Đề nghị sửa và gửi lại.",
     "{0} reopened the report \"{1}\" for {2} of {3}. Reason: {4}. Please correct it and submit "
     "it again."},

    {"mail.footer", "Thư này do hệ thống Mandate gửi tự động; xem và đánh dấu đã đọc tại: {0}",
     "This message was sent automatically by Mandate; see it and mark it read at: {0}"},
    {"mail.failed", "Không gửi được thư tới {0} (thông báo {1}, lần {2}): {3}",
     "Could not e-mail {0} (notification {1}, attempt {2}): {3}"},
    {"mail.gave_up", "Thôi gửi thư cho thông báo {0} sau {1} lần không thành",
     "Gave up e-mailing notification {0} after {1} failed attempts"},
    {"mail.send_failed", "Máy chủ thư không nhận thư: {0}",
     "The mail server did not take the message: {0}"},
    {"mail.url_invalid",
     "Địa chỉ máy chủ thư \"{0}\" không hợp lệ; dùng smtp://máy:cổng hoặc smtps://máy:cổng",
     "Mail server address \"{0}\" is not valid; use smtp://host:port or smtps://host:port"},
    {"mail.from_missing", "Cần --smtp-from (địa chỉ người gửi) khi dùng --smtp-url",
     "--smtp-from (the sender's address) is needed with --smtp-url"},
    {"mail.password_file", "Không đọc được tệp mật khẩu máy chủ thư {0}",
     "Cannot read the mail server password file {0}"},
    {"user.email_invalid", "Địa chỉ thư \"{0}\" không hợp lệ",
     "E-mail address \"{0}\" is not valid"},
    {"user.language_invalid", "Ngôn ngữ \"{0}\" không hợp lệ; chọn vi hoặc en",
     "Language \"{0}\" is not valid; choose vi or en"},
    {"user.unknown", "Không có tài khoản {0}", "There is no account {0}"},
    {"user.unit_unknown", "Không có đơn vị mã \"{0}\"", "There is no unit with code \"{0}\""},
    {"user.exists", "Tên đăng nhập {0} đã có người dùng; chọn tên khác",
     "The user name {0} is taken; choose another"},
    {"user.self_change",
     "Không thể tự đổi vai trò, đơn vị hay tắt tài khoản của chính mình; hãy nhờ một quản trị "
     "viên khác",
     "You cannot change your own role or unit or switch off your own account; ask another "
     "administrator"},
    {"user.self_password",
     "Đổi mật khẩu của chính mình tại trang Tài khoản (cần mật khẩu hiện tại)",
     "Change your own password on the Profile page (it asks for the current one)"},
    {"user.last_root_admin",
     "Đơn vị {0} phải còn ít nhất một quản trị viên đang hoạt động; hãy thêm người khác trước",
     "Unit {0} must keep at least one active administrator; add another one first"},

    {"cli.help.remind",
     "một lượt nhắc hạn: tạo các thông báo hôm nay cần có, gửi thư đang chờ (dùng cho cron)",
     "one reminder pass: creates the notifications today calls for and sends the e-mail waiting "
     "(for cron)"},
    {"cli.help.today",
     "ngày coi là hôm nay (YYYY-MM-DD); mặc định: ngày hiện tại theo giờ Việt Nam",
     "the date to take as today (YYYY-MM-DD); default: today in Vietnam time"},
    {"cli.help.change_feed_kept",
     "giữ bấy nhiêu mục mới nhất của dòng thay đổi (máy chủ chậm hơn thì dựng lại số liệu tổng "
     "hợp)",
     "keep this many newest entries of the change feed (a server further behind rebuilds its "
     "rollups)"},
    {"cli.help.remind_every_minutes", "chạy lượt nhắc hạn mỗi bấy nhiêu phút; 0 là không nhắc",
     "run the reminder pass every this many minutes; 0 turns it off"},
    {"cli.help.remind_days_before", "nhắc trước hạn nộp bấy nhiêu ngày",
     "remind this many days before a report is due"},
    {"cli.help.remind_overdue_days", "nhắc quá hạn cho báo cáo đã quá hạn không quá bấy nhiêu ngày",
     "remind of reports overdue by at most this many days"},
    {"cli.help.digest_days",
     "bản tổng hợp hằng ngày gồm các báo cáo đến hạn trong bấy nhiêu ngày qua",
     "the daily digest covers reports due in this many past days"},
    {"cli.help.smtp_url",
     "máy chủ gửi thư: smtp://máy:cổng hoặc smtps://máy:cổng; bỏ trống là không gửi thư",
     "mail server: smtp://host:port or smtps://host:port; empty sends no e-mail"},
    {"cli.help.smtp_from", "địa chỉ người gửi, ví dụ \"Mandate <mandate@langson.gov.vn>\"",
     "sender address, e.g. \"Mandate <mandate@langson.gov.vn>\""},
    {"cli.help.smtp_user", "tên đăng nhập máy chủ thư (nếu cần)",
     "mail server user name (if needed)"},
    {"cli.help.smtp_password_file",
     "tệp chứa mật khẩu máy chủ thư (dòng đầu); hoặc biến môi trường MANDATE_SMTP_PASSWORD",
     "file holding the mail server password (first line); or the MANDATE_SMTP_PASSWORD variable"},
    {"cli.help.smtp_timeout_s", "thời gian chờ tối đa mỗi thư (giây)",
     "longest wait per message (seconds)"},
    {"cli.help.public_url", "địa chỉ công khai của Mandate, cho đường dẫn trong thư",
     "Mandate's public address, for the links in e-mail"},
    {"cli.help.email", "địa chỉ thư nhận nhắc hạn (bỏ trống: không gửi thư)",
     "e-mail address for reminders (empty: no e-mail)"},
    {"cli.help.user_language", "ngôn ngữ của thông báo và thư: vi hoặc en",
     "language of notifications and e-mail: vi or en"},
    {"cli.help.user_set", "đặt địa chỉ thư và ngôn ngữ của một tài khoản",
     "set an account's e-mail address and language"},
    {"cli.user_contact_saved", "Đã lưu tài khoản {0}: thư {1}, ngôn ngữ {2}",
     "Saved account {0}: e-mail {1}, language {2}"},
    {"list.col.email", "Thư điện tử", "E-mail"},
    {"remind.created", "Đã tạo {0} thông báo", "Created {0} notifications"},
    {"remind.line", "  {0}  {1}  {2} {3} {4}", "  {0}  {1}  {2} {3} {4}"},
    {"remind.mailed", "Đã gửi {0} thư, {1} thư chưa gửi được (sẽ thử lại)",
     "Sent {0} e-mails, {1} failed (to be retried)"},
    {"remind.pass_failed", "Lượt nhắc hạn không chạy được: {0}", "The reminder pass failed: {0}"},
    {"remind.serve_pass", "Lượt nhắc hạn: {0} thông báo mới, {1} thư đã gửi, {2} thư lỗi",
     "Reminder pass: {0} new notifications, {1} e-mails sent, {2} failed"},
};
}  // namespace

std::span<const Message> notify_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
