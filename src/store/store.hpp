#pragma once
// The store interface: everything Mandate keeps, behind an abstract class so
// that the embedded SQLite store and a PostgreSQL store are interchangeable.
// No database type leaks out of src/store.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.hpp"
#include "core/attachment.hpp"
#include "core/dataset.hpp"
#include "core/search_text.hpp"
#include "core/value_table.hpp"

namespace mandate::store {

// Who makes a change and when; the store records it with every write.
struct ChangeContext {
  std::string actor;  // user name, or "cli" / "demo"
  std::string at;     // ISO 8601 UTC timestamp, supplied by the caller (stores read no clock)
};

// One change of a value cell, oldest first in a history.
struct ValueChange {
  std::string indicator, unit, period;
  core::ValueKind kind = core::ValueKind::official;
  std::optional<double> old_value;  // none: the cell was created
  std::optional<double> new_value;  // none: the cell was deleted
  std::string comment;
  std::string actor;
  std::string at;
};

// What an entry of the change feed (docs/architecture.md, "Change feed") says.
enum class FeedKind {
  value,     // a value cell was written or deleted
  records,   // records a snapshot holds changed (tasks, documents, forms, ...)
  metadata,  // records the rollups are built over changed (units, indicators, ...)
  gap,       // entries before this one were pruned: whoever missed them reloads
};

// One entry of the change feed: for a value entry, the cell as written (its
// value, comment and illustrative flag) or deleted (removed).
struct FeedChange {
  long long id = 0;
  FeedKind kind = FeedKind::value;
  core::Value value;
  bool removed = false;
};

// One change of a value cell in StoreTransaction::write_values: the cell
// holds value, or (removed) is deleted, and then only value's cell counts.
using CellChange = core::CellWrite;

struct UserRecord {
  std::string username;
  std::string display_name;
  std::string unit;  // unit code: the root of the user's scope
  core::Role role = core::Role::viewer;
  std::string password_hash;  // Argon2id, libsodium's string form
  bool active = true;
  int failed_logins = 0;     // consecutive failures since the last success
  std::string locked_until;  // ISO timestamp, empty when not locked
  std::string created_at;
  std::string password_changed_at;
  std::string email;     // empty: no e-mail reminders
  std::string language;  // "vi", "en"; empty: Vietnamese
};

struct SessionRecord {
  std::string id_hash;  // hash of the cookie value; the value itself is never stored
  std::string username;
  std::string csrf_token;
  std::string address;
  std::string created_at;
  std::string expires_at;
};

struct ApiTokenRecord {
  std::string token_hash;
  std::string name;
  std::string username;
  std::string created_at;
  bool revoked = false;
};

struct AuditEntry {
  long long id = 0;  // assigned by the store
  std::string at;
  std::string actor;
  std::string address;
  std::string action;      // create, update, delete, login, login_failed, logout, ...
  std::string entity;      // value, user, session, dataset, ...
  std::string entity_key;  // e.g. "BUDGET_REVENUE/LS/2021/estimate"
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
};

// An audit entry with the hash that chains it to the one before (audit_chain.hpp).
struct ChainedAuditEntry {
  AuditEntry entry;
  std::string hash;
};

struct AuditFilter {
  std::string actor;
  std::string entity;
  std::string entity_key;
  std::string since;  // ISO timestamps, inclusive
  std::string until;
  long long before_id = 0;  // paging: entries older than this id (0: newest first)
  size_t limit = 100;
};

// One step of a report's submission journal, with the state it left.
struct SubmissionStepEntry {
  long long id = 0;  // assigned by the store
  std::string form, unit, period;
  std::string step;   // core::submission_step_name
  std::string state;  // core::submission_state_name, after the step
  int approvals = 0;  // after the step
  std::string reason;
  std::string actor;
  std::string at;
};

// One in-app notification (docs/reporting-cycles.md, "Reminders"): what
// happened, not its text, which is written in the reader's language when read.
// A notification is also the queue entry of its e-mail (email_state).
struct NotificationRecord {
  long long id = 0;  // assigned by the store
  std::string username;
  std::string kind;  // core::notification_kind_name
  std::string form, unit, period;
  std::string occasion;          // digest: its day; submission step: its number; else empty
  std::string args_json = "{}";  // what the text needs beyond the keys (counts, lists, dates)
  std::string created_at;
  std::string read_at;               // empty: unread
  std::string email_state = "none";  // none, pending, sent, failed
  int email_attempts = 0;
  std::string email_error;
  std::string emailed_at;
};

// What makes a notification unique, as one string: user, kind, form, unit,
// period and occasion (codes never hold a newline).
inline std::string notification_key(const NotificationRecord& n) {
  return n.username + '\n' + n.kind + '\n' + n.form + '\n' + n.unit + '\n' + n.period + '\n' +
         n.occasion;
}

struct NotificationCounts {
  long long unread = 0;
  long long total = 0;
};

// Tables of records keyed by a code.
enum class RecordTable {
  unit,
  field,
  rating_scale,
  indicator,
  plan,
  task,
  activity,
  document,
  unit_change,
  form,
  validation_rule
};

struct SearchHit {
  core::SearchEntity entity = core::SearchEntity::document;
  std::string code;
};

// A write transaction. Every upsert inserts the record or updates it when it
// differs, and returns true when something changed. Nothing is visible to
// others until commit(); destroying an uncommitted transaction rolls it back.
// References must already exist (parents before children), else Error(invalid_input).
class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;
  virtual bool upsert(const core::Unit& u) = 0;
  virtual bool upsert(const core::Field& f) = 0;
  virtual bool upsert(const core::RatingScale& s) = 0;
  virtual bool upsert(const core::Indicator& i) = 0;
  virtual bool upsert(const core::Plan& p) = 0;
  virtual bool upsert(const core::Target& t) = 0;
  // Also appends to the cell's history; write_values for one.
  bool upsert(const core::Value& v) {
    const CellChange change{v, false};
    return write_values(std::span(&change, 1))[0];
  }
  virtual bool upsert(const core::Task& t) = 0;
  virtual bool upsert(const core::TaskRating& r) = 0;
  virtual bool upsert(const core::Activity& a) = 0;
  virtual bool upsert(const core::Document& d) = 0;
  virtual bool upsert(const core::UnitChange& c) = 0;
  virtual bool upsert(const core::Form& f) = 0;
  virtual bool upsert(const core::ValidationRule& r) = 0;
  // The state of one form × unit × period (see SubmissionStepEntry for its journal).
  virtual bool upsert(const core::Submission& s) = 0;
  virtual void append_submission_step(const SubmissionStepEntry& e) = 0;
  // Appends to the task's progress journal; returns the entry's id.
  virtual long long append_task_update(const core::TaskUpdate& u) = 0;
  // Keeps the file (its metadata as given, its bytes) and returns its id.
  virtual long long add_attachment(const core::Attachment& a, std::string_view bytes) = 0;
  virtual bool delete_attachment(long long id) = 0;
  // Removes a value cell (recorded in its history); false when there was none.
  bool delete_value(const std::string& indicator, const std::string& unit,
                    const std::string& period, core::ValueKind kind) {
    const CellChange change{{indicator, unit, period, kind, 0, {}, false}, true};
    return write_values(std::span(&change, 1))[0];
  }
  // Writes value cells as upsert and delete_value would, one after the other,
  // each with its history and change-feed entry; true for each that changed
  // something. Many at once cost a few statements per batch of cells, not
  // several per cell.
  virtual std::vector<bool> write_values(std::span<const CellChange> changes) = 0;
  // Deletes a record by code; false when there was none. A record still
  // referred to by others fails with Error(conflict).
  virtual bool delete_record(RecordTable table, const std::string& code) = 0;
  virtual bool delete_target(const std::string& indicator, const std::string& unit,
                             const std::string& period) = 0;
  virtual bool delete_task_rating(const std::string& task, const std::string& period) = 0;
  // Reads inside the transaction, for check-then-write (ETag comparisons).
  std::optional<core::Value> find_value(const std::string& indicator, const std::string& unit,
                                        const std::string& period, core::ValueKind kind) {
    const core::Value cell{indicator, unit, period, kind, 0, {}, false};
    return std::move(find_values(std::span(&cell, 1))[0]);
  }
  // What each cell (its indicator, unit, period and kind) holds, read at once.
  virtual std::vector<std::optional<core::Value>> find_values(
      std::span<const core::Value> cells) = 0;
  // The stored state of a report (none while a draft), read under the write
  // lock: what decides whether a cell is locked at the moment of the write.
  virtual std::optional<core::Submission> find_submission(const std::string& form,
                                                          const std::string& unit,
                                                          const std::string& period) = 0;

