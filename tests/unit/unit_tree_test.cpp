// UnitTree: validation on construction, lookup by code and by name (type word,
// case, Unicode normal form), resolve, and the walks over the hierarchy.
#include "core/unit_tree.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace mandate::core {
namespace {

Unit make_unit(std::string code, std::string name, UnitType type, std::string parent = {}) {
  Unit u;
  u.code = std::move(code);
  u.name = std::move(name);
  u.type = type;
  u.parent_code = std::move(parent);
  return u;
}

// Listed out of hierarchy order on purpose (a child before its parent, a
// department after its siblings' children), so the walks cannot just echo the
// input order.
//
//   LS Thành phố Lạng Sơn (city)
//   ├─ LS-TU Thành ủy Lạng Sơn (party_committee)
//   │  ├─ LS-TU-VP Văn phòng Thành ủy (department)
//   │  └─ LS-TU-CB Chi bộ cơ quan Thành ủy (party_cell)
//   ├─ LS-UB Ủy ban nhân dân thành phố (peoples_committee)
//   │  └─ LS-UB-TC Phòng Tài chính – Kế hoạch (department)
//   ├─ LS-VT Phường Vĩnh Trại (ward)
//   │  ├─ LS-VT-DU Đảng ủy phường Vĩnh Trại (party_committee)
//   │  │  └─ LS-VT-CB1 Chi bộ khối 1 (party_cell)
//   │  └─ LS-VT-K1 Khối 1 (residential_block)
//   ├─ LS-DK Phường Đông Kinh (ward)
//   └─ LS-XDK Xã Đông Kinh (commune; made up, to share a name with the ward)
std::vector<Unit> sample_units() {
  return {
      make_unit("LS-VT-CB1", "Chi bộ khối 1", UnitType::party_cell, "LS-VT-DU"),
      make_unit("LS", "Thành phố Lạng Sơn", UnitType::city),
      make_unit("LS-TU", "Thành ủy Lạng Sơn", UnitType::party_committee, "LS"),
      make_unit("LS-UB", "Ủy ban nhân dân thành phố", UnitType::peoples_committee, "LS"),
      make_unit("LS-VT", "Phường Vĩnh Trại", UnitType::ward, "LS"),
      make_unit("LS-VT-DU", "Đảng ủy phường Vĩnh Trại", UnitType::party_committee, "LS-VT"),
      make_unit("LS-VT-K1", "Khối 1", UnitType::residential_block, "LS-VT"),
      make_unit("LS-DK", "Phường Đông Kinh", UnitType::ward, "LS"),
      make_unit("LS-XDK", "Xã Đông Kinh", UnitType::commune, "LS"),
      make_unit("LS-TU-VP", "Văn phòng Thành ủy", UnitType::department, "LS-TU"),
      make_unit("LS-TU-CB", "Chi bộ cơ quan Thành ủy", UnitType::party_cell, "LS-TU"),
      make_unit("LS-UB-TC", "Phòng Tài chính – Kế hoạch", UnitType::department, "LS-UB"),
  };
}

std::vector<std::string> codes(const std::vector<const Unit*>& units) {
  std::vector<std::string> out;
  for (const Unit* u : units)
    out.push_back(u->code);
  return out;
}

// Runs make and expects it to throw Error with the given category and code;
// returns the error for further checks.
template <typename F>
Error expect_error(F&& make, ErrorCategory category, const std::string& code) {
  try {
    make();
  } catch (const Error& e) {
    EXPECT_EQ(e.category(), category) << e.code();
    EXPECT_EQ(e.code(), code);
    return e;
  }
  ADD_FAILURE() << "expected error " << code;
  return Error(ErrorCategory::internal, "none");
}

// --- Construction ------------------------------------------------------------

TEST(UnitTreeBuild, AcceptsAValidTreeInAnyOrder) {
  UnitTree tree(sample_units());
  EXPECT_EQ(tree.units().size(), 12u);
  EXPECT_EQ(tree.units().front().code, "LS-VT-CB1");  // kept in the given order
}

TEST(UnitTreeBuild, EmptyTreeIsValid) {
  UnitTree tree(std::vector<Unit>{});
  EXPECT_TRUE(tree.units().empty());
  EXPECT_EQ(tree.find_by_code("LS"), nullptr);
  EXPECT_TRUE(tree.find_by_name("Lạng Sơn").empty());
}

TEST(UnitTreeBuild, RejectsEmptyCodeNamingTheUnit) {
  auto units = sample_units();
  units[3].code.clear();
  Error e =
      expect_error([&] { UnitTree t(units); }, ErrorCategory::invalid_input, "unit.code_empty");
  ASSERT_EQ(e.args().size(), 1u);
  EXPECT_EQ(e.args()[0], "Ủy ban nhân dân thành phố");
}

TEST(UnitTreeBuild, RejectsDuplicateCode) {
  auto units = sample_units();
  units.push_back(make_unit("LS-VT", "Phường Vĩnh Trại (bản sao)", UnitType::ward, "LS"));
  Error e =
      expect_error([&] { UnitTree t(units); }, ErrorCategory::invalid_input, "unit.duplicate");
  EXPECT_EQ(e.args(), std::vector<std::string>{"LS-VT"});
}

TEST(UnitTreeBuild, RejectsUnknownParent) {
  auto units = sample_units();
  units.push_back(make_unit("LS-HV", "Phường Hoàng Văn Thụ", UnitType::ward, "LS-NOPE"));
  Error e =
      expect_error([&] { UnitTree t(units); }, ErrorCategory::invalid_input, "unit.parent_unknown");
  EXPECT_EQ(e.args(), (std::vector<std::string>{"LS-HV", "LS-NOPE"}));
}

TEST(UnitTreeBuild, ParentCodeIsCaseSensitive) {
  auto units = sample_units();
  units.push_back(make_unit("LS-HV", "Phường Hoàng Văn Thụ", UnitType::ward, "ls"));
  expect_error([&] { UnitTree t(units); }, ErrorCategory::invalid_input, "unit.parent_unknown");
}

TEST(UnitTreeBuild, RejectsSelfParent) {
  auto units = sample_units();
  units[4].parent_code = "LS-VT";  // LS-VT under itself
  Error e = expect_error([&] { UnitTree t(units); }, ErrorCategory::invalid_input, "unit.cycle");
  ASSERT_EQ(e.args().size(), 1u);
}

TEST(UnitTreeBuild, RejectsTwoUnitCycle) {
  std::vector<Unit> units{make_unit("A", "Xã A", UnitType::commune, "B"),
                          make_unit("B", "Xã B", UnitType::commune, "A")};
  expect_error([&] { UnitTree t(units); }, ErrorCategory::invalid_input, "unit.cycle");
}

TEST(UnitTreeBuild, RejectsLongCycleBelowAValidRoot) {
  // The root is fine; the cycle is further down and not reachable from it.
  auto units = sample_units();
  units.push_back(make_unit("X1", "Khối X1", UnitType::residential_block, "X3"));
  units.push_back(make_unit("X2", "Khối X2", UnitType::residential_block, "X1"));
  units.push_back(make_unit("X3", "Khối X3", UnitType::residential_block, "X2"));
  units.push_back(make_unit("X4", "Khối X4", UnitType::residential_block, "X3"));  // hangs off it
  expect_error([&] { UnitTree t(units); }, ErrorCategory::invalid_input, "unit.cycle");
}

TEST(UnitTreeBuild, SeveralRootsAreAllowed) {
  auto units = sample_units();
  units.push_back(make_unit("CB", "Thành phố Cao Bằng", UnitType::city));
  UnitTree tree(units);
  EXPECT_TRUE(tree.ancestors("CB").empty());
  EXPECT_FALSE(tree.is_within("CB", "LS"));
}

// --- find_by_code ------------------------------------------------------------

TEST(UnitTreeFind, ByCodeIsExact) {
  UnitTree tree(sample_units());
  const Unit* u = tree.find_by_code("LS-VT");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->name, "Phường Vĩnh Trại");
  EXPECT_EQ(u->type, UnitType::ward);
  EXPECT_EQ(tree.find_by_code("ls-vt"), nullptr);
  EXPECT_EQ(tree.find_by_code("LS-VT "), nullptr);
  EXPECT_EQ(tree.find_by_code(""), nullptr);
  EXPECT_EQ(tree.find_by_code("Phường Vĩnh Trại"), nullptr);
}

