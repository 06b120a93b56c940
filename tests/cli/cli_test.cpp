// Runs the real `mandate` binary and checks what a user sees: output, the
// one-line bilingual error, the exit code, and that failures change nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "../support/raw_sql.hpp"
#include "../support/shell.hpp"
#include "../support/test_database.hpp"

namespace {

using Result = test_support::ShellResult;
using test_support::shell_quote;

Result run(const std::string& args) {
  return test_support::shell(std::string(MANDATE_BINARY) + " " + args);
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

class Cli : public ::testing::Test {
 protected:
  mandate::test_support::TempDir dir;
  mandate::test_support::TestDatabase database{dir, "city.db"};
  std::string db = database.location();
  std::string demo() {
    Result r = run("demo --db " + shell_quote(db));
    EXPECT_EQ(r.code, 0) << r.out;
    return r.out;
  }
};

TEST_F(Cli, AcceptanceCityReport2021) {
  demo();
  // Markdown keeps each sentence on one line, so phrases can be matched whole.
  Result r = run("report --db " + shell_quote(db) +
                 " --unit 'Thành phố Lạng Sơn' --period 2021 --format md");
  ASSERT_EQ(r.code, 0) << r.out;
  Result text =
      run("report --db " + shell_quote(db) + " --unit 'Thành phố Lạng Sơn' --period 2021");
  ASSERT_EQ(text.code, 0) << text.out;
  EXPECT_TRUE(contains(text.out, "17/19 chỉ tiêu")) << text.out;
  EXPECT_TRUE(contains(r.out, "17/19 chỉ tiêu kinh tế – xã hội đạt và vượt mục tiêu đề ra"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "ước đạt 430 tỷ đồng, bằng 116,7% dự toán tỉnh giao")) << r.out;
  EXPECT_TRUE(contains(r.out, "65,3 triệu đồng")) << r.out;
  EXPECT_TRUE(contains(r.out, "91,7%")) << r.out;
  EXPECT_TRUE(contains(r.out, "97,5%")) << r.out;
  EXPECT_TRUE(contains(r.out, "17 cuộc sinh hoạt chi bộ mẫu, 17/17 cuộc xếp loại tốt trở lên"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "6/6 nhóm nhiệm vụ trọng tâm hoàn thành tốt trở lên, trong đó 3/6"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "hoàn thành xuất sắc")) << r.out;
  EXPECT_TRUE(contains(r.out, "tham gia học tập, quán triệt nghị quyết đạt 97,4%")) << r.out;
}

TEST_F(Cli, AcceptanceVinhTraiDocuments2021) {
  demo();
  Result r = run("report --db " + shell_quote(db) +
                 " --unit 'Phường Vĩnh Trại' --period 2021 --format md");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "4 nghị quyết chuyên đề")) << r.out;
  EXPECT_TRUE(contains(r.out, "15 kế hoạch")) << r.out;
  EXPECT_TRUE(contains(r.out, "84 văn bản hướng dẫn, triển khai, đôn đốc")) << r.out;
  EXPECT_TRUE(contains(r.out, "sửa đổi, bổ sung 3 quy chế")) << r.out;
}

TEST_F(Cli, ReportFollowsAChangedValue) {
  demo();
  // Budget revenue 430 -> 300 tỷ: below the 368,5 tỷ estimate, so 16/19 and 81,4%.
  Result set = run("value set --db " + shell_quote(db) +
                   " --indicator BUDGET_REVENUE --unit LS --period 2021 --kind estimate"
                   " --value 300.000.000.000");
  ASSERT_EQ(set.code, 0) << set.out;
  Result r = run("report --db " + shell_quote(db) + " --unit LS --period 2021");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "16/19 chỉ tiêu")) << r.out;
  EXPECT_TRUE(contains(r.out, "ước đạt 300 tỷ đồng, bằng 81,4% dự toán tỉnh giao")) << r.out;
  Result h = run("value history --db " + shell_quote(db) +
                 " --indicator BUDGET_REVENUE --unit LS --period 2021");
  ASSERT_EQ(h.code, 0) << h.out;
  EXPECT_TRUE(contains(h.out, "430.000.000.000")) << h.out;
  EXPECT_TRUE(contains(h.out, "300.000.000.000")) << h.out;
}

