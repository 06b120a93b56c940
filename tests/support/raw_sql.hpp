#pragma once
// Runs SQL on a test database behind the store's back: what an intruder with
// the database file or a database login could do.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "test_database.hpp"

namespace mandate::test_support {

inline void exec_sql(const TestDatabase& db, const std::string& sql) {
  if (on_postgresql()) {
    ASSERT_TRUE(psql(db.name(), sql)) << sql;
    return;
  }
  sqlite3* conn = nullptr;
  ASSERT_EQ(sqlite3_open(db.location().c_str(), &conn), SQLITE_OK);
  const int rc = sqlite3_exec(conn, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(conn);
  ASSERT_EQ(rc, SQLITE_OK) << sql;
}

}  // namespace mandate::test_support
