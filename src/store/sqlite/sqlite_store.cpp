#include "store/sqlite/sqlite_store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <initializer_list>
#include <unordered_map>

#include "core/error.hpp"
#include "store/sqlite/attachments.hpp"
#include "store/sqlite/migrator.hpp"
#include "store/sqlite/search_index.hpp"
#include "store/sqlite/task_updates.hpp"

namespace mandate::store {
extern const std::vector<EmbeddedFile> kSqliteMigrations;
}

namespace mandate::store::sqlite {
namespace {

using core::Error;
using core::ErrorCategory;

std::string to_json_array(const std::vector<std::string>& items) {
  boost::json::array a;
  for (const auto& s : items)
    a.emplace_back(s);
  return boost::json::serialize(a);
}

std::vector<std::string> from_json_array(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array())
    throw Error(ErrorCategory::corrupt, "store.corrupt", {"", text});
  for (const auto& item : v.as_array())
    if (item.is_string())
      out.emplace_back(item.as_string());
  return out;
}

std::optional<std::string> opt_date(const std::optional<core::Date>& d) {
  if (!d)
    return std::nullopt;
  return core::format_iso_date(*d);
}

std::optional<core::Date> read_date(const Statement& st, int col) {
  if (st.is_null(col))
    return std::nullopt;
  return core::parse_iso_date(st.text(col));
}

// INSERT ... ON CONFLICT(keys) DO UPDATE SET cols ... WHERE something differs.
// With this shape sqlite3_changes() is 1 exactly when the row was created or
// changed, which is how every upsert reports "changed" without a prior read.
std::string upsert_sql(std::string_view table, std::initializer_list<std::string_view> keys,
                       std::initializer_list<std::string_view> columns) {
  std::string cols, params, sets, differs, conflict;
  int n = 0;
  auto add_col = [&](std::string_view c) {
    if (n++) {
      cols += ", ";
      params += ", ";
    }
    cols += c;
    params += "?" + std::to_string(n);
  };
  for (auto k : keys) {
    add_col(k);
    if (!conflict.empty())
      conflict += ", ";
    conflict += k;
  }
  for (auto c : columns) {
    add_col(c);
    if (!sets.empty()) {
      sets += ", ";
      differs += " OR ";
    }
    sets += std::string(c) + " = excluded." + std::string(c);
    differs += std::string(table) + "." + std::string(c) + " IS NOT excluded." + std::string(c);
  }
  return "INSERT INTO " + std::string(table) + " (" + cols + ") VALUES (" + params +
         ") ON CONFLICT (" + conflict + ") DO UPDATE SET " + sets + " WHERE " + differs;
}

class SqliteTransaction final : public StoreTransaction {
 public:
  SqliteTransaction(SqliteStore::Lease lease, ChangeContext context)
      : lease_(std::move(lease)), conn_(*lease_), tx_(conn_), context_(std::move(context)) {}

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
    return run(st);
  }

  bool upsert(const core::Field& f) override {
    static const std::string sql = upsert_sql("fields", {"code"}, {"name"});
    auto st = conn_.prepare(sql);
    st.bind(1, f.code).bind(2, f.name);
    return run(st);
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
      return changed;
    conn_.prepare("DELETE FROM rating_levels WHERE scale_code = ?").bind(1, s.code).run();
    auto ins = conn_.prepare(
        "INSERT INTO rating_levels(scale_code, position, code, name) VALUES(?, ?, ?, ?)");
    for (size_t i = 0; i < s.levels.size(); ++i) {
      ins.reset();
      ins.bind(1, s.code).bind(2, static_cast<long long>(i)).bind(3, s.levels[i].code);
      ins.bind(4, s.levels[i].name).run();
    }
    return true;
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
    return indexed(run(st), core::SearchEntity::indicator, i);
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
    return run(st);
  }

