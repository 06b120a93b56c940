#pragma once
// A user's notifications as use cases: the list and the unread count (only
// one's own), marking read, and turning a stored notification (kind and
// facts) into its title, body and link in the reader's language.
#include <optional>
#include <string>
#include <vector>

#include "core/notification.hpp"
#include "core/reminder.hpp"
#include "service/snapshot.hpp"
#include "service/value_service.hpp"
#include "store/store.hpp"

namespace mandate::service {

// The stored form of a planned notification, created at `now`; mail: its
// e-mail is to be sent (the user has an address).
store::NotificationRecord to_record(const core::PlannedNotification& n, const std::string& now,
                                    bool mail);

struct NotificationItem {
  store::NotificationRecord record;
  core::NotificationText text;
  std::string link;  // a path of the web interface, e.g. "/entry?unit=LS-VT&period=202112"
};
// Title, body and link, with today's names of forms, units and tasks.
NotificationItem render(const store::NotificationRecord& n, const Snapshot& snapshot,
                        core::Lang lang);

// The language a user reads in: their own when set, else `fallback`.
core::Lang language_of(const store::UserRecord& user, core::Lang fallback);

struct NotificationPage {
  std::vector<NotificationItem> items;
  store::NotificationCounts counts;
};
NotificationPage list_notifications(store::Store& store, const Snapshot& snapshot,
                                    const std::string& username, bool unread_only, size_t limit,
                                    size_t offset, core::Lang lang);

// invalid_input "user.email_invalid" for an address the SMTP envelope cannot
// carry, "user.language_invalid" for a language other than vi, en or empty.
void check_contact(const std::string& email, const std::string& language);

// Sets a user's e-mail address (empty: none) and language ("vi", "en",
// empty: Vietnamese), audited. invalid_input for a malformed address or
// language, not_found for an unknown user.
void set_user_contact(store::Store& store, const std::string& username, const std::string& email,
                      const std::string& language, const store::ChangeContext& context);

// Marks one of the actor's notifications read; not_found for an id that is
// not theirs (whether or not it exists), so ids reveal nothing.
void mark_read(store::Store& store, const Actor& actor, long long id);
// Marks all the actor's notifications read; returns how many were unread.
long long mark_all_read(store::Store& store, const Actor& actor);

}  // namespace mandate::service
