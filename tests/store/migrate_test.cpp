// store::migrate: a city's SQLite file copied whole into the test's database
// (PostgreSQL in the *.pg variant, another SQLite file otherwise) and back
// into a SQLite file, compared table by table; resuming; conflicts; refusals.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "../support/raw_sql.hpp"
#include "../support/test_database.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/unit_change.hpp"
#include "io/metadata_json.hpp"
#include "service/dataset_service.hpp"
#include "store/migrate.hpp"
#include "store/store.hpp"

namespace {

using namespace mandate;

const store::ChangeContext kCtx{"test", "2026-01-01T00:00:00Z"};

core::Dataset demo_data() {
  std::ifstream in(MANDATE_DEMO_DATA);
  std::stringstream ss;
  ss << in.rdbuf();
  return io::read_metadata(ss.str());
}

std::string every_byte() {
  std::string bytes;
  for (int i = 0; i < 256 * 3; ++i)
    bytes += static_cast<char>(i % 256);
  return bytes;
}

// The demo, plus what the metadata format does not carry: accounts, a
// session, a token, the audit log, value history with a deleted cell, a task
// journal, a submission step, a file with every byte value, and a unit
// restructuring event.
void fill_city(const std::string& location) {
  auto s = store::open_store(location, store::OpenMode::create_or_open);
  service::import_dataset(*s, demo_data(), kCtx);
  const core::Dataset d = s->load();
  auto tx = s->begin(kCtx);
  store::UserRecord u;
  u.username = "lan";
  u.display_name = "Nguyễn Thị Lan";
  u.unit = d.units.front().code;
  u.role = core::Role::planner;
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$abc$def";
  u.created_at = u.password_changed_at = kCtx.at;
  u.email = "lan@langson.gov.vn";
  u.language = "vi";
  tx->put_user(u);
  tx->put_session({"hash-of-session", "lan", "csrf", "10.0.0.7", kCtx.at, "2026-01-02T00:00:00Z"});
  tx->put_token({"hash-of-token", "báo cáo", "lan", kCtx.at, false});
  store::NotificationRecord n;
  n.username = "lan";
  n.kind = "digest";
  n.occasion = "2021-12-18";
  n.args_json = "{\"lines\":[],\"overdueTasks\":1,\"tasks\":[\"nhiệm vụ\"]}";
  n.created_at = kCtx.at;
  n.email_state = "pending";
  tx->add_notification(n);
  tx->record_email(n.id, "failed", 12, "máy chủ thư không trả lời");
  tx->append_audit({0, kCtx.at, "lan", "10.0.0.7", "login", "session", "", std::nullopt,
                    std::string("{\"ghi chú\":\"đăng nhập\"}")});
  core::Value v = d.values.front();
  v.value = v.value + 1.25;
  v.comment = "sửa số liệu";
  tx->upsert(v);
  const core::Value gone = d.values.back();
  tx->delete_value(gone.indicator, gone.unit, gone.period, gone.kind);
  core::TaskUpdate update;
  update.task = d.tasks.front().code;
  update.date = core::make_date(2021, 6, 30);
  update.progress = 40;
  update.note = "đang triển khai";
  update.author = "lan";
  update.at = kCtx.at;
  tx->append_task_update(update);
  core::Attachment a;
  a.owner = core::AttachmentOwner::document;
  a.owner_code = d.documents.front().code;
  a.filename = "quyết định.pdf";
  a.content_type = "application/pdf";
  const std::string bytes = every_byte();
  a.size = static_cast<long long>(bytes.size());
  a.sha256 = "x";
  a.uploaded_by = "lan";
  a.uploaded_at = kCtx.at;
  tx->add_attachment(a, bytes);
  // More files on a task: their bytes are copied a few rows at a time.
  for (int i = 0; i < 9; ++i) {
    core::Attachment t = a;
    t.owner = core::AttachmentOwner::task;
    t.owner_code = d.tasks.front().code;
    t.filename = "ảnh " + std::to_string(i) + ".png";
    tx->add_attachment(t, bytes.substr(static_cast<size_t>(i)));
  }
  core::UnitChange rename;
  rename.code = "DOI_TEN_1";
  rename.kind = core::UnitChangeKind::rename;
  rename.effective = core::make_date(2022, 1, 1);
  rename.from = {d.units.back().code};
  rename.new_name = "Phường Đông Kinh mới";
  tx->upsert(rename);
  // A step of a submission's journal: the demo carries submissions' states only.
  tx->append_submission_step({0, d.submissions.front().form, d.submissions.front().unit,
                              d.submissions.front().period, "submit", "submitted", 0, "", "lan",
                              kCtx.at});
  tx->commit();
}

using test_support::exec_sql;

bool same(const std::vector<store::TableChecksum>& a, const std::vector<store::TableChecksum>& b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].table != b[i].table || a[i].rows != b[i].rows || a[i].checksum != b[i].checksum)
      return false;
  return true;
}

