#pragma once
// The reminder pass (docs/reporting-cycles.md, "Reminders"): plans with
// core::plan_reminders what today calls for, stores what is new, and e-mails
// what waits for its e-mail. Cheap to run often: it writes only what is new,
// and a notification is created once (the store's unique key) however often
// and on however many servers it runs. Also the notifications of a
// submission step, written in the step's own transaction.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/reminder.hpp"
#include "service/mailer.hpp"
#include "service/snapshot.hpp"
#include "store/store.hpp"

namespace mandate::service {

// Creates today's reminders that do not exist yet; returns them. mail: the
// e-mail of those whose user has an address is to be sent.
std::vector<store::NotificationRecord> create_reminders(store::Store& store,
                                                        const Snapshot& snapshot, core::Date today,
                                                        const core::ReminderSettings& settings,
                                                        const std::string& now, bool mail);

struct MailOutcome {
  int sent = 0;
  int failed = 0;
  std::vector<std::string> errors;  // one line per failure, both languages, no secret
};
// Sends the e-mail of each notification waiting for it (created in the last
// two days: a mail server set up later does not send old news), in the
// user's language. A failure is recorded and tried again by a later pass,
// up to kMaxMailAttempts; the notification itself is never touched.
inline constexpr int kMaxMailAttempts = 12;
MailOutcome send_pending_mail(store::Store& store, const Snapshot& snapshot, Mailer& mailer,
                              const std::string& now, const std::string& public_url);

// Writes the notifications a step just taken sends (core::plan_step_notifications)
// in the step's transaction, created `at`; their occasion is the step's number
// in the report's journal.
void add_step_notifications(store::StoreTransaction& tx, store::Store& store,
                            const Snapshot& snapshot, const core::Form& form,
                            const core::Submission& after, core::SubmissionStep step,
                            const std::string& actor, const std::string& at);

// Runs `pass` on a thread of its own every `interval` (the first right away)
// until destroyed: the server's reminders, never in a request's way.
class ReminderRunner {
 public:
  ReminderRunner(std::function<void()> pass, std::chrono::milliseconds interval);
  ~ReminderRunner();
  ReminderRunner(const ReminderRunner&) = delete;
  ReminderRunner& operator=(const ReminderRunner&) = delete;

 private:
  void run();
  std::function<void()> pass_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;  // last: starts once everything above is set
};

}  // namespace mandate::service
