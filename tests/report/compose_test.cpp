// The demo's report composed from the templates: the official layout's
// parts, the article's figures, the places left to write, template
// overrides and broken templates, the trace.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "../support/temp_dir.hpp"
#include "core/error.hpp"
#include "demo_snapshot.hpp"
#include "report/compose.hpp"
#include "report/render.hpp"

namespace mandate::report {
namespace {

std::shared_ptr<const service::Snapshot> demo() {
  return test_support::demo_snapshot();
}

service::Report city_year() {
  // Judged as of the day the article appeared.
  return service::build_report(demo(), "LS", "2021", core::Lang::vi, core::make_date(2022, 1, 17));
}

std::string all_text(const Document& d) {
  std::string out;
  for (const auto* lines : {&d.left, &d.right, &d.title, &d.subtitle, &d.signature})
    for (const auto& l : *lines)
      out += l.text + "\n";
  for (const auto& b : d.body)
    out += b.text + "\n";
  for (const auto& r : d.recipients)
    out += r + "\n";
  return out;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Compose, PartyLayoutOfTheYearReport) {
  const Document d =
      compose_document(city_year(), TemplateLibrary(), ReportKind::year, Layout::party);
  const std::string text = all_text(d);
  EXPECT_EQ(d.left[1].text, "THÀNH ỦY LẠNG SƠN");
  EXPECT_EQ(d.right[0].text, "ĐẢNG CỘNG SẢN VIỆT NAM");
  EXPECT_TRUE(has(text, "-BC/TU")) << text;
  EXPECT_TRUE(has(text, "Tổng kết năm 2021")) << text;
  EXPECT_TRUE(has(text, "17/19")) << text;
  EXPECT_TRUE(has(text, "430 tỷ đồng, bằng 116,7%")) << text;
  EXPECT_TRUE(has(text, "65,3 triệu đồng")) << text;
  EXPECT_TRUE(has(text, "91,7%")) << text;
  EXPECT_TRUE(has(text, "97,5%")) << text;
  EXPECT_TRUE(has(text, "6/6 nhóm nhiệm vụ")) << text;
  EXPECT_TRUE(has(text, "NHIỆM VỤ, GIẢI PHÁP NĂM 2022")) << text;
  EXPECT_TRUE(has(text, "Tiếp tục thực hiện")) << text;
  EXPECT_FALSE(has(text, "{{")) << text;

  size_t write_here = 0, tables = 0, charts = 0;
  for (const auto& b : d.body) {
    write_here += b.type == BlockType::write_here;
    if (b.type == BlockType::table) {
      ++tables;
      EXPECT_EQ(b.table.rows.size(), 19u);
    }
    if (b.type == BlockType::chart) {
      ++charts;
      EXPECT_FALSE(b.chart.bars.empty()) << b.text;
    }
  }
  EXPECT_GE(write_here, 2u);  // limitations and causes at least
  EXPECT_EQ(tables, 1u);
  EXPECT_EQ(charts, 2u);  // progress and sub-units
}

TEST(Compose, StateLayoutAndEveryKind) {
  const auto report = city_year();
  const Document d = compose_document(report, TemplateLibrary(), ReportKind::year, Layout::state);
  EXPECT_EQ(d.right[0].text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  EXPECT_EQ(d.right[1].text, "Độc lập - Tự do - Hạnh phúc");
  EXPECT_EQ(d.left[1].text, "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN");
  for (auto kind : {ReportKind::six_months, ReportKind::nine_months, ReportKind::mid_term}) {
    const std::string text =
        all_text(compose_document(report, TemplateLibrary(), kind, Layout::party));
    EXPECT_TRUE(has(text, "BÁO CÁO")) << report_kind_name(kind);
    EXPECT_TRUE(has(text, "HẠN CHẾ, NGUYÊN NHÂN")) << report_kind_name(kind);
  }
}

TEST(Compose, KindFollowsThePeriod) {
  EXPECT_EQ(default_kind(core::Period::parse("2021S1")), ReportKind::six_months);
  EXPECT_EQ(default_kind(core::Period::parse("2021")), ReportKind::year);
  EXPECT_THROW(parse_report_kind("weekly"), core::Error);
  EXPECT_THROW(parse_layout("royal"), core::Error);
}

TEST(Compose, AFolderOverridesATemplate) {
  test_support::TempDir dir;
  std::ofstream(dir.file("year.mustache")) << "{{> letterhead}}\n@title: RIÊNG {{year}}\n";
  const Document d =
      compose_document(city_year(), TemplateLibrary(dir.path()), ReportKind::year, Layout::party);
  ASSERT_EQ(d.title.size(), 1u);
  EXPECT_EQ(d.title[0].text, "RIÊNG 2021");
  EXPECT_EQ(d.left[1].text, "THÀNH ỦY LẠNG SƠN");  // the default letterhead still
}

TEST(Compose, BrokenTemplatesGiveClearErrors) {
  test_support::TempDir dir;
  std::ofstream(dir.file("year.mustache")) << "{{#general}}\n";
  try {
    compose_document(city_year(), TemplateLibrary(dir.path()), ReportKind::year, Layout::party);
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "report.template.invalid");
    EXPECT_NE(e.bilingual().find("year"), std::string::npos);
  }
  std::ofstream(dir.file("year.mustache"), std::ios::trunc) << "[chart pie]\n";
  EXPECT_THROW(
      compose_document(city_year(), TemplateLibrary(dir.path()), ReportKind::year, Layout::party),
      core::Error);
  try {
    TemplateLibrary(dir.file("missing"));
    FAIL();
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "report.template.dir_missing");
  }
}

TEST(Render, FilesHaveTheirSignatures) {
  const auto report = city_year();
  const TemplateLibrary t;
  EXPECT_EQ(render(report, Format::docx, {}, t).substr(0, 2), "PK");
  EXPECT_EQ(render(report, Format::xlsx, {}, t).substr(0, 2), "PK");
  EXPECT_EQ(render(report, Format::pdf, {}, t).substr(0, 5), "%PDF-");
  EXPECT_EQ(file_name("LS", "2021", Format::trace), "bao-cao-LS-2021.trace.json");
  EXPECT_THROW(parse_format("odt"), core::Error);
}

TEST(Trace, EveryIndicatorNamesItsValuesAndAggregation) {
  const auto trace =
      boost::json::parse(render(city_year(), Format::trace, {}, TemplateLibrary())).as_object();
  EXPECT_EQ(trace.at("indicatorsMet").at("count").to_number<int>(), 17);
  EXPECT_EQ(trace.at("indicatorsMet").at("of").to_number<int>(), 19);
  bool found = false;
  for (const auto& v : trace.at("indicators").as_array()) {
    const auto& o = v.as_object();
    if (o.at("code") != "BUDGET_REVENUE")
      continue;
    found = true;
    EXPECT_EQ(o.at("actual").to_number<double>(), 430e9);  // đồng
    EXPECT_EQ(o.at("printed").at("percentOfTarget"), "116,7%");
    EXPECT_EQ(o.at("aggregation"), "sum");
    EXPECT_FALSE(o.at("storedValues").as_array().empty());
    EXPECT_TRUE(o.at("figure").as_object().contains("explanation"));
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(trace.at("documents").at("records").as_array().size(),
            trace.at("documents").at("total").to_number<size_t>());
}

}  // namespace
}  // namespace mandate::report
