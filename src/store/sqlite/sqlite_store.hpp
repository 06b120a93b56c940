#pragma once
// The embedded store: one SQLite file in WAL mode, foreign keys on, every
// write in a transaction (BEGIN IMMEDIATE: writers queue for the one write
// lock), synchronous=FULL so an acknowledged write survives a power cut.
// Safe to use from several threads: each call borrows a connection from a
// small pool (WAL lets readers run beside one writer).
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "store/sql/sql_store.hpp"
#include "store/sqlite/connection.hpp"

namespace mandate::store::sqlite {

// What the shared SQL store needs to know of SQLite.
struct SqliteBackend {
  using Connection = sqlite::Connection;
  using Statement = sqlite::Statement;
  using Transaction = sqlite::Transaction;
  static constexpr const char* begin_read = "BEGIN";
  static constexpr const char* create_migrations_table =
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL"
      " DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))";
  static void begin_write(Connection&) {}  // BEGIN IMMEDIATE took the write lock
  // Followers on the same file see the commit through PRAGMA data_version.
  static void announce_changes(Connection&) {}
  static void index(Connection& c, core::SearchEntity entity, const std::string& code,
                    const std::string& folded_text);
  static void unindex(Connection& c, core::SearchEntity entity, const std::string& code);
};

class SqliteStore final : public sql::SqlStore<SqliteBackend> {
 public:
  SqliteStore(const std::string& path, OpenMode mode);

  int schema_version() override;
  long long data_version() override;
  std::vector<SearchHit> search(const std::string& query, std::optional<core::SearchEntity> entity,
                                size_t limit) override;

 private:
  std::unique_ptr<Connection> open_connection(int flags) const;

  std::string path_;
  // PRAGMA data_version only sees other connections' commits, so one
  // connection is kept aside to ask it; writes go through the others. Every
  // request asks, so the statement stays prepared, and the pragma (a read
  // transaction with its file locks) runs at most once per kVersionRecheck
  // unless this store has committed since: our own writes show at once,
  // another process's within that interval.
  static constexpr std::chrono::microseconds kVersionRecheck{1000};
  std::mutex version_mutex_;
  std::unique_ptr<Connection> version_conn_;
  std::optional<Statement> version_statement_;
  long long checked_commits_ = -1;
  std::chrono::steady_clock::time_point checked_at_;
  long long last_pragma_version_ = -1;
  long long data_version_ = 0;
};

}  // namespace mandate::store::sqlite
