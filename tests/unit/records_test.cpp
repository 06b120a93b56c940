// Unit restructuring events, task progress entries, attachment names and
// types, search words: each rule on its own.
#include <gtest/gtest.h>

#include <string>

#include "../support/sample_dataset.hpp"
#include "core/attachment.hpp"
#include "core/dataset.hpp"
#include "core/error.hpp"
#include "core/search_text.hpp"
#include "core/task.hpp"
#include "core/unit_change.hpp"

namespace mandate::core {
namespace {

// Runs f, expects Error(category, code) at field.
template <typename F>
void expect_error(F&& f, ErrorCategory category, const std::string& code,
                  const std::string& field) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), category) << e.code();
    EXPECT_EQ(e.code(), code) << e.field();
    EXPECT_EQ(e.field(), field) << e.code();
    return;
  }
  ADD_FAILURE() << "accepted; expected " << code;
}

UnitChange change(UnitChangeKind kind, std::vector<std::string> from, std::vector<std::string> to) {
  UnitChange c;
  c.code = "C1";
  c.kind = kind;
  c.effective = parse_iso_date("2025-07-01");
  c.from = std::move(from);
  c.to = std::move(to);
  return c;
}
UnitChange merge_of(std::vector<std::string> from, std::string to) {
  return change(UnitChangeKind::merge, std::move(from), {std::move(to)});
}

TEST(UnitChange, EachKindHasItsShape) {
  EXPECT_NO_THROW(validate_unit_change(merge_of({"A", "B"}, "C")));
  expect_error([] { validate_unit_change(merge_of({"A"}, "C")); }, ErrorCategory::invalid_input,
               "unit_change.count", "from");
  auto twice = merge_of({"A", "B"}, "A");
  expect_error([&] { validate_unit_change(twice); }, ErrorCategory::invalid_input,
               "unit_change.unit_twice", "to");

  UnitChange split = change(UnitChangeKind::split, {"A"}, {"B", "C"});
  expect_error([&] { validate_unit_change(split); }, ErrorCategory::invalid_input,
               "unit_change.shares_count", "shares");
  split.shares = {0.6, 0.5};
  expect_error([&] { validate_unit_change(split); }, ErrorCategory::invalid_input,
               "unit_change.shares_sum", "shares");
  split.shares = {0.6, 0.4};
  EXPECT_NO_THROW(validate_unit_change(split));
  split.shares = {1.2, -0.2};
  expect_error([&] { validate_unit_change(split); }, ErrorCategory::invalid_input,
               "unit_change.share_range", "shares");

  UnitChange rename = change(UnitChangeKind::rename, {"A"}, {});
  expect_error([&] { validate_unit_change(rename); }, ErrorCategory::invalid_input,
               "unit_change.new_name_missing", "newName");
  rename.new_name = "Phường Mới";
  EXPECT_NO_THROW(validate_unit_change(rename));
  rename.new_parent = "X";
  expect_error([&] { validate_unit_change(rename); }, ErrorCategory::invalid_input,
               "unit_change.field_not_allowed", "newParent");

  UnitChange move = change(UnitChangeKind::move, {"A", "B"}, {});
  expect_error([&] { validate_unit_change(move); }, ErrorCategory::invalid_input,
               "unit_change.new_parent_missing", "newParent");
  UnitChange dissolve = change(UnitChangeKind::dissolve, {"A"}, {"B", "C"});
  expect_error([&] { validate_unit_change(dissolve); }, ErrorCategory::invalid_input,
               "unit_change.count", "to");
  EXPECT_THROW(parse_unit_change_kind("annex"), Error);
}

TEST(UnitChange, ReferencesAreCheckedWithTheDataSet) {
  Dataset d = test_support::sample_dataset();
  d.unit_changes.push_back(merge_of({"LS-VT", "LS-DK-CB1"}, "LS-NOPE"));
  expect_error([&] { validate_dataset(d); }, ErrorCategory::invalid_input,
               "dataset.unknown_reference", "unitChanges[0].to[0]");
  d.unit_changes[0].to = {"LS-DK"};
  EXPECT_NO_THROW(validate_dataset(d));
  d.unit_changes[0].document = "NO-SUCH-DOC";
  expect_error([&] { validate_dataset(d); }, ErrorCategory::invalid_input,
               "dataset.unknown_reference", "unitChanges[0].document");
}

