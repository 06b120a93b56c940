// The audit log's hash chain: entries written by the store chain to each
// other; an entry altered or removed behind the store's back is caught at
// that entry (or the next); the entries of a database older than the chain
// are chained by the migration that adds it. SQLite and PostgreSQL (.pg).
#include "store/audit_chain.hpp"

#include <gtest/gtest.h>

#include "../support/raw_sql.hpp"
#include "../support/test_database.hpp"

namespace {

using namespace mandate;

class AuditChain : public ::testing::Test {
 protected:
  void SetUp() override {
    store = store::open_store(db.location(), store::OpenMode::create_or_open);
    for (int i = 1; i <= 5; ++i) {
      auto tx = store->begin({"test", "2026-01-01T00:00:00Z"});
      store::AuditEntry e;
      e.at = "2026-01-0" + std::to_string(i) + "T00:00:00Z";
      e.actor = "admin";
      e.address = "10.0.0.1";
      e.action = "update";
      e.entity = "value";
      e.entity_key = "NEW_JOBS/LS/2021/official";
      e.before_json = i == 1 ? std::nullopt : std::optional<std::string>(std::to_string(i - 1));
      e.after_json = std::to_string(i);
      tx->append_audit(e);
      tx->commit();
    }
  }

  store::AuditVerification verify() {
    // A fresh connection: what `mandate audit verify` sees.
    auto again = store::open_store(db.location(), store::OpenMode::existing);
    return store::verify_audit_chain(*again);
  }

  test_support::TempDir dir;
  test_support::TestDatabase db{dir, "audit.db"};
  std::unique_ptr<store::Store> store;
};

TEST_F(AuditChain, EntriesWrittenByTheStoreChain) {
  const auto v = verify();
  EXPECT_EQ(v.entries, 5);
  EXPECT_FALSE(v.broken_at);
  EXPECT_EQ(v.head.size(), 64u);
  // The head moves with every entry.
  auto tx = store->begin({"test", "2026-01-06T00:00:00Z"});
  tx->append_audit({0, "2026-01-06T00:00:00Z", "admin", "", "login", "session", "admin",
                    std::nullopt, std::nullopt});
  tx->commit();
  const auto after = verify();
  EXPECT_EQ(after.entries, 6);
  EXPECT_NE(after.head, v.head);
}

// Many entries at once (a large import) go in batches of rows: still chained
// in their order, across the batches.
TEST_F(AuditChain, ManyEntriesAppendedAtOnceChainInOrder) {
  std::vector<store::AuditEntry> entries;
  for (int i = 0; i < 600; ++i)
    entries.push_back({0, "2026-01-06T00:00:00Z", "admin", "", "create", "value",
                       "NEW_JOBS/LS/" + std::to_string(1000 + i) + "/official", std::nullopt,
                       std::to_string(i)});
  auto tx = store->begin({"test", "2026-01-06T00:00:00Z"});
  tx->append_audits(entries);
  tx->commit();
  const auto v = verify();
  EXPECT_EQ(v.entries, 605);
  EXPECT_FALSE(v.broken_at);
  const auto chain = store->audit_chain(5, 1000);
  ASSERT_EQ(chain.size(), 600u);
  for (size_t i = 0; i < chain.size(); ++i)
    EXPECT_EQ(chain[i].entry.after_json, std::to_string(i));
}

TEST_F(AuditChain, AnAlteredEntryIsCaughtWhereItIs) {
  test_support::exec_sql(db, "UPDATE audit_log SET after_json = '99' WHERE id = 3");
  const auto v = verify();
  ASSERT_TRUE(v.broken_at);
  EXPECT_EQ(*v.broken_at, 3);
  EXPECT_EQ(v.entries, 3);
}

TEST_F(AuditChain, ARemovedEntryIsCaughtAtTheNext) {
  test_support::exec_sql(db, "DELETE FROM audit_log WHERE id = 2");
  const auto v = verify();
  ASSERT_TRUE(v.broken_at);
  EXPECT_EQ(*v.broken_at, 3);
}

TEST_F(AuditChain, AnAlteredHashIsCaught) {
  test_support::exec_sql(db, "UPDATE audit_log SET hash = 'x' WHERE id = 5");
  const auto v = verify();
  ASSERT_TRUE(v.broken_at);
  EXPECT_EQ(*v.broken_at, 5);
}

TEST_F(AuditChain, TheMigrationChainsTheEntriesWrittenBeforeIt) {
  // The database as the release before the chain left it: no hash column.
  store.reset();
  test_support::exec_sql(db, "ALTER TABLE audit_log DROP COLUMN hash");
  test_support::exec_sql(db, "DELETE FROM schema_migrations WHERE version >= 8");
  const auto v = verify();  // opening migrates
  EXPECT_EQ(v.entries, 5);
  EXPECT_FALSE(v.broken_at);
}

}  // namespace
