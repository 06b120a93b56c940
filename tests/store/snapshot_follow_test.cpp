// A server's snapshot follows the change feed instead of reloading the data
// set (service::SnapshotCache): value entries are applied to a copy that
// shares the untouched units' values, records and metadata markers reload the
// records only, and only a gap or a feed that went back reloads everything.
// On SQLite and (as the *.pg tests) on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "../support/raw_sql.hpp"
#include "../support/test_database.hpp"
#include "core/period.hpp"
#include "io/file.hpp"
#include "io/metadata_json.hpp"
#include "service/dataset_service.hpp"
#include "service/snapshot.hpp"
#include "store/backup.hpp"
#include "store/store.hpp"

namespace {

using namespace mandate;
using core::Value;
using core::ValueKind;

const store::ChangeContext kCtx{"test", "2026-01-01T00:00:00Z"};

auto cell_of(const Value& v) {
  return std::tie(v.indicator, v.unit, v.period, v.kind);
}

// Every value with everything it holds, in one order.
std::vector<Value> sorted(std::vector<Value> values) {
  std::sort(values.begin(), values.end(),
            [](const Value& a, const Value& b) { return cell_of(a) < cell_of(b); });
  return values;
}

bool same_values(const core::ValueTable& table, const std::vector<Value>& stored) {
  const auto a = sorted({table.begin(), table.end()}), b = sorted(stored);
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Value& x, const Value& y) {
    return cell_of(x) == cell_of(y) && x.value == y.value && x.comment == y.comment &&
           x.illustrative == y.illustrative;
  });
}

// What the engine holds for the cell.
std::optional<double> in_engine(const core::analytics::Engine& e, const Value& v) {
  const auto period = e.find_period_code(core::Period::parse(v.period));
  if (!period)
    return std::nullopt;
  return e.stored(e.indicator_id(v.indicator), e.unit_id(v.unit), *period, v.kind);
}

class SnapshotFollow : public ::testing::Test {
 protected:
  void SetUp() override {
    service::import_dataset(*store, io::read_metadata(io::read_file(MANDATE_DEMO_DATA)), kCtx);
  }

  // Commits change; returns the transaction's newest feed entry.
  long long write(const std::function<void(store::StoreTransaction&)>& change) {
    auto tx = store->begin(kCtx);
    change(*tx);
    tx->commit();
    return tx->feed_through();
  }

  test_support::TempDir dir;
  test_support::TestDatabase db{dir, "follow.db"};
  std::unique_ptr<store::Store> store =
      store::open_store(db.location(), store::OpenMode::create_or_open);
  std::shared_ptr<service::AnalyticsCache> analytics = std::make_shared<service::AnalyticsCache>();
  service::SnapshotCache cache{*store, analytics};
};

TEST_F(SnapshotFollow, ValueWritesAreAppliedWithoutReloading) {
  const auto first = cache.get();
  ASSERT_EQ(cache.whole_loads(), 1);
  ASSERT_EQ(analytics->builds(), 1);
  const Value* existing = first->values.find("BUDGET_REVENUE", "LS", "2020", ValueKind::official);
  ASSERT_NE(existing, nullptr);
  ASSERT_FALSE(first->values.of_unit("LS-VT").empty());

  Value changed = *existing;
  changed.value = 1234;
  const Value created{"BUDGET_REVENUE", "LS", "2019", ValueKind::estimate, 7, "Ước tính", true};
  const Value removed = first->values.of_unit("LS").front();
  ASSERT_FALSE(cell_of(removed) == cell_of(changed));
  write([&](store::StoreTransaction& tx) {
    tx.upsert(changed);
    tx.upsert(created);
    tx.delete_value(removed.indicator, removed.unit, removed.period, removed.kind);
  });

  const auto next = cache.get();
  EXPECT_NE(next, first);
  EXPECT_EQ(cache.whole_loads(), 1);
  EXPECT_EQ(analytics->builds(), 1);
  EXPECT_EQ(next->feed_position, store->feed_position());
  EXPECT_TRUE(same_values(next->values, store->load().values));
  const Value* found = next->values.find("BUDGET_REVENUE", "LS", "2019", ValueKind::estimate);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->comment, "Ước tính");  // the feed carries the whole cell
  EXPECT_TRUE(found->illustrative);
  EXPECT_EQ(next->values.size(), first->values.size());  // one created, one deleted
  // The rollups followed too.
  EXPECT_EQ(in_engine(*next->engine, changed), 1234);
  EXPECT_EQ(in_engine(*next->engine, created), 7);
  EXPECT_FALSE(in_engine(*next->engine, removed));
  // A unit nothing was written to shares its values with the snapshot before;
  // the records are shared whole.
  EXPECT_EQ(next->values.of_unit("LS-VT").data(), first->values.of_unit("LS-VT").data());
  EXPECT_NE(next->values.of_unit("LS").data(), first->values.of_unit("LS").data());
  EXPECT_EQ(next->records(), first->records());
  // The snapshot before is untouched: a reader holding it sees what it saw.
  EXPECT_EQ(first->values.find("BUDGET_REVENUE", "LS", "2020", ValueKind::official)->value,
            existing->value);
  EXPECT_EQ(first->values.find("BUDGET_REVENUE", "LS", "2019", ValueKind::estimate), nullptr);
}

