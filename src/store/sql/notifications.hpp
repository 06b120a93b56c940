#pragma once
// In-app notifications and their e-mail queue, for any SQL connection.
#include <string>
#include <vector>

#include "store/store.hpp"

namespace mandate::store::sql {

inline constexpr const char* kNotificationColumns =
    "id, username, kind, form_code, unit_code, period, occasion, args_json, created_at,"
    " read_at, email_state, email_attempts, email_error, emailed_at";

template <typename Statement>
NotificationRecord read_notification(const Statement& st) {
  NotificationRecord n;
  n.id = st.integer(0);
  n.username = st.text(1);
  n.kind = st.text(2);
  n.form = st.text(3);
  n.unit = st.text(4);
  n.period = st.text(5);
  n.occasion = st.text(6);
  n.args_json = st.text(7);
  n.created_at = st.text(8);
  n.read_at = st.is_null(9) ? "" : st.text(9);
  n.email_state = st.text(10);
  n.email_attempts = static_cast<int>(st.integer(11));
  n.email_error = st.text(12);
  n.emailed_at = st.is_null(13) ? "" : st.text(13);
  return n;
}

// ON CONFLICT DO NOTHING: a second pass adds nothing and fails nothing, even
// when two servers run it at once.
template <typename Connection>
bool add_notification(Connection& c, NotificationRecord& n) {
  auto st = c.prepare(
      "INSERT INTO notifications(username, kind, form_code, unit_code, period, occasion,"
      " args_json, created_at, email_state) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (username, kind, form_code, unit_code, period, occasion) DO NOTHING"
      " RETURNING id");
  st.bind(1, n.username).bind(2, n.kind).bind(3, n.form).bind(4, n.unit).bind(5, n.period);
  st.bind(6, n.occasion).bind(7, n.args_json).bind(8, n.created_at).bind(9, n.email_state);
  if (!st.step())
    return false;
  n.id = st.integer(0);
  st.run();
  return true;
}

template <typename Connection>
bool mark_notification_read(Connection& c, const std::string& username, long long id,
                            const std::string& at) {
  auto q = c.prepare("SELECT read_at FROM notifications WHERE id = ? AND username = ?");
  q.bind(1, id).bind(2, username);
  if (!q.step())
    return false;
  if (q.is_null(0)) {
    c.prepare("UPDATE notifications SET read_at = ? WHERE id = ?").bind(1, at).bind(2, id).run();
  }
  return true;
}

template <typename Connection>
long long mark_all_notifications_read(Connection& c, const std::string& username,
                                      const std::string& at) {
  c.prepare("UPDATE notifications SET read_at = ? WHERE username = ? AND read_at IS NULL")
      .bind(1, at)
      .bind(2, username)
      .run();
  return c.changes();
}

template <typename Connection>
void record_email(Connection& c, long long id, const std::string& state, int attempts,
                  const std::string& error, const std::string& at) {
  c.prepare(
       "UPDATE notifications SET email_state = ?, email_attempts = ?, email_error = ?,"
       " emailed_at = ? WHERE id = ?")
      .bind(1, state)
      .bind(2, attempts)
      .bind(3, error)
      .bind(4, at)
      .bind(5, id)
      .run();
}

template <typename Connection>
std::vector<NotificationRecord> notifications_of(Connection& c, const std::string& username,
                                                 bool unread_only, size_t limit, size_t offset) {
  auto st = c.prepare(std::string("SELECT ") + kNotificationColumns +
                      " FROM notifications WHERE username = ? AND (? = 0 OR read_at IS NULL)"
                      " ORDER BY id DESC LIMIT ? OFFSET ?");
  st.bind(1, username).bind(2, unread_only ? 1LL : 0LL);
  st.bind(3, static_cast<long long>(limit)).bind(4, static_cast<long long>(offset));
  std::vector<NotificationRecord> out;
  while (st.step())
    out.push_back(read_notification(st));
  return out;
}

template <typename Connection>
NotificationCounts notification_counts(Connection& c, const std::string& username) {
  auto st = c.prepare(
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0)"
      " FROM notifications WHERE username = ?");
  st.bind(1, username);
  NotificationCounts out;
  if (st.step()) {
    out.total = st.integer(0);
    out.unread = st.integer(1);
  }
  return out;
}

template <typename Connection>
std::vector<std::string> notification_keys(Connection& c, const std::string& created_since) {
  auto st = c.prepare(
      "SELECT username, kind, form_code, unit_code, period, occasion FROM notifications"
      " WHERE created_at >= ?");
  st.bind(1, created_since);
  std::vector<std::string> out;
  while (st.step()) {
    NotificationRecord n;
    n.username = st.text(0);
    n.kind = st.text(1);
    n.form = st.text(2);
    n.unit = st.text(3);
    n.period = st.text(4);
    n.occasion = st.text(5);
    out.push_back(notification_key(n));
  }
  return out;
}

template <typename Connection>
std::vector<NotificationRecord> pending_emails(Connection& c, const std::string& created_since,
                                               size_t limit) {
  auto st = c.prepare(std::string("SELECT ") + kNotificationColumns +
                      " FROM notifications WHERE email_state = 'pending' AND created_at >= ?"
                      " ORDER BY id LIMIT ?");
  st.bind(1, created_since).bind(2, static_cast<long long>(limit));
  std::vector<NotificationRecord> out;
  while (st.step())
    out.push_back(read_notification(st));
  return out;
}

}  // namespace mandate::store::sql
