#pragma once
// Sending e-mail, behind a small interface so the reminder pass can be tested
// without a mail server and the SMTP client stays in one place.
#include <string>

namespace mandate::service {

struct MailMessage {
  std::string to;       // one address
  std::string subject;  // UTF-8
  std::string text;     // UTF-8, plain text
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Hands the message to the mail server; throws core::Error(unavailable)
  // with the server's or the connection's reason when it is not accepted.
  virtual void send(const MailMessage& message) = 0;
};

}  // namespace mandate::service
