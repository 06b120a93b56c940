// The store, on SQLite and (as the *.pg tests) on PostgreSQL: migrations,
// round-trips, change detection, history, search, and that a failed write
// leaves nothing behind. SqliteFile tests are about the file itself.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "../support/test_database.hpp"
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

class StoreTest : public ::testing::Test {
 protected:
  // Runs SQL on the test's database behind the store's back.
  void exec_sql(const std::string& sql) {
    if (test_support::on_postgresql()) {
      ASSERT_TRUE(test_support::psql(db.name(), sql)) << sql;
      return;
    }
    sqlite3* conn = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &conn), SQLITE_OK);
    const int rc = sqlite3_exec(conn, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(conn);
    ASSERT_EQ(rc, SQLITE_OK) << sql;
  }

  test_support::TempDir dir;
  test_support::TestDatabase db{dir, "t.db"};
  std::string path = db.location();
};

class SqliteFile : public StoreTest {};

TEST_F(StoreTest, MigratesFromEmpty) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  EXPECT_EQ(s->schema_version(), 10);
  EXPECT_TRUE(s->load().units.empty());
  // Opening again applies nothing new.
  auto again = store::open_store(path, store::OpenMode::existing);
  EXPECT_EQ(again->schema_version(), 10);
}

TEST_F(StoreTest, ExistingModeRefusesMissingDatabase) {
  try {
    store::open_store(path, store::OpenMode::existing);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "store.missing");
  }
  if (!test_support::on_postgresql()) {
    EXPECT_FALSE(std::filesystem::exists(path));
  }
}

TEST_F(StoreTest, RefusesNewerSchema) {
  store::open_store(path, store::OpenMode::create_or_open);
  exec_sql("INSERT INTO schema_migrations(version, name) VALUES(99, 'future')");
  try {
    store::open_store(path, store::OpenMode::existing);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "store.newer_schema");
  }
}

TEST_F(SqliteFile, NotADatabaseIsCorrupt) {
  std::ofstream(path) << std::string(4096, 'x');
  try {
    store::open_store(path, store::OpenMode::existing);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.category(), core::ErrorCategory::corrupt);
  }
}

