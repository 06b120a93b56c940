#include "core/notification.hpp"

#include "core/enum_table.hpp"
#include "core/error.hpp"
#include "core/period.hpp"

namespace mandate::core {
namespace {

constexpr EnumTable<NotificationKind, 7> kKinds{
    {{{NotificationKind::deadline_soon, "deadline_soon"},
      {NotificationKind::deadline_today, "deadline_today"},
      {NotificationKind::overdue, "overdue"},
      {NotificationKind::digest, "digest"},
      {NotificationKind::submission_submitted, "submission_submitted"},
      {NotificationKind::submission_approved, "submission_approved"},
      {NotificationKind::submission_reopened, "submission_reopened"}}},
    "notification.kind_invalid"};

// "Tháng 12/2021"; an id that is not a period (it cannot be: the pass makes
// them) is shown as it is.
std::string period_label(const std::string& id, Lang lang) {
  try {
    return Period::parse(id).label(lang);
  } catch (const Error&) {
    return id;
  }
}

std::string joined(const std::vector<std::string>& items, size_t shown, Lang lang) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < shown; ++i)
    out += (i ? ", " : "") + items[i];
  if (items.size() > shown)
    out += tr(lang, "notify.and_more", {std::to_string(items.size() - shown)});
  return out;
}

std::string date_text(const std::optional<Date>& d, Lang lang) {
  return d ? format_short_date(*d, lang) : std::string();
}

NotificationText digest_text(const NotificationFacts& f, Lang lang) {
  // The lists are cut short: the mail and the bell stay readable, and the
  // completeness page has every unit.
  constexpr size_t kShown = 10;
  int missing = 0;
  std::string body;
  for (const auto& line : f.lines) {
    missing += static_cast<int>(line.missing.size());
    body += tr(lang, "notify.digest.form",
               {line.form, period_label(line.period, lang), format_short_date(line.due, lang),
                std::to_string(line.missing.size()), std::to_string(line.expected),
                joined(line.missing, kShown, lang)});
    if (line.late > 0)
      body += tr(lang, "notify.digest.late", {std::to_string(line.late)});
    body += "\n";
  }
  if (f.overdue_tasks > 0)
    body += tr(lang, "notify.digest.tasks",
               {std::to_string(f.overdue_tasks), joined(f.overdue_task_names, kShown, lang)}) +
            "\n";
  if (!body.empty())
    body.pop_back();
  return {tr(lang, "notify.digest.title",
             {format_short_date(f.day, lang), std::to_string(missing),
              std::to_string(f.overdue_tasks)}),
          body};
}

}  // namespace

std::string_view notification_kind_name(NotificationKind k) {
  return kKinds.name(k);
}

NotificationKind parse_notification_kind(std::string_view name) {
  return kKinds.parse(name);
}

NotificationText render_notification(const NotificationFacts& f, Lang lang) {
  const std::string period = period_label(f.period, lang);
  const std::string due = date_text(f.due, lang);
  switch (f.kind) {
    case NotificationKind::deadline_soon:
      return {tr(lang, "notify.deadline_soon.title", {f.form, period}),
              tr(lang, "notify.deadline_soon.body",
                 {f.form, period, f.unit, due, std::to_string(f.days_left)})};
    case NotificationKind::deadline_today:
      return {tr(lang, "notify.deadline_today.title", {f.form, period}),
              tr(lang, "notify.deadline_today.body", {f.form, period, f.unit, due})};
    case NotificationKind::overdue:
      return {tr(lang, "notify.overdue.title", {f.form, period}),
              tr(lang, f.grace_end ? "notify.overdue.body_grace" : "notify.overdue.body",
                 {f.form, period, f.unit, due, date_text(f.grace_end, lang)})};
    case NotificationKind::digest:
      return digest_text(f, lang);
    case NotificationKind::submission_submitted:
      return {tr(lang, "notify.submitted.title", {f.unit, f.form, period}),
              tr(lang, "notify.submitted.body", {f.actor, f.form, period, f.unit})};
    case NotificationKind::submission_approved:
      return {tr(lang, "notify.approved.title", {f.form, period}),
              tr(lang, "notify.approved.body", {f.actor, f.form, period, f.unit})};
    case NotificationKind::submission_reopened:
      return {tr(lang, "notify.reopened.title", {f.form, period}),
              tr(lang, "notify.reopened.body", {f.actor, f.form, period, f.unit, f.reason})};
  }
  return {};
}

}  // namespace mandate::core