TEST_F(Cli, AuditVerifyFindsTheAlteredEntry) {
  demo();
  for (const char* value : {"300.000.000.000", "310.000.000.000"})
    ASSERT_EQ(
        run("value set --db " + shell_quote(db) +
            " --indicator BUDGET_REVENUE --unit LS --period 2021 --kind estimate --value " + value)
            .code,
        0);
  Result ok = run("audit verify --db " + shell_quote(db));
  ASSERT_EQ(ok.code, 0) << ok.out;
  EXPECT_TRUE(contains(ok.out, "Nhật ký kiểm toán nguyên vẹn: 2 mục")) << ok.out;
  // Someone with the database rewrites who made the first change.
  mandate::test_support::exec_sql(database, "UPDATE audit_log SET actor = 'khac' WHERE id = 1");
  Result bad = run("--lang en audit verify --db " + shell_quote(db));
  EXPECT_EQ(bad.code, 8) << bad.out;  // corrupt
  EXPECT_TRUE(contains(bad.out, "entry 1 was altered")) << bad.out;
}

TEST_F(Cli, DemoTwiceChangesNothing) {
  demo();
  const std::string first = run("export --db " + shell_quote(db)).out;
  const std::string again = demo();
  EXPECT_TRUE(contains(again, ": 0 ")) << again;
  EXPECT_EQ(run("export --db " + shell_quote(db)).out, first);
}

TEST_F(Cli, ReportInEnglishAndJson) {
  demo();
  Result en = run("--lang en report --db " + shell_quote(db) + " --unit LS --period 2021");
  ASSERT_EQ(en.code, 0) << en.out;
  EXPECT_TRUE(contains(en.out, "17 of 19")) << en.out;
  EXPECT_TRUE(contains(en.out, "430 billion VND")) << en.out;
  Result js = run("report --db " + shell_quote(db) + " --unit LS --period 2021 --format json");
  ASSERT_EQ(js.code, 0) << js.out;
  EXPECT_TRUE(contains(js.out, "\"indicatorsMet\": 17")) << js.out;
  EXPECT_TRUE(contains(js.out, "\"goodOrBetter\": 6")) << js.out;
}

TEST_F(Cli, BadPeriodIsOneBilingualLine) {
  demo();
  for (const std::string bad : {"2021Q5", "202113", "2021S3", "abc"}) {
    Result r = run("report --db " + shell_quote(db) + " --unit LS --period " + bad);
    EXPECT_EQ(r.code, 3) << bad << ": " << r.out;
    EXPECT_TRUE(contains(r.out, "Lỗi: ")) << r.out;
    EXPECT_TRUE(contains(r.out, " / Error: ")) << r.out;
    EXPECT_TRUE(contains(r.out, bad)) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  }
}

TEST_F(Cli, UnknownUnit) {
  demo();
  Result r = run("report --db " + shell_quote(db) + " --unit 'Phường Không Có' --period 2021");
  EXPECT_EQ(r.code, 4) << r.out;
  EXPECT_TRUE(contains(r.out, "Không tìm thấy đơn vị")) << r.out;
  EXPECT_TRUE(contains(r.out, "Unit \"Phường Không Có\" not found")) << r.out;
}

TEST_F(Cli, MissingDatabaseIsNotCreated) {
  Result r = run("report --db " + shell_quote(db) + " --unit LS --period 2021");
  EXPECT_EQ(r.code, 4) << r.out;
  EXPECT_TRUE(contains(r.out, "mandate init")) << r.out;
  if (!mandate::test_support::on_postgresql()) {
    EXPECT_FALSE(std::filesystem::exists(db));
  }
}

TEST_F(Cli, CorruptDatabase) {
  std::ofstream(db) << "this is not a database, just text that happens to be long enough ...";
  Result r = run("list units --db " + shell_quote(db));
  EXPECT_EQ(r.code, 8) << r.out;
  EXPECT_TRUE(contains(r.out, "bị hỏng")) << r.out;
}

