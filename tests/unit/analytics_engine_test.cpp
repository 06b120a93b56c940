// The analytics engine's rules on small hand-checked examples: each
// aggregation, precedence of a unit's own report, estimates, restructuring,
// breakdown options, projections and the errors.
#include <gtest/gtest.h>

#include <cmath>

#include "core/analytics/engine.hpp"
#include "core/error.hpp"

namespace mandate::core::analytics {
namespace {

Unit unit(std::string code, std::string parent) {
  Unit u;
  u.code = std::move(code);
  u.parent_code = std::move(parent);
  return u;
}

Indicator indicator(std::string code, Aggregation a, std::string formula = {}) {
  Indicator i;
  i.code = std::move(code);
  i.aggregation = a;
  i.formula = std::move(formula);
  return i;
}

// Centre C; provinces P1, P2; communes X1, X2 in P1 and Y1 in P2.
std::vector<Unit> tree() {
  return {unit("C", ""),    unit("P1", "C"),  unit("P2", "C"),
          unit("X1", "P1"), unit("X2", "P1"), unit("Y1", "P2")};
}

class EngineTest : public ::testing::Test {
 protected:
  explicit EngineTest(std::vector<Restructuring> changes = {})
      : engine_(tree(),
                {indicator("A", Aggregation::sum), indicator("B", Aggregation::sum),
                 indicator("RATE", Aggregation::rate, "{A} / {B} * 100"),
                 indicator("AVG", Aggregation::average), indicator("LAST", Aggregation::last),
                 indicator("MIN", Aggregation::min), indicator("MAX", Aggregation::max),
                 indicator("COUNT", Aggregation::count), indicator("NONE", Aggregation::none)},
                changes, {Period::term(2021, 2025)}) {}

  PeriodCode p(const char* id) { return engine_.period_code(Period::parse(id)); }
  void set(const char* ind, const char* u, const char* period, double v,
           ValueKind kind = ValueKind::official, OptionId option = 0) {
    engine_.set_value({engine_.indicator_id(ind), engine_.unit_id(u), p(period), option, kind, v});
  }
  bool del(const char* ind, const char* u, const char* period,
           ValueKind kind = ValueKind::official) {
    return engine_.delete_value(engine_.indicator_id(ind), engine_.unit_id(u), p(period), kind);
  }
  Figure q(const char* ind, const char* u, const char* period, OptionId option = 0) {
    return engine_.query(engine_.indicator_id(ind), engine_.unit_id(u), p(period), option);
  }

