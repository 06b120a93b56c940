#pragma once
// Definitions of SqlStore<Backend>; included only by each backend's store
// source, which instantiates it once.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/error.hpp"
#include "store/sql/audit_log.hpp"
#include "store/sql/change_feed.hpp"
#include "store/sql/columns.hpp"
#include "store/sql/cycles.hpp"
#include "store/sql/journals.hpp"
#include "store/sql/notifications.hpp"
#include "store/sql/sql_store.hpp"
#include "store/sql/sql_transaction.hpp"

namespace mandate::store::sql {
namespace detail {

template <typename Statement>
std::optional<core::Date> read_date(const Statement& st, int col) {
  if (st.is_null(col))
    return std::nullopt;
  return core::parse_iso_date(st.text(col));
}

constexpr const char* kUserColumns =
    "username, display_name, unit_code, role, password_hash, active, failed_logins,"
    " locked_until, created_at, password_changed_at, email, language";

template <typename Statement>
UserRecord read_user(const Statement& st) {
  return UserRecord{st.text(0),
                    st.text(1),
                    st.text(2),
                    core::parse_role(st.text(3)),
                    st.text(4),
                    st.integer(5) != 0,
                    static_cast<int>(st.integer(6)),
                    st.text(7),
                    st.text(8),
                    st.text(9),
                    st.text(10),
                    st.text(11)};
}

}  // namespace detail

template <typename Backend>
std::unique_ptr<StoreTransaction> SqlStore<Backend>::begin(const ChangeContext& context) {
  return std::make_unique<SqlTransaction<Backend>>(pool_.acquire(), context, commits_);
}

template <typename Backend>
core::Dataset SqlStore<Backend>::load_data(long long& feed_position, bool with_values) {
  core::Dataset d;
  auto lease = pool_.acquire();
  Connection& c = *lease;
  // One read transaction, so the snapshot is consistent while others write.
  c.exec(Backend::begin_read);
  struct EndRead {
    Connection& c;
    ~EndRead() {
      try {
        c.exec("COMMIT");
      } catch (...) {
        // Read-only: nothing to lose if ending it fails.
      }
    }
  } end_read{c};

  {
    auto st = c.prepare("SELECT COALESCE(MAX(id), 0) FROM changes");
    feed_position = st.step() ? st.integer(0) : 0;
  }
  std::unordered_map<long long, std::size_t> unit_at;  // units.id -> place in d.units
  for (auto st = c.prepare(
           "SELECT code, name, type, parent_code, groups_json, valid_from, valid_to, illustrative,"
           " id FROM units ORDER BY id");
       st.step();) {
    unit_at.emplace(st.integer(8), d.units.size());
    core::Unit u;
    u.code = st.text(0);
    u.name = st.text(1);
    u.type = core::parse_unit_type(st.text(2));
    u.parent_code = st.text(3);
    u.groups = from_json_array(st.text(4));
    u.valid_from = detail::read_date(st, 5);
    u.valid_to = detail::read_date(st, 6);
    u.illustrative = st.integer(7) != 0;
    d.units.push_back(std::move(u));
  }
  for (auto st = c.prepare("SELECT code, name FROM fields ORDER BY id"); st.step();)
    d.fields.push_back({st.text(0), st.text(1)});
  for (auto st = c.prepare("SELECT code, name FROM rating_scales ORDER BY id"); st.step();)
    d.rating_scales.push_back({st.text(0), st.text(1), {}});
  for (auto& s : d.rating_scales) {
    auto st =
        c.prepare("SELECT code, name FROM rating_levels WHERE scale_code = ? ORDER BY position");
    st.bind(1, s.code);
    while (st.step())
      s.levels.push_back({st.text(0), st.text(1)});
  }
  std::unordered_map<long long, std::size_t> indicator_at;  // indicators.id -> place
  for (auto st = c.prepare(
           "SELECT code, name, unit_of_measure, field_code, value_type, direction, aggregation,"
           " formula, responsible_unit, decimals, nearly_met_ratio, min_value, max_value,"
           " description, illustrative, id FROM indicators ORDER BY id");
       st.step();) {
    indicator_at.emplace(st.integer(15), d.indicators.size());
    core::Indicator i;
    i.code = st.text(0);
    i.name = st.text(1);
    i.unit_of_measure = st.text(2);
    i.field = st.text(3);
    i.value_type = core::parse_value_type(st.text(4));
    i.direction = core::parse_direction(st.text(5));
    i.aggregation = core::parse_aggregation(st.text(6));
    i.formula = st.text(7);
    i.responsible_unit = st.text(8);
    i.decimals = static_cast<int>(st.integer(9));
    i.nearly_met_ratio = st.optional_real(10);
    i.min_value = st.optional_real(11);
    i.max_value = st.optional_real(12);
    i.description = st.text(13);
    i.illustrative = st.integer(14) != 0;
    d.indicators.push_back(std::move(i));
  }
  for (auto st = c.prepare(
           "SELECT code, name, unit_code, term, document_code, indicators_json,"
           " indicator_group_name, task_scale, task_good_level, meeting_scale, meeting_good_level"
           " FROM plans ORDER BY id");
       st.step();) {
    core::Plan p;
    p.code = st.text(0);
    p.name = st.text(1);
    p.unit = st.text(2);
    p.term = st.text(3);
    p.document = st.text(4);
    p.indicators = from_json_array(st.text(5));
    p.indicator_group_name = st.text(6);
    p.task_scale = st.text(7);
    p.task_good_level = st.text(8);
    p.meeting_scale = st.text(9);
    p.meeting_good_level = st.text(10);
    d.plans.push_back(std::move(p));
  }
  for (auto st =
           c.prepare("SELECT i.code, u.code, t.period, t.value, t.source, t.note, t.illustrative"
                     " FROM targets t JOIN indicators i ON i.id = t.indicator_id JOIN units u ON "
                     "u.id = t.unit_id"
                     " ORDER BY t.rowid");
       st.step();) {
    d.targets.push_back({st.text(0), st.text(1), st.text(2), st.real(3),
                         core::parse_target_source(st.text(4)), st.text(5), st.integer(6) != 0});
  }
  // The values are most of a large store: read in pages of rowids along the
  // rowid index, so that neither side holds them all at once as one result
  // (nor sorts them), with the codes looked up here rather than joined (a
  // row whose code is gone is left out, as the join did). Each page is sent
  // before the one before it is read, so that a database server can start
  // on it meanwhile.
  constexpr long long kValuesPage = 25'000;
  long long last_rowid = 0;
  if (with_values) {  // else last_rowid 0 reads no page
    auto st = c.prepare("SELECT COALESCE(MAX(rowid), 0) FROM data_values");
    if (st.step())
      last_rowid = st.integer(0);
  }
  auto values_page = [&](long long after) {
    auto st = c.prepare(
        "SELECT indicator_id, unit_id, period, kind, value, comment, illustrative"
        " FROM data_values WHERE rowid > ? AND rowid <= ? ORDER BY rowid");
    st.bind(1, after).bind(2, after + kValuesPage);
    return st;
  };
  using PageStatement = decltype(values_page(0));
  std::optional<PageStatement> page;
  if (last_rowid > 0)
    page.emplace(values_page(0));
  for (long long after = 0; page; after += kValuesPage) {
    bool row = page->step();  // waits for the whole page
    std::optional<PageStatement> next;
    if (after + kValuesPage < last_rowid) {
      next.emplace(values_page(after + kValuesPage));
      next->start();
    }
    for (; row; row = page->step()) {
      const auto indicator = indicator_at.find(page->integer(0));
      const auto unit = unit_at.find(page->integer(1));
      if (indicator == indicator_at.end() || unit == unit_at.end())
        continue;
      d.values.push_back({d.indicators[indicator->second].code, d.units[unit->second].code,
                          page->text(2), core::parse_value_kind(page->text(3)), page->real(4),
                          page->text(5), page->integer(6) != 0});
    }
    if (after == 0) {
      // Rowids are not dense (a PostgreSQL upsert takes one even when it
      // updates): reserve what the first page's density promises for all.
      const double covered = static_cast<double>(std::min(kValuesPage, last_rowid));
      d.values.reserve(static_cast<std::size_t>(static_cast<double>(d.values.size()) / covered *
                                                static_cast<double>(last_rowid) * 1.02));
    }
    page.reset();
    if (next)
      page.emplace(std::move(*next));
  }
  for (auto st =
           c.prepare("SELECT code, plan_code, parent_code, name, field_code, responsible_unit,"
                     " coordinating_json, start_date, deadline, status, progress, illustrative"
                     " FROM tasks ORDER BY id");
       st.step();) {
    core::Task t;
    t.code = st.text(0);
    t.plan = st.text(1);
    t.parent_code = st.text(2);
    t.name = st.text(3);
    t.field = st.text(4);
    t.responsible_unit = st.text(5);
    t.coordinating_units = from_json_array(st.text(6));
    t.start = detail::read_date(st, 7);
    t.deadline = detail::read_date(st, 8);
    t.status = core::parse_task_status(st.text(9));
    t.progress = static_cast<int>(st.integer(10));
    t.illustrative = st.integer(11) != 0;
    d.tasks.push_back(std::move(t));
  }
  for (auto st = c.prepare(
           "SELECT task_code, period, scale_code, level, comment, illustrative FROM task_ratings"
           " ORDER BY rowid");
       st.step();) {
    d.task_ratings.push_back(
        {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5) != 0});
  }
  for (auto st = c.prepare(
           "SELECT code, kind, name, unit_code, date, plan_code, rating_scale, rating_level,"
           " participants, result, illustrative FROM activities ORDER BY id");
       st.step();) {
    core::Activity a;
    a.code = st.text(0);
    a.kind = core::parse_activity_kind(st.text(1));
    a.name = st.text(2);
    a.unit = st.text(3);
    a.date = core::parse_iso_date(st.text(4));
    a.plan = st.text(5);
    a.rating_scale = st.text(6);
    a.rating_level = st.text(7);
    a.participants = st.integer(8);
    a.result = st.text(9);
    a.illustrative = st.integer(10) != 0;
    d.activities.push_back(std::move(a));
  }
  {
    std::unordered_map<std::string, core::Activity*> by_code;
    for (auto& a : d.activities)
      by_code[a.code] = &a;
    for (auto st = c.prepare("SELECT activity_code, category, category_name, attended, eligible"
                             " FROM activity_attendance ORDER BY activity_code, position");
         st.step();) {
      if (auto it = by_code.find(st.text(0)); it != by_code.end())
        it->second->attendance.push_back({st.text(1), st.text(2), st.integer(3), st.integer(4)});
    }
  }
  for (auto st = c.prepare(
           "SELECT code, kind, effective, from_json, to_json, shares_json, new_name, new_parent,"
           " document_code, note, illustrative FROM unit_changes ORDER BY id");
       st.step();) {
    core::UnitChange x;
    x.code = st.text(0);
    x.kind = core::parse_unit_change_kind(st.text(1));
    x.effective = core::parse_iso_date(st.text(2));
    x.from = from_json_array(st.text(3));
    x.to = from_json_array(st.text(4));
    x.shares = from_json_numbers(st.text(5));
    x.new_name = st.text(6);
    x.new_parent = st.text(7);
    x.document = st.text(8);
    x.note = st.text(9);
    x.illustrative = st.integer(10) != 0;
    d.unit_changes.push_back(std::move(x));
  }
  for (auto st = c.prepare(
           "SELECT code, kind, number, title, date, issuer, field_code, plan_code, implements,"
           " amends, status, illustrative FROM documents ORDER BY id");
       st.step();) {
    core::Document doc;
    doc.code = st.text(0);
    doc.kind = core::parse_document_kind(st.text(1));
    doc.number = st.text(2);
    doc.title = st.text(3);
    doc.date = core::parse_iso_date(st.text(4));
    doc.issuer = st.text(5);
    doc.field = st.text(6);
    doc.plan = st.text(7);
    doc.implements = st.text(8);
    doc.amends = st.text(9);
    doc.status = core::parse_document_status(st.text(10));
    doc.illustrative = st.integer(11) != 0;
    d.documents.push_back(std::move(doc));
  }
  load_cycles(c, d);
  return d;
}

