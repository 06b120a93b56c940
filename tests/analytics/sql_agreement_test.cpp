// The engine's figures for the three dashboard shapes equal what SQL computes
// from the raw values on SQLite, for every indicator, province, commune and
// year of the small preset, after the bulk load and after incremental writes.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/analytics/engine.hpp"
#include "generator.hpp"
#include "sql_backend.hpp"

namespace mandate::bench {
namespace {

using core::analytics::calendar_code;
using core::analytics::Engine;
using core::analytics::IndicatorId;
using core::analytics::PeriodCode;
using core::analytics::UnitId;
namespace slot = core::analytics::slot;

bool same(std::optional<double> a, std::optional<double> b) {
  if (a.has_value() != b.has_value())
    return false;
  return !a || std::abs(*a - *b) <= 1e-9 * std::max(1.0, std::abs(*a));
}

std::string show(std::optional<double> v) {
  return v ? std::to_string(*v) : "none";
}

class SqlAgreement : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = generate(GeneratorConfig::small());
    engine_ = std::make_unique<Engine>(data_.units, data_.indicators);
    engine_->load(data_.values);
    db_ = open_sqlite(":memory:");
    db_->load(data_);
    sql_ = std::make_unique<DashboardSql>(*db_, data_);
    sql_->create_indexes();
  }
  int years() const { return data_.config.months / 12; }
  int first_year() const { return data_.config.first_year; }

  void check_everything() {
    const auto& c = data_.config;
    std::vector<UnitId> provinces;
    for (int p = 0; p < c.provinces; ++p)
      provinces.push_back(static_cast<UnitId>(data_.first_province() + p));
    std::vector<PeriodCode> quarters;
    for (int y = first_year(); y < first_year() + years(); ++y)
      for (unsigned q = 1; q <= 4; ++q)
        quarters.push_back(calendar_code(y, slot::quarter(q)));

    // (a) each indicator by province and quarter.
    for (int i = 0; i < data_.first_rate(); ++i) {
      if (data_.indicators[static_cast<std::size_t>(i)].aggregation == core::Aggregation::none)
        continue;
      const IndicatorId ids[] = {static_cast<IndicatorId>(i)};
      const auto figures = engine_->query_grid(ids, provinces, quarters);
      const auto rows = sql_->by_province_quarter(i, first_year(), first_year() + years() - 1);
      ASSERT_EQ(rows.size(), provinces.size() * quarters.size()) << "indicator " << i;
      for (const Row& r : rows) {
        const auto p =
            static_cast<std::size_t>(*r[0]) - static_cast<std::size_t>(data_.first_province());
        const auto q = static_cast<std::size_t>((*r[1] - first_year()) * 4 + *r[2] - 1);
        const auto& f = figures[p * quarters.size() + q];
        EXPECT_TRUE(same(f.value, r[3]))
            << "indicator " << i << " province " << *r[0] << " " << *r[1] << "Q" << *r[2]
            << ": engine " << show(f.value) << ", SQL " << show(r[3]);
      }
    }
    // (b) every commune-level indicator for each province and year.
    std::vector<IndicatorId> commune_indicators;
    for (int i = 0; i < data_.first_cell_indicator(); ++i)
      commune_indicators.push_back(static_cast<IndicatorId>(i));
    for (UnitId p : provinces)
      for (int y = first_year(); y < first_year() + years(); ++y) {
        const PeriodCode year[] = {calendar_code(y, slot::year)};
        const UnitId unit[] = {p};
        const auto figures = engine_->query_grid(commune_indicators, unit, year);
        const auto want = sql_->province_year(static_cast<int>(p), y);
        for (std::size_t i = 0; i < commune_indicators.size(); ++i)
          EXPECT_TRUE(same(figures[i].value, want[i]))
              << "indicator " << i << " province " << p << " year " << y << ": engine "
              << show(figures[i].value) << ", SQL " << show(want[i]);
      }
    // (c) the party cells of each commune, every cell indicator, each year.
    std::vector<IndicatorId> cell_indicators;
    for (int i = 0; i < c.cell_indicators; ++i)
      cell_indicators.push_back(static_cast<IndicatorId>(data_.first_cell_indicator() + i));
    for (int k = 0; k < c.communes; ++k) {
      const auto commune = static_cast<UnitId>(data_.first_commune() + k);
      for (int y = first_year(); y < first_year() + years(); ++y) {
        const PeriodCode year[] = {calendar_code(y, slot::year)};
        const auto children = engine_->children(commune, year[0]);
        const auto figures = engine_->query_grid(cell_indicators, children, year);
        const auto rows = sql_->commune_children_year(static_cast<int>(commune), y);
        ASSERT_EQ(rows.size(), children.size() * cell_indicators.size());
        for (const Row& r : rows) {
          const auto u = std::find(children.begin(), children.end(), static_cast<UnitId>(*r[0]));
          ASSERT_NE(u, children.end());
          const auto i = static_cast<std::size_t>(*r[1]) -
                         static_cast<std::size_t>(data_.first_cell_indicator());
          const auto& f =
              figures[i * children.size() + static_cast<std::size_t>(u - children.begin())];
          EXPECT_TRUE(same(f.value, r[2])) << "cell " << *r[0] << " indicator " << *r[1];
        }
      }
    }
  }

  Dataset data_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<SqlBackend> db_;
  std::unique_ptr<DashboardSql> sql_;
};

TEST_F(SqlAgreement, AfterBulkLoad) {
  check_everything();
}

TEST_F(SqlAgreement, AfterIncrementalUpdatesAndDeletes) {
  // Change and delete values in both the engine and the database, then compare again.
  std::uint64_t x = 7;
  for (int n = 0; n < 400; ++n) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto& v = data_.values[(x >> 20) % data_.values.size()];
    const int year = core::analytics::code_year(v.period);
    const int month = static_cast<int>(core::analytics::code_slot(v.period)) + 1;
    const std::string where =
        fmt::format("indicator = {} AND unit = {} AND year = {} AND month = {}", v.indicator,
                    v.unit, year, month);
    if ((x >> 60) % 4 == 0) {
      engine_->delete_value(v.indicator, v.unit, v.period, core::ValueKind::official);
      db_->exec("DELETE FROM dv WHERE " + where);
    } else {
      const double value = static_cast<double>((x >> 33) % 2000);
      auto r = v;
      r.value = value;
      engine_->set_value(r);
      db_->exec("DELETE FROM dv WHERE " + where);
      db_->exec(fmt::format("INSERT INTO dv VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {})",
                            v.indicator, static_cast<int>(v.unit) >= data_.first_cell() ? 4 : 3,
                            data_.province_of[v.unit], data_.commune_of[v.unit], v.unit, year,
                            (month + 2) / 3, month, value));
    }
  }
  check_everything();
}

}  // namespace
}  // namespace mandate::bench
