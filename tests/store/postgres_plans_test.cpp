// PostgreSQL only (registered just as *.pg): what migration 0006 is for.
// Search is answered by the trigram index, and `migrate` / `checksum` read
// every table in key order from its primary key's index, without a sort.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../support/test_database.hpp"
#include "io/metadata_json.hpp"
#include "service/dataset_service.hpp"
#include "store/copy/dialect.hpp"
#include "store/copy/table_reader.hpp"
#include "store/postgresql/connection.hpp"
#include "store/postgresql/search_index.hpp"
#include "store/store.hpp"

namespace {

using namespace mandate;

class PostgresPlans : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(test_support::on_postgresql());
    s = store::open_store(db.location(), store::OpenMode::create_or_open);
    std::ifstream in(MANDATE_DEMO_DATA);
    std::stringstream ss;
    ss << in.rdbuf();
    service::import_dataset(*s, io::read_metadata(ss.str()), {"test", "2026-01-01T00:00:00Z"});
  }
  test_support::TempDir dir;
  test_support::TestDatabase db{dir, "unused"};
  std::unique_ptr<store::Store> s;
};

TEST_F(PostgresPlans, SearchUsesTheTrigramIndex) {
  const std::string name = s->load().indicators.front().name;
  ASSERT_FALSE(s->search(name, std::nullopt, 5).empty());

  store::postgresql::Connection c(db.location());
  // The demo's few hundred records fit in one page, where a scan is cheaper;
  // with scans priced out the plan shows whether the index can answer at all.
  c.exec("SET enable_seqscan = off");
  auto q = c.prepare("EXPLAIN " + store::postgresql::search_index::find_sql(2));
  q.bind_null(1);
  q.bind(2, 20LL);
  q.bind(3, std::string_view("% ty%"));
  q.bind(4, std::string_view("% le%"));
  std::string plan;
  while (q.step())
    plan += q.text(0) + "\n";
  EXPECT_NE(plan.find("search_index_words_trgm"), std::string::npos) << plan;
}

TEST_F(PostgresPlans, KeyOrderReadsUseTheKeysIndexWithoutASort) {
  store::postgresql::Connection c(db.location());
  c.exec("SET enable_seqscan = off");  // as above: a small table would be scanned
  for (const auto& spec : store::copy::copied_tables()) {
    const auto layout =
        store::copy::make_layout(spec, store::copy::PostgresDialect::columns(c, spec));
    auto q = c.prepare("EXPLAIN " +
                       store::copy::page_sql<store::copy::PostgresDialect>(layout, 100, false));
    std::string plan;
    while (q.step())
      plan += q.text(0) + "\n";
    EXPECT_NE(plan.find("Index"), std::string::npos) << spec.name << "\n" << plan;
    EXPECT_EQ(plan.find("Sort"), std::string::npos) << spec.name << "\n" << plan;
  }
}

}  // namespace