// --- find_by_name ------------------------------------------------------------

TEST(UnitTreeFind, ByFullName) {
  UnitTree tree(sample_units());
  EXPECT_EQ(codes(tree.find_by_name("Phường Vĩnh Trại")), std::vector<std::string>{"LS-VT"});
  EXPECT_EQ(codes(tree.find_by_name("Đảng ủy phường Vĩnh Trại")),
            std::vector<std::string>{"LS-VT-DU"});
}

TEST(UnitTreeFind, ByNameWithoutTypeWord) {
  UnitTree tree(sample_units());
  EXPECT_EQ(codes(tree.find_by_name("Vĩnh Trại")), std::vector<std::string>{"LS-VT"});
  EXPECT_EQ(codes(tree.find_by_name("Lạng Sơn")), std::vector<std::string>{"LS"});
}

TEST(UnitTreeFind, TypeWordAloneMatchesNothing) {
  UnitTree tree(sample_units());
  EXPECT_TRUE(tree.find_by_name("Phường").empty());
  EXPECT_TRUE(tree.find_by_name("Thành phố").empty());
}

TEST(UnitTreeFind, OnlyTheLeadingTypeWordIsDropped) {
  UnitTree tree(sample_units());
  // Partial names and other words are not matched.
  EXPECT_TRUE(tree.find_by_name("Trại").empty());
  EXPECT_TRUE(tree.find_by_name("Phường Vĩnh").empty());
  EXPECT_TRUE(tree.find_by_name("Thành ủy").empty());
  // "Thành ủy" is not a type word, so "Lạng Sơn" does not match LS-TU too.
  EXPECT_EQ(codes(tree.find_by_name("Lạng Sơn")).size(), 1u);
}

