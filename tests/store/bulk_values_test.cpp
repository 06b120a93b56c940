// Writing many value cells at once (StoreTransaction::write_values), on
// SQLite and (the *.pg tests) PostgreSQL: the same as writing them one after
// the other, across batches and with a cell written several times; a bad row
// leaves nothing behind; writers that overlap queue and both land whole.
#include <gtest/gtest.h>

#include <algorithm>
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

const store::ChangeContext kCtx{"test", "2026-01-01T00:00:00Z"};

core::Value cell(int year, double x, core::ValueKind kind = core::ValueKind::official) {
  return {"NEW_JOBS", "LS", std::to_string(year), kind, x, "", false};
}

class BulkValues : public ::testing::Test {
 protected:
  void SetUp() override {
    s = store::open_store(db.location(), store::OpenMode::create_or_open);
    std::ifstream in(MANDATE_DEMO_DATA);
    std::stringstream ss;
    ss << in.rdbuf();
    service::import_dataset(*s, io::read_metadata(ss.str()), kCtx);
    start = s->feed_position();
  }

  test_support::TempDir dir;
  test_support::TestDatabase db{dir, "batch.db"};
  std::unique_ptr<store::Store> s;
  long long start = 0;
};

TEST_F(BulkValues, ManyCellsAreWrittenAsOneAfterTheOther) {
  const core::Value stored = s->load().values.at(0);
  std::vector<store::CellChange> changes;
  for (int year = 1000; year < 1600; ++year)  // more than two batches
    changes.push_back({cell(year, year), false});
  changes.push_back({cell(1000, 1000), false});  // again, the same: no change
  changes.push_back({cell(1000, 7), false});
  changes.push_back({cell(1000, 0), true});
  changes.push_back({cell(1000, 0), true});  // nothing left to delete
  changes.push_back({stored, false});        // as stored: no change
  core::Value commented = stored;
  commented.comment = "nguồn: Cục Thống kê";
  changes.push_back({commented, false});

  auto tx = s->begin(kCtx);
  const std::vector<bool> changed = tx->write_values(changes);
  tx->commit();

  ASSERT_EQ(changed.size(), changes.size());
  EXPECT_EQ(std::count(changed.begin(), changed.begin() + 600, true), 600);
  EXPECT_EQ(std::vector<bool>(changed.begin() + 600, changed.end()),
            (std::vector<bool>{false, true, true, false, false, true}));

  const core::Dataset d = s->load();
  auto find = [&](const core::Value& c) {
    return std::find_if(d.values.begin(), d.values.end(), [&](const core::Value& v) {
      return v.indicator == c.indicator && v.unit == c.unit && v.period == c.period &&
             v.kind == c.kind;
    });
  };
  EXPECT_EQ(find(cell(1000, 0)), d.values.end());
  ASSERT_NE(find(cell(1599, 0)), d.values.end());
  EXPECT_EQ(find(cell(1599, 0))->value, 1599);
  EXPECT_EQ(find(stored)->comment, commented.comment);

  const auto history = s->value_history("NEW_JOBS", "LS", "1000");
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].old_value, std::nullopt);
  EXPECT_EQ(history[0].new_value, 1000);
  EXPECT_EQ(history[1].old_value, 1000);
  EXPECT_EQ(history[1].new_value, 7);
  EXPECT_EQ(history[2].old_value, 7);
  EXPECT_EQ(history[2].new_value, std::nullopt);

  // The feed: a row per change, in the order written.
  const auto feed = s->changes_after(start, 10000);
  ASSERT_EQ(feed.size(), 603u);
  for (size_t i = 0; i < 600; ++i)
    EXPECT_EQ(feed[i].value.period, std::to_string(1000 + i));
  EXPECT_EQ(feed[600].value.value, 7);
  EXPECT_TRUE(feed[601].removed);
  EXPECT_EQ(feed[602].value.period, stored.period);
}

TEST_F(BulkValues, AnUnknownReferenceLeavesNothingBehind) {
  const std::string before = io::write_metadata(s->load());
  std::vector<store::CellChange> changes;
  for (int year = 1000; year < 1500; ++year)
    changes.push_back({cell(year, 1), false});
  // A cell written again starts a second run of batches: the first run is
  // written by then, and taken back with the transaction.
  changes.push_back({cell(1000, 2), false});
  changes.push_back({cell(1500, 1), false});
  changes.back().value.unit = "NO_SUCH_UNIT";
  try {
    auto tx = s->begin(kCtx);
    tx->write_values(changes);
    tx->commit();
    FAIL() << "written";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "dataset.unknown_reference");
  }
  EXPECT_EQ(io::write_metadata(s->load()), before);
  EXPECT_EQ(s->feed_position(), start);
  EXPECT_TRUE(s->value_history("NEW_JOBS", "LS", "1000").empty());
}

// Two writers of the same cells: the write lock queues them, so each batch
// lands whole, the second over the first, with both in every cell's history.
TEST_F(BulkValues, OverlappingWritersQueueAndBothLandWhole) {
  auto write = [&](double x) {
    std::vector<store::CellChange> changes;
    for (int year = 1000; year < 1300; ++year)
      changes.push_back({cell(year, x), false});
    auto tx = s->begin(kCtx);
    tx->write_values(changes);
    tx->commit();
  };
  std::thread a(write, 1.0), b(write, 2.0);
  a.join();
  b.join();
  const auto feed = s->changes_after(start, 10000);
  ASSERT_EQ(feed.size(), 600u);
  const double last = feed.back().value.value;
  for (size_t i = 0; i < 300; ++i)
    EXPECT_NE(feed[i].value.value, last);
  for (int year = 1000; year < 1300; ++year) {
    const auto history = s->value_history("NEW_JOBS", "LS", std::to_string(year));
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].new_value, history[1].old_value);
    EXPECT_EQ(history[1].new_value, last);
  }
}

}  // namespace
