// The demo's illustrative reorganisation of 1/7/2025: the wards' complaint
// figures roll into the successors, the city's figures are what they would be
// without the reorganisation, and reports over a period that spans it say so.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/date.hpp"
#include "demo_snapshot.hpp"
#include "report/compose.hpp"
#include "report/report_charts.hpp"

namespace mandate::report {
namespace {

// Open tasks are judged as of this day; the figures here do not depend on it.
const core::Date kToday = core::make_date(2026, 1, 1);

using test_support::demo_snapshot;

std::optional<double> figure(const service::Snapshot& s, const std::string& indicator,
                             const std::string& unit, const std::string& period) {
  const auto& e = *s.engine;
  const auto p = e.find_period_code(core::Period::parse(period));
  if (!p)
    return std::nullopt;
  return e.query(e.indicator_id(indicator), e.unit_id(unit), *p).value;
}

double received(const std::string& unit, const std::string& period) {
  return figure(*demo_snapshot(), "COMPLAINTS_RECEIVED", unit, period).value_or(-1);
}

TEST(DemoReorganisation, TheCityYearAddsTheOldUnitsFirstHalfAndTheNewUnitsSecond) {
  double old_units = 0, new_units = 0;
  for (const char* u : {"LS-CL", "LS-DK", "LS-HVT", "LS-TT", "LS-VT", "LS-HD", "LS-MP", "LS-QL"})
    old_units += received(u, "2025S1");
  for (const char* u : {"LS-LVT", "LS-TT25", "LS-DK25", "LS-KL"})
    new_units += received(u, "2025S2");
  EXPECT_EQ(old_units, 85);
  EXPECT_EQ(new_units, 85);
  EXPECT_EQ(received("LS", "2025"), old_units + new_units);
  EXPECT_EQ(received("LS", "2025S1"), old_units);
  EXPECT_EQ(received("LS", "2025S2"), new_units);
}

TEST(DemoReorganisation, SuccessorsCarryTheirPredecessorsHistory) {
  // Lương Văn Tri = Chi Lăng + Hoàng Văn Thụ.
  EXPECT_EQ(received("LS-LVT", "2024"), received("LS-CL", "2024") + received("LS-HVT", "2024"));
  EXPECT_EQ(received("LS-LVT", "2024"), 57);
  // Kỳ Lừa = 60% of Hoàng Đồng + Quảng Lạc; Đông Kinh (new) = Đông Kinh + Mai Pha + 40%.
  EXPECT_EQ(received("LS-KL", "2024"), 0.6 * received("LS-HD", "2024") + received("LS-QL", "2024"));
  EXPECT_EQ(received("LS-KL", "2024"), 26);
  EXPECT_EQ(received("LS-DK25", "2024"), 25 + 13 + 0.4 * 25);
  // A successor's own 2025: its predecessors' first half and its own second.
  EXPECT_EQ(received("LS-KL", "2025"), 0.6 * 10 + 5 + 13);
  // The old units keep their history and end with June.
  EXPECT_EQ(received("LS-HD", "2025"), 10);
  EXPECT_EQ(figure(*demo_snapshot(), "COMPLAINTS_RECEIVED", "LS-HD", "2025S2"), std::nullopt);
}

// The same data without the reorganisation: no changes, so every old and new
// ward is simply a part of the city (each holds values only while it exists).
std::shared_ptr<service::Snapshot> without_reorganisation() {
  core::Dataset d = demo_snapshot()->data;
  d.values.assign(demo_snapshot()->values.begin(), demo_snapshot()->values.end());
  d.unit_changes.clear();
  return test_support::snapshot_of(std::move(d));
}

TEST(DemoReorganisation, TheCityFiguresAreThoseWithoutTheReorganisation) {
  const auto with = demo_snapshot();
  const auto without = without_reorganisation();
  std::vector<std::string> indicators{"COMPLAINTS_RECEIVED", "COMPLAINTS_RESOLVED"};
  for (const auto& i : with->data.plans.at(0).indicators)
    indicators.push_back(i);
  size_t compared = 0;
  for (const auto& i : indicators)
    for (const char* p :
         {"2020", "2021", "2022", "2023", "2024", "2025", "2025S1", "2025S2", "2020-2025"}) {
      EXPECT_EQ(figure(*with, i, "LS", p), figure(*without, i, "LS", p)) << i << " " << p;
      compared += figure(*with, i, "LS", p).has_value();
    }
  EXPECT_GT(compared, 40u);

  // The term report: every actual, every status and the count met.
  const auto term_with = service::build_report(with, "LS", "2020-2025", core::Lang::vi, kToday);
  const auto term_without =
      service::build_report(without, "LS", "2020-2025", core::Lang::vi, kToday);
  ASSERT_EQ(term_with.scorecard.indicators.size(), term_without.scorecard.indicators.size());
  for (size_t k = 0; k < term_with.scorecard.indicators.size(); ++k) {
    const auto& a = term_with.scorecard.indicators[k];
    const auto& b = term_without.scorecard.indicators[k];
    EXPECT_EQ(a.evaluation.actual, b.evaluation.actual) << a.indicator->code;
    EXPECT_EQ(a.evaluation.status, b.evaluation.status) << a.indicator->code;
  }
  EXPECT_EQ(term_with.scorecard.indicators_met, term_without.scorecard.indicators_met);
  EXPECT_EQ(received("LS", "2022"), 30 + 26 + 34 + 22 + 25 + 20 + 15 + 12);
}

std::string section(const service::Report& r, const std::string& key) {
  std::string out;
  for (const auto& s : r.content.sections)
    if (s.key == key)
      for (const auto& sentence : s.sentences)
        out += sentence + "\n";
  return out;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(DemoReorganisation, TheTermReportNamesTheChanges) {
  const auto vi = service::build_report(demo_snapshot(), "LS", "2020-2025", core::Lang::vi, kToday);
  const std::string text = section(vi, "unit_changes");
  EXPECT_TRUE(has(text,
                  "Từ ngày 1/7/2025, Phường Chi Lăng và Phường Hoàng Văn Thụ hợp nhất "
                  "thành Phường Lương Văn Tri"))
      << text;
  EXPECT_TRUE(has(text,
                  "Xã Hoàng Đồng được chia tách: 40% vào Phường Đông Kinh, 60% vào "
                  "Phường Kỳ Lừa"))
      << text;
  EXPECT_TRUE(has(text, "giải thể Xã Quảng Lạc; số liệu chuyển về Phường Kỳ Lừa")) << text;
  EXPECT_TRUE(has(text, "giải thể Đảng ủy phường Vĩnh Trại và Đảng ủy phường Hoàng Văn Thụ"))
      << text;
  EXPECT_TRUE(has(text,
                  "Chi bộ thôn Pò Mỏ, Chi bộ thôn Nà Tâm và Chi bộ thôn Pò Luông chuyển về "
                  "trực thuộc Phường Kỳ Lừa"))
      << text;
  EXPECT_TRUE(has(text, "cộng vào đơn vị kế thừa")) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 11) << text;  // the lead and 10 changes

  const auto en = service::build_report(demo_snapshot(), "LS", "2025", core::Lang::en, kToday);
  EXPECT_TRUE(has(section(en, "unit_changes"),
                  "From 01/07/2025, Xã Hoàng Đồng was split: 40% to "
                  "Phường Đông Kinh, 60% to Phường Kỳ Lừa"))
      << section(en, "unit_changes");

  // In the document the office signs: under the overall assessment.
  const std::string doc = [&] {
    std::string out;
    for (const auto& b :
         compose_document(vi, TemplateLibrary(), ReportKind::mid_term, Layout::party).body)
      out += b.text + "\n";
    return out;
  }();
  EXPECT_TRUE(has(doc, "hợp nhất thành Phường Lương Văn Tri.")) << doc;
  EXPECT_LT(doc.find("hợp nhất thành"), doc.find("2. Kết quả trên các lĩnh vực")) << doc;
}

TEST(DemoReorganisation, TheUnitsChartShowsTheUnitsAsTheyStandAtThePeriodsEnd) {
  auto labels = [](const char* period) {
    std::vector<std::string> out;
    const auto chart =
        units_chart(service::build_report(demo_snapshot(), "LS", period, core::Lang::vi, kToday));
    if (chart)
      for (const auto& b : chart->bars)
        out.push_back(b.label);
    std::sort(out.begin(), out.end());
    return out;
  };
  // The new wards (with their predecessors' first half), not old and new side by side.
  EXPECT_EQ(labels("2025"), (std::vector<std::string>{"Phường Kỳ Lừa", "Phường Lương Văn Tri",
                                                      "Phường Tam Thanh", "Phường Đông Kinh"}));
  EXPECT_EQ(labels("2024").size(), 8u);
}

TEST(DemoReorganisation, ReportsThatDoNotSpanTheChangeSayNothing) {
  for (const char* p : {"2021", "2025S1", "2025S2"}) {
    const auto r = service::build_report(demo_snapshot(), "LS", p, core::Lang::vi, kToday);
    EXPECT_EQ(section(r, "unit_changes"), "") << p;
  }
  // A ward's report names only the changes that touch it.
  const auto kl = service::build_report(demo_snapshot(), "LS-KL", "2025", core::Lang::vi, kToday);
  const std::string text = section(kl, "unit_changes");
  EXPECT_TRUE(has(text, "Xã Hoàng Đồng được chia tách")) << text;
  EXPECT_TRUE(has(text, "giải thể Xã Quảng Lạc")) << text;
  EXPECT_FALSE(has(text, "Lương Văn Tri")) << text;
}

TEST(DemoReorganisation, AReportSpeaksOfTheUnitAsItStoodThen) {
  // Vĩnh Trại's 2021 meetings stay Vĩnh Trại's though its cells moved in 2025.
  const auto vt = service::build_report(demo_snapshot(), "LS-VT", "2021", core::Lang::vi, kToday);
  EXPECT_EQ(vt.scorecard.model_meetings.size(), 2u);
  const auto tt25 =
      service::build_report(demo_snapshot(), "LS-TT25", "2025", core::Lang::vi, kToday);
  EXPECT_TRUE(tt25.scorecard.model_meetings.empty());  // the 2021 meetings were not under it

  // A ward renamed in 2024: its 2024 report carries the new name, its 2021 one the old.
  core::Dataset d = demo_snapshot()->data;
  d.values.assign(demo_snapshot()->values.begin(), demo_snapshot()->values.end());
  core::UnitChange rename;
  rename.code = "DOI-TEN";
  rename.kind = core::UnitChangeKind::rename;
  rename.effective = core::make_date(2024, 1, 1);
  rename.from = {"LS-MP"};
  rename.new_name = "Phường Mai Pha";
  d.unit_changes.push_back(rename);
  const auto renamed = test_support::snapshot_of(std::move(d));
  const auto later = service::build_report(renamed, "LS-MP", "2024", core::Lang::vi, kToday);
  EXPECT_EQ(later.content.subtitle, "Phường Mai Pha — Năm 2024");
  const auto earlier = service::build_report(renamed, "LS-MP", "2021", core::Lang::vi, kToday);
  EXPECT_EQ(earlier.content.subtitle, "Xã Mai Pha — Năm 2021");
}

}  // namespace
}  // namespace mandate::report