TEST(UnitTreeFind, ByNameIgnoresCase) {
  UnitTree tree(sample_units());
  EXPECT_EQ(codes(tree.find_by_name("PHƯỜNG VĨNH TRẠI")), std::vector<std::string>{"LS-VT"});
  EXPECT_EQ(codes(tree.find_by_name("phường vĩnh trại")), std::vector<std::string>{"LS-VT"});
  EXPECT_EQ(codes(tree.find_by_name("VĨNH TRẠI")), std::vector<std::string>{"LS-VT"});
  EXPECT_EQ(codes(tree.find_by_name("thành phố lạng sơn")), std::vector<std::string>{"LS"});
}

TEST(UnitTreeFind, ByNameIgnoresNormalForm) {
  UnitTree tree(sample_units());
  // "Phường Vĩnh Trại" decomposed (NFD): base letters followed by combining marks.
  const std::string nfd = "Phu\u031Bo\u031B\u0300ng Vi\u0303nh Tra\u0323i";
  ASSERT_NE(nfd, "Phường Vĩnh Trại");
  EXPECT_EQ(codes(tree.find_by_name(nfd)), std::vector<std::string>{"LS-VT"});
  EXPECT_EQ(codes(tree.find_by_name("Vi\u0303nh Tra\u0323i")), std::vector<std::string>{"LS-VT"});
  // Decomposed and upper case at once.
  EXPECT_EQ(codes(tree.find_by_name("PHU\u031BO\u031B\u0300NG VI\u0303NH TRA\u0323I")),
            std::vector<std::string>{"LS-VT"});
}

TEST(UnitTreeFind, NamesStoredDecomposedAreFoundToo) {
  auto units = sample_units();
  units.push_back(make_unit("LS-TT", "Phu\u031Bo\u031B\u0300ng Tam Thanh", UnitType::ward, "LS"));
  UnitTree tree(units);
  EXPECT_EQ(codes(tree.find_by_name("Phường Tam Thanh")), std::vector<std::string>{"LS-TT"});
  EXPECT_EQ(codes(tree.find_by_name("Tam Thanh")), std::vector<std::string>{"LS-TT"});
}

TEST(UnitTreeFind, ByNameCollapsesSpaces) {
  UnitTree tree(sample_units());
  EXPECT_EQ(codes(tree.find_by_name("  Phường   Vĩnh\tTrại ")), std::vector<std::string>{"LS-VT"});
}

TEST(UnitTreeFind, ByNameDoesNotIgnoreDiacritics) {
  UnitTree tree(sample_units());
  EXPECT_TRUE(tree.find_by_name("Vinh Trai").empty());
  EXPECT_TRUE(tree.find_by_name("Phuong Vinh Trai").empty());
}