TEST_F(Cli, LockedDatabaseIsReportedAndChangesNothing) {
  demo();
  // Another process holds the write lock for longer than the busy (lock) timeout.
  const std::string hold =
      mandate::test_support::on_postgresql()
          ? "psql " + shell_quote(db) +
                " -c 'BEGIN' -c 'UPDATE data_version SET version = version + 1'"
                " -c 'SELECT pg_sleep(8)' -c 'ROLLBACK' >/dev/null 2>&1 &"
          : "sqlite3 " + shell_quote(db) +
                " 'BEGIN IMMEDIATE; SELECT 1;' '.shell sleep 8' 'ROLLBACK;' >/dev/null 2>&1 &";
  ASSERT_EQ(std::system(hold.c_str()), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  Result r = run("value set --db " + shell_quote(db) +
                 " --indicator BUDGET_REVENUE --unit LS --period 2021 --kind estimate --value 1");
  EXPECT_EQ(r.code, 7) << r.out;
  EXPECT_TRUE(contains(r.out, "đang bị khóa")) << r.out;
  EXPECT_TRUE(contains(r.out, "locked")) << r.out;
  std::this_thread::sleep_for(std::chrono::seconds(3));
  Result report = run("report --db " + shell_quote(db) + " --unit LS --period 2021 --format md");
  EXPECT_TRUE(contains(report.out, "ước đạt 430 tỷ đồng")) << report.out;
}

TEST_F(Cli, DecomposedUnitNameMatches) {
  demo();
  // "Phường Vĩnh Trại" typed with combining marks (NFD), as some keyboards send it.
  Result r = run("report --db " + shell_quote(db) +
                 " --unit 'Phu\xcc\x9bo\xcc\x9b\xcc\x80ng Vi\xcc\x83nh Tra\xcc\xa3i' --period 2021 "
                 "--format md");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "**Phường Vĩnh Trại — Năm 2021**")) << r.out;
}

TEST_F(Cli, UnreadableImportFileChangesNothing) {
  demo();
  const std::string before = run("export --db " + shell_quote(db)).out;
  Result r =
      run("import --db " + shell_quote(db) + " --file " + shell_quote(dir.file("missing.json")));
  EXPECT_EQ(r.code, 7) << r.out;
  EXPECT_TRUE(contains(r.out, "Không đọc được tệp")) << r.out;
  EXPECT_EQ(run("export --db " + shell_quote(db)).out, before);
}

TEST_F(Cli, InvalidImportChangesNothing) {
  demo();
  const std::string before = run("export --db " + shell_quote(db)).out;
  const std::string file = dir.file("bad.json");
  // Valid JSON, a valid first value, then a value for a unit that does not exist.
  std::ofstream(file) << R"({"format": "mandate-metadata", "version": 1, "values": [
    {"indicator": "BUDGET_REVENUE", "unit": "LS", "period": "2021", "kind": "official", "value": 1},
    {"indicator": "BUDGET_REVENUE", "unit": "NOWHERE", "period": "2021", "kind": "official", "value": 2}]})";
  Result r = run("import --db " + shell_quote(db) + " --file " + shell_quote(file));
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_TRUE(contains(r.out, "values[1].unit")) << r.out;
  EXPECT_EQ(run("export --db " + shell_quote(db)).out, before);
}

TEST_F(Cli, BadValueIsRefused) {
  demo();
  Result r = run("value set --db " + shell_quote(db) +
                 " --indicator BHYT_INSURED --unit LS --period 2021 --value 'mười'");
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_TRUE(contains(r.out, "không phải là số")) << r.out;
  Result computed = run("value set --db " + shell_quote(db) +
                        " --indicator BHYT_COVERAGE --unit LS --period 2021 --value 90");
  EXPECT_EQ(computed.code, 3) << computed.out;
}

TEST_F(Cli, BadArgumentsAreUsageErrors) {
  Result r = run("report --unit LS");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(contains(r.out, "Tham số không hợp lệ")) << r.out;
  Result f = run("report --db x.db --unit LS --period 2021 --format odt");
  EXPECT_EQ(f.code, 2) << f.out;
  Result none = run("");
  EXPECT_EQ(none.code, 2) << none.out;
}

