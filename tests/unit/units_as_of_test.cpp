// The map of units on a given day (core/units_as_of): validity, moves,
// renames and dissolved parents; and which changes a report's period spans.
#include "core/units_as_of.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/scorecard.hpp"

namespace mandate::core {
namespace {

Unit unit(std::string code, std::string parent, std::optional<Date> to = {},
          std::optional<Date> from = {}) {
  Unit u;
  u.code = code;
  u.name = "Unit " + code;
  u.parent_code = std::move(parent);
  u.valid_from = from;
  u.valid_to = to;
  return u;
}

UnitChange change(UnitChangeKind kind, std::vector<std::string> from, std::vector<std::string> to) {
  UnitChange c;
  c.code = "C" + std::to_string(static_cast<int>(kind));
  c.kind = kind;
  c.effective = make_date(2025, 7, 1);
  c.from = std::move(from);
  c.to = std::move(to);
  return c;
}

// City C with wards A and B (ending 30/6/2025) merged into N from 1/7/2025;
// A's cell moves to N, B's committee is dissolved with B and its own cell
// follows nobody (so it climbs to the city); C is renamed.
struct Reorganisation {
  std::vector<Unit> units{unit("C", ""),
                          unit("A", "C", make_date(2025, 6, 30)),
                          unit("B", "C", make_date(2025, 6, 30)),
                          unit("N", "C", {}, make_date(2025, 7, 1)),
                          unit("A-CELL", "A"),
                          unit("B-CELL", "B")};
  std::vector<UnitChange> changes;
  Reorganisation() {
    changes.push_back(change(UnitChangeKind::merge, {"A", "B"}, {"N"}));
    UnitChange move = change(UnitChangeKind::move, {"A-CELL"}, {});
    move.new_parent = "N";
    changes.push_back(move);
    UnitChange rename = change(UnitChangeKind::rename, {"C"}, {});
    rename.new_name = "Renamed";
    rename.effective = make_date(2025, 9, 1);
    changes.push_back(rename);
  }
};

std::string listing(const std::vector<Unit>& units) {
  std::string out;
  for (const auto& u : units)
    out += u.code + "<" + u.parent_code + ">" + (u.name.starts_with("Unit") ? "" : u.name) + " ";
  return out;
}

TEST(UnitsAsOf, TheTreeBeforeAndAfterTheChanges) {
  const Reorganisation r;
  EXPECT_EQ(listing(units_as_of(r.units, r.changes, make_date(2025, 6, 30))),
            "C<> A<C> B<C> A-CELL<A> B-CELL<B> ");
  EXPECT_EQ(listing(units_as_of(r.units, r.changes, make_date(2025, 7, 1))),
            "C<> N<C> A-CELL<N> B-CELL<C> ");
  EXPECT_EQ(listing(units_as_of(r.units, r.changes, make_date(2025, 9, 1))),
            "C<>Renamed N<C> A-CELL<N> B-CELL<C> ");
}

TEST(UnitsAsOf, APeriodMentionsTheChangesItSpansBelowItsUnit) {
  const Reorganisation r;
  auto codes = [&](const std::string& unit, Date first, Date last) {
    std::string out;
    for (const UnitChange* c : changes_within(r.units, r.changes, unit, first, last))
      out += std::string(unit_change_kind_name(c->kind)) + " ";
    return out;
  };
  const Date jan = make_date(2025, 1, 1), dec = make_date(2025, 12, 31);
  EXPECT_EQ(codes("C", jan, dec), "merge move rename ");
  EXPECT_EQ(codes("C", make_date(2020, 1, 1), dec), "merge move rename ");
  EXPECT_EQ(codes("A", jan, dec), "merge move ");  // its cell left it
  EXPECT_EQ(codes("N", jan, dec), "merge move ");
  EXPECT_EQ(codes("B-CELL", jan, dec), "");
  // A period that starts on the change's day does not span it.
  EXPECT_EQ(codes("C", make_date(2025, 7, 1), dec), "rename ");
  EXPECT_EQ(codes("C", make_date(2021, 1, 1), make_date(2021, 12, 31)), "");
}

TEST(UnitsAsOf, TreesAsOfAnyDayAreBuiltOncePerArrangement) {
  const Reorganisation r;
  UnitTreesAsOf trees(r.units, r.changes);
  const UnitTree& june = trees.at(make_date(2025, 6, 30));
  EXPECT_TRUE(june.is_within("A-CELL", "A"));
  EXPECT_EQ(&trees.at(make_date(2021, 3, 1)), &june);  // nothing changed in between
  const UnitTree& july = trees.at(make_date(2025, 7, 1));
  EXPECT_TRUE(july.is_within("A-CELL", "N"));
  EXPECT_FALSE(july.find_by_code("A"));
  EXPECT_EQ(&trees.at(make_date(2025, 8, 31)), &july);
  EXPECT_EQ(trees.at(make_date(2025, 9, 1)).find_by_code("C")->name, "Renamed");
}

TEST(UnitsAsOf, WithoutRestructuringTheStoredTreeIsAnsweredAsIs) {
  const std::vector<Unit> units{unit("C", ""), unit("A", "C", make_date(2025, 6, 30)),
                                unit("A-CELL", "A")};
  const UnitTree stored(units);
  const std::vector<UnitChange> none;  // held by reference: must outlive trees
  UnitTreesAsOf trees(units, none, &stored);
  EXPECT_EQ(&trees.at(make_date(2021, 1, 1)), &stored);
  // After A ended the stored tree is not that day's map.
  const UnitTree& later = trees.at(make_date(2025, 7, 1));
  EXPECT_NE(&later, &stored);
  EXPECT_FALSE(later.find_by_code("A"));
  // With a change on record, never the stored tree.
  const Reorganisation r;
  const UnitTree all(r.units);
  UnitTreesAsOf changed(r.units, r.changes, &all);
  EXPECT_NE(&changed.at(make_date(2021, 1, 1)), &all);
}

TEST(UnitsAsOf, AMeetingCountsForTheWardItsCellWasUnderThatDay) {
  const Reorganisation r;
  Dataset d;
  d.units = r.units;
  d.unit_changes = r.changes;
  for (const auto& [code, day] :
       {std::pair{"M1", make_date(2025, 3, 10)}, std::pair{"M2", make_date(2025, 10, 10)}}) {
    Activity a;
    a.code = code;
    a.kind = ActivityKind::model_meeting;
    a.unit = "A-CELL";
    a.date = day;
    d.activities.push_back(a);
  }
  const UnitTree tree(d.units);
  auto meetings = [&](const std::string& unit) {
    const Scorecard s = build_scorecard(d, tree, *tree.find_by_code(unit), Period::parse("2025"));
    std::string out;
    for (const Activity* a : s.model_meetings)
      out += a->code + " ";
    return out;
  };
  EXPECT_EQ(meetings("A"), "M1 ");  // before the move
  EXPECT_EQ(meetings("N"), "M2 ");  // after it
  EXPECT_EQ(meetings("C"), "M1 M2 ");
}

}  // namespace
}  // namespace mandate::core
