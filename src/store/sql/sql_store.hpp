#pragma once
// The part of the Store interface that every SQL database answers with the
// same statements: writes (SqlTransaction), the whole data set, histories,
// accounts, journals and files. A backend (SQLite, PostgreSQL) derives from
// SqlStore<Backend> and adds what differs: opening, migrations, the data
// version and search. Definitions in sql_store_impl.hpp, instantiated once
// per backend.
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/sql/connection_pool.hpp"
#include "store/store.hpp"

namespace mandate::store::sql {

template <typename Backend>
class SqlStore : public Store {
 public:
  using Connection = typename Backend::Connection;
  using Pool = ConnectionPool<Connection>;

  std::unique_ptr<StoreTransaction> begin(const ChangeContext& context) override;
  using Store::load;
  core::Dataset load_data(long long& feed_position, bool with_values) override;
  std::vector<ValueChange> value_history(const std::string& indicator, const std::string& unit,
                                         const std::string& period) override;
  std::optional<UserRecord> find_user(const std::string& username) override;
  std::vector<UserRecord> users() override;
  std::optional<SessionRecord> find_session(const std::string& id_hash) override;
  std::optional<ApiTokenRecord> find_token(const std::string& token_hash) override;
  std::vector<AuditEntry> audit(const AuditFilter& filter) override;
  std::vector<ChainedAuditEntry> audit_chain(long long after_id, size_t limit) override;
  std::vector<SubmissionStepEntry> submission_steps(const std::string& form,
                                                    const std::string& unit,
                                                    const std::string& period) override;
  std::vector<core::TaskUpdate> task_updates(const std::string& task) override;
  std::vector<core::TaskUpdate> completed_task_journals() override;
  std::vector<core::Attachment> attachments(core::AttachmentOwner owner,
                                            const std::string& code) override;
  std::optional<core::Attachment> find_attachment(long long id) override;
  std::vector<FeedChange> changes_after(long long after, std::size_t limit) override;
  long long feed_position() override;
  std::optional<std::string> attachment_bytes(long long id) override;
  std::vector<NotificationRecord> notifications(const std::string& username, bool unread_only,
                                                size_t limit, size_t offset) override;
  NotificationCounts notification_counts(const std::string& username) override;
  std::vector<std::string> notification_keys(const std::string& created_since) override;
  std::vector<NotificationRecord> pending_emails(const std::string& created_since,
                                                 size_t limit) override;

 protected:
  explicit SqlStore(typename Pool::Open open) : pool_(std::move(open)) {}
  Pool pool_;
  // Transactions of this store committed so far: a backend's data_version()
  // can tell our own writes from others' without asking the database.
  std::atomic<long long> commits_ = 0;
};

}  // namespace mandate::store::sql
