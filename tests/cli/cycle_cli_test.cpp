// `mandate submission …` and `mandate completeness` on the demo data: the
// state machine from the command line, locked cells, and the bilingual error
// with its exit code when a step is not allowed.
#include <gtest/gtest.h>

#include <string>

#include "../support/shell.hpp"
#include "../support/test_database.hpp"

namespace {

using Result = test_support::ShellResult;
using test_support::shell_quote;

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

class CliCycles : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(run("demo").code, 0); }
  // `mandate COMMAND --db DB ARGS`.
  Result run(const std::string& command, const std::string& args = "") {
    return test_support::shell(std::string(MANDATE_BINARY) + " " + command + " --db " +
                               shell_quote(db) + " " + args);
  }

  mandate::test_support::TempDir dir;
  mandate::test_support::TestDatabase database{dir, "city.db"};
  std::string db = database.location();
};

TEST_F(CliCycles, CompletenessOfTheDemoMonth) {
  Result r = run("--lang en completeness", "--form BC-THANG-PX --period 202112");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "due 20/01/2022, grace until 25/01/2022")) << r.out;
  EXPECT_TRUE(contains(r.out, "LS: sent 4/8 (50%); on time 2, late 2, missing 4, not yet due 0"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "To chase: LS-DK, LS-TT, LS-MP, LS-QL")) << r.out;
}

TEST_F(CliCycles, SubmitApproveReopenAndLockedValues) {
  const std::string report = "--form BC-THANG-PX --unit LS-VT --period 202203";
  ASSERT_EQ(
      run("value set", "--indicator COMPLAINTS_RECEIVED --unit LS-VT --period 202203 --value 7")
          .code,
      0);
  Result sent = run("--lang en submission submit", report);
  ASSERT_EQ(sent.code, 0) << sent.out;
  EXPECT_TRUE(contains(sent.out, "Report BC-THANG-PX of LS-VT for 202203: Submitted")) << sent.out;
  Result approved = run("--lang en submission approve", report);
  ASSERT_EQ(approved.code, 0) << approved.out;
  EXPECT_TRUE(contains(approved.out, "Approved (1 approvals given)")) << approved.out;

  // Locked: one bilingual line, exit code 5 (conflict), and the value unchanged.
  Result locked =
      run("value set", "--indicator COMPLAINTS_RECEIVED --unit LS-VT --period 202203 --value 8");
  EXPECT_EQ(locked.code, 5) << locked.out;
  EXPECT_TRUE(contains(locked.out, "bị khóa")) << locked.out;
  EXPECT_TRUE(contains(locked.out, "is locked")) << locked.out;
  Result again = run("submission approve", report);
  EXPECT_EQ(again.code, 5) << again.out;

  // Reopen needs --reason (a usage error without it).
  EXPECT_EQ(run("submission reopen", report).code, 2);
  Result reopened = run("--lang en submission reopen", report + " --reason 'Sai số liệu'");
  ASSERT_EQ(reopened.code, 0) << reopened.out;
  EXPECT_TRUE(contains(reopened.out, "Reopened")) << reopened.out;
  EXPECT_EQ(
      run("value set", "--indicator COMPLAINTS_RECEIVED --unit LS-VT --period 202203 --value 8")
          .code,
      0);

  Result list = run("--lang en submission list", "--unit LS-VT");
  ASSERT_EQ(list.code, 0) << list.out;
  EXPECT_TRUE(contains(list.out, "202203")) << list.out;
  EXPECT_TRUE(contains(list.out, "Sai số liệu")) << list.out;
  EXPECT_TRUE(contains(list.out, "202112")) << list.out;

  // Bad paths: a unit that does not report the form, an unknown form.
  EXPECT_EQ(run("submission submit", "--form BC-THANG-PX --unit LS-TU --period 202203").code, 3);
  EXPECT_EQ(run("submission submit", "--form NOPE --unit LS-VT --period 202203").code, 4);
}

}  // namespace
