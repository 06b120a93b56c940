// The SQLite store: migrations, round-trips, change detection, history, and
// that a failed write leaves nothing behind.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "../support/temp_dir.hpp"
#include "core/error.hpp"
#include "io/metadata_json.hpp"
#include "service/dataset_service.hpp"
#include "store/store.hpp"

namespace {

using namespace mandate;

core::Dataset demo_data() {
  std::ifstream in(MANDATE_DEMO_DATA);
  std::stringstream ss;
  ss << in.rdbuf();
  return io::read_metadata(ss.str());
}

const store::ChangeContext kCtx{"test", "2026-01-01T00:00:00Z"};

class SqliteStoreTest : public ::testing::Test {
 protected:
  test_support::TempDir dir;
  std::string path = dir.file("t.db");
};

TEST_F(SqliteStoreTest, MigratesFromEmpty) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  EXPECT_EQ(s->schema_version(), 3);
  EXPECT_TRUE(s->load().units.empty());
  // Opening again applies nothing new.
  auto again = store::open_store(path, store::OpenMode::existing);
  EXPECT_EQ(again->schema_version(), 3);
}

TEST_F(SqliteStoreTest, ExistingModeRefusesMissingFile) {
  try {
    store::open_store(path, store::OpenMode::existing);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "store.missing");
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(SqliteStoreTest, RefusesNewerSchema) {
  store::open_store(path, store::OpenMode::create_or_open);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_migrations(version, name) VALUES(99, 'future')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  try {
    store::open_store(path, store::OpenMode::existing);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "store.newer_schema");
  }
}

TEST_F(SqliteStoreTest, NotADatabaseIsCorrupt) {
  std::ofstream(path) << std::string(4096, 'x');
  try {
    store::open_store(path, store::OpenMode::existing);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.category(), core::ErrorCategory::corrupt);
  }
}

TEST_F(SqliteStoreTest, DemoRoundTripsExactly) {
  const core::Dataset data = demo_data();
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  const auto first = service::import_dataset(*s, data, kCtx);
  EXPECT_EQ(first.changed, first.records);
  // What comes back writes out to the same document as what went in.
  core::Dataset loaded = s->load();
  loaded.note = data.note;  // the note belongs to the file, not the database
  EXPECT_EQ(io::write_metadata(loaded), io::write_metadata(data));
  // Loading again changes nothing.
  EXPECT_EQ(service::import_dataset(*s, data, kCtx).changed, 0u);
}

TEST_F(SqliteStoreTest, UncommittedTransactionLeavesNothing) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  {
    auto tx = s->begin(kCtx);
    core::Unit u;
    u.code = "X";
    u.name = "Xã X";
    u.type = core::UnitType::commune;
    EXPECT_TRUE(tx->upsert(u));
    // Destroyed without commit: rolled back.
  }
  EXPECT_TRUE(s->load().units.empty());
}

TEST_F(SqliteStoreTest, FailedImportLeavesNothing) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  core::Dataset data = demo_data();
  data.values.back().unit = "NOWHERE";
  EXPECT_THROW(service::import_dataset(*s, data, kCtx), core::Error);
  EXPECT_TRUE(s->load().units.empty());
}

TEST_F(SqliteStoreTest, FailureInsideTransactionRollsBackEarlierWrites) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  service::import_dataset(*s, demo_data(), kCtx);
  const std::string before = io::write_metadata(s->load());
  {
    auto tx = s->begin(kCtx);
    core::Value v{"BUDGET_REVENUE", "LS", "2021", core::ValueKind::estimate, 1.0, "", false};
    EXPECT_TRUE(tx->upsert(v));
    core::Value bad{"BUDGET_REVENUE", "NOWHERE", "2021", core::ValueKind::estimate, 2.0, "", false};
    EXPECT_THROW(tx->upsert(bad), core::Error);
  }
  EXPECT_EQ(io::write_metadata(s->load()), before);
}

TEST_F(SqliteStoreTest, ValueHistoryRecordsEveryChange) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  service::import_dataset(*s, demo_data(), kCtx);
  for (double x : {1.0, 1.0, 2.0}) {
    auto tx = s->begin({"alice", "2026-02-01T00:00:00Z"});
    tx->upsert(
        core::Value{"BUDGET_REVENUE", "LS", "2021", core::ValueKind::estimate, x, "", false});
    tx->commit();
  }
  auto h = s->value_history("BUDGET_REVENUE", "LS", "2021");
  ASSERT_EQ(h.size(),
            3u);  // created by the demo, then 430 tỷ -> 1, then 1 -> 2 (1 -> 1 is no change)
  EXPECT_FALSE(h[0].old_value.has_value());
  EXPECT_EQ(h[1].old_value, 430e9);
  EXPECT_EQ(h[1].new_value, 1.0);
  EXPECT_EQ(h[2].new_value, 2.0);
  EXPECT_EQ(h[2].actor, "alice");
}

