#pragma once
// The server store: one PostgreSQL database shared by any number of
// application servers and command-line runs. Each call borrows a connection
// from a small pool. A write is a READ COMMITTED transaction that first bumps
// the single data_version row: its row lock queues writers one at a time (as
// SQLite's write lock does, so a write's checks see exactly what it changes)
// and the new number, once committed, tells every process that data changed.
// Reads of the whole data set run in one REPEATABLE READ snapshot.
#include <memory>
#include <string>

#include "store/postgresql/connection.hpp"
#include "store/sql/sql_store.hpp"

namespace mandate::store::postgresql {

// What the shared SQL store needs to know of PostgreSQL.
struct PostgresBackend {
  using Connection = postgresql::Connection;
  using Statement = postgresql::Statement;
  using Transaction = postgresql::Transaction;
  static constexpr const char* begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  static constexpr const char* create_migrations_table =
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL"
      " DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))";
  static void begin_write(Connection& c);
  // NOTIFY on kChangesChannel, delivered to the listeners at commit.
  static void announce_changes(Connection& c);
  static void index(Connection& c, core::SearchEntity entity, const std::string& code,
                    const std::string& folded_text);
  static void unindex(Connection& c, core::SearchEntity entity, const std::string& code);
};

// The channel the change feed is announced on (LISTEN mandate_changes).
inline constexpr const char* kChangesChannel = "mandate_changes";

// True for the locations this store opens: postgresql://… and postgres://….
bool is_postgresql_location(const std::string& location);

class PostgresStore final : public sql::SqlStore<PostgresBackend> {
 public:
  // create_or_open creates the database when the server has none of that
  // name (connecting to its "postgres" database to do so).
  PostgresStore(const std::string& location, OpenMode mode);

  int schema_version() override;
  long long data_version() override;
  std::vector<SearchHit> search(const std::string& query, std::optional<core::SearchEntity> entity,
                                size_t limit) override;

 private:
  std::string location_;
};

}  // namespace mandate::store::postgresql