TEST_F(SnapshotFollow, WritesOutsideTheDataKeepTheSnapshot) {
  const auto first = cache.get();
  store::UserRecord user;
  user.username = "an";
  user.display_name = "Nguyễn Văn An";
  user.unit = "LS";
  user.password_hash = "not-a-real-hash";
  write([&](store::StoreTransaction& tx) {
    tx.put_user(user);
    tx.put_session(
        {"hash", "an", "csrf", "127.0.0.1", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"});
  });
  // A new account and its sign-in are not a change of the data.
  EXPECT_EQ(cache.get(), first);
  EXPECT_EQ(cache.whole_loads(), 1);
}

TEST_F(SnapshotFollow, ARecordChangeReloadsTheRecordsAndKeepsTheValues) {
  const auto first = cache.get();
  core::Document doc = first->data.documents.at(0);
  doc.code = "DOC-NEW";
  doc.title = "Kế hoạch mới";
  const Value v{"BUDGET_REVENUE", "LS-VT", "2019", ValueKind::official, 3, "", false};
  write([&](store::StoreTransaction& tx) {
    tx.upsert(doc);
    tx.upsert(v);
  });
  const auto next = cache.get();
  EXPECT_EQ(cache.whole_loads(), 1);
  EXPECT_EQ(analytics->builds(), 1);  // documents are not what the rollups are built over
  EXPECT_NE(next->records(), first->records());
  EXPECT_EQ(next->data.documents.size(), first->data.documents.size() + 1);
  EXPECT_EQ(next->data.documents.back().code, "DOC-NEW");
  EXPECT_TRUE(next->data.values.empty());  // the values live in the table
  EXPECT_TRUE(same_values(next->values, store->load().values));
  EXPECT_EQ(next->values.of_unit("LS").data(), first->values.of_unit("LS").data());
}

TEST_F(SnapshotFollow, MetadataRebuildsTheRollupsOnlyWhenTheyDependOnIt) {
  const auto first = cache.get();
  core::Indicator renamed = first->data.indicators.at(0);
  renamed.name += " (sửa)";
  write([&](store::StoreTransaction& tx) { tx.upsert(renamed); });
  auto next = cache.get();
  EXPECT_EQ(next->data.indicators.at(0).name, renamed.name);
  EXPECT_EQ(analytics->builds(), 1);  // a name is not in the rollups

  core::Target target = first->data.targets.at(0);
  target.value += 1;
  write([&](store::StoreTransaction& tx) { tx.upsert(target); });
  next = cache.get();
  EXPECT_EQ(next->data.targets.at(0).value, target.value);
  EXPECT_EQ(analytics->builds(), 2);  // a target is
  EXPECT_EQ(cache.whole_loads(), 1);  // ... rebuilt from the values in memory
  EXPECT_EQ(next->engine->value_count(), first->engine->value_count());
}

// A write committed by this server is applied to the rollups at commit; the
// feed then brings it again with another server's write, and neither makes
// the engine rebuild. A commit reported after the feed has overtaken it
// changes nothing: the later write stays.
TEST_F(SnapshotFollow, OwnWritesAppliedAtCommitAndOthersFromTheFeed) {
  const auto first = cache.get();
  const Value own{"BUDGET_REVENUE", "LS", "2021", ValueKind::estimate, 1, "", false};
  const long long own_entry = write([&](store::StoreTransaction& tx) { tx.upsert(own); });
  EXPECT_EQ(own_entry, store->feed_position());
  service::committed(*first, std::array{service::CellWrite{own}}, own_entry);
  EXPECT_EQ(in_engine(*first->engine, own), 1);  // visible before the next look
  const Value others{"BUDGET_REVENUE", "LS", "2021", ValueKind::estimate, 2, "", false};
  write([&](store::StoreTransaction& tx) { tx.upsert(others); });
  const auto next = cache.get();
  EXPECT_EQ(analytics->builds(), 1);
  EXPECT_EQ(analytics->fed_through(), store->feed_position());
  EXPECT_EQ(in_engine(*next->engine, own), 2);  // the later write wins
  EXPECT_EQ(next->values.find(own.indicator, own.unit, own.period, own.kind)->value, 2);

  // The same commit reported late, as a slow request thread would.
  service::committed(*first, std::array{service::CellWrite{own}}, own_entry);
  EXPECT_EQ(in_engine(*next->engine, own), 2);
  // A transaction that wrote nothing to the feed says so.
  store::UserRecord user;
  user.username = "binh";
  user.unit = "LS";
  EXPECT_EQ(write([&](store::StoreTransaction& tx) { tx.put_user(user); }), 0);
}

TEST_F(SnapshotFollow, APrunedFeedOrARestoredDatabaseReloadsEverything) {
  const auto first = cache.get();
  for (int i = 1; i <= 5; ++i)
    write([&](store::StoreTransaction& tx) {
      tx.upsert(Value{"BUDGET_REVENUE", "LS", "2021", ValueKind::estimate, double(i), "", false});
    });
  write([](store::StoreTransaction& tx) { tx.prune_changes(2); });
  auto next = cache.get();  // behind the cut: what was dropped is read from the store
  EXPECT_EQ(cache.whole_loads(), 2);
  EXPECT_EQ(analytics->builds(), 2);
  EXPECT_TRUE(same_values(next->values, store->load().values));
  EXPECT_EQ(next->feed_position, store->feed_position());

  // The feed going back means another database (a restore): everything again.
  test_support::exec_sql(db, "DELETE FROM changes");
  test_support::exec_sql(db, test_support::on_postgresql()
                                 ? "ALTER SEQUENCE changes_id_seq RESTART WITH 1"
                                 : "UPDATE sqlite_sequence SET seq = 0 WHERE name = 'changes'");
  write([](store::StoreTransaction& tx) {
    tx.delete_value("BUDGET_REVENUE", "LS", "2021", ValueKind::estimate);
  });
  ASSERT_LT(store->feed_position(), next->feed_position);
  next = cache.get();
  EXPECT_EQ(cache.whole_loads(), 3);
  EXPECT_TRUE(same_values(next->values, store->load().values));
  EXPECT_EQ(next->values.find("BUDGET_REVENUE", "LS", "2021", ValueKind::estimate), nullptr);
}

// `mandate restore` into the file a server runs on: whatever the feed ids
// of the backup and the writes after it, the server reloads the restored data.
TEST_F(SnapshotFollow, ARestoredBackupIsReloadedEvenWhenTheFeedMovesOnPastIt) {
  if (test_support::on_postgresql())
    GTEST_SKIP() << "PostgreSQL is restored with pg_restore (docs/operations.md)";
  const std::string copy = dir.file("backup.db");
  store::backup(db.location(), copy);
  for (int i = 1; i <= 3; ++i)
    write([&](store::StoreTransaction& tx) {
      tx.upsert(Value{"BUDGET_REVENUE", "LS", "2021", ValueKind::estimate, double(i), "", false});
    });
  const auto before = cache.get();
  store::restore(copy, db.location());
  // Another process writes more than the backup's feed held since.
  for (int i = 1; i <= 5; ++i)
    write([&](store::StoreTransaction& tx) {
      tx.upsert(Value{"NEW_JOBS", "LS-VT", "2019", ValueKind::official, double(i), "", false});
    });
  ASSERT_GT(store->feed_position(), before->feed_position);
  const auto after = cache.get();
  EXPECT_EQ(cache.whole_loads(), 2);
  EXPECT_TRUE(same_values(after->values, store->load().values));
  EXPECT_EQ(after->values.find("BUDGET_REVENUE", "LS", "2021", ValueKind::estimate)->value,
            430e9);  // the backup's, not the write after it
}

}  // namespace
