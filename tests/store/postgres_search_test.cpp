// PostgreSQL only (registered just as *.pg): search is answered by the
// trigram index of migration 0006, not by reading every record.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "../support/test_database.hpp"
#include "io/metadata_json.hpp"
#include "service/dataset_service.hpp"
#include "store/postgresql/connection.hpp"
#include "store/postgresql/search_index.hpp"
#include "store/store.hpp"

namespace {

using namespace mandate;

TEST(PostgresSearch, TheQueryUsesTheTrigramIndex) {
  ASSERT_TRUE(test_support::on_postgresql());
  test_support::TempDir dir;
  test_support::TestDatabase db{dir, "unused"};
  auto s = store::open_store(db.location(), store::OpenMode::create_or_open);
  std::ifstream in(MANDATE_DEMO_DATA);
  std::stringstream ss;
  ss << in.rdbuf();
  service::import_dataset(*s, io::read_metadata(ss.str()), {"test", "2026-01-01T00:00:00Z"});
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

}  // namespace