TEST(UnitTreeFind, ShortNameSharedByTwoUnitsFindsBoth) {
  UnitTree tree(sample_units());
  auto found = codes(tree.find_by_name("Đông Kinh"));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"LS-DK", "LS-XDK"}));
  // The full name tells them apart.
  EXPECT_EQ(codes(tree.find_by_name("Xã Đông Kinh")), std::vector<std::string>{"LS-XDK"});
}

TEST(UnitTreeFind, ExactNameWinsOverShortForm) {
  auto units = sample_units();
  // A unit literally named "Vĩnh Trại" beats "Phường Vĩnh Trại" matched without its type word.
  units.push_back(make_unit("VT-CLB", "Vĩnh Trại", UnitType::residential_block, "LS-VT"));
  UnitTree tree(units);
  EXPECT_EQ(codes(tree.find_by_name("Vĩnh Trại")), std::vector<std::string>{"VT-CLB"});
  EXPECT_EQ(codes(tree.find_by_name("Phường Vĩnh Trại")), std::vector<std::string>{"LS-VT"});
}

TEST(UnitTreeFind, EveryCatalogTypeWordIsRecognised) {
  std::vector<Unit> units{
      make_unit("P", "Tỉnh Lạng Sơn", UnitType::province),
      make_unit("D", "Huyện Cao Lộc", UnitType::district, "P"),
      make_unit("Q", "Quận Ba Đình", UnitType::district, "P"),
      make_unit("T", "Thị xã Đồng Đăng", UnitType::district, "P"),
      make_unit("C", "Xã Mai Pha", UnitType::commune, "D"),
  };
  UnitTree tree(units);
  EXPECT_EQ(codes(tree.find_by_name("Lạng Sơn")), std::vector<std::string>{"P"});
  EXPECT_EQ(codes(tree.find_by_name("Cao Lộc")), std::vector<std::string>{"D"});
  EXPECT_EQ(codes(tree.find_by_name("Ba Đình")), std::vector<std::string>{"Q"});
  EXPECT_EQ(codes(tree.find_by_name("Đồng Đăng")), std::vector<std::string>{"T"});
  EXPECT_EQ(codes(tree.find_by_name("Mai Pha")), std::vector<std::string>{"C"});
}

// --- resolve -----------------------------------------------------------------

TEST(UnitTreeResolve, ByCodeThenByName) {
  UnitTree tree(sample_units());
  EXPECT_EQ(tree.resolve("LS-VT").code, "LS-VT");
  EXPECT_EQ(tree.resolve("Vĩnh Trại").code, "LS-VT");
  EXPECT_EQ(tree.resolve("phường vĩnh trại").code, "LS-VT");
  EXPECT_EQ(tree.resolve("Lạng Sơn").code, "LS");
}

TEST(UnitTreeResolve, CodeComesBeforeName) {
  auto units = sample_units();
  // A unit whose name is another unit's code: the code wins.
  units.push_back(make_unit("LS-X", "LS-VT", UnitType::residential_block, "LS"));
  UnitTree tree(units);
  EXPECT_EQ(tree.resolve("LS-VT").code, "LS-VT");
  EXPECT_EQ(codes(tree.find_by_name("LS-VT")), std::vector<std::string>{"LS-X"});
}

TEST(UnitTreeResolve, AmbiguousNameListsTheCandidates) {
  UnitTree tree(sample_units());
  Error e = expect_error([&] { tree.resolve("Đông Kinh"); }, ErrorCategory::invalid_input,
                         "unit.ambiguous");
  ASSERT_EQ(e.args().size(), 2u);
  EXPECT_EQ(e.args()[0], "Đông Kinh");
  EXPECT_NE(e.args()[1].find("LS-DK (Phường Đông Kinh)"), std::string::npos) << e.args()[1];
  EXPECT_NE(e.args()[1].find("LS-XDK (Xã Đông Kinh)"), std::string::npos) << e.args()[1];
  // The message tells the user to use the code, in both languages.
  EXPECT_NE(e.message(Lang::en).find("LS-DK (Phường Đông Kinh)"), std::string::npos);
  EXPECT_NE(e.message(Lang::vi).find("LS-XDK (Xã Đông Kinh)"), std::string::npos);
}