  virtual void put_user(const UserRecord& u) = 0;  // insert or replace by username
  virtual void put_session(const SessionRecord& s) = 0;
  virtual void delete_session(const std::string& id_hash) = 0;
  virtual void delete_sessions_of(const std::string& username) = 0;
  virtual void put_token(const ApiTokenRecord& t) = 0;
  void append_audit(const AuditEntry& e) { append_audits(std::span(&e, 1)); }
  // Appends entries in order, each chained to the one before.
  virtual void append_audits(std::span<const AuditEntry> entries) = 0;

  // Adds a notification unless one with the same user, kind, form, unit,
  // period and occasion exists; true when it was added (its id set in n).
  virtual bool add_notification(NotificationRecord& n) = 0;
  // Marks one of the user's notifications read (at, when unread); false when
  // the user has no notification with that id.
  virtual bool mark_notification_read(const std::string& username, long long id) = 0;
  // Marks every unread notification of the user read; returns how many.
  virtual long long mark_all_notifications_read(const std::string& username) = 0;
  // Records an attempt to e-mail a notification: its state, the attempts so
  // far, the error of the last failure (empty on success), the time (at).
  virtual void record_email(long long id, const std::string& state, int attempts,
                            const std::string& error) = 0;

  // Drops all but the newest `keep` entries of the change feed; the oldest
  // kept entry becomes a gap marker, so a server still behind it reloads
  // everything from the store rather than miss what was dropped.
  // Returns how many entries were dropped.
  virtual long long prune_changes(long long keep) = 0;

