// A report submitted after a writer took its snapshot still locks its cells:
// every write path judges the lock inside its own transaction, not against
// the (possibly older) snapshot it validated with. Runs on SQLite and, as the
// .pg variant, on PostgreSQL.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../support/test_database.hpp"
#include "core/error.hpp"
#include "io/dhis2_data_value_set.hpp"
#include "io/metadata_json.hpp"
#include "service/dataset_service.hpp"
#include "service/dhis2_service.hpp"
#include "service/snapshot.hpp"
#include "service/submission_service.hpp"
#include "service/value_service.hpp"
#include "store/store.hpp"

namespace {

using namespace mandate;

class CellLocks : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(MANDATE_DEMO_DATA);
    std::stringstream ss;
    ss << in.rdbuf();
    store = store::open_store(db.location(), store::OpenMode::create_or_open);
    service::import_dataset(*store, io::read_metadata(ss.str()), {"test", "2026-01-01T00:00:00Z"});
    cache = std::make_unique<service::SnapshotCache>(*store);
  }

  service::Actor admin() const {
    return {{"admin", "LS", core::Role::admin}, "10.0.0.1", "2026-02-01T00:00:00Z"};
  }
  service::ValueWrite cell(const std::string& unit, double value) const {
    service::ValueWrite w;
    w.indicator = "COMPLAINTS_RECEIVED";
    w.unit = unit;
    w.period = "202201";
    w.value = value;
    return w;
  }
  // Submits Vĩnh Trại's monthly report of January 2022 (nothing in it needs a note).
  void submit() {
    service::take_step(*store, *cache, admin(), "BC-THANG-PX", "LS-VT", "202201",
                       core::SubmissionStep::submit, "");
  }
  std::optional<core::Value> stored(const std::string& unit) {
    const auto now = cache->get();
    for (const auto& v : now->values.of_unit(unit))
      if (v.indicator == "COMPLAINTS_RECEIVED" && v.period == "202201")
        return v;
    return std::nullopt;
  }
  // The error code a write throws, or "" when it went through.
  template <typename Write>
  static std::string error_of(Write&& write) {
    try {
      write();
    } catch (const core::Error& e) {
      return e.code();
    }
    return "";
  }

  test_support::TempDir dir;
  test_support::TestDatabase db{dir, "demo.db"};
  std::unique_ptr<store::Store> store;
  std::unique_ptr<service::SnapshotCache> cache;
};

TEST_F(CellLocks, APutWithASnapshotFromBeforeTheSubmitIsRefused) {
  const auto before = cache->get();
  submit();
  EXPECT_EQ(error_of([&] { service::put_value(*store, *before, admin(), cell("LS-VT", 7)); }),
            "submission.locked");
  EXPECT_FALSE(stored("LS-VT"));
  // Another ward's cell is not on that report and stays open.
  EXPECT_EQ(error_of([&] { service::put_value(*store, *before, admin(), cell("LS-CL", 7)); }), "");
  EXPECT_TRUE(stored("LS-CL"));
}

TEST_F(CellLocks, ABulkWriteIsRefusedWholeAndNamesTheLockedWrite) {
  const auto before = cache->get();
  submit();
  try {
    service::put_values(*store, *before, admin(), {cell("LS-CL", 3), cell("LS-VT", 4)});
    FAIL() << "the bulk write went through";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "submission.locked");
    EXPECT_EQ(e.field(), "values[1]");
  }
  EXPECT_FALSE(stored("LS-CL"));
  EXPECT_FALSE(stored("LS-VT"));
}

TEST_F(CellLocks, ADeleteWithASnapshotFromBeforeTheSubmitIsRefused) {
  service::put_value(*store, *cache->get(), admin(), cell("LS-VT", 9));
  const auto before = cache->get();
  submit();
  EXPECT_EQ(error_of([&] { service::delete_value(*store, *before, admin(), cell("LS-VT", 0)); }),
            "submission.locked");
  ASSERT_TRUE(stored("LS-VT"));
  EXPECT_EQ(stored("LS-VT")->value, 9);
}

TEST_F(CellLocks, ADhis2ImportPlannedBeforeTheSubmitWritesNothing) {
  const auto before = cache->get();
  submit();
  const auto set = io::dhis2::read_csv(
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value\n"
      "COMPLAINTS_RECEIVED,202201,LS-CL,,,5\n"
      "COMPLAINTS_RECEIVED,202201,LS-VT,,,6\n",
      std::nullopt);
  service::Dhis2ImportParams params;
  params.id_scheme = io::dhis2::IdScheme::code;
  params.atomic_mode = io::dhis2::AtomicMode::none;
  EXPECT_EQ(error_of([&] { service::dhis2_import(*store, *before, admin(), set, params); }),
            "submission.locked");
  EXPECT_FALSE(stored("LS-CL"));
  // With a fresh snapshot the locked row is the import's conflict; not atomic, the
  // other row is written.
  const auto summary = service::dhis2_import(*store, *cache->get(), admin(), set, params);
  EXPECT_EQ(summary.conflicts.size(), 1u);
  EXPECT_EQ(summary.conflicts.at(0).error_code, "E7643");
  EXPECT_TRUE(stored("LS-CL"));
  EXPECT_FALSE(stored("LS-VT"));
}

}  // namespace
