// `mandate migrate` and `mandate checksum` as a user runs them: a city's
// SQLite file into the test's database (PostgreSQL in the *.pg variant), a
// process that dies in the middle and a second run that finishes the copy,
// and a conflicting target refused with the row named. And the backups of
// docs/operations.md, restored and compared by checksum: pg_dump / pg_restore
// on PostgreSQL, `mandate backup` / `restore` on SQLite.
#include <gtest/gtest.h>

#include <string>

#include "../support/shell.hpp"
#include "../support/test_database.hpp"

namespace {

using Result = test_support::ShellResult;
using test_support::shell_quote;

Result run(const std::string& args, const std::string& env = "") {
  return test_support::shell(env + " " + std::string(MANDATE_BINARY) + " --lang en " + args);
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

class CliMigrate : public ::testing::Test {
 protected:
  void SetUp() override {
    Result r = run("demo --db " + shell_quote(city));
    ASSERT_EQ(r.code, 0) << r.out;
  }
  std::string checksums(const std::string& location) {
    Result r = run("checksum --db " + shell_quote(location));
    EXPECT_EQ(r.code, 0) << r.out;
    return r.out;
  }

  mandate::test_support::TempDir dir;
  std::string city = dir.file("city.db");
  mandate::test_support::TestDatabase server{dir, "server.db"};
  std::string target = server.location();
};

TEST_F(CliMigrate, AKilledMigrationResumesToTheSameResult) {
  const std::string original = checksums(city);
  EXPECT_TRUE(contains(original, "data_values")) << original;
  const std::string args =
      "migrate --batch-rows 10 --from " + shell_quote(city) + " --to " + shell_quote(target);
  Result killed = run(args, "MANDATE_MIGRATE_EXIT_AFTER_BATCHES=3");
  EXPECT_EQ(killed.code, 75) << killed.out;
  EXPECT_TRUE(contains(killed.out, "rows copied")) << killed.out;
  EXPECT_NE(checksums(target), original);

  Result resumed = run(args);
  ASSERT_EQ(resumed.code, 0) << resumed.out;
  EXPECT_TRUE(contains(resumed.out, "row counts and checksums of every table match"))
      << resumed.out;
  // The units went in the first batch: the second run found them there.
  const auto units = resumed.out.find("\nunits: ");
  ASSERT_NE(units, std::string::npos) << resumed.out;
  const std::string units_line =
      resumed.out.substr(units + 1, resumed.out.find('\n', units + 1) - units - 1);
  EXPECT_TRUE(contains(units_line, ", 0 copied, ")) << units_line;
  EXPECT_EQ(checksums(target), original);

  // The copy serves reports as the original does.
  const std::string report = "report --unit 'Thành phố Lạng Sơn' --period 2021 --format md --db ";
  EXPECT_EQ(run(report + shell_quote(target)).out, run(report + shell_quote(city)).out);
}

TEST_F(CliMigrate, AConflictingTargetIsRefusedAndLeftAsItWas) {
  ASSERT_EQ(run("migrate --from " + shell_quote(city) + " --to " + shell_quote(target)).code, 0);
  ASSERT_EQ(run("value set --db " + shell_quote(target) +
                " --indicator BUDGET_REVENUE --unit LS --period 2021 --kind estimate --value 1")
                .code,
            0);
  const std::string before = checksums(target);
  Result r = run("migrate --from " + shell_quote(city) + " --to " + shell_quote(target));
  EXPECT_EQ(r.code, 5) << r.out;  // conflict
  EXPECT_TRUE(contains(r.out, "table data_values")) << r.out;
  EXPECT_TRUE(contains(r.out, "value=4.3e+11")) << r.out;  // 430 tỷ, shortest exact form
  EXPECT_TRUE(contains(r.out, "value=1")) << r.out;
  EXPECT_TRUE(contains(r.out, "Không chuyển được")) << r.out;
  EXPECT_EQ(checksums(target), before);
}

TEST_F(CliMigrate, ABackupRestoredIntoANewDatabaseHasTheSameChecksums) {
  const std::string original = checksums(city);
  mandate::test_support::TestDatabase restored{dir, "restored.db"};
  const std::string backup = dir.file("city.backup");
  if (mandate::test_support::on_postgresql()) {
    ASSERT_EQ(run("migrate --from " + shell_quote(city) + " --to " + shell_quote(target)).code, 0);
    Result dump = test_support::shell("pg_dump --format=custom --file=" + shell_quote(backup) +
                                      " " + shell_quote(target));
    ASSERT_EQ(dump.code, 0) << dump.out;
    ASSERT_TRUE(mandate::test_support::psql("postgres", "CREATE DATABASE " + restored.name()));
    Result load = test_support::shell("pg_restore --no-owner --exit-on-error --dbname=" +
                                      shell_quote(restored.location()) + " " + shell_quote(backup));
    ASSERT_EQ(load.code, 0) << load.out;
  } else {
    ASSERT_EQ(run("backup --db " + shell_quote(city) + " --out " + shell_quote(backup)).code, 0);
    ASSERT_EQ(
        run("restore --db " + shell_quote(restored.location()) + " --from " + shell_quote(backup))
            .code,
        0);
  }
  EXPECT_EQ(checksums(restored.location()), original);
  // The restored database takes writes: its sequences came along.
  Result write =
      run("value set --db " + shell_quote(restored.location()) +
          " --indicator BUDGET_REVENUE --unit LS --period 2021 --kind estimate --value 1");
  EXPECT_EQ(write.code, 0) << write.out;
  EXPECT_NE(checksums(restored.location()), original);
}

TEST_F(CliMigrate, AMissingSourceIsNotFound) {
  Result r =
      run("migrate --from " + shell_quote(dir.file("none.db")) + " --to " + shell_quote(target));
  EXPECT_EQ(r.code, 4) << r.out;
}

}  // namespace
