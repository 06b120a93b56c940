#include "service/notification_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <boost/url.hpp>

#include "core/error.hpp"
#include "core/period.hpp"
#include "io/json_writer.hpp"

namespace mandate::service {
namespace {

namespace json = boost::json;

std::string text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::optional<core::Date> date_of(const json::object& o, std::string_view key) {
  const std::string text = text_of(o, key);
  if (text.empty())
    return std::nullopt;
  try {
    return core::parse_iso_date(text);
  } catch (const core::Error&) {
    return std::nullopt;
  }
}

int int_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? static_cast<int>(v->as_int64()) : 0;
}

std::vector<std::string> texts_of(const json::object& o, std::string_view key) {
  std::vector<std::string> out;
  if (const auto* v = o.if_contains(key); v && v->is_array())
    for (const auto& x : v->as_array())
      if (x.is_string())
        out.emplace_back(x.as_string());
  return out;
}

json::array texts(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items)
    out.emplace_back(s);
  return out;
}

std::string form_name(const core::Dataset& d, const std::string& code) {
  for (const auto& f : d.forms)
    if (f.code == code)
      return f.name;
  return code;
}

std::string unit_name(const core::UnitTree& tree, const std::string& code) {
  const core::Unit* u = tree.find_by_code(code);
  return u ? u->name : code;
}

std::string task_name(const core::Dataset& d, const std::string& code) {
  for (const auto& t : d.tasks)
    if (t.code == code)
      return t.name;
  return code;
}

// What the text needs beyond the record's keys, language-neutral.
std::string args_json(const core::PlannedNotification& n) {
  json::object o;
  if (n.due)
    o["due"] = core::format_iso_date(*n.due);
  if (n.kind == core::NotificationKind::deadline_soon)
    o["daysLeft"] = n.days_left;
  if (n.grace_end)
    o["graceEnd"] = core::format_iso_date(*n.grace_end);
  if (!n.actor.empty())
    o["actor"] = n.actor;
  if (!n.reason.empty())
    o["reason"] = n.reason;
  if (n.kind == core::NotificationKind::digest) {
    json::array lines;
    for (const auto& l : n.lines)
      lines.push_back(json::object{{"form", l.form},
                                   {"period", l.period},
                                   {"due", core::format_iso_date(l.due)},
                                   {"expected", l.expected},
                                   {"late", l.late},
                                   {"missing", texts(l.missing)}});
    o["lines"] = std::move(lines);
    o["overdueTasks"] = n.overdue_tasks;
    o["tasks"] = texts(n.overdue_task_codes);
  }
  return io::compact_json(o);
}

std::string link_of(const store::NotificationRecord& n) {
  if (n.kind == "digest")
    return "/";  // the dashboard
  boost::urls::url u;
  {
    u.set_path("/entry");
    u.params().append({"unit", n.unit});
    u.params().append({"period", n.period});
    u.params().append({"form", n.form});
  }
  return std::string(u.buffer());
}

}  // namespace

store::NotificationRecord to_record(const core::PlannedNotification& n, const std::string& now,
                                    bool mail) {
  store::NotificationRecord r;
  r.username = n.username;
  r.kind = core::notification_kind_name(n.kind);
  r.form = n.form;
  r.unit = n.unit;
  r.period = n.period;
  r.occasion = n.occasion;
  r.args_json = args_json(n);
  r.created_at = now;
  r.email_state = mail ? "pending" : "none";
  return r;
}

