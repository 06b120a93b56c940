#pragma once
// A small synthetic data set shared by the core and store tests: a city with
// its party committee (and a department under it) and people's committee, two
// wards (one with a ward party committee and two party cells), one plan with
// three indicators, three task groups, activities and documents. Pure values,
// no I/O. Positions in the lists are relied on by the tests that mutate it;
// the comments give them.
//
// Units (in this order):
//   0 LS         Thành phố Lạng Sơn          city (root)
//   1 LS-TU      Thành ủy Lạng Sơn           party_committee  < LS
//   2 LS-TU-BTG  Ban Tuyên giáo Thành ủy     department       < LS-TU
//   3 LS-UB      Ủy ban nhân dân thành phố   peoples_committee < LS
//   4 LS-VT      Phường Vĩnh Trại            ward             < LS
//   5 LS-VT-DU   Đảng ủy phường Vĩnh Trại    party_committee  < LS-VT
//   6 LS-VT-CB1  Chi bộ khối 1               party_cell       < LS-VT-DU
//   7 LS-VT-CB2  Chi bộ khối 2               party_cell       < LS-VT-DU
//   8 LS-DK      Phường Đông Kinh            ward             < LS
//   9 LS-DK-CB1  Chi bộ khối 3               party_cell       < LS-DK
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/date.hpp"

