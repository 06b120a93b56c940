#pragma once
// The write transaction of every SQL store, written once over a backend that
// supplies the connection, its statements and transactions, the start of a
// write and the search index. SQL is the common subset of SQLite and
// PostgreSQL; parameters are written ?1 or ?, as SQLite takes them.
#include <algorithm>
#include <atomic>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/sql/audit_log.hpp"
#include "store/sql/change_feed.hpp"
#include "store/sql/columns.hpp"
#include "store/sql/connection_pool.hpp"
#include "store/sql/cycles.hpp"
#include "store/sql/journals.hpp"
#include "store/sql/notifications.hpp"
#include "store/sql/value_writes.hpp"
#include "store/store.hpp"

namespace mandate::store::sql {

template <typename Backend>
class SqlTransaction final : public StoreTransaction {
  using Connection = typename Backend::Connection;
  using Statement = typename Backend::Statement;

 public:
  using Lease = typename ConnectionPool<Connection>::Lease;
  // commits counts this store's commits (see SqlStore::commits_).
  SqlTransaction(Lease lease, ChangeContext context, std::atomic<long long>& commits)
      : lease_(std::move(lease)),
        conn_(*lease_),
        tx_(conn_),
        context_(std::move(context)),
        commits_(commits) {
    Backend::begin_write(conn_);
  }

  using StoreTransaction::upsert;  // of a value: write_values for one

