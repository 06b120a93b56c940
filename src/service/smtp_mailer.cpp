#include "service/smtp_mailer.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <ctime>
#include <memory>
#include <mutex>

#include "core/error.hpp"

namespace mandate::service {
namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

bool plain_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80 || c < 0x20)
      return false;
  return true;
}

// RFC 5322's Date: in UTC, with English names whatever the locale.
std::string rfc5322_date() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string message_id(const std::string& from) {
  const std::string address = mail_address(from);
  const auto at = address.find('@');
  const std::string domain = at == std::string::npos ? "mandate.invalid" : address.substr(at + 1);
  unsigned char random[12];
  randombytes_buf(random, sizeof random);
  char hex[sizeof random * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  return "<" + std::string(hex) + "@" + domain + ">";
}

// "Tên <addr>" with the name encoded when it is not ASCII.
std::string encode_mailbox(std::string_view mailbox) {
  const auto open = mailbox.rfind('<');
  if (open == std::string_view::npos || open == 0)
    return std::string(mailbox);
  std::string_view name = mailbox.substr(0, open);
  while (!name.empty() && name.back() == ' ')
    name.remove_suffix(1);
  return encode_header_text(name) + " " + std::string(mailbox.substr(open));
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct MimeDeleter {
  void operator()(curl_mime* m) const { curl_mime_free(m); }
};

core::Error send_failed(const std::string& reason) {
  return core::Error(core::ErrorCategory::unavailable, "mail.send_failed", {reason});
}

}  // namespace

void validate_smtp_config(const SmtpConfig& c) {
  const bool scheme_ok = c.url.starts_with("smtp://") || c.url.starts_with("smtps://");
  const auto host = c.url.substr(c.url.find("://") + 3);
  if (!scheme_ok || host.empty() || host.front() == ':' || host.front() == '/')
    throw core::invalid_input("mail.url_invalid", {c.url}, "--smtp-url");
  if (mail_address(c.from).find('@') == std::string::npos)
    throw core::invalid_input("mail.from_missing", {}, "--smtp-from");
}

std::string mail_address(std::string_view mailbox) {
  const auto open = mailbox.rfind('<');
  const auto close = mailbox.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open)
    return std::string(mailbox.substr(open + 1, close - open - 1));
  return std::string(mailbox);
}

std::string encode_header_text(std::string_view utf8) {
  if (plain_ascii(utf8))
    return std::string(utf8);
  // 45 bytes encode to 60 characters: with "=?UTF-8?B?" and "?=" a word
  // stays within RFC 2047's 75. A word ends before a continuation byte never.
  constexpr size_t kChunk = 45;
  std::string out;
  size_t i = 0;
  while (i < utf8.size()) {
    size_t end = std::min(i + kChunk, utf8.size());
    while (end < utf8.size() && end > i && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80)
      --end;
    if (!out.empty())
      out += ' ';  // one line (libcurl sends each header as given), under 998 characters
    out += "=?UTF-8?B?" + base64(utf8.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

SmtpMailer::SmtpMailer(SmtpConfig config) : config_(std::move(config)) {
  validate_smtp_config(config_);
  global_init();
}

void SmtpMailer::send(const MailMessage& m) {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl)
    throw send_failed("curl_easy_init");
  CURL* c = curl.get();
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // called from a server thread
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(config_.timeout.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  if (!config_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, config_.password.c_str());
  }
  // A password never crosses the network in clear: with one, smtp:// must
  // upgrade to TLS; without, it upgrades when the server offers it.
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   config_.username.empty() ? static_cast<long>(CURLUSESSL_TRY)
                                            : static_cast<long>(CURLUSESSL_ALL));
  const std::string from = mail_address(config_.from);
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
  std::unique_ptr<curl_slist, SlistDeleter> rcpt(
      curl_slist_append(nullptr, ("<" + m.to + ">").c_str()));
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());

  std::unique_ptr<curl_slist, SlistDeleter> headers;
  auto header = [&](const std::string& line) {
    headers.reset(curl_slist_append(headers.release(), line.c_str()));
  };
  header("Date: " + rfc5322_date());
  header("From: " + encode_mailbox(config_.from));
  header("To: <" + m.to + ">");
  header("Subject: " + encode_header_text(m.subject));
  header("Message-ID: " + message_id(config_.from));
  header("Auto-Submitted: auto-generated");  // RFC 3834: no auto-replies to reminders
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

  std::unique_ptr<curl_mime, MimeDeleter> mime(curl_mime_init(c));
  curl_mimepart* part = curl_mime_addpart(mime.get());
  curl_mime_data(part, m.text.data(), m.text.size());
  curl_mime_type(part, "text/plain; charset=UTF-8");
  curl_mime_encoder(part, "base64");
  curl_easy_setopt(c, CURLOPT_MIMEPOST, mime.get());

  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK)
    throw send_failed(error[0] ? std::string(error) : std::string(curl_easy_strerror(rc)));
}

}  // namespace mandate::service
