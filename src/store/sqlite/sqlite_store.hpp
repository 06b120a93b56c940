#pragma once
// The embedded store: one SQLite file in WAL mode, foreign keys on, every
// write in a transaction, synchronous=FULL so an acknowledged write survives
// a power cut. Safe to use from several threads: each call borrows a
// connection from a small pool (WAL lets readers run beside one writer).
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace mandate::store::sqlite {

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, OpenMode mode);

  std::unique_ptr<StoreTransaction> begin(const ChangeContext& context) override;
  core::Dataset load() override;
  std::vector<ValueChange> value_history(const std::string& indicator, const std::string& unit,
                                         const std::string& period) override;
  int schema_version() override;
  long long data_version() override;
  std::optional<UserRecord> find_user(const std::string& username) override;
  std::vector<UserRecord> users() override;
  std::optional<SessionRecord> find_session(const std::string& id_hash) override;
  std::optional<ApiTokenRecord> find_token(const std::string& token_hash) override;
  std::vector<AuditEntry> audit(const AuditFilter& filter) override;
  std::vector<core::TaskUpdate> task_updates(const std::string& task) override;
  std::vector<core::Attachment> attachments(core::AttachmentOwner owner,
                                            const std::string& code) override;
  std::optional<core::Attachment> find_attachment(long long id) override;
  std::optional<std::string> attachment_bytes(long long id) override;
  std::vector<SearchHit> search(const std::string& query, std::optional<core::SearchEntity> entity,
                                size_t limit) override;

  // A borrowed connection, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(SqliteStore& owner, std::unique_ptr<Connection> conn)
        : owner_(&owner), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }
    SqliteStore& owner() const { return *owner_; }

   private:
    SqliteStore* owner_;
    std::unique_ptr<Connection> conn_;
  };
  Lease acquire();
  // Called after a transaction of this store commits.
  void committed() { local_commits_.fetch_add(1, std::memory_order_release); }

 private:
  std::unique_ptr<Connection> open_connection(int flags) const;

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
  // PRAGMA data_version only sees other connections' commits, so one
  // connection is kept aside to ask it; writes go through the others. Every
  // request asks, so the statement stays prepared, and the pragma (a read
  // transaction with its file locks) runs at most once per kVersionRecheck
  // unless this process has committed since: our own writes show at once,
  // another process's within that interval.
  static constexpr std::chrono::microseconds kVersionRecheck{1000};
  std::mutex version_mutex_;
  std::unique_ptr<Connection> version_conn_;
  std::optional<Statement> version_statement_;
  std::atomic<long long> local_commits_ = 0;
  long long checked_local_commits_ = -1;
  std::chrono::steady_clock::time_point checked_at_;
  long long last_pragma_version_ = -1;
  long long data_version_ = 0;
};

}  // namespace mandate::store::sqlite