  bool upsert(const core::Unit& u) override {
    static const std::string sql = upsert_sql(
        "units", {"code"},
        {"name", "type", "parent_code", "groups_json", "valid_from", "valid_to", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, u.code).bind(2, u.name).bind(3, core::unit_type_name(u.type));
    st.bind_text_or_null(4, u.parent_code).bind(5, to_json_array(u.groups));
    bind_date(st, 6, u.valid_from);
    bind_date(st, 7, u.valid_to);
    st.bind(8, u.illustrative);
    return metadata(run(st));
  }

  bool upsert(const core::Field& f) override {
    static const std::string sql = upsert_sql("fields", {"code"}, {"name"});
    auto st = conn_.prepare(sql);
    st.bind(1, f.code).bind(2, f.name);
    return records(run(st));
  }

  bool upsert(const core::RatingScale& s) override {
    static const std::string sql = upsert_sql("rating_scales", {"code"}, {"name"});
    auto st = conn_.prepare(sql);
    st.bind(1, s.code).bind(2, s.name);
    bool changed = run(st);

    std::vector<core::RatingLevel> stored;
    auto q = conn_.prepare(
        "SELECT code, name FROM rating_levels WHERE scale_code = ? ORDER BY position");
    q.bind(1, s.code);
    while (q.step())
      stored.push_back({q.text(0), q.text(1)});
    const bool same = stored.size() == s.levels.size() &&
                      std::equal(stored.begin(), stored.end(), s.levels.begin(),
                                 [](const auto& a, const auto& b) {
                                   return a.code == b.code && a.name == b.name;
                                 });
    if (same)
      return records(changed);
    conn_.prepare("DELETE FROM rating_levels WHERE scale_code = ?").bind(1, s.code).run();
    auto ins = conn_.prepare(
        "INSERT INTO rating_levels(scale_code, position, code, name) VALUES(?, ?, ?, ?)");
    for (size_t i = 0; i < s.levels.size(); ++i) {
      ins.reset();
      ins.bind(1, s.code).bind(2, static_cast<long long>(i)).bind(3, s.levels[i].code);
      ins.bind(4, s.levels[i].name).run();
    }
    return records(true);
  }

  bool upsert(const core::Indicator& i) override {
    static const std::string sql =
        upsert_sql("indicators", {"code"},
                   {"name", "unit_of_measure", "field_code", "value_type", "direction",
                    "aggregation", "formula", "responsible_unit", "decimals", "nearly_met_ratio",
                    "min_value", "max_value", "description", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, i.code).bind(2, i.name).bind(3, i.unit_of_measure).bind_text_or_null(4, i.field);
    st.bind(5, core::value_type_name(i.value_type)).bind(6, core::direction_name(i.direction));
    st.bind(7, core::aggregation_name(i.aggregation)).bind(8, i.formula);
    st.bind_text_or_null(9, i.responsible_unit).bind(10, i.decimals);
    st.bind(11, i.nearly_met_ratio).bind(12, i.min_value).bind(13, i.max_value);
    st.bind(14, i.description).bind(15, i.illustrative);
    return metadata(indexed(run(st), core::SearchEntity::indicator, i));
  }

  bool upsert(const core::Plan& p) override {
    static const std::string sql = upsert_sql(
        "plans", {"code"},
        {"name", "unit_code", "term", "document_code", "indicators_json", "indicator_group_name",
         "task_scale", "task_good_level", "meeting_scale", "meeting_good_level"});
    auto st = conn_.prepare(sql);
    st.bind(1, p.code).bind(2, p.name).bind(3, p.unit).bind(4, p.term);
    st.bind_text_or_null(5, p.document).bind(6, to_json_array(p.indicators));
    st.bind(7, p.indicator_group_name).bind_text_or_null(8, p.task_scale);
    st.bind(9, p.task_good_level).bind_text_or_null(10, p.meeting_scale);
    st.bind(11, p.meeting_good_level);
    return metadata(run(st));
  }

  bool upsert(const core::Target& t) override {
    static const std::string sql = upsert_sql("targets", {"indicator_id", "unit_id", "period"},
                                              {"value", "source", "note", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, id_of("indicators", t.indicator)).bind(2, id_of("units", t.unit)).bind(3, t.period);
    st.bind(4, t.value).bind(5, core::target_source_name(t.source)).bind(6, t.note);
    st.bind(7, t.illustrative);
    return metadata(run(st));
  }

  std::vector<bool> write_values(std::span<const CellChange> changes) override {
    std::vector<bool> changed = sql::write_values(conn_, changes, context_);
    announce_ = announce_ || std::find(changed.begin(), changed.end(), true) != changed.end();
    return changed;
  }

  bool upsert(const core::Task& t) override {
    static const std::string sql = upsert_sql(
        "tasks", {"code"},
        {"plan_code", "parent_code", "name", "field_code", "responsible_unit", "coordinating_json",
         "start_date", "deadline", "status", "progress", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, t.code).bind_text_or_null(2, t.plan).bind_text_or_null(3, t.parent_code);
    st.bind(4, t.name).bind_text_or_null(5, t.field).bind_text_or_null(6, t.responsible_unit);
    st.bind(7, to_json_array(t.coordinating_units));
    bind_date(st, 8, t.start);
    bind_date(st, 9, t.deadline);
    st.bind(10, core::task_status_name(t.status)).bind(11, t.progress).bind(12, t.illustrative);
    return records(indexed(run(st), core::SearchEntity::task, t));
  }

  bool upsert(const core::TaskRating& r) override {
    static const std::string sql = upsert_sql("task_ratings", {"task_code", "period"},
                                              {"scale_code", "level", "comment", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, r.task).bind(2, r.period).bind(3, r.scale).bind(4, r.level).bind(5, r.comment);
    st.bind(6, r.illustrative);
    return records(run(st));
  }

  bool upsert(const core::Activity& a) override {
    static const std::string sql =
        upsert_sql("activities", {"code"},
                   {"kind", "name", "unit_code", "date", "plan_code", "rating_scale",
                    "rating_level", "participants", "result", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, a.code).bind(2, core::activity_kind_name(a.kind)).bind(3, a.name).bind(4, a.unit);
    st.bind(5, core::format_iso_date(a.date)).bind_text_or_null(6, a.plan);
    st.bind_text_or_null(7, a.rating_scale).bind(8, a.rating_level);
    st.bind(9, static_cast<long long>(a.participants)).bind(10, a.result).bind(11, a.illustrative);
    bool changed = indexed(run(st), core::SearchEntity::activity, a);

    std::vector<core::Attendance> stored;
    auto q = conn_.prepare(
        "SELECT category, category_name, attended, eligible FROM activity_attendance"
        " WHERE activity_code = ? ORDER BY position");
    q.bind(1, a.code);
    while (q.step())
      stored.push_back({q.text(0), q.text(1), q.integer(2), q.integer(3)});
    const bool same = stored.size() == a.attendance.size() &&
                      std::equal(stored.begin(), stored.end(), a.attendance.begin(),
                                 [](const auto& x, const auto& y) {
                                   return x.category == y.category &&
                                          x.category_name == y.category_name &&
                                          x.attended == y.attended && x.eligible == y.eligible;
                                 });
    if (same)
      return records(changed);
    conn_.prepare("DELETE FROM activity_attendance WHERE activity_code = ?").bind(1, a.code).run();
    auto ins = conn_.prepare(
        "INSERT INTO activity_attendance(activity_code, position, category, category_name,"
        " attended, eligible) VALUES(?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < a.attendance.size(); ++i) {
      const auto& row = a.attendance[i];
      ins.reset();
      ins.bind(1, a.code).bind(2, static_cast<long long>(i)).bind(3, row.category);
      ins.bind(4, row.category_name).bind(5, static_cast<long long>(row.attended));
      ins.bind(6, static_cast<long long>(row.eligible)).run();
    }
    return records(true);
  }

  bool upsert(const core::Document& d) override {
    static const std::string sql =
        upsert_sql("documents", {"code"},
                   {"kind", "number", "title", "date", "issuer", "field_code", "plan_code",
                    "implements", "amends", "status", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, d.code).bind(2, core::document_kind_name(d.kind)).bind(3, d.number).bind(4, d.title);
    st.bind(5, core::format_iso_date(d.date)).bind(6, d.issuer).bind_text_or_null(7, d.field);
    st.bind_text_or_null(8, d.plan).bind_text_or_null(9, d.implements);
    st.bind_text_or_null(10, d.amends).bind(11, core::document_status_name(d.status));
    st.bind(12, d.illustrative);
    return records(indexed(run(st), core::SearchEntity::document, d));
  }

  bool upsert(const core::UnitChange& c) override {
    static const std::string sql =
        upsert_sql("unit_changes", {"code"},
                   {"kind", "effective", "from_json", "to_json", "shares_json", "new_name",
                    "new_parent", "document_code", "note", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, c.code).bind(2, core::unit_change_kind_name(c.kind));
    st.bind(3, core::format_iso_date(c.effective)).bind(4, to_json_array(c.from));
    st.bind(5, to_json_array(c.to)).bind(6, to_json_numbers(c.shares));
    st.bind(7, c.new_name).bind_text_or_null(8, c.new_parent).bind_text_or_null(9, c.document);
    st.bind(10, c.note).bind(11, c.illustrative);
    return metadata(run(st));
  }

  bool upsert(const core::Form& f) override { return records(upsert_form(conn_, f)); }
  bool upsert(const core::ValidationRule& r) override { return records(upsert_rule(conn_, r)); }
  bool upsert(const core::Submission& s) override { return records(upsert_submission(conn_, s)); }
  void append_submission_step(const SubmissionStepEntry& e) override {
    sql::append_submission_step(conn_, e);
    records(true);
  }

  long long append_task_update(const core::TaskUpdate& u) override {
    records(true);  // a snapshot holds the dates tasks were completed
    return sql::append_task_update(conn_, u);
  }

  long long add_attachment(const core::Attachment& a, std::string_view bytes) override {
    return insert_attachment(conn_, a, bytes);
  }

  bool delete_attachment(long long id) override { return remove_attachment(conn_, id); }

  bool delete_record(RecordTable table, const std::string& code) override {
    static constexpr const char* kTables[] = {
        "units",      "fields",    "rating_scales", "indicators", "plans",           "tasks",
        "activities", "documents", "unit_changes",  "forms",      "validation_rules"};
    const char* name = kTables[static_cast<size_t>(table)];
    conn_.prepare(std::string("DELETE FROM ") + name + " WHERE code = ?").bind(1, code).run();
    const bool deleted = conn_.changes() > 0;
    if (const auto entity = searched_as(table))
      Backend::unindex(conn_, *entity, code);
    if (table == RecordTable::unit || table == RecordTable::indicator ||
        table == RecordTable::plan || table == RecordTable::unit_change)
      metadata(deleted);
    return records(deleted);
  }

  bool delete_target(const std::string& indicator, const std::string& unit,
                     const std::string& period) override {
    conn_
        .prepare(
            "DELETE FROM targets WHERE indicator_id = (SELECT id FROM indicators WHERE code = ?)"
            " AND unit_id = (SELECT id FROM units WHERE code = ?) AND period = ?")
        .bind(1, indicator)
        .bind(2, unit)
        .bind(3, period)
        .run();
    return metadata(conn_.changes() > 0);
  }

  bool delete_task_rating(const std::string& task, const std::string& period) override {
    conn_.prepare("DELETE FROM task_ratings WHERE task_code = ? AND period = ?")
        .bind(1, task)
        .bind(2, period)
        .run();
    return records(conn_.changes() > 0);
  }

  std::vector<std::optional<core::Value>> find_values(std::span<const core::Value> cells) override {
    return sql::find_values(conn_, cells);
  }

  std::optional<core::Submission> find_submission(const std::string& form, const std::string& unit,
                                                  const std::string& period) override {
    return sql::find_submission(conn_, form, unit, period);
  }

  void put_user(const UserRecord& u) override {
    static const std::string sql =
        upsert_sql("users", {"username"},
                   {"display_name", "unit_code", "role", "password_hash", "active", "failed_logins",
                    "locked_until", "created_at", "password_changed_at", "email", "language"});
    auto st = conn_.prepare(sql);
    st.bind(1, u.username).bind(2, u.display_name).bind(3, u.unit).bind(4, core::role_name(u.role));
    st.bind(5, u.password_hash).bind(6, u.active).bind(7, u.failed_logins);
    st.bind_text_or_null(8, u.locked_until).bind(9, u.created_at).bind(10, u.password_changed_at);
    st.bind(11, u.email).bind(12, u.language);
    st.run();
  }

  void put_session(const SessionRecord& x) override {
    static const std::string sql = upsert_sql(
        "sessions", {"id_hash"}, {"username", "csrf_token", "address", "created_at", "expires_at"});
    auto st = conn_.prepare(sql);
    st.bind(1, x.id_hash).bind(2, x.username).bind(3, x.csrf_token).bind(4, x.address);
    st.bind(5, x.created_at).bind(6, x.expires_at).run();
  }

  void delete_session(const std::string& id_hash) override {
    conn_.prepare("DELETE FROM sessions WHERE id_hash = ?").bind(1, id_hash).run();
  }

  void delete_sessions_of(const std::string& username) override {
    conn_.prepare("DELETE FROM sessions WHERE username = ?").bind(1, username).run();
  }

  void put_token(const ApiTokenRecord& t) override {
    static const std::string sql =
        upsert_sql("api_tokens", {"token_hash"}, {"name", "username", "created_at", "revoked"});
    auto st = conn_.prepare(sql);
    st.bind(1, t.token_hash).bind(2, t.name).bind(3, t.username).bind(4, t.created_at);
    st.bind(5, t.revoked).run();
  }

  void append_audits(std::span<const AuditEntry> entries) override {
    sql::append_audits(conn_, entries);
  }

  bool add_notification(NotificationRecord& n) override { return sql::add_notification(conn_, n); }
  bool mark_notification_read(const std::string& username, long long id) override {
    return sql::mark_notification_read(conn_, username, id, context_.at);
  }
  long long mark_all_notifications_read(const std::string& username) override {
    return sql::mark_all_notifications_read(conn_, username, context_.at);
  }
  void record_email(long long id, const std::string& state, int attempts,
                    const std::string& error) override {
    sql::record_email(conn_, id, state, attempts, error, context_.at);
  }

  long long prune_changes(long long keep) override { return sql::prune_changes(conn_, keep); }
  long long feed_through() const override { return feed_through_; }

  void commit() override {
    if (metadata_changed_ || records_changed_)
      append_marker(conn_, metadata_changed_ ? FeedKind::metadata : FeedKind::records);
    if (announce_ || metadata_changed_ || records_changed_) {
      Backend::announce_changes(conn_);
      // Holding the write lock, the newest entry is this transaction's.
      auto newest = conn_.prepare("SELECT COALESCE(MAX(id), 0) FROM changes");
      feed_through_ = newest.step() ? newest.integer(0) : 0;
    }
    tx_.commit();
    commits_.fetch_add(1, std::memory_order_release);
  }

 private:
  bool run(Statement& st) {
    st.run();
    return conn_.changes() > 0;
  }

  // Notes that a record the rollups are built over changed: commit() puts
  // one metadata marker in the change feed for the whole transaction.
  bool metadata(bool changed) {
    metadata_changed_ = metadata_changed_ || changed;
    return changed;
  }
  // The same for any other record a snapshot holds (a records marker).
  bool records(bool changed) {
    records_changed_ = records_changed_ || changed;
    return changed;
  }

  // Keeps the search index in step with a record that changed.
  template <typename T>
  bool indexed(bool changed, core::SearchEntity entity, const T& record) {
    if (changed)
      Backend::index(conn_, entity, record.code, core::search_text(record));
    return changed;
  }

  static std::optional<core::SearchEntity> searched_as(RecordTable table) {
    switch (table) {
      case RecordTable::indicator:
        return core::SearchEntity::indicator;
      case RecordTable::task:
        return core::SearchEntity::task;
      case RecordTable::document:
        return core::SearchEntity::document;
      case RecordTable::activity:
        return core::SearchEntity::activity;
      default:
        return std::nullopt;
    }
  }

  static void bind_date(Statement& st, int i, const std::optional<core::Date>& d) {
    auto text = opt_date(d);
    if (text)
      st.bind(i, *text);
    else
      st.bind_null(i);
  }

  long long id_of(std::string_view table, const std::string& code) {
    auto q = conn_.prepare("SELECT id FROM " + std::string(table) + " WHERE code = ?");
    q.bind(1, code);
    if (!q.step())
      throw core::invalid_input("dataset.unknown_reference", {code});
    return q.integer(0);
  }

  Lease lease_;
  Connection& conn_;
  typename Backend::Transaction tx_;
  ChangeContext context_;
  std::atomic<long long>& commits_;
  bool metadata_changed_ = false;  // commit() appends a metadata marker to the feed
  bool records_changed_ = false;   // ... or else a records marker
  long long feed_through_ = 0;     // the newest feed entry written, set at commit
  bool announce_ = false;          // value changes are in the feed: wake the followers
};

}  // namespace mandate::store::sql