TEST(UnitTreeResolve, UnknownIsNotFound) {
  UnitTree tree(sample_units());
  Error e = expect_error([&] { tree.resolve("Hoàng Văn Thụ"); }, ErrorCategory::not_found,
                         "unit.not_found");
  EXPECT_EQ(e.args(), std::vector<std::string>{"Hoàng Văn Thụ"});
  expect_error([&] { tree.resolve(""); }, ErrorCategory::not_found, "unit.not_found");
}

// --- Walks -------------------------------------------------------------------

TEST(UnitTreeWalk, ChildrenInInputOrder) {
  UnitTree tree(sample_units());
  EXPECT_EQ(codes(tree.children("LS")),
            (std::vector<std::string>{"LS-TU", "LS-UB", "LS-VT", "LS-DK", "LS-XDK"}));
  EXPECT_EQ(codes(tree.children("LS-VT")), (std::vector<std::string>{"LS-VT-DU", "LS-VT-K1"}));
  EXPECT_TRUE(tree.children("LS-VT-CB1").empty());
}

TEST(UnitTreeWalk, AncestorsNearestFirst) {
  UnitTree tree(sample_units());
  EXPECT_EQ(codes(tree.ancestors("LS-VT-CB1")),
            (std::vector<std::string>{"LS-VT-DU", "LS-VT", "LS"}));
  EXPECT_EQ(codes(tree.ancestors("LS-VT")), std::vector<std::string>{"LS"});
  EXPECT_TRUE(tree.ancestors("LS").empty());
}

TEST(UnitTreeWalk, DescendantsDepthFirst) {
  UnitTree tree(sample_units());
  EXPECT_EQ(codes(tree.descendants("LS")),
            (std::vector<std::string>{"LS-TU", "LS-TU-VP", "LS-TU-CB", "LS-UB", "LS-UB-TC", "LS-VT",
                                      "LS-VT-DU", "LS-VT-CB1", "LS-VT-K1", "LS-DK", "LS-XDK"}));
  EXPECT_EQ(codes(tree.descendants("LS-VT")),
            (std::vector<std::string>{"LS-VT-DU", "LS-VT-CB1", "LS-VT-K1"}));
  EXPECT_TRUE(tree.descendants("LS-DK").empty());
}

TEST(UnitTreeWalk, WalksOnUnknownCodeAreNotFound) {
  UnitTree tree(sample_units());
  expect_error([&] { tree.children("NOPE"); }, ErrorCategory::not_found, "unit.not_found");
  expect_error([&] { tree.ancestors("NOPE"); }, ErrorCategory::not_found, "unit.not_found");
  expect_error([&] { tree.descendants("NOPE"); }, ErrorCategory::not_found, "unit.not_found");
  expect_error([&] { tree.own_bodies("NOPE"); }, ErrorCategory::not_found, "unit.not_found");
  expect_error([&] { tree.is_within("NOPE", "LS"); }, ErrorCategory::not_found, "unit.not_found");
}

TEST(UnitTreeWalk, IsWithin) {
  UnitTree tree(sample_units());
  EXPECT_TRUE(tree.is_within("LS", "LS"));  // the root itself counts
  EXPECT_TRUE(tree.is_within("LS-VT", "LS"));
  EXPECT_TRUE(tree.is_within("LS-VT-CB1", "LS"));
  EXPECT_TRUE(tree.is_within("LS-VT-CB1", "LS-VT"));
  EXPECT_TRUE(tree.is_within("LS-VT-CB1", "LS-VT-DU"));
  EXPECT_FALSE(tree.is_within("LS", "LS-VT"));  // not upwards
  EXPECT_FALSE(tree.is_within("LS-DK", "LS-VT"));
  EXPECT_FALSE(tree.is_within("LS-VT-CB1", "LS-TU"));
}

TEST(UnitTreeWalk, OwnBodiesOfACity) {
  UnitTree tree(sample_units());
  // The city, its party committee and people's committee, and the departments
  // under them; not its wards, communes or the party cell under the committee.
  auto bodies = codes(tree.own_bodies("LS"));
  EXPECT_EQ(bodies, (std::vector<std::string>{"LS", "LS-TU", "LS-UB", "LS-TU-VP", "LS-UB-TC"}));
}