template <typename Backend>
std::vector<ValueChange> SqlStore<Backend>::value_history(const std::string& indicator,
                                                          const std::string& unit,
                                                          const std::string& period) {
  std::vector<ValueChange> out;
  auto lease = pool_.acquire();
  auto st = lease->prepare(
      "SELECT h.kind, h.old_value, h.new_value, h.comment, h.changed_by, h.changed_at"
      " FROM value_history h JOIN indicators i ON i.id = h.indicator_id"
      " JOIN units u ON u.id = h.unit_id"
      " WHERE i.code = ? AND u.code = ? AND h.period = ? ORDER BY h.id");
  st.bind(1, indicator).bind(2, unit).bind(3, period);
  while (st.step()) {
    out.push_back({indicator, unit, period, core::parse_value_kind(st.text(0)), st.optional_real(1),
                   st.optional_real(2), st.text(3), st.text(4), st.text(5)});
  }
  return out;
}

template <typename Backend>
std::optional<UserRecord> SqlStore<Backend>::find_user(const std::string& username) {
  auto lease = pool_.acquire();
  auto st = lease->prepare(std::string("SELECT ") + detail::kUserColumns +
                           " FROM users WHERE username = ?");
  st.bind(1, username);
  if (!st.step())
    return std::nullopt;
  return detail::read_user(st);
}

