#include "store/backup.hpp"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/error.hpp"
#include "store/postgresql/postgres_store.hpp"
#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace mandate::store {
namespace {

using core::Error;
using core::ErrorCategory;

void refuse_postgresql(const std::string& location) {
  if (postgresql::is_postgresql_location(location))
    throw Error(ErrorCategory::invalid_input, "backup.postgresql",
                {postgresql::redacted(location)});
}

// Copies every page of from into to, retrying while a writer holds a lock
// (each retry starts over, so the copy is always of one committed state).
// The newest change-feed id a database has handed out (0 for a new file).
long long newest_feed_id(sqlite::Connection& c) {
  auto exists = c.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'");
  if (!exists.step())
    return 0;
  auto q = c.prepare("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'changes'");
  return q.step() ? q.integer(0) : 0;
}

void copy_pages(sqlite::Connection& from, sqlite::Connection& to) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (;;) {
    sqlite3_backup* b = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!b)
      to.fail(sqlite3_errcode(to.handle()));
    const int step = sqlite3_backup_step(b, -1);
    const int rc = sqlite3_backup_finish(b);
    if (step == SQLITE_DONE && rc == SQLITE_OK)
      return;
    const int why = step == SQLITE_DONE ? rc : step;
    if ((why & 0xff) != SQLITE_BUSY && (why & 0xff) != SQLITE_LOCKED)
      to.fail(why);
    if (std::chrono::steady_clock::now() >= until)
      to.fail(why);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void require_mandate_database(sqlite::Connection& c) {
  auto q = c.prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!q.step() || q.integer(0) == 0)
    throw Error(ErrorCategory::corrupt, "backup.not_mandate", {c.path()});
}

}  // namespace

void backup(const std::string& location, const std::string& out) {
  refuse_postgresql(location);
  if (!std::filesystem::exists(location))
    throw Error(ErrorCategory::not_found, "store.missing", {location});
  if (std::filesystem::exists(out))
    throw Error(ErrorCategory::conflict, "backup.exists", {out});
  sqlite::Connection from(location, SQLITE_OPEN_READONLY);
  from.exec("PRAGMA busy_timeout = 5000");
  require_mandate_database(from);
  // Written beside the final name and renamed: a backup file is whole or absent.
  const std::string partial = out + ".partial";
  try {
    {
      sqlite::Connection to(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      copy_pages(from, to);
    }
    std::filesystem::rename(partial, out);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
}

void restore(const std::string& backup_file, const std::string& location) {
  long long replaced_feed = 0;  // the newest feed entry of the database replaced
  refuse_postgresql(location);
  if (!std::filesystem::exists(backup_file))
    throw Error(ErrorCategory::not_found, "backup.missing", {backup_file});
  {
    sqlite::Connection from(backup_file, SQLITE_OPEN_READONLY);
    // The first read: a file that is not a database fails here, as corrupt.
    require_mandate_database(from);
    sqlite::Connection to(location, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    to.exec("PRAGMA busy_timeout = 5000");
    replaced_feed = newest_feed_id(to);
    copy_pages(from, to);
  }
  open_store(location, OpenMode::existing);  // an older backup is brought up to date
  // Running servers follow the change feed from where they were in the file
  // before: a gap marker past all of it makes them reload the restored data.
  sqlite::Connection c(location, SQLITE_OPEN_READWRITE);
  c.exec("PRAGMA busy_timeout = 5000");
  auto gap = c.prepare(
      "INSERT INTO changes(id, kind) VALUES(MAX(?, (SELECT COALESCE(MAX(id), 0) FROM changes),"
      " COALESCE((SELECT MAX(seq) FROM sqlite_sequence WHERE name = 'changes'), 0)) + 1, 'gap')");
  gap.bind(1, replaced_feed).run();
}

}  // namespace mandate::store
