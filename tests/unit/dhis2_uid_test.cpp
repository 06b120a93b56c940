// DHIS2-style uids derived from (kind, code): their shape, that they never
// change (scripts store them), and that different records get different uids.
#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

#include "core/dhis2_uid.hpp"

namespace {

using namespace mandate::core;

TEST(Dhis2Uid, HasDhis2sShape) {
  for (const char* code : {"", "LS", "LS-VT", "BHYT_COVERAGE", "Phường Vĩnh Trại", "x y z"}) {
    const std::string uid = dhis2_uid(kDhis2KindUnit, code);
    EXPECT_EQ(uid.size(), 11u) << code;
    EXPECT_TRUE(is_dhis2_uid(uid)) << code << " -> " << uid;
  }
}

TEST(Dhis2Uid, IsTheSameInEveryRunAndOnEveryMachine) {
  // Pinned: a change here breaks every script that stored a uid.
  EXPECT_EQ(dhis2_uid(kDhis2KindIndicator, "BHYT_COVERAGE"), "DKqFqQ0iufp");
  EXPECT_EQ(dhis2_uid(kDhis2KindUnit, "LS"), "FDR6OMkpgHr");
  EXPECT_EQ(dhis2_uid(kDhis2KindUnit, "LS-VT"), "BXDdNxvz7kz");
  EXPECT_EQ(dhis2_uid(kDhis2KindValueKind, "ESTIMATE"), "lXY6L3q3vO7");
  EXPECT_EQ(dhis2_uid("", ""), "vtt2zoy8L0e");
  EXPECT_EQ(kDhis2KindIndicator, "indicator");
  EXPECT_EQ(kDhis2KindUnit, "unit");
  EXPECT_EQ(kDhis2KindValueKind, "value_kind");
}

TEST(Dhis2Uid, TheKindIsPartOfTheUid) {
  EXPECT_NE(dhis2_uid(kDhis2KindUnit, "LS"), dhis2_uid(kDhis2KindIndicator, "LS"));
  // The boundary between kind and code counts.
  EXPECT_NE(dhis2_uid("ab", "c"), dhis2_uid("a", "bc"));
  EXPECT_NE(dhis2_uid("unit", "LS"), dhis2_uid("uni", "tLS"));
}

TEST(Dhis2Uid, SmallChangesGiveUnrelatedUids) {
  const std::string a = dhis2_uid(kDhis2KindUnit, "LS-CB-K1");
  const std::string b = dhis2_uid(kDhis2KindUnit, "LS-CB-K2");
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i)
    same += a[i] == b[i];
  EXPECT_LT(same, 4u) << a << " " << b;
}

TEST(Dhis2Uid, NoCollisionsAmongManyCodes) {
  std::unordered_map<std::string, std::string> seen;
  for (const char* kind : {"indicator", "unit"}) {
    for (int i = 0; i < 100000; ++i) {
      const std::string code = "CODE-" + std::to_string(i);
      const auto [it, fresh] = seen.emplace(dhis2_uid(kind, code), std::string(kind) + "/" + code);
      EXPECT_TRUE(fresh) << it->second << " and " << kind << "/" << code;
    }
  }
}

TEST(Dhis2Uid, ShapeCheck) {
  EXPECT_TRUE(is_dhis2_uid("HllvX50cXC0"));
  EXPECT_TRUE(is_dhis2_uid(kDhis2DefaultComboUid));
  EXPECT_FALSE(is_dhis2_uid("0llvX50cXC0"));   // must start with a letter
  EXPECT_FALSE(is_dhis2_uid("HllvX50cXC"));    // 10 characters
  EXPECT_FALSE(is_dhis2_uid("HllvX50cXC0a"));  // 12
  EXPECT_FALSE(is_dhis2_uid("HllvX50-XC0"));
  EXPECT_FALSE(is_dhis2_uid(""));
}

}  // namespace