template <typename Backend>
std::vector<UserRecord> SqlStore<Backend>::users() {
  auto lease = pool_.acquire();
  std::vector<UserRecord> out;
  for (auto st = lease->prepare(std::string("SELECT ") + detail::kUserColumns +
                                " FROM users ORDER BY id");
       st.step();)
    out.push_back(detail::read_user(st));
  return out;
}

template <typename Backend>
std::optional<SessionRecord> SqlStore<Backend>::find_session(const std::string& id_hash) {
  auto lease = pool_.acquire();
  auto st = lease->prepare(
      "SELECT id_hash, username, csrf_token, address, created_at, expires_at FROM sessions"
      " WHERE id_hash = ?");
  st.bind(1, id_hash);
  if (!st.step())
    return std::nullopt;
  return SessionRecord{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)};
}

template <typename Backend>
std::optional<ApiTokenRecord> SqlStore<Backend>::find_token(const std::string& token_hash) {
  auto lease = pool_.acquire();
  auto st = lease->prepare(
      "SELECT token_hash, name, username, created_at, revoked FROM api_tokens WHERE token_hash = "
      "?");
  st.bind(1, token_hash);
  if (!st.step())
    return std::nullopt;
  return ApiTokenRecord{st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4) != 0};
}

template <typename Backend>
std::vector<AuditEntry> SqlStore<Backend>::audit(const AuditFilter& f) {
  auto lease = pool_.acquire();
  // Empty filter values match everything, so one statement serves every filter.
  auto st = lease->prepare(
      std::string(kAuditColumns) +
      " WHERE (?1 = '' OR actor = ?1) AND (?2 = '' OR entity = ?2)"
      " AND (?3 = '' OR entity_key = ?3) AND (?4 = '' OR at >= ?4) AND (?5 = '' OR at <= ?5)"
      " AND (?6 = 0 OR id < ?6) ORDER BY id DESC LIMIT ?7");
  st.bind(1, f.actor).bind(2, f.entity).bind(3, f.entity_key).bind(4, f.since).bind(5, f.until);
  st.bind(6, f.before_id).bind(7, static_cast<long long>(f.limit));
  std::vector<AuditEntry> out;
  while (st.step())
    out.push_back(chained_audit_entry_from(st).entry);
  return out;
}

