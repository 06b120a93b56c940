#pragma once
// E-mail through an SMTP server the administrator configures, with libcurl's
// SMTP client (docs/operations.md, "E-mail reminders"): smtp:// (STARTTLS when
// the server offers it; required when signing in) or smtps:// (TLS from the
// start). Messages are MIME, UTF-8, the body base64-encoded by libcurl, the
// Subject as RFC 2047 encoded words, so Vietnamese arrives intact.
#include <chrono>
#include <string>
#include <string_view>

#include "service/mailer.hpp"

namespace mandate::service {

struct SmtpConfig {
  std::string url;   // smtp://host:port or smtps://host:port
  std::string from;  // "Mandate <mandate@example.vn>" or an address
  std::string username;
  std::string password;  // never logged
  std::chrono::seconds timeout{30};
};

// Throws invalid_input (mail.url_invalid, mail.from_missing) for a config
// that cannot work.
void validate_smtp_config(const SmtpConfig& config);

// "=?UTF-8?B?...?=" words (each at most 75 characters, never splitting a
// character) for text that is not plain ASCII; ASCII text as it is.
std::string encode_header_text(std::string_view utf8);
// The address inside "Name <address>", or the whole text.
std::string mail_address(std::string_view mailbox);

class SmtpMailer : public Mailer {
 public:
  explicit SmtpMailer(SmtpConfig config);
  void send(const MailMessage& message) override;

 private:
  SmtpConfig config_;
};

}  // namespace mandate::service