class Migrate : public ::testing::Test {
 protected:
  void SetUp() override { fill_city(city); }

  test_support::TempDir dir;
  std::string city = dir.file("city.db");
  test_support::TestDatabase server{dir, "server.db"};
  std::string back = dir.file("back.db");
};

TEST_F(Migrate, UpToTheServerAndBackGivesTheSameDatabase) {
  const auto original = store::table_checksums(city);
  const auto up = store::migrate(city, server.location(), {});
  ASSERT_EQ(up.size(), original.size());
  for (size_t i = 0; i < up.size(); ++i) {
    EXPECT_EQ(up[i].source_rows, original[i].rows) << up[i].table;
    EXPECT_EQ(up[i].copied, original[i].rows) << up[i].table;
    EXPECT_EQ(up[i].checksum, original[i].checksum) << up[i].table;
  }
  EXPECT_TRUE(same(store::table_checksums(server.location()), original));
  store::migrate(server.location(), back, {});
  EXPECT_TRUE(same(store::table_checksums(back), original));

  // Every table holds rows: the comparison covers journals, accounts and files.
  for (const auto& t : original)
    EXPECT_GT(t.rows, 0) << t.table;

  auto from = store::open_store(city, store::OpenMode::existing);
  for (const std::string& location : {server.location(), back}) {
    auto copy = store::open_store(location, store::OpenMode::existing);
    EXPECT_EQ(io::write_metadata(copy->load()), io::write_metadata(from->load()));
    const core::Value v = from->load().values.front();
    EXPECT_EQ(copy->value_history(v.indicator, v.unit, v.period).size(),
              from->value_history(v.indicator, v.unit, v.period).size());
    const auto doc = from->load().documents.front().code;
    ASSERT_EQ(copy->attachments(core::AttachmentOwner::document, doc).size(), 1u);
    const long long id = copy->attachments(core::AttachmentOwner::document, doc).front().id;
    EXPECT_EQ(copy->attachment_bytes(id), every_byte());
    // The search index was rebuilt from the copied records.
    const std::string name = from->load().indicators.front().name;
    EXPECT_EQ(copy->search(name, std::nullopt, 5).size(),
              from->search(name, std::nullopt, 5).size());
    EXPECT_FALSE(copy->search(name, std::nullopt, 5).empty());
    EXPECT_TRUE(copy->find_session("hash-of-session").has_value());

    // New rows take ids after the copied ones.
    core::TaskUpdate update;
    update.task = from->load().tasks.front().code;
    update.date = core::make_date(2021, 9, 30);
    update.progress = 60;
    update.author = "lan";
    update.at = kCtx.at;
    auto tx = copy->begin(kCtx);
    EXPECT_GT(tx->append_task_update(update), 1);
    tx->append_audit({0, kCtx.at, "lan", "", "logout", "session", "", std::nullopt, std::nullopt});
    tx->commit();
  }
}

TEST_F(Migrate, AnInterruptedCopyResumesAndAnotherRunCopiesNothing) {
  const auto original = store::table_checksums(city);
  store::MigrateOptions interrupted;
  interrupted.batch_rows = 7;
  int batches = 0;
  // The second batch is the last of the fields: the run ends after their
  // rows are committed and before their id sequence is moved on.
  interrupted.on_batch = [&](const std::string&, long long) {
    if (++batches == 2)
      throw std::runtime_error("interrupted");
  };
  EXPECT_THROW(store::migrate(city, server.location(), interrupted), std::runtime_error);
  EXPECT_FALSE(same(store::table_checksums(server.location()), original));

  store::MigrateOptions small;
  small.batch_rows = 7;
  long long already = 0;
  for (const auto& t : store::migrate(city, server.location(), small)) {
    EXPECT_EQ(t.copied + t.already, t.source_rows) << t.table;
    already += t.already;
  }
  EXPECT_GT(already, 0);  // the first run's batches were kept, not copied twice
  EXPECT_TRUE(same(store::table_checksums(server.location()), original));

  for (const auto& t : store::migrate(city, server.location(), {})) {
    EXPECT_EQ(t.copied, 0) << t.table;
    EXPECT_EQ(t.already, t.source_rows) << t.table;
  }
  EXPECT_TRUE(same(store::table_checksums(server.location()), original));

  // New rows of every kind the interruption cut short take new ids.
  auto s = store::open_store(server.location(), store::OpenMode::existing);
  auto tx = s->begin(kCtx);
  EXPECT_TRUE(tx->upsert(core::Field{"NEW_FIELD", "Lĩnh vực mới"}));
  tx->commit();
}