template <typename Backend>
std::vector<ChainedAuditEntry> SqlStore<Backend>::audit_chain(long long after_id, size_t limit) {
  return audit_chain_of(*pool_.acquire(), after_id, limit);
}

template <typename Backend>
std::vector<SubmissionStepEntry> SqlStore<Backend>::submission_steps(const std::string& form,
                                                                     const std::string& unit,
                                                                     const std::string& period) {
  return submission_steps_of(*pool_.acquire(), form, unit, period);
}

template <typename Backend>
std::vector<core::TaskUpdate> SqlStore<Backend>::task_updates(const std::string& task) {
  return task_updates_of(*pool_.acquire(), task);
}

template <typename Backend>
std::vector<core::TaskUpdate> SqlStore<Backend>::completed_task_journals() {
  return completed_task_journals_of(*pool_.acquire());
}

template <typename Backend>
std::vector<core::Attachment> SqlStore<Backend>::attachments(core::AttachmentOwner owner,
                                                             const std::string& code) {
  return attachments_of(*pool_.acquire(), owner, code);
}

template <typename Backend>
std::optional<core::Attachment> SqlStore<Backend>::find_attachment(long long id) {
  return sql::find_attachment(*pool_.acquire(), id);
}

template <typename Backend>
std::optional<std::string> SqlStore<Backend>::attachment_bytes(long long id) {
  return sql::attachment_bytes(*pool_.acquire(), id);
}

template <typename Backend>
std::vector<FeedChange> SqlStore<Backend>::changes_after(long long after, std::size_t limit) {
  return sql::changes_after(*pool_.acquire(), after, limit);
}

template <typename Backend>
std::vector<NotificationRecord> SqlStore<Backend>::notifications(const std::string& username,
                                                                 bool unread_only, size_t limit,
                                                                 size_t offset) {
  return notifications_of(*pool_.acquire(), username, unread_only, limit, offset);
}

template <typename Backend>
NotificationCounts SqlStore<Backend>::notification_counts(const std::string& username) {
  return sql::notification_counts(*pool_.acquire(), username);
}

template <typename Backend>
std::vector<std::string> SqlStore<Backend>::notification_keys(const std::string& created_since) {
  return sql::notification_keys(*pool_.acquire(), created_since);
}

template <typename Backend>
std::vector<NotificationRecord> SqlStore<Backend>::pending_emails(const std::string& created_since,
                                                                  size_t limit) {
  return sql::pending_emails(*pool_.acquire(), created_since, limit);
}

template <typename Backend>
long long SqlStore<Backend>::feed_position() {
  auto lease = pool_.acquire();
  auto q = lease->prepare("SELECT COALESCE(MAX(id), 0) FROM changes");
  return q.step() ? q.integer(0) : 0;
}

}  // namespace mandate::store::sql