  virtual void commit() = 0;
  // After commit: the id of the newest change-feed entry this transaction
  // wrote (0 when it wrote none), which orders its writes among everyone's.
  virtual long long feed_through() const = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<StoreTransaction> begin(const ChangeContext& context) = 0;
  // Everything, in insertion order.
  core::Dataset load() {
    long long ignored = 0;
    return load(ignored);
  }
  // The same, and the id of the newest change-feed entry the data holds,
  // read in the same transaction: the feed after it is exactly what the
  // data does not hold yet.
  core::Dataset load(long long& feed_position) { return load_data(feed_position, true); }
  // load(feed_position) without the values: what a server reloads when
  // records change, keeping the values it follows from the feed.
  core::Dataset load_records(long long& feed_position) { return load_data(feed_position, false); }
  virtual core::Dataset load_data(long long& feed_position, bool with_values) = 0;
  virtual std::vector<ValueChange> value_history(const std::string& indicator,
                                                 const std::string& unit,
                                                 const std::string& period) = 0;
  virtual int schema_version() = 0;
  // A number that changes whenever a write has been committed since the last
  // call, by this process or any other: caches compare it to know they are stale.
  virtual long long data_version() = 0;
  // The change feed after id `after`, oldest first, at most `limit` entries.
  virtual std::vector<FeedChange> changes_after(long long after, std::size_t limit) = 0;
  // The id of the newest entry of the change feed (0 when empty).
  virtual long long feed_position() = 0;

  virtual std::optional<UserRecord> find_user(const std::string& username) = 0;
  virtual std::vector<UserRecord> users() = 0;
  virtual std::optional<SessionRecord> find_session(const std::string& id_hash) = 0;
  virtual std::optional<ApiTokenRecord> find_token(const std::string& token_hash) = 0;
  // A task's progress journal, oldest first.
  virtual std::vector<core::TaskUpdate> task_updates(const std::string& task) = 0;
  // The progress journals of the tasks now completed, each task's entries in
  // order: what their completion dates are read from.
  virtual std::vector<core::TaskUpdate> completed_task_journals() = 0;
  // Attachments of one document or task, oldest first; metadata only.
  virtual std::vector<core::Attachment> attachments(core::AttachmentOwner owner,
                                                    const std::string& code) = 0;
  virtual std::optional<core::Attachment> find_attachment(long long id) = 0;
  virtual std::optional<std::string> attachment_bytes(long long id) = 0;
  // Records whose text has every word of the query (core::search_terms; the
  // last word may be the start of a word, for search as you type), best
  // matches first. entity narrows to one kind. An empty query finds nothing.
  virtual std::vector<SearchHit> search(const std::string& query,
                                        std::optional<core::SearchEntity> entity, size_t limit) = 0;
  // The steps of one report (form × unit × period), oldest first.
  // The audit log oldest first, from the entry after after_id, with each
  // entry's chain hash: what verify_audit_chain walks.
  virtual std::vector<ChainedAuditEntry> audit_chain(long long after_id, size_t limit) = 0;
  virtual std::vector<SubmissionStepEntry> submission_steps(const std::string& form,
                                                            const std::string& unit,
                                                            const std::string& period) = 0;
  // Newest first.
  virtual std::vector<AuditEntry> audit(const AuditFilter& filter) = 0;

  // The user's notifications, newest first, a page of them; unread_only
  // leaves out those read.
  virtual std::vector<NotificationRecord> notifications(const std::string& username,
                                                        bool unread_only, size_t limit,
                                                        size_t offset) = 0;
  virtual NotificationCounts notification_counts(const std::string& username) = 0;
  // The keys (notification_key) of every notification created at or
  // after created_since: the reminder pass writes only what is new.
  virtual std::vector<std::string> notification_keys(const std::string& created_since) = 0;
  // Notifications waiting for their e-mail (pending) created at or after
  // created_since, oldest first.
  virtual std::vector<NotificationRecord> pending_emails(const std::string& created_since,
                                                         size_t limit) = 0;
};

enum class OpenMode {
  create_or_open,  // init, demo, import: creates the database when missing
  existing,        // everything else: a missing database is an error
};

// Opens the store at location (a file path for SQLite), applying pending
// migrations. Throws core::Error (unavailable, corrupt) with a clear message.
std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode);

}  // namespace mandate::store