TEST_F(Migrate, AConflictingTargetIsRefusedWithTheConflictNamed) {
  store::migrate(city, server.location(), {});
  const core::Dataset d = store::open_store(city, store::OpenMode::existing)->load();
  exec_sql(server,
           "UPDATE units SET name = 'Tên khác' WHERE code = '" + d.units.front().code + "'");
  const auto before = store::table_checksums(server.location());
  try {
    store::migrate(city, server.location(), {});
    FAIL() << "expected a conflict";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "migrate.conflict");
    EXPECT_EQ(e.category(), core::ErrorCategory::conflict);
    ASSERT_EQ(e.args().size(), 5u);
    EXPECT_EQ(e.args()[0], "units");
    EXPECT_EQ(e.args()[1], "id=1");
    EXPECT_EQ(e.args()[2], "name=\"" + d.units.front().name + "\"");
    EXPECT_EQ(e.args()[3], "name=\"Tên khác\"");
    EXPECT_EQ(e.args()[4], "0");
    EXPECT_NE(e.message(core::Lang::en).find("Tên khác"), std::string::npos);
  }
  EXPECT_TRUE(same(store::table_checksums(server.location()), before));
}

TEST_F(Migrate, RowsOnlyTheTargetHasAreKeptAndAreNoConflict) {
  store::migrate(city, server.location(), {});
  {
    auto s = store::open_store(server.location(), store::OpenMode::existing);
    auto tx = s->begin(kCtx);
    store::UserRecord u = *s->find_user("lan");
    u.username = "minh";
    tx->put_user(u);
    tx->commit();
  }
  for (const auto& t : store::migrate(city, server.location(), {})) {
    EXPECT_EQ(t.copied, 0) << t.table;
    EXPECT_EQ(t.target_only, t.table == "users" ? 1 : 0) << t.table;
  }
  EXPECT_TRUE(store::open_store(server.location(), store::OpenMode::existing)->find_user("minh"));
}

TEST_F(Migrate, ACodeTakenByAnotherRowIsAConflict) {
  store::open_store(server.location(), store::OpenMode::create_or_open);
  const core::Dataset d = store::open_store(city, store::OpenMode::existing)->load();
  const std::string code = d.units.front().code;
  exec_sql(server, "INSERT INTO units(id, code, name, type) VALUES (9000, '" + code +
                       "', 'Đơn vị khác', 'province')");
  try {
    store::migrate(city, server.location(), {});
    FAIL() << "expected a conflict";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "migrate.conflict");
    EXPECT_EQ(e.args()[0], "units");
    EXPECT_EQ(e.args()[1], "code=\"" + code + "\"");
    EXPECT_EQ(e.args()[2], "id=1");
    EXPECT_EQ(e.args()[3], "id=9000");
  }
  // Nothing was copied.
  for (const auto& t : store::table_checksums(server.location()))
    EXPECT_EQ(t.rows, t.table == "units" ? 1 : 0) << t.table;
}

TEST_F(Migrate, ANewerTargetAndAnUnreachableServerAreRefused) {
  store::open_store(server.location(), store::OpenMode::create_or_open);
  exec_sql(server, "INSERT INTO schema_migrations(version, name) VALUES(99, 'future')");
  try {
    store::migrate(city, server.location(), {});
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "store.newer_schema");
  }
  for (const auto& t : store::table_checksums(city))
    EXPECT_GT(t.rows, 0) << t.table;

  try {
    store::migrate(city, "postgresql://mandate@127.0.0.1:1/province", {});
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.category(), core::ErrorCategory::unavailable);
    EXPECT_EQ(e.code(), "store.pg_unreachable");
  }
  try {
    store::migrate(city, "postgresql://mandate@[::1/province", {});
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.category(), core::ErrorCategory::unavailable);
    EXPECT_NE(e.message(core::Lang::en).find("IPv6"), std::string::npos)
        << e.message(core::Lang::en);
  }
  try {
    store::migrate(dir.file("missing.db"), back, {});
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "store.missing");
  }
}

TEST_F(Migrate, ADatabaseOfAnotherApplicationIsRefusedAndLeftAlone) {
  store::open_store(server.location(), store::OpenMode::create_or_open);
  exec_sql(server, "DROP TABLE schema_migrations");  // what remains is not Mandate's
  try {
    store::migrate(city, server.location(), {});
    FAIL() << "expected an error";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "migrate.target_not_mandate");
    EXPECT_EQ(e.category(), core::ErrorCategory::conflict);
  }
  EXPECT_THROW(store::open_store(server.location(), store::OpenMode::existing), core::Error);
}

}  // namespace
