// core::ValueTable: the values of a snapshot grouped by unit, where a version
// with some cells written shares every other unit's values.
#include "core/value_table.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace {

using namespace mandate::core;

Value value(const char* indicator, const char* unit, const char* period, double x,
            ValueKind kind = ValueKind::official) {
  return {indicator, unit, period, kind, x, "", false};
}

std::vector<Value> all(const ValueTable& t) {
  return {t.begin(), t.end()};
}

TEST(ValueTable, GroupsByUnitKeepingTheOrderWithin) {
  const ValueTable t({value("A", "U1", "2021", 1), value("A", "U2", "2021", 2),
                      value("B", "U1", "2021", 3), value("A", "U1", "2022", 4)});
  EXPECT_EQ(t.size(), 4u);
  const auto v = all(t);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].value, 1);  // U1 first: it came first
  EXPECT_EQ(v[1].value, 3);
  EXPECT_EQ(v[2].value, 4);
  EXPECT_EQ(v[3].value, 2);
  EXPECT_EQ(t.of_unit("U1").size(), 3u);
  EXPECT_TRUE(t.of_unit("U3").empty());
  ASSERT_NE(t.find("B", "U1", "2021", ValueKind::official), nullptr);
  EXPECT_EQ(t.find("B", "U1", "2021", ValueKind::official)->value, 3);
  EXPECT_EQ(t.find("B", "U1", "2021", ValueKind::estimate), nullptr);
  EXPECT_EQ(t.find("B", "U2", "2021", ValueKind::official), nullptr);
}

TEST(ValueTable, AnEmptyTableHasNothingToIterate) {
  const ValueTable t;
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.begin(), t.end());
  EXPECT_TRUE(t.with(std::vector<CellWrite>{{value("A", "U1", "2021", 1), true}}).empty());
}

TEST(ValueTable, WritesMakeANewVersionAndLeaveTheOldOneAlone) {
  const ValueTable before(
      {value("A", "U1", "2021", 1), value("A", "U2", "2021", 2), value("A", "U3", "2021", 3)});
  const std::vector<CellWrite> writes{
      {value("A", "U1", "2021", 10), false},                      // update
      {value("A", "U1", "2021", 5, ValueKind::estimate), false},  // a new cell of a unit
      {value("A", "U2", "2021", 0), true},                        // delete
      {value("A", "U4", "2021", 4), false},                       // a new unit
      {value("A", "U5", "2021", 0), true},                        // deleting nothing
      {value("A", "U4", "2021", 40), false},                      // the later write wins
  };
  const ValueTable after = before.with(writes);
  EXPECT_EQ(after.size(), 4u);
  EXPECT_EQ(after.find("A", "U1", "2021", ValueKind::official)->value, 10);
  EXPECT_EQ(after.find("A", "U1", "2021", ValueKind::estimate)->value, 5);
  EXPECT_EQ(after.find("A", "U2", "2021", ValueKind::official), nullptr);
  EXPECT_TRUE(after.of_unit("U2").empty());
  EXPECT_EQ(after.find("A", "U4", "2021", ValueKind::official)->value, 40);
  EXPECT_TRUE(after.of_unit("U5").empty());
  // Untouched units share their values; the table before is unchanged.
  EXPECT_EQ(after.of_unit("U3").data(), before.of_unit("U3").data());
  EXPECT_EQ(before.size(), 3u);
  EXPECT_EQ(before.find("A", "U1", "2021", ValueKind::official)->value, 1);
  EXPECT_EQ(before.find("A", "U2", "2021", ValueKind::official)->value, 2);
  EXPECT_TRUE(before.of_unit("U4").empty());
  // Iteration skips the unit left empty.
  const auto v = all(after);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v.back().unit, "U4");
}

// An import writes many cells of one unit at once: they are found by key
// then, with the same outcome as one write after the other.
TEST(ValueTable, ManyWritesToOneUnitAgreeWithWritingOneByOne) {
  std::vector<Value> start;
  for (int k = 0; k < 50; ++k)  // distinct cells: 25 years, two kinds each
    start.push_back({"A", "U1", std::to_string(2000 + k / 2),
                     k % 2 ? ValueKind::official : ValueKind::estimate, double(k), "", false});
  const ValueTable before(start);
  std::vector<CellWrite> writes;
  for (int k = 0; k < 300; ++k) {
    Value v = start[static_cast<std::size_t>(k * 7 % 50)];
    v.indicator = k % 3 ? "A" : "B";  // a third are new cells
    v.value = 1000 + k;
    writes.push_back({v, k % 5 == 0});  // some delete (a cell, maybe one just written)
  }
  const ValueTable at_once = before.with(writes);
  ValueTable one_by_one = before;
  for (const CellWrite& w : writes)
    one_by_one = one_by_one.with(std::span(&w, 1));
  const auto a = all(at_once), b = all(one_by_one);
  ASSERT_EQ(at_once.size(), one_by_one.size());
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    const Value* other = one_by_one.find(a[k].indicator, a[k].unit, a[k].period, a[k].kind);
    ASSERT_NE(other, nullptr) << k;
    EXPECT_EQ(other->value, a[k].value) << k;
  }
  // Many cells of one unit asked at once are found as one by one.
  std::vector<Value> cells;
  for (const CellWrite& w : writes)
    cells.push_back(w.value);
  const auto found = at_once.find(cells);
  ASSERT_EQ(found.size(), cells.size());
  for (std::size_t k = 0; k < cells.size(); ++k)
    EXPECT_EQ(found[k],
              at_once.find(cells[k].indicator, cells[k].unit, cells[k].period, cells[k].kind))
        << k;
}

}  // namespace
