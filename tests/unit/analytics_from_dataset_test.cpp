// The engine over a data set (core/analytics/from_dataset.hpp): what of the
// stored restructurings, terms, targets and values reaches it.
#include "core/analytics/from_dataset.hpp"

#include <gtest/gtest.h>

#include "../support/sample_dataset.hpp"

namespace mandate::core::analytics {
namespace {

UnitChange change(UnitChangeKind kind, std::vector<std::string> from, std::vector<std::string> to) {
  UnitChange c;
  c.kind = kind;
  c.effective = make_date(2022, 7, 1);
  c.from = std::move(from);
  c.to = std::move(to);
  return c;
}

TEST(AnalyticsFromDataset, SplitsKeepTheirSharesAndAMergeKeepsItsSuccessorInPlace) {
  UnitChange split = change(UnitChangeKind::split, {"A"}, {"B", "C"});
  split.shares = {0.4, 0.6};
  const auto r = restructurings_of({split, change(UnitChangeKind::merge, {"A", "B"}, {"B"})});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].kind, Restructuring::Kind::split);
  EXPECT_EQ(r[0].shares, (std::vector<double>{0.4, 0.6}));
  EXPECT_EQ(r[1].kind, Restructuring::Kind::merge);
  EXPECT_EQ(r[1].from, std::vector<std::string>{"A"});
  EXPECT_EQ(r[1].to, std::vector<std::string>{"B"});
}

TEST(AnalyticsFromDataset, HoldsTheValuesTermsAndTermTargets) {
  Dataset d = test_support::sample_dataset();
  d.unit_changes.push_back(change(UnitChangeKind::merge, {"LS-DK", "LS-VT"}, {"LS-VT"}));
  const auto e = build_engine(d);
  EXPECT_EQ(e->value_count(), d.values.size());
  const auto term = e->find_period_code(Period::parse("2020-2025"));
  ASSERT_TRUE(term);
  const auto p = e->projection(e->indicator_id("POOR_RATE"), e->unit_id("LS"), *term, 2021);
  EXPECT_EQ(p.target, 0.5);
  // The wards' 2021 budget (official 42 over the estimate 40) is Vĩnh Trại's own.
  const auto f = e->query(e->indicator_id("BUDGET_REVENUE"), e->unit_id("LS-VT"),
                          *e->find_period_code(Period::parse("2021")));
  EXPECT_EQ(f.value, 42e9);
  EXPECT_EQ(e->stored(e->indicator_id("BUDGET_REVENUE"), e->unit_id("LS-VT"),
                      *e->find_period_code(Period::parse("2021")), ValueKind::estimate),
            40e9);
}

}  // namespace
}  // namespace mandate::core::analytics