TEST(UnitTreeWalk, OwnBodiesOfAWard) {
  UnitTree tree(sample_units());
  // The ward party committee counts; its party cell and the residential block do not.
  EXPECT_EQ(codes(tree.own_bodies("LS-VT")), (std::vector<std::string>{"LS-VT", "LS-VT-DU"}));
  EXPECT_EQ(codes(tree.own_bodies("LS-DK")), std::vector<std::string>{"LS-DK"});
}

TEST(UnitTreeWalk, BodyTypes) {
  EXPECT_TRUE(is_body_type(UnitType::party_committee));
  EXPECT_TRUE(is_body_type(UnitType::peoples_committee));
  EXPECT_TRUE(is_body_type(UnitType::department));
  for (UnitType t : {UnitType::province, UnitType::city, UnitType::district, UnitType::ward,
                     UnitType::commune, UnitType::party_cell, UnitType::residential_block})
    EXPECT_FALSE(is_body_type(t)) << unit_type_name(t);
}

TEST(UnitTreeWalk, CopiesStayUsable) {
  // Children are stored by index, so a copied tree answers on its own data.
  UnitTree original(sample_units());
  UnitTree copy = original;
  original = UnitTree(std::vector<Unit>{make_unit("Z", "Xã Z", UnitType::commune)});
  EXPECT_EQ(codes(copy.ancestors("LS-VT-CB1")),
            (std::vector<std::string>{"LS-VT-DU", "LS-VT", "LS"}));
  EXPECT_EQ(copy.resolve("Vĩnh Trại").code, "LS-VT");
}

// --- Unit --------------------------------------------------------------------

TEST(UnitValidOn, OpenEndedUnitIsAlwaysValid) {
  Unit u = make_unit("LS", "Thành phố Lạng Sơn", UnitType::city);
  EXPECT_TRUE(u.valid_on(make_date(1900, 1, 1)));
  EXPECT_TRUE(u.valid_on(make_date(2200, 12, 31)));
}

TEST(UnitValidOn, BoundsAreInclusive) {
  Unit u = make_unit("LS-OLD", "Xã Hoàng Đồng", UnitType::commune);
  u.valid_from = make_date(2020, 1, 1);
  u.valid_to = make_date(2021, 6, 30);
  EXPECT_FALSE(u.valid_on(make_date(2019, 12, 31)));
  EXPECT_TRUE(u.valid_on(make_date(2020, 1, 1)));
  EXPECT_TRUE(u.valid_on(make_date(2021, 1, 15)));
  EXPECT_TRUE(u.valid_on(make_date(2021, 6, 30)));
  EXPECT_FALSE(u.valid_on(make_date(2021, 7, 1)));
}

TEST(UnitValidOn, OneSidedBounds) {
  Unit from_only = make_unit("A", "Xã A", UnitType::commune);
  from_only.valid_from = make_date(2020, 3, 1);
  EXPECT_FALSE(from_only.valid_on(make_date(2020, 2, 29)));
  EXPECT_TRUE(from_only.valid_on(make_date(2099, 1, 1)));
  Unit to_only = make_unit("B", "Xã B", UnitType::commune);
  to_only.valid_to = make_date(2020, 2, 29);
  EXPECT_TRUE(to_only.valid_on(make_date(1990, 1, 1)));
  EXPECT_TRUE(to_only.valid_on(make_date(2020, 2, 29)));
  EXPECT_FALSE(to_only.valid_on(make_date(2020, 3, 1)));
}

TEST(UnitType, NamesRoundTripAndUnknownIsRejected) {
  for (UnitType t : {UnitType::province, UnitType::city, UnitType::district, UnitType::ward,
                     UnitType::commune, UnitType::party_committee, UnitType::peoples_committee,
                     UnitType::department, UnitType::party_cell, UnitType::residential_block})
    EXPECT_EQ(parse_unit_type(unit_type_name(t)), t);
  EXPECT_EQ(unit_type_name(UnitType::peoples_committee), "peoples_committee");
  Error e = expect_error([] { parse_unit_type("Ward"); }, ErrorCategory::invalid_input,
                         "unit_type.invalid");
  ASSERT_EQ(e.args().size(), 2u);
  EXPECT_EQ(e.args()[0], "Ward");
  EXPECT_NE(e.args()[1].find("residential_block"), std::string::npos);
}

}  // namespace
}  // namespace mandate::core
