#include "service/reminder_service.hpp"

#include <spdlog/spdlog.h>

#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"
#include "service/clock.hpp"
#include "service/notification_service.hpp"

namespace mandate::service {
namespace {

std::vector<core::Principal> active_principals(const std::vector<store::UserRecord>& users) {
  std::vector<core::Principal> out;
  for (const auto& u : users)
    if (u.active)
      out.push_back({u.username, u.unit, u.role});
  return out;
}

std::string shifted(const std::string& now, std::chrono::hours by) {
  return to_iso(from_iso(now) + by);
}

}  // namespace

std::vector<store::NotificationRecord> create_reminders(store::Store& store,
                                                        const Snapshot& snapshot, core::Date today,
                                                        const core::ReminderSettings& settings,
                                                        const std::string& now, bool mail) {
  core::validate_reminder_settings(settings);
  const auto users = store.users();
  const auto principals = active_principals(users);
  std::unordered_map<std::string, const store::UserRecord*> by_name;
  for (const auto& u : users)
    by_name.emplace(u.username, &u);

  core::ReminderInput in;
  in.forms = snapshot.data.forms;
  in.tree = &snapshot.tree;
  in.submissions = snapshot.data.submissions;
  in.tasks = snapshot.data.tasks;
  in.users = principals;
  in.today = today;
  in.settings = settings;
  const auto planned = core::plan_reminders(in);

  // What exists already is read first, so a pass with nothing new writes
  // nothing (a write would make every server reload its snapshot). Every
  // reminder of the current window was created within its span of days.
  const int span = settings.days_before + std::max(settings.overdue_days, settings.digest_days) + 2;
  const auto existing_keys = store.notification_keys(shifted(now, std::chrono::hours(-24 * span)));
  const std::unordered_set<std::string> existing(existing_keys.begin(), existing_keys.end());
  std::vector<store::NotificationRecord> fresh;
  for (const auto& p : planned) {
    const auto* user = by_name.at(p.username);
    auto r = to_record(p, now, mail && !user->email.empty());
    if (!existing.contains(store::notification_key(r)))
      fresh.push_back(std::move(r));
  }
  std::vector<store::NotificationRecord> created;
  if (fresh.empty())
    return created;
  auto tx = store.begin({"reminders", now});
  for (auto& r : fresh)
    if (tx->add_notification(r))  // another server's pass may have added it meanwhile
      created.push_back(r);
  tx->commit();
  return created;
}

MailOutcome send_pending_mail(store::Store& store, const Snapshot& snapshot, Mailer& mailer,
                              const std::string& now, const std::string& public_url) {
  MailOutcome out;
  constexpr size_t kBatch = 200;  // a pass sends at most this many; the next goes on
  const auto pending = store.pending_emails(shifted(now, std::chrono::hours(-48)), kBatch);
  if (pending.empty())
    return out;
  std::unordered_map<std::string, store::UserRecord> users;
  for (auto& u : store.users())
    users.emplace(u.username, std::move(u));
  for (const auto& n : pending) {
    const auto it = users.find(n.username);
    std::string state = "sent", error;
    int attempts = n.email_attempts + 1;
    if (it == users.end() || it->second.email.empty() || !it->second.active) {
      state = "none";  // the address was removed meanwhile
      attempts = n.email_attempts;
    } else {
      const core::Lang lang = language_of(it->second, core::Lang::vi);
      const auto item = render(n, snapshot, lang);
      std::string text = item.text.body + "\n\n-- \n";
      text +=
          core::tr(lang, "mail.footer", {public_url.empty() ? item.link : public_url + item.link});
      text += "\n";
      try {
        mailer.send({it->second.email, item.text.title, text});
        ++out.sent;
      } catch (const std::exception& e) {
        error = e.what();
        if (const auto* ce = dynamic_cast<const core::Error*>(&e))
          error = ce->message(core::Lang::en);
        state = attempts >= kMaxMailAttempts ? "failed" : "pending";
        ++out.failed;
        auto line = [&](core::Lang l) {
          return core::tr(
              l, "mail.failed",
              {it->second.email, std::to_string(n.id), std::to_string(attempts), error});
        };
        out.errors.push_back(line(core::Lang::vi) + " / " + line(core::Lang::en));
        if (state == "failed") {
          const std::vector<std::string> args = {std::to_string(n.id), std::to_string(attempts)};
          out.errors.push_back(core::tr(core::Lang::vi, "mail.gave_up", args) + " / " +
                               core::tr(core::Lang::en, "mail.gave_up", args));
        }
      }
    }
    // Each result is kept at once: a crash later in the batch sends no mail twice.
    auto tx = store.begin({"reminders", now});
    tx->record_email(n.id, state, attempts, error);
    tx->commit();
  }
  return out;
}

void add_step_notifications(store::StoreTransaction& tx, store::Store& store,
                            const Snapshot& snapshot, const core::Form& form,
                            const core::Submission& after, core::SubmissionStep step,
                            const std::string& actor, const std::string& at) {
  const auto users = store.users();
  const auto principals = active_principals(users);
  std::unordered_map<std::string, const store::UserRecord*> by_name;
  for (const auto& u : users)
    by_name.emplace(u.username, &u);
  // The step's number in the report's journal tells apart two submissions
  // within one second. Read under the write lock, before this step is added.
  const std::string number =
      std::to_string(store.submission_steps(form.code, after.unit, after.period).size() + 1);
  for (const auto& p :
       core::plan_step_notifications(form, snapshot.tree, principals, after, step, actor, number)) {
    auto r = to_record(p, at, !by_name.at(p.username)->email.empty());
    tx.add_notification(r);
  }
}

ReminderRunner::ReminderRunner(std::function<void()> pass, std::chrono::milliseconds interval)
    : pass_(std::move(pass)), interval_(interval), thread_([this] { run(); }) {}

ReminderRunner::~ReminderRunner() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ReminderRunner::run() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    lock.unlock();
    try {
      pass_();
    } catch (const core::Error& e) {
      spdlog::error("{} / {}",
                    core::tr(core::Lang::vi, "remind.pass_failed", {e.message(core::Lang::vi)}),
                    core::tr(core::Lang::en, "remind.pass_failed", {e.message(core::Lang::en)}));
    } catch (const std::exception& e) {
      spdlog::error("{} / {}", core::tr(core::Lang::vi, "remind.pass_failed", {e.what()}),
                    core::tr(core::Lang::en, "remind.pass_failed", {e.what()}));
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stop_; });
  }
}

}  // namespace mandate::service