  bool upsert(const core::Target& t) override {
    static const std::string sql = upsert_sql("targets", {"indicator_id", "unit_id", "period"},
                                              {"value", "source", "note", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, id_of("indicators", t.indicator)).bind(2, id_of("units", t.unit)).bind(3, t.period);
    st.bind(4, t.value).bind(5, core::target_source_name(t.source)).bind(6, t.note);
    st.bind(7, t.illustrative);
    return run(st);
  }

  bool upsert(const core::Value& v) override {
    const long long indicator = id_of("indicators", v.indicator), unit = id_of("units", v.unit);
    const std::string_view kind = core::value_kind_name(v.kind);
    std::optional<double> old;
    {
      auto q = conn_.prepare(
          "SELECT value, comment, illustrative FROM data_values"
          " WHERE indicator_id = ? AND unit_id = ? AND period = ? AND kind = ?");
      q.bind(1, indicator).bind(2, unit).bind(3, v.period).bind(4, kind);
      if (q.step()) {
        if (q.real(0) == v.value && q.text(1) == v.comment && (q.integer(2) != 0) == v.illustrative)
          return false;
        old = q.real(0);
      }
    }
    static const std::string sql =
        upsert_sql("data_values", {"indicator_id", "unit_id", "period", "kind"},
                   {"value", "comment", "illustrative", "updated_by", "updated_at"});
    auto st = conn_.prepare(sql);
    st.bind(1, indicator).bind(2, unit).bind(3, v.period).bind(4, kind).bind(5, v.value);
    st.bind(6, v.comment).bind(7, v.illustrative).bind(8, context_.actor).bind(9, context_.at);
    st.run();
    auto h = conn_.prepare(
        "INSERT INTO value_history(indicator_id, unit_id, period, kind, old_value, new_value,"
        " comment, changed_by, changed_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    h.bind(1, indicator).bind(2, unit).bind(3, v.period).bind(4, kind).bind(5, old);
    h.bind(6, v.value).bind(7, v.comment).bind(8, context_.actor).bind(9, context_.at);
    h.run();
    return true;
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
    return indexed(run(st), core::SearchEntity::task, t);
  }

  bool upsert(const core::TaskRating& r) override {
    static const std::string sql = upsert_sql("task_ratings", {"task_code", "period"},
                                              {"scale_code", "level", "comment", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, r.task).bind(2, r.period).bind(3, r.scale).bind(4, r.level).bind(5, r.comment);
    st.bind(6, r.illustrative);
    return run(st);
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
      return changed;
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
    return true;
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
    return indexed(run(st), core::SearchEntity::document, d);
  }

  bool upsert(const core::UnitChange& c) override {
    static const std::string sql =
        upsert_sql("unit_changes", {"code"},
                   {"kind", "effective", "from_json", "to_json", "shares_json", "new_name",
                    "new_parent", "document_code", "note", "illustrative"});
    auto st = conn_.prepare(sql);
    st.bind(1, c.code).bind(2, core::unit_change_kind_name(c.kind));
    st.bind(3, core::format_iso_date(c.effective)).bind(4, to_json_array(c.from));
    st.bind(5, to_json_array(c.to))
        .bind(6, boost::json::serialize(boost::json::value_from(c.shares)));
    st.bind(7, c.new_name).bind_text_or_null(8, c.new_parent).bind_text_or_null(9, c.document);
    st.bind(10, c.note).bind(11, c.illustrative);
    return run(st);
  }

  long long append_task_update(const core::TaskUpdate& u) override {
    return task_updates::append(conn_, u);
  }

  long long add_attachment(const core::Attachment& a, std::string_view bytes) override {
    return attachments::insert(conn_, a, bytes);
  }

  bool delete_attachment(long long id) override { return attachments::remove(conn_, id); }

  bool delete_record(RecordTable table, const std::string& code) override {
    static constexpr const char* kTables[] = {"units",      "fields",    "rating_scales",
                                              "indicators", "plans",     "tasks",
                                              "activities", "documents", "unit_changes"};
    const char* name = kTables[static_cast<size_t>(table)];
    conn_.prepare(std::string("DELETE FROM ") + name + " WHERE code = ?").bind(1, code).run();
    const bool deleted = conn_.changes() > 0;
    if (const auto entity = searched_as(table))
      search_index::remove(conn_, *entity, code);
    return deleted;
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
    return conn_.changes() > 0;
  }

  bool delete_task_rating(const std::string& task, const std::string& period) override {
    conn_.prepare("DELETE FROM task_ratings WHERE task_code = ? AND period = ?")
        .bind(1, task)
        .bind(2, period)
        .run();
    return conn_.changes() > 0;
  }

  bool delete_value(const std::string& indicator, const std::string& unit,
                    const std::string& period, core::ValueKind kind) override {
    auto old = find_value(indicator, unit, period, kind);
    if (!old)
      return false;
    const long long ind = id_of("indicators", indicator), u = id_of("units", unit);
    const std::string_view k = core::value_kind_name(kind);
    conn_
        .prepare(
            "DELETE FROM data_values WHERE indicator_id = ? AND unit_id = ? AND period = ?"
            " AND kind = ?")
        .bind(1, ind)
        .bind(2, u)
        .bind(3, period)
        .bind(4, k)
        .run();
    auto h = conn_.prepare(
        "INSERT INTO value_history(indicator_id, unit_id, period, kind, old_value, new_value,"
        " comment, changed_by, changed_at) VALUES(?, ?, ?, ?, ?, NULL, '', ?, ?)");
    h.bind(1, ind).bind(2, u).bind(3, period).bind(4, k).bind(5, old->value);
    h.bind(6, context_.actor).bind(7, context_.at).run();
    return true;
  }

  std::optional<core::Value> find_value(const std::string& indicator, const std::string& unit,
                                        const std::string& period, core::ValueKind kind) override {
    auto q = conn_.prepare(
        "SELECT v.value, v.comment, v.illustrative FROM data_values v"
        " JOIN indicators i ON i.id = v.indicator_id JOIN units u ON u.id = v.unit_id"
        " WHERE i.code = ? AND u.code = ? AND v.period = ? AND v.kind = ?");
    q.bind(1, indicator).bind(2, unit).bind(3, period).bind(4, core::value_kind_name(kind));
    if (!q.step())
      return std::nullopt;
    return core::Value{indicator, unit, period, kind, q.real(0), q.text(1), q.integer(2) != 0};
  }

  void put_user(const UserRecord& u) override {
    static const std::string sql =
        upsert_sql("users", {"username"},
                   {"display_name", "unit_code", "role", "password_hash", "active", "failed_logins",
                    "locked_until", "created_at", "password_changed_at"});
    auto st = conn_.prepare(sql);
    st.bind(1, u.username).bind(2, u.display_name).bind(3, u.unit).bind(4, core::role_name(u.role));
    st.bind(5, u.password_hash).bind(6, u.active).bind(7, u.failed_logins);
    st.bind_text_or_null(8, u.locked_until).bind(9, u.created_at).bind(10, u.password_changed_at);
    st.run();
  }

  void put_session(const SessionRecord& x) override {
    auto st = conn_.prepare(
        "INSERT OR REPLACE INTO sessions(id_hash, username, csrf_token, address, created_at,"
        " expires_at) VALUES(?, ?, ?, ?, ?, ?)");
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

  void append_audit(const AuditEntry& e) override {
    auto st = conn_.prepare(
        "INSERT INTO audit_log(at, actor, address, action, entity, entity_key, before_json,"
        " after_json) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, e.at).bind(2, e.actor).bind(3, e.address).bind(4, e.action).bind(5, e.entity);
    st.bind(6, e.entity_key);
    if (e.before_json)
      st.bind(7, *e.before_json);
    else
      st.bind_null(7);
    if (e.after_json)
      st.bind(8, *e.after_json);
    else
      st.bind_null(8);
    st.run();
  }

  void commit() override {
    tx_.commit();
    lease_.owner().committed();
  }

 private:
  bool run(Statement& st) {
    st.run();
    return conn_.changes() > 0;
  }

  // Keeps the search index in step with a record that changed.
  template <typename T>
  bool indexed(bool changed, core::SearchEntity entity, const T& record) {
    if (changed)
      search_index::put(conn_, entity, record.code, core::search_text(record));
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

  SqliteStore::Lease lease_;
  Connection& conn_;
  Transaction tx_;
  ChangeContext context_;
};

}  // namespace

SqliteStore::SqliteStore(const std::string& path, OpenMode mode) : path_(path) {
  if (mode == OpenMode::existing && !std::filesystem::exists(path))
    throw Error(ErrorCategory::not_found, "store.missing", {path});
  auto conn = open_connection(mode == OpenMode::create_or_open ? SQLITE_OPEN_CREATE : 0);
  if (mode == OpenMode::existing) {
    auto q = conn->prepare(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    if (!q.step() || q.integer(0) == 0)
      throw Error(ErrorCategory::not_found, "store.not_initialised", {path});
  }
  migrate(*conn, kSqliteMigrations);
  const bool index_stale = search_index::stale(*conn);
  idle_.push_back(std::move(conn));
  if (index_stale) {
    const core::Dataset d = load();
    auto lease = acquire();
    Transaction tx(*lease);
    search_index::rebuild_if_stale(*lease, d);
    tx.commit();
  }
}

std::unique_ptr<Connection> SqliteStore::open_connection(int extra_flags) const {
  auto conn = std::make_unique<Connection>(path_, SQLITE_OPEN_READWRITE | extra_flags);
  conn->exec("PRAGMA busy_timeout = 5000");
  // journal_mode is the first statement that reads the file: a file that is not
  // a database fails here with SQLITE_NOTADB, reported as corrupt.
  conn->exec("PRAGMA journal_mode = WAL");
  conn->exec("PRAGMA synchronous = FULL");
  conn->exec("PRAGMA foreign_keys = ON");
  return conn;
}

SqliteStore::Lease SqliteStore::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(conn));
    }
  }
  return Lease(*this, open_connection(0));
}

SqliteStore::Lease::~Lease() {
  if (!conn_)
    return;
  std::lock_guard lock(owner_->mutex_);
  owner_->idle_.push_back(std::move(conn_));
}

std::unique_ptr<StoreTransaction> SqliteStore::begin(const ChangeContext& context) {
  return std::make_unique<SqliteTransaction>(acquire(), context);
}

long long SqliteStore::data_version() {
  std::lock_guard lock(version_mutex_);
  const auto now = std::chrono::steady_clock::now();
  const long long local = local_commits_.load(std::memory_order_acquire);
  if (local == checked_local_commits_ && now - checked_at_ < kVersionRecheck)
    return data_version_;
  checked_local_commits_ = local;
  checked_at_ = now;
  if (!version_conn_) {
    version_conn_ = open_connection(0);
    version_statement_.emplace(version_conn_->prepare("PRAGMA data_version"));
  }
  Statement& st = *version_statement_;
  const long long v = st.step() ? st.integer(0) : 0;
  st.reset();
  if (v != last_pragma_version_) {
    last_pragma_version_ = v;
    ++data_version_;
  }
  return data_version_;
}

int SqliteStore::schema_version() {
  return sqlite::schema_version(*acquire());
}

core::Dataset SqliteStore::load() {
  core::Dataset d;
  auto lease = acquire();
  Connection& c = *lease;
  // One read transaction, so the snapshot is consistent while others write.
  c.exec("BEGIN");
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

  for (auto st = c.prepare(
           "SELECT code, name, type, parent_code, groups_json, valid_from, valid_to, illustrative"
           " FROM units ORDER BY id");
       st.step();) {
    core::Unit u;
    u.code = st.text(0);
    u.name = st.text(1);
    u.type = core::parse_unit_type(st.text(2));
    u.parent_code = st.text(3);
    u.groups = from_json_array(st.text(4));
    u.valid_from = read_date(st, 5);
    u.valid_to = read_date(st, 6);
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
  for (auto st = c.prepare(
           "SELECT code, name, unit_of_measure, field_code, value_type, direction, aggregation,"
           " formula, responsible_unit, decimals, nearly_met_ratio, min_value, max_value,"
           " description, illustrative FROM indicators ORDER BY id");
       st.step();) {
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
  for (auto st =
           c.prepare("SELECT i.code, u.code, v.period, v.kind, v.value, v.comment, v.illustrative"
                     " FROM data_values v JOIN indicators i ON i.id = v.indicator_id"
                     " JOIN units u ON u.id = v.unit_id ORDER BY v.rowid");
       st.step();) {
    d.values.push_back({st.text(0), st.text(1), st.text(2), core::parse_value_kind(st.text(3)),
                        st.real(4), st.text(5), st.integer(6) != 0});
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
    t.start = read_date(st, 7);
    t.deadline = read_date(st, 8);
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
    x.shares = boost::json::value_to<std::vector<double>>(boost::json::parse(st.text(5)));
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
  return d;
}

std::vector<ValueChange> SqliteStore::value_history(const std::string& indicator,
                                                    const std::string& unit,
                                                    const std::string& period) {
  std::vector<ValueChange> out;
  auto lease = acquire();
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

}  // namespace mandate::store::sqlite

namespace mandate::store::sqlite {
namespace {

constexpr const char* kUserColumns =
    "username, display_name, unit_code, role, password_hash, active, failed_logins,"
    " locked_until, created_at, password_changed_at";

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
                    st.text(9)};
}

}  // namespace

std::optional<UserRecord> SqliteStore::find_user(const std::string& username) {
  auto lease = acquire();
  auto st =
      lease->prepare(std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?");
  st.bind(1, username);
  if (!st.step())
    return std::nullopt;
  return read_user(st);
}

std::vector<UserRecord> SqliteStore::users() {
  auto lease = acquire();
  std::vector<UserRecord> out;
  for (auto st = lease->prepare(std::string("SELECT ") + kUserColumns + " FROM users ORDER BY id");
       st.step();)
    out.push_back(read_user(st));
  return out;
}

std::optional<SessionRecord> SqliteStore::find_session(const std::string& id_hash) {
  auto lease = acquire();
  auto st = lease->prepare(
      "SELECT id_hash, username, csrf_token, address, created_at, expires_at FROM sessions"
      " WHERE id_hash = ?");
  st.bind(1, id_hash);
  if (!st.step())
    return std::nullopt;
  return SessionRecord{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)};
}

std::optional<ApiTokenRecord> SqliteStore::find_token(const std::string& token_hash) {
  auto lease = acquire();
  auto st = lease->prepare(
      "SELECT token_hash, name, username, created_at, revoked FROM api_tokens WHERE token_hash = "
      "?");
  st.bind(1, token_hash);
  if (!st.step())
    return std::nullopt;
  return ApiTokenRecord{st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4) != 0};
}

std::vector<AuditEntry> SqliteStore::audit(const AuditFilter& f) {
  auto lease = acquire();
  // Empty filter values match everything, so one statement serves every filter.
  auto st = lease->prepare(
      "SELECT id, at, actor, address, action, entity, entity_key, before_json, after_json"
      " FROM audit_log WHERE (?1 = '' OR actor = ?1) AND (?2 = '' OR entity = ?2)"
      " AND (?3 = '' OR entity_key = ?3) AND (?4 = '' OR at >= ?4) AND (?5 = '' OR at <= ?5)"
      " AND (?6 = 0 OR id < ?6) ORDER BY id DESC LIMIT ?7");
  st.bind(1, f.actor).bind(2, f.entity).bind(3, f.entity_key).bind(4, f.since).bind(5, f.until);
  st.bind(6, f.before_id).bind(7, static_cast<long long>(f.limit));
  std::vector<AuditEntry> out;
  while (st.step()) {
    AuditEntry e{st.integer(0), st.text(1), st.text(2),   st.text(3),  st.text(4),
                 st.text(5),    st.text(6), std::nullopt, std::nullopt};
    if (!st.is_null(7))
      e.before_json = st.text(7);
    if (!st.is_null(8))
      e.after_json = st.text(8);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace mandate::store::sqlite

namespace mandate::store::sqlite {

std::vector<core::TaskUpdate> SqliteStore::task_updates(const std::string& task) {
  return sqlite::task_updates::of(*acquire(), task);
}

std::vector<core::Attachment> SqliteStore::attachments(core::AttachmentOwner owner,
                                                       const std::string& code) {
  return sqlite::attachments::of(*acquire(), owner, code);
}

std::optional<core::Attachment> SqliteStore::find_attachment(long long id) {
  return sqlite::attachments::find(*acquire(), id);
}

std::optional<std::string> SqliteStore::attachment_bytes(long long id) {
  return sqlite::attachments::bytes(*acquire(), id);
}

std::vector<SearchHit> SqliteStore::search(const std::string& query,
                                           std::optional<core::SearchEntity> entity, size_t limit) {
  return search_index::find(*acquire(), query, entity, limit);
}

}  // namespace mandate::store::sqlite
