#include "store/sqlite/sqlite_store.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "core/error.hpp"
#include "store/sql/migrator.hpp"
#include "store/sql/search_rebuild.hpp"
#include "store/sql/sql_store_impl.hpp"
#include "store/sqlite/search_index.hpp"

namespace mandate::store {
extern const std::vector<EmbeddedFile> kSqliteMigrations;
}

namespace mandate::store::sql {
template class SqlStore<sqlite::SqliteBackend>;
}

namespace mandate::store::sqlite {

using core::Error;
using core::ErrorCategory;

void SqliteBackend::index(Connection& c, core::SearchEntity entity, const std::string& code,
                          const std::string& folded_text) {
  search_index::put(c, entity, code, folded_text);
}

void SqliteBackend::unindex(Connection& c, core::SearchEntity entity, const std::string& code) {
  search_index::remove(c, entity, code);
}

SqliteStore::SqliteStore(const std::string& path, OpenMode mode)
    : SqlStore([this] { return open_connection(0); }), path_(path) {
  if (mode == OpenMode::existing && !std::filesystem::exists(path))
    throw Error(ErrorCategory::not_found, "store.missing", {path});
  auto conn = open_connection(mode == OpenMode::create_or_open ? SQLITE_OPEN_CREATE : 0);
  if (mode == OpenMode::existing) {
    auto q = conn->prepare(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    if (!q.step() || q.integer(0) == 0)
      throw Error(ErrorCategory::not_found, "store.not_initialised", {path});
  }
  sql::migrate<SqliteBackend>(*conn, kSqliteMigrations);
  const bool index_stale = sql::search_index_stale(*conn);
  pool_.give_back(std::move(conn));
  if (index_stale) {
    const core::Dataset d = load();
    auto lease = pool_.acquire();
    Transaction tx(*lease);
    sql::rebuild_search_index<SqliteBackend>(*lease, d);
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

long long SqliteStore::data_version() {
  std::lock_guard lock(version_mutex_);
  const auto now = std::chrono::steady_clock::now();
  const long long commits = commits_.load(std::memory_order_acquire);
  if (commits == checked_commits_ && now - checked_at_ < kVersionRecheck)
    return data_version_;
  checked_commits_ = commits;
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
  return sql::schema_version(*pool_.acquire());
}

std::vector<SearchHit> SqliteStore::search(const std::string& query,
                                           std::optional<core::SearchEntity> entity, size_t limit) {
  return search_index::find(*pool_.acquire(), query, entity, limit);
}

}  // namespace mandate::store::sqlite