TEST_F(Cli, ListsAsTableAndJson) {
  demo();
  Result units = run("list units --db " + shell_quote(db) + " --unit 'Vĩnh Trại'");
  ASSERT_EQ(units.code, 0) << units.out;
  EXPECT_TRUE(contains(units.out, "Phường Vĩnh Trại")) << units.out;
  EXPECT_FALSE(contains(units.out, "Phường Chi Lăng")) << units.out;
  Result docs = run("list documents --db " + shell_quote(db) +
                    " --unit LS-VT --period 2021 --kind thematic_resolution --format json");
  ASSERT_EQ(docs.code, 0) << docs.out;
  EXPECT_EQ(std::count(docs.out.begin(), docs.out.end(), '{'), 4) << docs.out;
  for (const std::string what : {"indicators", "targets", "values", "tasks", "activities"}) {
    Result r = run("list " + what + " --db " + shell_quote(db));
    EXPECT_EQ(r.code, 0) << what << ": " << r.out;
  }
}

}  // namespace

namespace {

TEST(CliPostgresql, UnreachableServerIsOneBilingualLine) {
  Result r = run("list units --db postgresql://mandate@127.0.0.1:1/city");
  EXPECT_EQ(r.code, 7) << r.out;  // unavailable
  EXPECT_TRUE(contains(r.out, "Không kết nối được tới máy chủ PostgreSQL")) << r.out;
  EXPECT_TRUE(contains(r.out, "Cannot connect to the PostgreSQL server")) << r.out;
}

}  // namespace

namespace {

// SQLite only: PostgreSQL is backed up with pg_dump (docs/operations.md).
TEST_F(Cli, BackupThenRestoreGivesBackTheSameData) {
  demo();
  const std::string original = run("export --db " + shell_quote(db)).out;
  const std::string copy = dir.file("copy.db");
  Result b = run("backup --db " + shell_quote(db) + " --out " + shell_quote(copy));
  ASSERT_EQ(b.code, 0) << b.out;
  EXPECT_EQ(run("export --db " + shell_quote(copy)).out, original);

  // A later change, then the restore takes it back.
  ASSERT_EQ(run("value set --db " + shell_quote(db) +
                " --indicator BUDGET_REVENUE --unit LS --period 2021 --kind estimate --value 1")
                .code,
            0);
  EXPECT_NE(run("export --db " + shell_quote(db)).out, original);
  Result r = run("restore --db " + shell_quote(db) + " --from " + shell_quote(copy));
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(run("export --db " + shell_quote(db)).out, original);

  // Into a new file too.
  const std::string fresh = dir.file("fresh.db");
  ASSERT_EQ(run("restore --db " + shell_quote(fresh) + " --from " + shell_quote(copy)).code, 0);
  EXPECT_EQ(run("export --db " + shell_quote(fresh)).out, original);
}

TEST_F(Cli, BackupRefusesToOverwriteAndRestoreRefusesWhatIsNotABackup) {
  demo();
  const std::string before = run("export --db " + shell_quote(db)).out;
  const std::string existing = dir.file("existing.db");
  std::ofstream(existing) << "keep me";
  Result b = run("backup --db " + shell_quote(db) + " --out " + shell_quote(existing));
  EXPECT_EQ(b.code, 5) << b.out;  // conflict
  EXPECT_TRUE(contains(b.out, "already exists")) << b.out;
  std::ifstream in(existing);
  std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(kept, "keep me");

  Result r = run("restore --db " + shell_quote(db) + " --from " + shell_quote(existing));
  EXPECT_NE(r.code, 0) << r.out;
  EXPECT_EQ(run("export --db " + shell_quote(db)).out, before);

  Result pg = run("backup --db postgresql://mandate@127.0.0.1:1/city --out " +
                  shell_quote(dir.file("pg.db")));
  EXPECT_EQ(pg.code, 3) << pg.out;  // invalid input
  EXPECT_TRUE(contains(pg.out, "pg_dump")) << pg.out;
}

}  // namespace