TEST_F(SqliteStoreTest, UpsertReportsChangeOnlyWhenSomethingDiffers) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  core::Field f{"economy", "Kinh tế"};
  auto tx = s->begin(kCtx);
  EXPECT_TRUE(tx->upsert(f));
  EXPECT_FALSE(tx->upsert(f));
  f.name = "Kinh tế – xã hội";
  EXPECT_TRUE(tx->upsert(f));
  tx->commit();
  EXPECT_EQ(s->load().fields.at(0).name, "Kinh tế – xã hội");
}

TEST_F(SqliteStoreTest, DataSurvivesReopen) {
  {
    auto s = store::open_store(path, store::OpenMode::create_or_open);
    service::import_dataset(*s, demo_data(), kCtx);
  }
  auto s = store::open_store(path, store::OpenMode::existing);
  EXPECT_EQ(s->load().documents.size(), demo_data().documents.size());
}

}  // namespace

namespace {

std::vector<std::string> found(store::Store& s, const std::string& q,
                               std::optional<core::SearchEntity> entity = std::nullopt) {
  std::vector<std::string> codes;
  for (const auto& hit : s.search(q, entity, 1000))
    codes.push_back(hit.code);
  return codes;
}

TEST_F(SqliteStoreTest, SearchIgnoresCaseAndDiacriticsAndFollowsEveryWrite) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  service::import_dataset(*s, demo_data(), kCtx);
  const auto quan_triet = found(*s, "QUAN triet", core::SearchEntity::document);
  EXPECT_NE(std::find(quan_triet.begin(), quan_triet.end(), "VT-KH-2021-01"), quan_triet.end());
  EXPECT_FALSE(found(*s, "dang bo").empty());  // "Đảng bộ": đ is d
  EXPECT_TRUE(found(*s, "").empty());
  EXPECT_TRUE(found(*s, "\"*:(").empty());  // FTS5 syntax in the query is only text

  core::Document d = s->load().documents.front();
  d.title = "Kế hoạch chuyển đổi số";
  {
    auto tx = s->begin(kCtx);
    tx->upsert(d);
    tx->commit();
  }
  EXPECT_EQ(found(*s, "chuyen doi"), std::vector<std::string>{d.code});
  {
    auto tx = s->begin(kCtx);
    tx->delete_record(store::RecordTable::document, d.code);
    // Not committed: rolled back, the index with it.
  }
  EXPECT_EQ(found(*s, "chuyen doi"), std::vector<std::string>{d.code});
}

TEST_F(SqliteStoreTest, SearchIndexIsRebuiltWhenItsFoldingChanged) {
  {
    auto s = store::open_store(path, store::OpenMode::create_or_open);
    service::import_dataset(*s, demo_data(), kCtx);
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM search_index; UPDATE search_index_state SET version = 0",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto s = store::open_store(path, store::OpenMode::existing);
  EXPECT_FALSE(found(*s, "quan triet").empty());
}

// Caches key on data_version: our own commits must move it at once, another
// process's within the store's recheck interval, and a rollback never.
TEST_F(SqliteStoreTest, DataVersionMovesWithEveryCommitAndOnlyThen) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  auto write_unit = [](store::Store& st, const std::string& code, bool commit) {
    auto tx = st.begin(kCtx);
    core::Unit u;
    u.code = code;
    u.name = "Xã " + code;
    u.type = core::UnitType::commune;
    tx->upsert(u);
    if (commit)
      tx->commit();
  };
  const long long v0 = s->data_version();
  EXPECT_EQ(s->data_version(), v0);

  write_unit(*s, "A", true);
  const long long v1 = s->data_version();  // no pause: our own write shows at once
  EXPECT_NE(v1, v0);

  write_unit(*s, "B", false);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_EQ(s->data_version(), v1);

  auto other = store::open_store(path, store::OpenMode::existing);  // as another process would
  write_unit(*other, "C", true);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_NE(s->data_version(), v1);
}

}  // namespace
