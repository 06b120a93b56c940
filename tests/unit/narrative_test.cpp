// The report's sentences in Vietnamese and English, from scorecards of the
// shared synthetic data set and from hand-made ones.
#include "core/narrative.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../support/sample_dataset.hpp"

namespace mandate::core {
namespace {

class NarrativeTest : public ::testing::Test {
 protected:
  Scorecard card(const std::string& unit, const std::string& period = "2021") {
    tree_ = UnitTree(data_.units);
    return build_scorecard(data_, tree_, *tree_.find_by_code(unit), Period::parse(period));
  }
  static const IndicatorResult& result(const Scorecard& s, const std::string& code) {
    for (const auto& r : s.indicators)
      if (r.indicator->code == code)
        return r;
    ADD_FAILURE() << "no result for " << code;
    return s.indicators.front();
  }

  Dataset data_ = test_support::sample_dataset();
  UnitTree tree_;
};

// --- Values as people read them ------------------------------------------------

TEST(FormatIndicatorValue, ByValueType) {
  Indicator money;
  money.value_type = ValueType::money;
  EXPECT_EQ(format_indicator_value(money, 430e9, Lang::vi), "430 tỷ đồng");
  EXPECT_EQ(format_indicator_value(money, 430e9, Lang::en), "430 billion VND");
  EXPECT_EQ(format_indicator_value(money, 65.3e6, Lang::vi), "65,3 triệu đồng");

  Indicator percent;
  percent.value_type = ValueType::percent;
  percent.unit_of_measure = "%";
  EXPECT_EQ(format_indicator_value(percent, 91.7, Lang::vi), "91,7%");
  EXPECT_EQ(format_indicator_value(percent, 91.7, Lang::en), "91.7%");

  Indicator count;
  count.value_type = ValueType::count;
  count.unit_of_measure = "hộ";
  count.decimals = 0;
  EXPECT_EQ(format_indicator_value(count, 1250, Lang::vi), "1.250 hộ");
  EXPECT_EQ(format_indicator_value(count, 1250, Lang::en), "1,250 hộ");

  Indicator number;  // a number measured in percent points keeps the sign glued
  number.value_type = ValueType::number;
  number.unit_of_measure = "%";
  EXPECT_EQ(format_indicator_value(number, 8.5, Lang::vi), "8,5%");
  number.unit_of_measure.clear();
  EXPECT_EQ(format_indicator_value(number, 8.5, Lang::vi), "8,5");

  Indicator yes_no;
  yes_no.value_type = ValueType::yes_no;
  EXPECT_EQ(format_indicator_value(yes_no, 1, Lang::vi), "có");
  EXPECT_EQ(format_indicator_value(yes_no, 0, Lang::vi), "không");
  EXPECT_EQ(format_indicator_value(yes_no, 1, Lang::en), "yes");
  EXPECT_EQ(format_indicator_value(yes_no, 0, Lang::en), "no");
}

// --- Summary -----------------------------------------------------------------

TEST_F(NarrativeTest, SummaryNamesTheMissedIndicators) {
  Scorecard s = card("LS");
  EXPECT_EQ(indicators_summary_sentence(s, Lang::vi),
            "Năm 2021, 2/3 chỉ tiêu kinh tế – xã hội đạt và vượt mục tiêu đề ra; 1 chỉ tiêu "
            "chưa đạt: Tỷ lệ hộ nghèo");
  EXPECT_EQ(indicators_summary_sentence(s, Lang::en),
            "Year 2021: 2 of 3 indicators met or exceeded their targets; 1 not met: Tỷ lệ hộ "
            "nghèo");
}

TEST_F(NarrativeTest, SummaryCountsThoseWithoutDataApart) {
  Scorecard s = card("LS-VT");
  EXPECT_EQ(indicators_summary_sentence(s, Lang::vi),
            "Năm 2021, 1/1 chỉ tiêu kinh tế – xã hội đạt và vượt mục tiêu đề ra (2 chỉ tiêu "
            "chưa đủ số liệu để đánh giá)");
  EXPECT_EQ(indicators_summary_sentence(s, Lang::en),
            "Year 2021: 1 of 1 indicators met or exceeded their targets (2 cannot be evaluated "
            "yet)");
}

TEST_F(NarrativeTest, SummaryListsSeveralMissesInPlanOrder) {
  data_.values[0].value = 300e9;  // budget below 368.5 bn
  Scorecard s = card("LS");
  EXPECT_EQ(indicators_summary_sentence(s, Lang::vi),
            "Năm 2021, 1/3 chỉ tiêu kinh tế – xã hội đạt và vượt mục tiêu đề ra; 2 chỉ tiêu "
            "chưa đạt: Thu ngân sách Nhà nước; Tỷ lệ hộ nghèo");
}

TEST_F(NarrativeTest, SummaryWithoutGroupNameUsesTheGenericWord) {
  data_.plans[0].indicator_group_name.clear();
  Scorecard s = card("LS");
  EXPECT_EQ(indicators_summary_sentence(s, Lang::vi),
            "Năm 2021, 2/3 chỉ tiêu đạt và vượt mục tiêu đề ra; 1 chỉ tiêu chưa đạt: Tỷ lệ hộ "
            "nghèo");
}

TEST_F(NarrativeTest, SummaryOfOtherPeriods) {
  data_.values.push_back({"POOR_RATE", "LS", "2021S1", ValueKind::official, 1.3, {}, false});
  Scorecard s = card("LS", "2021S1");
  EXPECT_EQ(indicators_summary_sentence(s, Lang::vi),
            "6 tháng đầu năm 2021, 0/0 chỉ tiêu kinh tế – xã hội đạt và vượt mục tiêu đề ra (3 "
            "chỉ tiêu chưa đủ số liệu để đánh giá)");
}

TEST(NarrativeSummary, EmptyWithoutIndicators) {
  Scorecard s;
  EXPECT_EQ(indicators_summary_sentence(s, Lang::vi), "");
  EXPECT_EQ(indicators_summary_sentence(s, Lang::en), "");
}

// --- One indicator -------------------------------------------------------------

TEST_F(NarrativeTest, MoneyEstimateAgainstAnAssignedTargetWithItsNote) {
  Scorecard s = card("LS");
  const auto& r = result(s, "BUDGET_REVENUE");
  EXPECT_EQ(indicator_sentence(r, Lang::vi),
            "Thu ngân sách Nhà nước ước đạt 430 tỷ đồng, bằng 116,7% dự toán tỉnh giao, vượt "
            "mục tiêu");
  // English does not use the Vietnamese note: it names the source.
  EXPECT_EQ(indicator_sentence(r, Lang::en),
            "Thu ngân sách Nhà nước: an estimated 430 billion VND, 116.7% of the target "
            "assigned by the level above, above target");
}

TEST_F(NarrativeTest, MoneyWithoutANoteNamesTheSource) {
  data_.targets[0].note.clear();
  Scorecard s = card("LS");
  EXPECT_EQ(indicator_sentence(result(s, "BUDGET_REVENUE"), Lang::vi),
            "Thu ngân sách Nhà nước ước đạt 430 tỷ đồng, bằng 116,7% chỉ tiêu cấp trên giao, "
            "vượt mục tiêu");
}

TEST_F(NarrativeTest, OfficialMoneyAgainstTheAnnualPlan) {
  Scorecard s = card("LS-VT");
  const auto& r = result(s, "BUDGET_REVENUE");
  EXPECT_EQ(indicator_sentence(r, Lang::vi),
            "Thu ngân sách Nhà nước đạt 42 tỷ đồng, bằng 105% kế hoạch năm, vượt mục tiêu");
  EXPECT_EQ(indicator_sentence(r, Lang::en),
            "Thu ngân sách Nhà nước: 42 billion VND, 105% of the annual plan, above target");
}

TEST_F(NarrativeTest, PercentShowsItsTargetInBrackets) {
  Scorecard s = card("LS");
  const auto& r = result(s, "BHYT_COVERAGE");
  EXPECT_EQ(indicator_sentence(r, Lang::vi),
            "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% (mục tiêu nghị quyết: 93,5%), vượt "
            "mục tiêu");
  EXPECT_EQ(indicator_sentence(r, Lang::en),
            "Tỷ lệ người dân tham gia bảo hiểm y tế: 95% (the resolution's target: 93.5%), above "
            "target");
}

TEST_F(NarrativeTest, PercentNearlyMet) {
  data_.targets[1].value = 97;
  Scorecard s = card("LS");
  EXPECT_EQ(indicator_sentence(result(s, "BHYT_COVERAGE"), Lang::vi),
            "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% (mục tiêu nghị quyết: 97%), gần đạt "
            "mục tiêu");
  EXPECT_EQ(indicator_sentence(result(s, "BHYT_COVERAGE"), Lang::en),
            "Tỷ lệ người dân tham gia bảo hiểm y tế: 95% (the resolution's target: 97%), nearly "
            "on target");
}

TEST_F(NarrativeTest, PercentMetExactly) {
  data_.targets[1].value = 95;
  Scorecard s = card("LS");
  EXPECT_EQ(indicator_sentence(result(s, "BHYT_COVERAGE"), Lang::vi),
            "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% (mục tiêu nghị quyết: 95%), đạt mục "
            "tiêu");
  EXPECT_EQ(indicator_sentence(result(s, "BHYT_COVERAGE"), Lang::en),
            "Tỷ lệ người dân tham gia bảo hiểm y tế: 95% (the resolution's target: 95%), on "
            "target");
}

TEST_F(NarrativeTest, LowerIsBetterIsStatedPlainly) {
  Scorecard s = card("LS");
  const auto& r = result(s, "POOR_RATE");
  EXPECT_EQ(indicator_sentence(r, Lang::vi),
            "Tỷ lệ hộ nghèo: 1,2% (kế hoạch năm: 1%), chưa đạt mục tiêu");
  EXPECT_EQ(indicator_sentence(r, Lang::en),
            "Tỷ lệ hộ nghèo: 1.2% (the annual plan: 1%), below target");
}

TEST_F(NarrativeTest, EstimateWithoutTarget) {
  Scorecard s = card("LS-VT");
  EXPECT_EQ(indicator_sentence(result(s, "BHYT_COVERAGE"), Lang::vi),
            "Tỷ lệ người dân tham gia bảo hiểm y tế ước đạt 90%");
  EXPECT_EQ(indicator_sentence(result(s, "BHYT_COVERAGE"), Lang::en),
            "Tỷ lệ người dân tham gia bảo hiểm y tế: an estimated 90%");
}

TEST_F(NarrativeTest, NoData) {
  Scorecard s = card("LS-VT");
  EXPECT_EQ(indicator_sentence(result(s, "POOR_RATE"), Lang::vi),
            "Tỷ lệ hộ nghèo: chưa có số liệu");
  EXPECT_EQ(indicator_sentence(result(s, "POOR_RATE"), Lang::en), "Tỷ lệ hộ nghèo: no data yet");
}

// Hand-made results for the directions the sample does not have.
IndicatorResult hand_made(const Indicator& ind, double actual, double target, TargetSource source) {
  IndicatorResult r;
  r.indicator = &ind;
  r.evaluation = evaluate(ind, actual, target);
  r.kind = ValueKind::official;
  r.target_source = source;
  return r;
}

TEST(NarrativeIndicator, YesNoGivesNoTargetPhrase) {
  Indicator ind;
  ind.name = "Hoàn thành chuyển đổi số cấp phường";
  ind.value_type = ValueType::yes_no;
  ind.direction = Direction::yes_no;
  const Indicator& i = ind;
  EXPECT_EQ(indicator_sentence(hand_made(i, 1, 1, TargetSource::resolution), Lang::vi),
            "Hoàn thành chuyển đổi số cấp phường: có, đạt mục tiêu");
  EXPECT_EQ(indicator_sentence(hand_made(i, 0, 1, TargetSource::resolution), Lang::en),
            "Hoàn thành chuyển đổi số cấp phường: no, below target");
}

TEST(NarrativeIndicator, AtMostCountIsPlainWithTargetInBrackets) {
  Indicator ind;
  ind.name = "Số vụ tai nạn giao thông";
  ind.value_type = ValueType::count;
  ind.direction = Direction::at_most;
  ind.unit_of_measure = "vụ";
  ind.decimals = 0;
  EXPECT_EQ(indicator_sentence(hand_made(ind, 12, 15, TargetSource::annual_plan), Lang::vi),
            "Số vụ tai nạn giao thông: 12 vụ (kế hoạch năm: 15 vụ), đạt mục tiêu");
}

TEST(NarrativeIndicator, AtLeastCountShowsPercentOfTarget) {
  Indicator ind;
  ind.name = "Số hộ được công nhận gia đình văn hóa";
  ind.value_type = ValueType::count;
  ind.direction = Direction::at_least;
  ind.unit_of_measure = "hộ";
  ind.decimals = 0;
  EXPECT_EQ(indicator_sentence(hand_made(ind, 1250, 1200, TargetSource::resolution), Lang::vi),
            "Số hộ được công nhận gia đình văn hóa đạt 1.250 hộ, bằng 104,2% mục tiêu nghị "
            "quyết, đạt mục tiêu");
}

TEST(NarrativeIndicator, ZeroTargetFallsBackToBrackets) {
  Indicator ind;
  ind.name = "Số xã đạt chuẩn";
  ind.value_type = ValueType::count;
  ind.unit_of_measure = "xã";
  EXPECT_EQ(indicator_sentence(hand_made(ind, 2, 0, TargetSource::annual_plan), Lang::vi),
            "Số xã đạt chuẩn đạt 2 xã (kế hoạch năm: 0 xã), vượt mục tiêu");
}

// --- Task groups -------------------------------------------------------------

TEST_F(NarrativeTest, TaskGroups) {
  Scorecard s = card("LS");
  EXPECT_EQ(task_groups_sentence(s, Lang::vi),
            "2/3 nhóm nhiệm vụ trọng tâm hoàn thành tốt trở lên, trong đó 1/3 nhóm nhiệm vụ "
            "hoàn thành xuất sắc");
  EXPECT_EQ(task_groups_sentence(s, Lang::en),
            "2 of 3 key task groups rated \"Hoàn thành tốt\" or better, 1 of 3 rated \"Hoàn "
            "thành xuất sắc\"");
}

TEST_F(NarrativeTest, TaskGroupsNotYetRated) {
  data_.task_ratings.clear();
  Scorecard s = card("LS");
  EXPECT_EQ(task_groups_sentence(s, Lang::vi),
            "Các nhóm nhiệm vụ trọng tâm chưa được đánh giá (Năm 2021)");
  EXPECT_EQ(task_groups_sentence(s, Lang::en),
            "The key task groups have not been rated for Year 2021");
}

TEST_F(NarrativeTest, NoTaskGroupSentenceForAWard) {
  Scorecard s = card("LS-VT");
  EXPECT_EQ(task_groups_sentence(s, Lang::vi), "");
  EXPECT_EQ(task_groups_sentence(s, Lang::en), "");
}

// --- Meetings ------------------------------------------------------------------

TEST_F(NarrativeTest, Meetings) {
  Scorecard s = card("LS");
  EXPECT_EQ(meetings_sentence(s, Lang::vi),
            "Tổ chức 3 cuộc sinh hoạt chi bộ mẫu, 2/3 cuộc xếp loại tốt trở lên");
  EXPECT_EQ(meetings_sentence(s, Lang::en),
            "3 model party-cell meetings held, 2 of 3 rated \"Tốt\" or better");
  Scorecard dk = card("LS-DK");
  EXPECT_EQ(meetings_sentence(dk, Lang::vi),
            "Tổ chức 1 cuộc sinh hoạt chi bộ mẫu, 1/1 cuộc xếp loại tốt trở lên");
}

TEST_F(NarrativeTest, MeetingsWithoutAScale) {
  data_.plans[0].meeting_scale.clear();
  data_.plans[0].meeting_good_level.clear();
  Scorecard s = card("LS");
  EXPECT_EQ(meetings_sentence(s, Lang::vi), "Tổ chức 3 cuộc sinh hoạt chi bộ mẫu");
  EXPECT_EQ(meetings_sentence(s, Lang::en), "3 model party-cell meetings held");
}

TEST_F(NarrativeTest, NoMeetingsNoSentence) {
  Scorecard s = card("LS-UB");
  EXPECT_EQ(meetings_sentence(s, Lang::vi), "");
}

// --- Study ---------------------------------------------------------------------

TEST_F(NarrativeTest, Study) {
  Scorecard s = card("LS");
  EXPECT_EQ(study_sentence(s, Lang::vi),
            "Tỷ lệ cán bộ, công chức, đảng viên tham gia học tập, quán triệt nghị quyết đạt 96% "
            "(600/625 người, 2 hội nghị)");
  EXPECT_EQ(study_sentence(s, Lang::en),
            "Study of the resolution reached 96% of cadres, party members (600 of 625 people, 2 "
            "sessions)");
}

TEST_F(NarrativeTest, StudyWithLargeNumbers) {
  data_.activities[0].attendance[1].attended = 4800;
  data_.activities[0].attendance[1].eligible = 5000;
  Scorecard s = card("LS");
  EXPECT_EQ(study_sentence(s, Lang::vi),
            "Tỷ lệ cán bộ, công chức, đảng viên tham gia học tập, quán triệt nghị quyết đạt 96% "
            "(4.920/5.125 người, 2 hội nghị)");
  EXPECT_EQ(study_sentence(s, Lang::en),
            "Study of the resolution reached 96% of cadres, party members (4,920 of 5,125 "
            "people, 2 sessions)");
}

TEST_F(NarrativeTest, StudyOfAWard) {
  Scorecard s = card("LS-VT");
  EXPECT_EQ(study_sentence(s, Lang::vi),
            "Tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết đạt 100% (20/20 người, 1 "
            "hội nghị)");
  Scorecard none = card("LS-DK");
  EXPECT_EQ(study_sentence(none, Lang::vi), "");
}

// --- Documents -----------------------------------------------------------------

TEST_F(NarrativeTest, DocumentsOfTheCity) {
  Scorecard s = card("LS");
  EXPECT_EQ(documents_sentence(s, Lang::vi),
            "Thành phố Lạng Sơn ban hành 2 nghị quyết chuyên đề, 1 kế hoạch và 1 văn bản hướng "
            "dẫn, triển khai, đôn đốc; sửa đổi, bổ sung 1 quy chế, quy định");
  EXPECT_EQ(documents_sentence(s, Lang::en),
            "Thành phố Lạng Sơn issued 2 thematic resolutions, 1 plan and 1 guidance document; "
            "amended or supplemented 1 regulation");
}

Scorecard documents_card(const Unit& unit, std::map<DocumentKind, size_t> issued,
                         std::map<DocumentKind, size_t> amending) {
  Scorecard s;
  s.unit = &unit;
  s.period = Period::year(2021);
  for (const auto& [kind, n] : issued)
    s.documents_total += n;
  for (const auto& [kind, n] : amending)
    s.documents_total += n;
  s.documents_by_kind = std::move(issued);
  s.documents_amending_by_kind = std::move(amending);
  return s;
}

TEST(NarrativeDocuments, IssuedAndAmendedByKind) {
  Unit ward;
  ward.code = "LS-VT";
  ward.name = "Phường Vĩnh Trại";
  Scorecard s = documents_card(ward,
                               {{DocumentKind::thematic_resolution, 4},
                                {DocumentKind::plan, 15},
                                {DocumentKind::guidance, 84}},
                               {{DocumentKind::regulation, 3}});
  EXPECT_EQ(documents_sentence(s, Lang::vi),
            "Phường Vĩnh Trại ban hành 4 nghị quyết chuyên đề, 15 kế hoạch và 84 văn bản hướng "
            "dẫn, triển khai, đôn đốc; sửa đổi, bổ sung 3 quy chế, quy định");
  EXPECT_EQ(documents_sentence(s, Lang::en),
            "Phường Vĩnh Trại issued 4 thematic resolutions, 15 plans and 84 guidance "
            "documents; amended or supplemented 3 regulations");
}

TEST(NarrativeDocuments, OneKindTwoKindsOnlyAmendedNone) {
  Unit ward;
  ward.name = "Phường Vĩnh Trại";
  EXPECT_EQ(documents_sentence(documents_card(ward, {{DocumentKind::directive, 1}}, {}), Lang::vi),
            "Phường Vĩnh Trại ban hành 1 chỉ thị");
  EXPECT_EQ(documents_sentence(documents_card(ward, {{DocumentKind::directive, 1}}, {}), Lang::en),
            "Phường Vĩnh Trại issued 1 directive");
  EXPECT_EQ(documents_sentence(
                documents_card(ward, {{DocumentKind::program, 1}, {DocumentKind::report, 2}}, {}),
                Lang::en),
            "Phường Vĩnh Trại issued 1 program and 2 reports");
  EXPECT_EQ(documents_sentence(documents_card(ward, {}, {{DocumentKind::regulation, 3}}), Lang::vi),
            "Phường Vĩnh Trại sửa đổi, bổ sung 3 quy chế, quy định");
  EXPECT_EQ(documents_sentence(documents_card(ward, {}, {}), Lang::vi), "");
}

TEST(NarrativeTasks, TimelinessCountsWithPercentages) {
  Scorecard s;
  s.period = Period::year(2021);
  EXPECT_EQ(task_timeliness_sentence(s, Lang::vi), "");  // nothing counted: nothing said
  TaskTimelinessCounts t;
  for (auto kind : {TaskTimeliness::completed_on_time, TaskTimeliness::completed_on_time,
                    TaskTimeliness::completed_on_time, TaskTimeliness::completed_late,
                    TaskTimeliness::in_progress, TaskTimeliness::in_progress,
                    TaskTimeliness::overdue, TaskTimeliness::overdue})
    t.add(kind);
  s.task_timeliness = t;
  EXPECT_EQ(task_timeliness_sentence(s, Lang::vi),
            "Năm 2021 có 8 nhiệm vụ cụ thể: 3 hoàn thành đúng hạn (37,5%), 1 hoàn thành quá "
            "hạn (12,5%), 2 đang thực hiện trong hạn (25%), 2 quá hạn chưa hoàn thành (25%)");
  EXPECT_EQ(task_timeliness_sentence(s, Lang::en),
            "Year 2021: 8 specific tasks, 3 completed on time (37.5%), 1 completed late (12.5%), 2 "
            "in progress and not yet due (25%), 2 overdue and not completed (25%)");
}

// --- The whole narrative -------------------------------------------------------

std::vector<std::string> headings(const std::vector<NarrativeSection>& sections) {
  std::vector<std::string> out;
  for (const auto& s : sections)
    out.push_back(s.heading);
  return out;
}

TEST_F(NarrativeTest, WholeNarrativeOfTheCity) {
  data_.fields.push_back({"defence", "Quốc phòng"});  // no indicator: no section
  Scorecard s = card("LS");
  auto sections = narrative(s, data_, Lang::vi);
  ASSERT_EQ(headings(sections),
            (std::vector<std::string>{"Kết quả chung", "Lĩnh vực Kinh tế",
                                      "Lĩnh vực Văn hóa – xã hội", "Các nhóm nhiệm vụ trọng tâm",
                                      "Học tập, quán triệt nghị quyết và xây dựng Đảng",
                                      "Văn bản cụ thể hóa nghị quyết"}));
  EXPECT_EQ(sections[0].sentences,
            (std::vector<std::string>{indicators_summary_sentence(s, Lang::vi),
                                      task_groups_sentence(s, Lang::vi)}));
  EXPECT_EQ(sections[1].sentences,
            std::vector<std::string>{indicator_sentence(result(s, "BUDGET_REVENUE"), Lang::vi)});
  EXPECT_EQ(sections[2].sentences,
            (std::vector<std::string>{indicator_sentence(result(s, "BHYT_COVERAGE"), Lang::vi),
                                      indicator_sentence(result(s, "POOR_RATE"), Lang::vi)}));
  EXPECT_EQ(sections[3].sentences,
            (std::vector<std::string>{"Nhóm 1: Phát triển kinh tế — hoàn thành xuất sắc",
                                      "Nhóm 2: Xây dựng Đảng — hoàn thành tốt",
                                      "Nhóm 3: Quốc phòng, an ninh — chưa đánh giá"}));
  EXPECT_EQ(sections[4].sentences,
            (std::vector<std::string>{
                study_sentence(s, Lang::vi), meetings_sentence(s, Lang::vi),
                "Tổ chức Hội thi tìm hiểu nghị quyết với 1.200 người dự thi. Trao 10 giải.",
                "Tuyên truyền trên loa phát thanh: 120 tin bài"}));
  EXPECT_EQ(sections[5].sentences, std::vector<std::string>{documents_sentence(s, Lang::vi)});
}

TEST_F(NarrativeTest, WholeNarrativeInEnglish) {
  Scorecard s = card("LS");
  auto sections = narrative(s, data_, Lang::en);
  ASSERT_EQ(headings(sections),
            (std::vector<std::string>{
                "Overall results", "Field: Kinh tế", "Field: Văn hóa – xã hội", "Key task groups",
                "Study of the resolution and party building", "Documents issued"}));
  EXPECT_EQ(sections[3].sentences[0], "Group 1: Phát triển kinh tế — Hoàn thành xuất sắc");
  EXPECT_EQ(sections[3].sentences[2], "Group 3: Quốc phòng, an ninh — not rated yet");
  EXPECT_EQ(sections[4].sentences[2],
            "Held the Hội thi tìm hiểu nghị quyết with 1,200 contestants. Trao 10 giải.");
}

TEST_F(NarrativeTest, EmptySectionsAreLeftOut) {
  // Đông Kinh: no indicator has data, no task groups, no documents; one meeting.
  Scorecard s = card("LS-DK");
  auto sections = narrative(s, data_, Lang::vi);
  ASSERT_EQ(headings(sections),
            (std::vector<std::string>{"Kết quả chung",
                                      "Học tập, quán triệt nghị quyết và xây dựng Đảng"}));
  EXPECT_EQ(sections[0].sentences,
            std::vector<std::string>{"Năm 2021, 0/0 chỉ tiêu kinh tế – xã hội đạt và vượt mục "
                                     "tiêu đề ra (3 chỉ tiêu chưa đủ số liệu để đánh giá)"});
  EXPECT_EQ(sections[1].sentences,
            std::vector<std::string>{
                "Tổ chức 1 cuộc sinh hoạt chi bộ mẫu, 1/1 cuộc xếp loại tốt trở lên"});
  for (const auto& section : sections)
    for (const auto& sentence : section.sentences)
      EXPECT_FALSE(sentence.empty());
}

TEST_F(NarrativeTest, NothingToSayGivesNoSections) {
  data_.plans.clear();
  Scorecard s = card("LS-DK", "2023");
  EXPECT_TRUE(narrative(s, data_, Lang::vi).empty());
  EXPECT_TRUE(narrative(s, data_, Lang::en).empty());
}

}  // namespace
}  // namespace mandate::core