namespace mandate::test_support {

inline core::Dataset sample_dataset() {
  using namespace mandate::core;
  Dataset d;
  d.note = "Bộ dữ liệu thử";

  auto unit = [&](std::string code, std::string name, UnitType type, std::string parent) {
    Unit u;
    u.code = std::move(code);
    u.name = std::move(name);
    u.type = type;
    u.parent_code = std::move(parent);
    d.units.push_back(std::move(u));
  };
  unit("LS", "Thành phố Lạng Sơn", UnitType::city, "");
  unit("LS-TU", "Thành ủy Lạng Sơn", UnitType::party_committee, "LS");
  unit("LS-TU-BTG", "Ban Tuyên giáo Thành ủy", UnitType::department, "LS-TU");
  unit("LS-UB", "Ủy ban nhân dân thành phố", UnitType::peoples_committee, "LS");
  unit("LS-VT", "Phường Vĩnh Trại", UnitType::ward, "LS");
  unit("LS-VT-DU", "Đảng ủy phường Vĩnh Trại", UnitType::party_committee, "LS-VT");
  unit("LS-VT-CB1", "Chi bộ khối 1", UnitType::party_cell, "LS-VT-DU");
  unit("LS-VT-CB2", "Chi bộ khối 2", UnitType::party_cell, "LS-VT-DU");
  unit("LS-DK", "Phường Đông Kinh", UnitType::ward, "LS");
  unit("LS-DK-CB1", "Chi bộ khối 3", UnitType::party_cell, "LS-DK");
  d.units[4].groups = {"urban"};
  d.units[8].groups = {"urban", "border"};
  d.units[8].valid_from = make_date(2020, 1, 1);
  d.units[9].illustrative = true;

  // Fields: 0 economy, 1 social.
  d.fields = {{"economy", "Kinh tế"}, {"social", "Văn hóa – xã hội"}};

  // Rating scales: 0 task, 1 meeting.
  d.rating_scales = {
      {"task",
       "Xếp loại nhiệm vụ",
       {{"excellent", "Hoàn thành xuất sắc"},
        {"good", "Hoàn thành tốt"},
        {"done", "Hoàn thành"},
        {"not_done", "Không hoàn thành"}}},
      {"meeting",
       "Xếp loại sinh hoạt chi bộ",
       {{"excellent", "Xuất sắc"}, {"good", "Tốt"}, {"fair", "Khá"}, {"poor", "Kém"}}},
  };

  // Indicators: 0 BUDGET_REVENUE (money), 1 INSURED (count), 2 POPULATION
  // (count), 3 BHYT_COVERAGE (computed percent), 4 POOR_RATE (percent, lower
  // is better).
  auto indicator = [&](std::string code, std::string name, ValueType type, Direction dir,
                       std::string field) {
    Indicator i;
    i.code = std::move(code);
    i.name = std::move(name);
    i.value_type = type;
    i.direction = dir;
    i.field = std::move(field);
    i.unit_of_measure = type == ValueType::percent ? "%"
                        : type == ValueType::money ? "đồng"
                                                   : "người";
    d.indicators.push_back(std::move(i));
  };
  indicator("BUDGET_REVENUE", "Thu ngân sách Nhà nước", ValueType::money,
            Direction::higher_is_better, "economy");
  indicator("INSURED", "Số người tham gia bảo hiểm y tế", ValueType::count,
            Direction::higher_is_better, "social");
  indicator("POPULATION", "Dân số", ValueType::count, Direction::higher_is_better, "social");
  indicator("BHYT_COVERAGE", "Tỷ lệ người dân tham gia bảo hiểm y tế", ValueType::percent,
            Direction::higher_is_better, "social");
  indicator("POOR_RATE", "Tỷ lệ hộ nghèo", ValueType::percent, Direction::lower_is_better,
            "social");
  d.indicators[0].responsible_unit = "LS-UB";
  d.indicators[0].description = "Tổng thu ngân sách trên địa bàn";
  d.indicators[2].aggregation = Aggregation::last;
  d.indicators[3].formula = "{INSURED} / {POPULATION} * 100";
  d.indicators[3].aggregation = Aggregation::rate;
  d.indicators[3].nearly_met_ratio = 0.95;
  d.indicators[4].decimals = 2;
  d.indicators[4].min_value = 0.5;
  d.indicators[4].illustrative = true;

  // Plans: 0 NQ-LS, the city's resolution.
  Plan plan;
  plan.code = "NQ-LS";
  plan.name = "Nghị quyết Đại hội Đảng bộ thành phố lần thứ XXIII";
  plan.unit = "LS";
  plan.term = "2020-2025";
  plan.document = "D0";
  plan.indicators = {"BUDGET_REVENUE", "BHYT_COVERAGE", "POOR_RATE"};
  plan.indicator_group_name = "chỉ tiêu kinh tế – xã hội";
  plan.task_scale = "task";
  plan.task_good_level = "good";
  plan.meeting_scale = "meeting";
  plan.meeting_good_level = "good";
  d.plans.push_back(plan);

  auto target = [&](std::string ind, std::string u, std::string period, double value,
                    TargetSource source, std::string note = {}) {
    d.targets.push_back(
        {std::move(ind), std::move(u), std::move(period), value, source, std::move(note), false});
  };
  // Targets: 0 city budget 2021, 1 city coverage 2021, 2 city poor rate 2021,
  // 3 city poor rate for the term (must not be used for 2021), 4 ward budget 2021.
  target("BUDGET_REVENUE", "LS", "2021", 368.5e9, TargetSource::assigned_by_superior,
         "dự toán tỉnh giao");
  target("BHYT_COVERAGE", "LS", "2021", 93.5, TargetSource::resolution);
  target("POOR_RATE", "LS", "2021", 1.0, TargetSource::annual_plan);
  target("POOR_RATE", "LS", "2020-2025", 0.5, TargetSource::resolution);
  target("BUDGET_REVENUE", "LS-VT", "2021", 40e9, TargetSource::annual_plan);

  auto value = [&](std::string ind, std::string u, std::string period, ValueKind kind, double v) {
    d.values.push_back({std::move(ind), std::move(u), std::move(period), kind, v, {}, false});
  };
  // Values 0..3: the city's budget (estimate only in 2021; 2020 official).
  value("BUDGET_REVENUE", "LS", "2021", ValueKind::estimate, 430e9);
  value("BUDGET_REVENUE", "LS", "2020", ValueKind::official, 350e9);
  value("INSURED", "LS", "2021", ValueKind::official, 95000);
  value("POPULATION", "LS", "2021", ValueKind::official, 100000);
  // 4..5: the city's poor rate.
  value("POOR_RATE", "LS", "2021", ValueKind::official, 1.2);
  value("POOR_RATE", "LS", "2020", ValueKind::official, 1.5);
  // 6..9: Vĩnh Trại: official supersedes estimate; an estimated input.
  value("BUDGET_REVENUE", "LS-VT", "2021", ValueKind::estimate, 40e9);
  value("BUDGET_REVENUE", "LS-VT", "2021", ValueKind::official, 42e9);
  value("INSURED", "LS-VT", "2021", ValueKind::estimate, 9000);
  value("POPULATION", "LS-VT", "2021", ValueKind::official, 10000);
  // 10..11: Đông Kinh: a zero population (division by zero).
  value("INSURED", "LS-DK", "2021", ValueKind::official, 0);
  value("POPULATION", "LS-DK", "2021", ValueKind::official, 0);
  d.values[0].comment = "Ước thực hiện";

  // Tasks: 0..2 task groups G1..G3 of NQ-LS, 3 a task under G1.
  auto task = [&](std::string code, std::string parent, std::string name) {
    Task t;
    t.code = std::move(code);
    t.plan = "NQ-LS";
    t.parent_code = std::move(parent);
    t.name = std::move(name);
    d.tasks.push_back(std::move(t));
  };
  task("G1", "", "Phát triển kinh tế");
  task("G2", "", "Xây dựng Đảng");
  task("G3", "", "Quốc phòng, an ninh");
  task("G1.1", "G1", "Thu ngân sách");
  d.tasks[0].field = "economy";
  d.tasks[0].responsible_unit = "LS-UB";
  d.tasks[0].coordinating_units = {"LS-TU"};
  d.tasks[0].start = make_date(2021, 1, 1);
  d.tasks[0].deadline = make_date(2025, 12, 31);
  d.tasks[0].status = TaskStatus::in_progress;
  d.tasks[0].progress = 40;

  // Task ratings: 0 G1 excellent 2021, 1 G2 good 2021, 2 G1 not_done 2020
  // (another period), 3 G1.1 done 2021 (not a group). G3 is not rated.
  auto rating = [&](std::string t, std::string period, std::string level) {
    d.task_ratings.push_back(
        {std::move(t), std::move(period), "task", std::move(level), {}, false});
  };
  rating("G1", "2021", "excellent");
  rating("G2", "2021", "good");
  rating("G1", "2020", "not_done");
  rating("G1.1", "2021", "done");

  auto activity = [&](std::string code, ActivityKind kind, std::string name, std::string u,
                      Date date) -> Activity& {
    Activity a;
    a.code = std::move(code);
    a.kind = kind;
    a.name = std::move(name);
    a.unit = std::move(u);
    a.date = date;
    a.plan = "NQ-LS";
    d.activities.push_back(std::move(a));
    return d.activities.back();
  };
  // Activities: 0 S1 city study 2021; 1 S2 party cell study 2021; 2 S3 city
  // study 2022; 3..5 model meetings M1..M3; 6 contest; 7 propaganda.
  activity("S1", ActivityKind::study_session, "Hội nghị học tập nghị quyết", "LS",
           make_date(2021, 3, 10))
      .attendance = {{"cadres", "Cán bộ, công chức", 100, 105},
                     {"party_members", "Đảng viên", 480, 500}};
  activity("S2", ActivityKind::study_session, "Học tập tại chi bộ", "LS-VT-CB1",
           make_date(2021, 5, 1))
      .attendance = {{"party_members", "Đảng viên", 20, 20}};
  activity("S3", ActivityKind::study_session, "Học tập năm 2022", "LS", make_date(2022, 1, 5))
      .attendance = {{"party_members", "Đảng viên", 50, 50}};
  auto& m1 = activity("M1", ActivityKind::model_meeting, "Sinh hoạt chi bộ mẫu khối 1", "LS-VT-CB1",
                      make_date(2021, 6, 1));
  m1.rating_scale = "meeting";
  m1.rating_level = "good";
  auto& m2 = activity("M2", ActivityKind::model_meeting, "Sinh hoạt chi bộ mẫu khối 2", "LS-VT-CB2",
                      make_date(2021, 7, 1));
  m2.rating_scale = "meeting";
  m2.rating_level = "fair";
  auto& m3 = activity("M3", ActivityKind::model_meeting, "Sinh hoạt chi bộ mẫu khối 3", "LS-DK-CB1",
                      make_date(2021, 8, 1));
  m3.rating_scale = "meeting";
  m3.rating_level = "excellent";
  auto& c1 = activity("C1", ActivityKind::contest, "Hội thi tìm hiểu nghị quyết", "LS",
                      make_date(2021, 9, 1));
  c1.participants = 1200;
  c1.result = "Trao 10 giải.";
  activity("P1", ActivityKind::propaganda, "Tuyên truyền trên loa phát thanh", "LS-VT",
           make_date(2021, 10, 1))
      .result = "120 tin bài";

  auto document = [&](std::string code, DocumentKind kind, Date date, std::string issuer,
                      std::string amends = {}) {
    Document doc;
    doc.code = std::move(code);
    doc.kind = kind;
    doc.number = doc.code + "/TU";
    doc.title = "Văn bản " + doc.code;
    doc.date = date;
    doc.issuer = std::move(issuer);
    doc.plan = "NQ-LS";
    doc.amends = std::move(amends);
    d.documents.push_back(std::move(doc));
  };
  // Documents:
  //   0 D0  resolution           2020-10-15 LS-TU  (the plan's own, before 2021)
  //   1 D1  thematic_resolution  2021-02-01 LS-TU
  //   2 D2  thematic_resolution  2021-03-01 LS-TU
  //   3 D3  plan                 2021-04-01 LS-UB
  //   4 D4  guidance             2021-12-31 LS-TU-BTG (last day of 2021)
  //   5 D5  guidance             2022-01-01 LS-TU     (first day of 2022)
  //   6 D6  regulation           2020-05-01 LS-TU
  //   7 D7  regulation           2021-06-01 LS-TU     amends D6
  //   8 D8  plan                 2021-02-15 LS-VT     (the ward's)
  //   9 D9  directive            2021-03-15 LS-VT-DU  (the ward party committee's)
  //  10 D10 plan                 2021-04-15 LS-VT-CB1 (a party cell's)
  document("D0", DocumentKind::resolution, make_date(2020, 10, 15), "LS-TU");
  document("D1", DocumentKind::thematic_resolution, make_date(2021, 2, 1), "LS-TU");
  document("D2", DocumentKind::thematic_resolution, make_date(2021, 3, 1), "LS-TU");
  document("D3", DocumentKind::plan, make_date(2021, 4, 1), "LS-UB");
  document("D4", DocumentKind::guidance, make_date(2021, 12, 31), "LS-TU-BTG");
  document("D5", DocumentKind::guidance, make_date(2022, 1, 1), "LS-TU");
  document("D6", DocumentKind::regulation, make_date(2020, 5, 1), "LS-TU");
  document("D7", DocumentKind::regulation, make_date(2021, 6, 1), "LS-TU", "D6");
  document("D8", DocumentKind::plan, make_date(2021, 2, 15), "LS-VT");
  document("D9", DocumentKind::directive, make_date(2021, 3, 15), "LS-VT-DU");
  document("D10", DocumentKind::plan, make_date(2021, 4, 15), "LS-VT-CB1");
  d.documents[1].implements = "D0";
  d.documents[1].field = "economy";
  d.documents[6].status = DocumentStatus::amended;
  return d;
}

}  // namespace mandate::test_support