TEST_F(StoreTest, DemoRoundTripsExactly) {
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

TEST_F(StoreTest, ValuesLoadInTheOrderTheyWereFirstWritten) {
  const core::Dataset data = demo_data();
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  service::import_dataset(*s, data, kCtx);
  // Changing the first value moves its row on PostgreSQL's disk, not its place.
  core::Value changed = data.values.front();
  changed.value += 1;
  {
    auto tx = s->begin(kCtx);
    ASSERT_TRUE(tx->upsert(changed));
    tx->commit();
  }
  const core::Dataset loaded = s->load();
  ASSERT_EQ(loaded.values.size(), data.values.size());
  EXPECT_EQ(loaded.values.front().value, changed.value);
  for (std::size_t k = 1; k < data.values.size(); ++k)
    ASSERT_EQ(loaded.values[k].period + loaded.values[k].unit + loaded.values[k].indicator,
              data.values[k].period + data.values[k].unit + data.values[k].indicator)
        << k;
}

TEST_F(StoreTest, LoadingReadsEveryValueAcrossItsPages) {
  // Values over several pages of the load (25,000 rowids each), written
  // behind the store's back in one statement (fast on both databases), with
  // a gap of deleted rows wider than a page: an empty page in the middle.
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  service::import_dataset(*s, demo_data(), kCtx);
  const std::size_t before = s->load().values.size();
  constexpr int kExtra = 100'050;
  exec_sql("WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < " +
           std::to_string(kExtra - 1) +
           ") INSERT INTO data_values (indicator_id, unit_id, period, kind, value, updated_by,"
           " updated_at) SELECT (SELECT min(id) FROM indicators), (SELECT min(id) FROM units),"
           " 'P' || k, 'official', k, 'test', '2026-01-01T00:00:00Z' FROM n");
  exec_sql("DELETE FROM data_values WHERE period LIKE 'P%' AND value >= 30000 AND value < 60000");
  const core::Dataset loaded = s->load();
  ASSERT_EQ(loaded.values.size(), before + kExtra - 30'000);
  auto expect_at = [&](std::size_t place, int k) {
    const core::Value& v = loaded.values[before + place];
    EXPECT_EQ(v.period, "P" + std::to_string(k));
    EXPECT_EQ(v.value, double(k));
  };
  expect_at(0, 0);
  expect_at(29'999, 29'999);
  expect_at(30'000, 60'000);
  expect_at(kExtra - 30'001, kExtra - 1);
}

TEST_F(StoreTest, UncommittedTransactionLeavesNothing) {
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

TEST_F(StoreTest, FailedImportLeavesNothing) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  core::Dataset data = demo_data();
  data.values.back().unit = "NOWHERE";
  EXPECT_THROW(service::import_dataset(*s, data, kCtx), core::Error);
  EXPECT_TRUE(s->load().units.empty());
}

TEST_F(StoreTest, FailureInsideTransactionRollsBackEarlierWrites) {
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

TEST_F(StoreTest, ValueHistoryRecordsEveryChange) {
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

// The change feed (migration 0005): a row per committed value change, none
// for an unchanged value or a rolled-back write, one metadata marker per
// transaction that changed what the rollups are built over.
TEST_F(StoreTest, ChangeFeedHoldsCommittedChangesInOrder) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  service::import_dataset(*s, demo_data(), kCtx);
  const long long start = s->feed_position();
  ASSERT_GT(start, 0);  // the import: its values and one metadata marker
  EXPECT_EQ(s->changes_after(0, 1000000).back().id, start);
  {
    auto tx = s->begin(kCtx);
    tx->upsert(
        core::Value{"BUDGET_REVENUE", "LS", "2021", core::ValueKind::estimate, 7, "", false});
    tx->upsert(
        core::Value{"BUDGET_REVENUE", "LS", "2021", core::ValueKind::estimate, 7, "", false});
    tx->delete_value("BUDGET_REVENUE", "LS", "2021", core::ValueKind::estimate);
    tx->commit();
  }
  {
    auto rolled_back = s->begin(kCtx);
    rolled_back->upsert(
        core::Value{"BUDGET_REVENUE", "LS", "2022", core::ValueKind::official, 9, "", false});
  }
  {
    auto tx = s->begin(kCtx);
    core::Target t = s->load().targets.at(0);
    t.value += 1;
    tx->upsert(t);
    tx->commit();
  }
  const auto feed = s->changes_after(start, 100);
  ASSERT_EQ(feed.size(), 3u);
  EXPECT_EQ(feed[0].kind, store::FeedKind::value);
  EXPECT_EQ(feed[0].value.indicator, "BUDGET_REVENUE");
  EXPECT_EQ(feed[0].value.unit, "LS");
  EXPECT_EQ(feed[0].value.period, "2021");
  EXPECT_EQ(feed[0].value.kind, core::ValueKind::estimate);
  EXPECT_EQ(feed[0].value.value, 7);
  EXPECT_FALSE(feed[0].removed);
  EXPECT_TRUE(feed[1].removed);
  EXPECT_EQ(feed[2].kind, store::FeedKind::metadata);
  EXPECT_LT(feed[0].id, feed[1].id);
  EXPECT_LT(feed[1].id, feed[2].id);
  EXPECT_EQ(s->feed_position(), feed[2].id);
  EXPECT_EQ(s->changes_after(feed[0].id, 1).at(0).id, feed[1].id);  // paged
  EXPECT_TRUE(s->changes_after(feed[2].id, 100).empty());
}

TEST_F(StoreTest, UpsertReportsChangeOnlyWhenSomethingDiffers) {
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

TEST_F(StoreTest, DataSurvivesReopen) {
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

TEST_F(StoreTest, SearchIgnoresCaseAndDiacriticsAndFollowsEveryWrite) {
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

TEST_F(StoreTest, SearchIndexIsRebuiltWhenItsFoldingChanged) {
  {
    auto s = store::open_store(path, store::OpenMode::create_or_open);
    service::import_dataset(*s, demo_data(), kCtx);
  }
  exec_sql("DELETE FROM search_index; UPDATE search_index_state SET version = 0");
  auto s = store::open_store(path, store::OpenMode::existing);
  EXPECT_FALSE(found(*s, "quan triet").empty());
}

}  // namespace

namespace {

// Caches key on data_version: a store's own commits move it at once, another
// connection's (or process's) within the store's recheck interval (1 ms for
// SQLite), and an uncommitted or rolled-back write never.
TEST_F(StoreTest, DataVersionMovesWithEveryCommitOfAnyConnection) {
  auto reader = store::open_store(path, store::OpenMode::create_or_open);
  auto writer = store::open_store(path, store::OpenMode::existing);
  auto settle = [] { std::this_thread::sleep_for(std::chrono::milliseconds(5)); };
  const long long before = reader->data_version();
  EXPECT_EQ(reader->data_version(), before);  // nothing written: it stands
  {
    auto tx = writer->begin(kCtx);
    tx->upsert(core::Field{"economy", "Kinh tế"});
    settle();
    // Not committed yet: nothing to see.
    EXPECT_EQ(reader->data_version(), before);
    tx->commit();
  }
  settle();
  const long long after = reader->data_version();
  EXPECT_NE(after, before);
  {
    auto tx = writer->begin(kCtx);
    tx->upsert(core::Field{"social", "Xã hội"});
    // Rolled back: nothing committed.
  }
  settle();
  EXPECT_EQ(reader->data_version(), after);
  {
    auto tx = reader->begin(kCtx);
    tx->upsert(core::Field{"culture", "Văn hóa"});
    tx->commit();
  }
  EXPECT_NE(reader->data_version(), after);  // our own write, no pause
}

TEST_F(StoreTest, AttachmentsKeepTheirBytesExactly) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  service::import_dataset(*s, demo_data(), kCtx);
  std::string bytes;
  for (int i = 0; i < 256 * 4; ++i)
    bytes += static_cast<char>(i % 256);  // every byte value, NUL included
  core::Attachment a;
  a.owner = core::AttachmentOwner::document;
  a.owner_code = s->load().documents.front().code;
  a.filename = "tệp.bin";
  a.content_type = "application/octet-stream";
  a.size = static_cast<long long>(bytes.size());
  a.sha256 = "x";
  a.uploaded_by = "test";
  a.uploaded_at = kCtx.at;
  long long id = 0;
  {
    auto tx = s->begin(kCtx);
    id = tx->add_attachment(a, bytes);
    tx->commit();
  }
  EXPECT_EQ(s->attachment_bytes(id), bytes);
  ASSERT_EQ(s->attachments(a.owner, a.owner_code).size(), 1u);
  EXPECT_EQ(s->find_attachment(id)->filename, "tệp.bin");
}

TEST_F(StoreTest, DeletingAReferencedRecordIsAConflictAndChangesNothing) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  service::import_dataset(*s, demo_data(), kCtx);
  const std::string before = io::write_metadata(s->load());
  {
    auto tx = s->begin(kCtx);
    try {
      tx->delete_record(store::RecordTable::unit, "LS");
      tx->commit();
      FAIL() << "expected a conflict";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.category(), core::ErrorCategory::conflict);
    }
  }
  EXPECT_EQ(io::write_metadata(s->load()), before);
}

TEST_F(StoreTest, SubmissionsFormsAndRulesRoundTripWithTheirJournal) {
  auto s = store::open_store(path, store::OpenMode::create_or_open);
  service::import_dataset(*s, demo_data(), kCtx);
  core::Dataset d = s->load();
  ASSERT_EQ(d.forms.size(), 3u);
  ASSERT_EQ(d.validation_rules.size(), 4u);
  ASSERT_EQ(d.submissions.size(), 5u);
  EXPECT_EQ(d.forms[0].approval_levels, std::vector{core::UnitType::city});
  EXPECT_EQ(d.forms[1].after_grace, core::AfterGrace::refuse);
  EXPECT_FALSE(d.validation_rules[0].min.has_value());
  EXPECT_TRUE(d.validation_rules[0].refuse_on_save);
  EXPECT_EQ(d.validation_rules[3].max, 500);

  core::Submission next = d.submissions[1];  // LS-HVT, submitted
  next.state = core::SubmissionState::approved;
  next.approvals = 1;
  next.updated_by = "cityapprover";
  {
    auto tx = s->begin(kCtx);
    EXPECT_TRUE(tx->upsert(next));
    EXPECT_FALSE(tx->upsert(next));  // the same state again writes nothing
    tx->append_submission_step({0, next.form, next.unit, next.period, "approve", "approved", 1, "",
                                "cityapprover", "2022-01-21T02:00:00Z"});
    tx->append_submission_step({0, next.form, next.unit, next.period, "reopen", "reopened", 0,
                                "Thiếu số liệu", "cityapprover", "2022-01-22T02:00:00Z"});
    tx->commit();
  }
  const auto steps = s->submission_steps(next.form, next.unit, next.period);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_LT(steps[0].id, steps[1].id);
  EXPECT_EQ(steps[1].reason, "Thiếu số liệu");
  EXPECT_EQ(steps[1].approvals, 0);
  EXPECT_TRUE(s->submission_steps(next.form, "LS-VT", next.period).empty());
  EXPECT_EQ(s->load().submissions[1].state, core::SubmissionState::approved);

  // A form with reports is not deleted behind the reports' back.
  const std::string before = io::write_metadata(s->load());
  {
    auto tx = s->begin(kCtx);
    try {
      tx->delete_record(store::RecordTable::form, "BC-THANG-PX");
      tx->commit();
      FAIL() << "expected a conflict";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.category(), core::ErrorCategory::conflict);
    }
  }
  EXPECT_EQ(io::write_metadata(s->load()), before);
  {
    auto tx = s->begin(kCtx);
    EXPECT_TRUE(tx->delete_record(store::RecordTable::validation_rule, "QT-BHYT"));
    tx->commit();
  }
  EXPECT_EQ(s->load().validation_rules.size(), 3u);
}

// No cluster is needed to see how an unreachable server is reported.
TEST(PostgresqlLocation, UnreachableServerIsAClearUnavailableError) {
  try {
    store::open_store("postgresql://mandate@127.0.0.1:1/city", store::OpenMode::existing);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.category(), core::ErrorCategory::unavailable);
    EXPECT_EQ(e.code(), "store.pg_unreachable");
    EXPECT_NE(e.message(core::Lang::en).find("Cannot connect to the PostgreSQL server"),
              std::string::npos);
    EXPECT_NE(e.message(core::Lang::vi).find("Không kết nối được"), std::string::npos);
  }
}

TEST(PostgresqlLocation, PasswordIsNeverInTheMessage) {
  try {
    store::open_store("postgresql://mandate:s3cret@127.0.0.1:1/city", store::OpenMode::existing);
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.message(core::Lang::en).find("s3cret"), std::string::npos);
  }
}

}  // namespace