TEST(TaskUpdate, ProgressAndStatusAgree) {
  TaskUpdate u;
  u.task = "T1";
  u.date = parse_iso_date("2021-06-30");
  u.progress = 40;
  u.note = "Đang làm";
  EXPECT_NO_THROW(validate_task_update(u));
  u.progress = 101;
  expect_error([&] { validate_task_update(u); }, ErrorCategory::invalid_input,
               "task.progress_range", "progress");
  u.progress = 90;
  u.status = TaskStatus::completed;
  expect_error([&] { validate_task_update(u); }, ErrorCategory::invalid_input,
               "task_update.completed_not_full", "progress");
  u.progress = 100;
  u.note = std::string(4001, 'a');
  expect_error([&] { validate_task_update(u); }, ErrorCategory::invalid_input, "text.too_long",
               "note");
  u.note = std::string(4000, 'a');
  EXPECT_NO_THROW(validate_task_update(u));
}

TEST(Attachment, FileNamesKeepOnlyTheirLastPartAndNoControlCharacters) {
  EXPECT_EQ(attachment_filename("C:\\Users\\vanthu\\Kế hoạch 05.pdf"), "Kế hoạch 05.pdf");
  EXPECT_EQ(attachment_filename("../../etc/passwd"), "passwd");
  EXPECT_EQ(attachment_filename("  bao\tcao\n.docx "), "baocao.docx");
  // Decomposed input comes back composed (NFC).
  EXPECT_EQ(attachment_filename("Nghi\xCC\xA3 quy\xC3\xAA\xCC\x81t.pdf"), "Nghị quyết.pdf");
  expect_error([] { attachment_filename("a/b/"); }, ErrorCategory::invalid_input,
               "attachment.filename_missing", "filename");
  expect_error([] { attachment_filename(".."); }, ErrorCategory::invalid_input,
               "attachment.filename_missing", "filename");
  std::string long_name;
  for (int i = 0; i < 300; ++i)
    long_name += "đ";
  const std::string cut = attachment_filename(long_name + ".pdf");
  EXPECT_EQ(cut.size(), 400u);  // 200 two-byte characters, never half of one
}

TEST(Attachment, TypeComesFromTheBytesAndMustMatchTheName) {
  EXPECT_NO_THROW(check_attachment_type("QĐ 12.pdf", "application/pdf"));
  EXPECT_NO_THROW(check_attachment_type("Ảnh.JPG", "image/jpeg"));
  EXPECT_NO_THROW(check_attachment_type("bao cao.docx",
                                        "application/vnd.openxmlformats-officedocument."
                                        "wordprocessingml.document"));
  expect_error([] { check_attachment_type("scan.pdf", "image/png"); }, ErrorCategory::invalid_input,
               "attachment.extension_mismatch", "filename");
  expect_error([] { check_attachment_type("page.html", "text/html"); },
               ErrorCategory::invalid_input, "attachment.type_not_allowed", "body");
  expect_error([] { check_attachment_type("run.exe", "application/x-dosexec"); },
               ErrorCategory::invalid_input, "attachment.type_not_allowed", "body");
  expect_error([] { check_attachment_size("a.pdf", 0); }, ErrorCategory::invalid_input,
               "attachment.empty", "body");
  expect_error([] { check_attachment_size("a.pdf", kMaxAttachmentBytes + 1); },
               ErrorCategory::too_large, "attachment.too_large", "body");
  EXPECT_NO_THROW(check_attachment_size("a.pdf", kMaxAttachmentBytes));
}

TEST(Search, WordsAreFoldedAndSplit) {
  EXPECT_EQ(search_terms("Quán triệt, NQ-05"),
            (std::vector<std::string>{"quan", "triet", "nq", "05"}));
  EXPECT_EQ(search_terms("ĐẢNG bộ"), (std::vector<std::string>{"dang", "bo"}));
  EXPECT_TRUE(search_terms(" ,;- ").empty());
  Document d;
  d.code = "TU-DA-2021-02";
  d.number = "02-ĐA/TU";
  d.title = "Đề án quán triệt";
  EXPECT_EQ(search_text(d), "tu-da-2021-02 02-da/tu de an quan triet");
}

}  // namespace
}  // namespace mandate::core