  Engine engine_;
};

TEST_F(EngineTest, SumsRollUpOverUnitsAndEveryLongerPeriod) {
  set("A", "X1", "202101", 1);
  set("A", "X1", "202102", 2);
  set("A", "X2", "202104", 4);
  set("A", "Y1", "202112", 8);
  EXPECT_EQ(q("A", "X1", "2021Q1").value, 3);
  EXPECT_EQ(q("A", "P1", "2021Q1").value, 3);
  EXPECT_EQ(q("A", "P1", "2021S1").value, 7);
  EXPECT_EQ(q("A", "P1", "2021YTD02").value, 3);
  EXPECT_EQ(q("A", "P1", "2021NM").value, 7);
  EXPECT_EQ(q("A", "C", "2021").value, 15);
  EXPECT_EQ(q("A", "C", "2021-2025").value, 15);
  EXPECT_EQ(q("A", "C", "2021").reporting_units, 3u);
  EXPECT_FALSE(q("A", "C", "2022").value);  // no data is no value, never 0
  set("A", "X1", "202101", 11);             // an update moves every total by the difference
  EXPECT_EQ(q("A", "C", "2021").value, 25);
  EXPECT_TRUE(del("A", "X1", "202101"));
  EXPECT_EQ(q("A", "C", "2021").value, 14);
  EXPECT_FALSE(del("A", "X1", "202101"));
}

TEST_F(EngineTest, RateIsRecomputedFromSummedPartsNeverAveraged) {
  set("A", "X1", "2021", 1);
  set("B", "X1", "2021", 2);  // 50 %
  set("A", "X2", "2021", 3);
  set("B", "X2", "2021", 4);  // 75 %
  EXPECT_DOUBLE_EQ(*q("RATE", "X1", "2021").value, 50);
  EXPECT_DOUBLE_EQ(*q("RATE", "P1", "2021").value, 4.0 / 6.0 * 100);  // not 62.5
  EXPECT_THROW(set("RATE", "X1", "2021", 10), Error);                 // computed, not entered
  set("B", "X2", "2021", 0);
  set("B", "X1", "2021", 0);
  EXPECT_FALSE(q("RATE", "P1", "2021").value);  // division by zero: no value
}

TEST_F(EngineTest, AverageMinMaxCountAndNone) {
  set("AVG", "X1", "202101", 10);
  set("AVG", "X1", "202102", 20);
  set("AVG", "X2", "202101", 60);
  EXPECT_EQ(q("AVG", "P1", "2021Q1").value, 30);  // every value weighs the same
  for (const char* u : {"X1", "X2", "Y1"}) {
    set("MIN", u, "202103", u[0] == 'Y' ? 1 : 5);
    set("MAX", u, "202103", u[0] == 'Y' ? 9 : 5);
    set("COUNT", u, "202103", 42);
  }
  EXPECT_EQ(q("MIN", "C", "2021").value, 1);
  EXPECT_EQ(q("MAX", "C", "2021").value, 9);
  EXPECT_EQ(q("COUNT", "C", "2021").value, 3);  // reporting units, not the values
  EXPECT_TRUE(del("MIN", "Y1", "202103"));      // the extreme goes: the next one shows
  EXPECT_TRUE(del("MAX", "Y1", "202103"));
  EXPECT_EQ(q("MIN", "C", "2021").value, 5);
  EXPECT_EQ(q("MAX", "C", "2021").value, 5);
  EXPECT_EQ(q("COUNT", "C", "2021").value, 3);
  set("NONE", "X1", "202101", 7);
  EXPECT_EQ(q("NONE", "X1", "202101").value, 7);
  EXPECT_FALSE(q("NONE", "X1", "2021Q1").value);
  EXPECT_FALSE(q("NONE", "P1", "202101").value);
}

TEST_F(EngineTest, LastIsTheLatestValueOfEachUnitAddedOverUnits) {
  set("LAST", "X1", "202101", 5);
  set("LAST", "X1", "202103", 7);
  set("LAST", "X2", "202102", 3);
  EXPECT_EQ(q("LAST", "X1", "2021Q1").value, 7);
  EXPECT_EQ(q("LAST", "P1", "2021Q1").value, 10);
  EXPECT_TRUE(del("LAST", "X1", "202103"));
  EXPECT_EQ(q("LAST", "P1", "2021Q1").value, 8);
}

TEST_F(EngineTest, OwnReportTakesPrecedenceOverThePartsAndOverSubPeriods) {
  set("A", "X1", "202101", 40);
  set("A", "X2", "202101", 50);
  set("A", "P1", "2021", 100);  // the province's own figure
  const Figure f = q("A", "P1", "2021");
  EXPECT_EQ(f.value, 100);
  EXPECT_EQ(f.reported, 100);
  EXPECT_EQ(f.own, 100);
  EXPECT_EQ(f.aggregated, 90);
  EXPECT_EQ(q("A", "C", "2021").value, 100);    // the centre takes P1's figure, no double count
  EXPECT_EQ(q("A", "P1", "2021Q1").value, 90);  // no own report for the quarter: its parts
  set("A", "X1", "2021Q1", 45);                 // a quarter report replaces its months
  EXPECT_EQ(q("A", "X1", "2021S1").value, 45);
  EXPECT_EQ(q("A", "X1", "202101").value, 40);
}

TEST_F(EngineTest, OfficialSupersedesEstimate) {
  set("A", "X1", "202101", 10, ValueKind::estimate);
  EXPECT_TRUE(q("A", "P1", "2021").estimate);
  set("A", "X1", "202101", 12, ValueKind::official);
  EXPECT_EQ(q("A", "P1", "2021").value, 12);
  EXPECT_FALSE(q("A", "P1", "2021").estimate);
  EXPECT_EQ(engine_.value_count(), 2u);
  EXPECT_TRUE(del("A", "X1", "202101", ValueKind::official));
  EXPECT_EQ(q("A", "P1", "2021").value, 10);
  EXPECT_TRUE(q("A", "P1", "2021").estimate);
}

TEST_F(EngineTest, BreakdownOptionsAggregateEachOnTheirOwn) {
  const OptionId women = engine_.option_id("WOMEN");
  const OptionId men = engine_.option_id("MEN");
  EXPECT_EQ(engine_.option_id("WOMEN"), women);
  set("A", "X1", "202101", 3, ValueKind::official, women);
  set("A", "X2", "202101", 4, ValueKind::official, women);
  set("A", "X1", "202101", 5, ValueKind::official, men);
  EXPECT_EQ(q("A", "P1", "2021", women).value, 7);
  EXPECT_EQ(q("A", "P1", "2021", men).value, 5);
  EXPECT_FALSE(q("A", "P1", "2021").value);  // the total is its own series
  EXPECT_EQ(engine_.options_of(engine_.indicator_id("A")), (std::vector<OptionId>{women, men}));
}

Restructuring merge_x1_into_y1() {
  Restructuring c;
  c.kind = Restructuring::Kind::merge;
  c.effective = make_date(2021, 7, 1);
  c.from = {"X1"};
  c.to = {"Y1"};
  return c;
}

class EngineMergeTest : public EngineTest {
 protected:
  EngineMergeTest() : EngineTest({merge_x1_into_y1()}) {}
};

TEST_F(EngineMergeTest, MergedUnitRollsIntoItsSuccessorFromTheEffectiveDate) {
  for (unsigned m = 1; m <= 12; ++m)
    set("A", "X1", Period::month(2021, m).id().c_str(), 1);
  EXPECT_EQ(q("A", "P1", "2021").value, 6);  // January..June
  EXPECT_EQ(q("A", "Y1", "2021").value, 6);  // July..December, as a part of Y1
  EXPECT_EQ(q("A", "P2", "2021").value, 6);
  EXPECT_EQ(q("A", "C", "2021").value, 12);  // nothing lost, nothing counted twice
  EXPECT_EQ(q("A", "P1", "2021Q3").value, std::nullopt);
  EXPECT_EQ(q("A", "P2", "2021Q2").value, std::nullopt);
  const auto kids = engine_.children(engine_.unit_id("Y1"), p("2021"));
  EXPECT_EQ(kids, std::vector<UnitId>{engine_.unit_id("X1")});
  EXPECT_TRUE(engine_.children(engine_.unit_id("Y1"), p("2021Q1")).empty());
}

TEST(EngineRestructuring, MoveChangesTheParentFromTheEffectiveMonth) {
  Restructuring move;
  move.kind = Restructuring::Kind::move;
  move.effective = make_date(2022, 1, 1);
  move.from = {"X2"};
  move.new_parent = "P2";
  Engine e(tree(), {indicator("A", Aggregation::sum)}, {move});
  const auto a = e.indicator_id("A"), x2 = e.unit_id("X2");
  e.set_value({a, x2, e.period_code(Period::parse("202112")), 0, ValueKind::official, 5});
  e.set_value({a, x2, e.period_code(Period::parse("202201")), 0, ValueKind::official, 7});
  EXPECT_EQ(e.query(a, e.unit_id("P1"), e.period_code(Period::parse("2021"))).value, 5);
  EXPECT_EQ(e.query(a, e.unit_id("P2"), e.period_code(Period::parse("2022"))).value, 7);
  EXPECT_EQ(e.query(a, e.unit_id("P1"), e.period_code(Period::parse("2022"))).value, std::nullopt);
}

// A commune split on 1/7/2022 between an existing commune and one born of the
// split: its history goes with the new one, its share of amounts and stocks
// with each.
TEST(EngineRestructuring, SplitSharesTheUnitAmongItsSuccessors) {
  std::vector<Unit> units = tree();
  units.push_back(unit("Z", "P2"));
  units.back().valid_from = make_date(2022, 7, 1);
  Restructuring split;
  split.kind = Restructuring::Kind::split;
  split.effective = make_date(2022, 7, 1);
  split.from = {"X1"};
  split.to = {"Z", "Y1"};
  split.shares = {0.25, 0.75};
  Engine e(units,
           {indicator("A", Aggregation::sum), indicator("MAX", Aggregation::max),
            indicator("AVG", Aggregation::average)},
           {split}, {Period::term(2021, 2025)});
  auto at = [&](const char* period) { return e.period_code(Period::parse(period)); };
  auto q = [&](const char* ind, const char* u, const char* period) {
    return e.query(e.indicator_id(ind), e.unit_id(u), at(period)).value;
  };
  const UnitId x1 = e.unit_id("X1"), z = e.unit_id("Z"), y1 = e.unit_id("Y1");
  for (const char* period : {"2021", "2022S1"}) {
    e.set_value({e.indicator_id("A"), x1, at(period), 0, ValueKind::official, 100});
    e.set_value({e.indicator_id("MAX"), x1, at(period), 0, ValueKind::official, 100});
    e.set_value({e.indicator_id("AVG"), x1, at(period), 0, ValueKind::official, 10});
  }
  e.set_value({e.indicator_id("A"), z, at("2022S2"), 0, ValueKind::official, 8});
  e.set_value({e.indicator_id("A"), y1, at("2022S2"), 0, ValueKind::official, 4});
  // The old province keeps the history; the new commune holds its share of it.
  EXPECT_EQ(q("A", "P1", "2021"), 100);
  EXPECT_EQ(q("A", "Z", "2021"), 25);
  EXPECT_EQ(q("A", "Z", "2022"), 25 + 8);
  EXPECT_EQ(q("A", "Z", "2021-2025"), 50 + 8);
  // The existing successor takes its share from the change on only.
  EXPECT_EQ(q("A", "Y1", "2022"), 4);
  // Z is part of P2 from its birth: its history is not counted twice.
  EXPECT_EQ(q("A", "P2", "2022"), 12);
  EXPECT_EQ(q("A", "C", "2022"), 112);
  EXPECT_EQ(q("A", "C", "2021-2025"), 212);
  // Extremes are whole; an average keeps its mean.
  EXPECT_EQ(q("MAX", "Z", "2021"), 100);
  EXPECT_EQ(q("AVG", "Z", "2021"), 10);
  EXPECT_EQ(e.children(z, at("2021")), std::vector<UnitId>{x1});
  EXPECT_TRUE(e.children(e.unit_id("P2"), at("2021")).size() == 1);  // Y1 only

  split.shares = {1};
  EXPECT_THROW(Engine(units, {}, {split}), Error);
}

// Wards merged into a ward founded by the merger: the new ward's figures for
// the years before it include theirs; the city counts each month once.
TEST(EngineRestructuring, AMergerIntoANewUnitCarriesTheHistory) {
  std::vector<Unit> units = tree();
  units.push_back(unit("N", "P1"));
  units.back().valid_from = make_date(2025, 7, 1);
  Restructuring merge;
  merge.kind = Restructuring::Kind::merge;
  merge.effective = make_date(2025, 7, 1);
  merge.from = {"X1", "X2"};
  merge.to = {"N"};
  Engine e(units, {indicator("A", Aggregation::sum)}, {merge}, {Period::term(2021, 2025)});
  auto at = [&](const char* period) { return e.period_code(Period::parse(period)); };
  auto set = [&](const char* u, const char* period, double v) {
    e.set_value({e.indicator_id("A"), e.unit_id(u), at(period), 0, ValueKind::official, v});
  };
  auto q = [&](const char* u, const char* period) {
    return e.query(e.indicator_id("A"), e.unit_id(u), at(period)).value;
  };
  set("X1", "2024", 10);
  set("X2", "2024", 20);
  set("X1", "2025S1", 1);
  set("X2", "2025S1", 2);
  set("N", "2025S2", 5);
  EXPECT_EQ(q("N", "2024"), 30);
  EXPECT_EQ(q("N", "2025"), 8);
  EXPECT_EQ(q("N", "2021-2025"), 38);
  EXPECT_EQ(q("P1", "2025"), 8);
  EXPECT_EQ(q("P1", "2021-2025"), 38);
  EXPECT_EQ(q("C", "2021-2025"), 38);
  EXPECT_EQ(e.children(e.unit_id("P1"), at("2025S2")), std::vector<UnitId>{e.unit_id("N")});
}

TEST(EngineRestructuring, LoopsAndUnknownUnitsAreRefused) {
  Restructuring loop;
  loop.kind = Restructuring::Kind::move;
  loop.effective = make_date(2022, 1, 1);
  loop.from = {"P1"};
  loop.new_parent = "X1";
  EXPECT_THROW(Engine(tree(), {}, {loop}), Error);
  Restructuring unknown = loop;
  unknown.new_parent = "NOPE";
  try {
    Engine e(tree(), {}, {unknown});
    ADD_FAILURE() << "accepted an unknown unit";
  } catch (const Error& err) {
    EXPECT_EQ(err.code(), "unit.not_found");
  }
}

TEST_F(EngineTest, ProjectionAndAtRisk) {
  const PeriodCode term = p("2021-2025");
  const auto a = engine_.indicator_id("A"), avg = engine_.indicator_id("AVG");
  const auto p1 = engine_.unit_id("P1");
  set("A", "X1", "2021", 10);
  set("A", "X1", "2022", 20);
  set("A", "X1", "2023", 30);
  engine_.set_target(a, p1, term, 150);
  Projection pr = engine_.projection(a, p1, term, 2023);
  EXPECT_EQ(pr.points, 3u);
  EXPECT_DOUBLE_EQ(*pr.linear, 60 + 40 + 50);  // the sum so far plus the trend's 2024 and 2025
  EXPECT_TRUE(*pr.reaches_linear);
  EXPECT_FALSE(pr.at_risk);
  EXPECT_EQ(pr.actual, 60);
  engine_.set_target(a, p1, term, 250);  // linear 150, compound 60 + 52 + 90 = 202: at risk
  set("AVG", "X1", "2021", 50);
  set("AVG", "X1", "2022", 60);
  engine_.set_target(avg, p1, term, 80);  // a level: the 2025 figure is compared
  pr = engine_.projection(avg, p1, term, 2022);
  EXPECT_DOUBLE_EQ(*pr.linear, 90);
  EXPECT_NEAR(*pr.compound, 60 * std::pow(1.2, 3), 1e-9);
  EXPECT_FALSE(pr.at_risk);
  const auto risky = engine_.at_risk(p1, term, 2023);
  ASSERT_EQ(risky.size(), 1u);
  EXPECT_EQ(risky[0].indicator, a);
}

TEST_F(EngineTest, BadInputIsRefusedAndChangesNothing) {
  EXPECT_THROW(engine_.unit_id("NOPE"), Error);
  EXPECT_THROW(engine_.indicator_id("NOPE"), Error);
  const auto a = engine_.indicator_id("A");
  EXPECT_THROW(engine_.set_value({a, 0, p("2021"), 0, ValueKind::official, std::nan("")}), Error);
  std::vector<ValueRecord> batch{
      {a, 3, p("202101"), 0, ValueKind::official, 1},
      {engine_.indicator_id("RATE"), 3, p("202101"), 0, ValueKind::official, 1}};
  EXPECT_THROW(engine_.load(batch), Error);
  EXPECT_EQ(engine_.value_count(), 0u);
  batch.pop_back();
  engine_.load(batch);
  EXPECT_EQ(engine_.value_count(), 1u);
  EXPECT_GT(engine_.memory_bytes(), 0u);
}

}  // namespace
}  // namespace mandate::core::analytics