NotificationItem render(const store::NotificationRecord& n, const Snapshot& snapshot,
                        core::Lang lang) {
  json::object args;
  boost::system::error_code ec;
  auto parsed = json::parse(n.args_json, ec);
  if (!ec && parsed.is_object())
    args = std::move(parsed.as_object());

  core::NotificationFacts f;
  f.kind = core::parse_notification_kind(n.kind);
  f.form = form_name(snapshot.data, n.form);
  f.unit = unit_name(snapshot.tree, n.unit);
  f.period = n.period;
  f.due = date_of(args, "due");
  f.days_left = int_of(args, "daysLeft");
  f.grace_end = date_of(args, "graceEnd");
  f.actor = text_of(args, "actor");
  f.reason = text_of(args, "reason");
  if (f.kind == core::NotificationKind::digest) {
    f.day = date_of(json::object{{"d", n.occasion}}, "d").value_or(core::Date{});
    if (const auto* lines = args.if_contains("lines"); lines && lines->is_array())
      for (const auto& v : lines->as_array()) {
        if (!v.is_object())
          continue;
        const auto& o = v.as_object();
        core::DigestLine line;
        line.form = form_name(snapshot.data, text_of(o, "form"));
        line.period = text_of(o, "period");
        line.due = date_of(o, "due").value_or(core::Date{});
        line.expected = int_of(o, "expected");
        line.late = int_of(o, "late");
        for (const auto& code : texts_of(o, "missing"))
          line.missing.push_back(unit_name(snapshot.tree, code));
        f.lines.push_back(std::move(line));
      }
    f.overdue_tasks = int_of(args, "overdueTasks");
    for (const auto& code : texts_of(args, "tasks"))
      f.overdue_task_names.push_back(task_name(snapshot.data, code));
  }
  return {n, core::render_notification(f, lang), link_of(n)};
}

core::Lang language_of(const store::UserRecord& user, core::Lang fallback) {
  if (user.language == "vi")
    return core::Lang::vi;
  if (user.language == "en")
    return core::Lang::en;
  return fallback;
}

NotificationPage list_notifications(store::Store& store, const Snapshot& snapshot,
                                    const std::string& username, bool unread_only, size_t limit,
                                    size_t offset, core::Lang lang) {
  NotificationPage page;
  for (const auto& n : store.notifications(username, unread_only, limit, offset))
    page.items.push_back(render(n, snapshot, lang));
  page.counts = store.notification_counts(username);
  return page;
}

void check_contact(const std::string& email, const std::string& language) {
  // An address the SMTP envelope can carry: one @, no spaces, brackets or controls.
  const auto at = email.find('@');
  const bool bad_char = std::any_of(email.begin(), email.end(), [](unsigned char c) {
    return c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == 0x7f;
  });
  if (!email.empty() && (bad_char || at == 0 || at == std::string::npos || at + 1 == email.size() ||
                         email.find('@', at + 1) != std::string::npos))
    throw core::invalid_input("user.email_invalid", {email}, "email");
  if (!language.empty() && language != "vi" && language != "en")
    throw core::invalid_input("user.language_invalid", {language}, "language");
}

void set_user_contact(store::Store& store, const std::string& username, const std::string& email,
                      const std::string& language, const store::ChangeContext& context) {
  check_contact(email, language);
  auto user = store.find_user(username);
  if (!user)
    throw core::not_found("user.unknown", {username});
  const json::object before{{"email", user->email}, {"language", user->language}};
  user->email = email;
  user->language = language;
  auto tx = store.begin(context);
  tx->put_user(*user);
  tx->append_audit({0, context.at, context.actor, "", "update", "user", username,
                    io::compact_json(before),
                    io::compact_json(json::object{{"email", email}, {"language", language}})});
  tx->commit();
}

void mark_read(store::Store& store, const Actor& actor, long long id) {
  auto tx = store.begin({actor.principal.username, actor.at});
  if (!tx->mark_notification_read(actor.principal.username, id))
    throw core::not_found("notification.not_found", {std::to_string(id)});
  tx->commit();
}

long long mark_all_read(store::Store& store, const Actor& actor) {
  auto tx = store.begin({actor.principal.username, actor.at});
  const long long n = tx->mark_all_notifications_read(actor.principal.username);
  tx->commit();
  return n;
}

}  // namespace mandate::service
