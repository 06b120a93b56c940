#pragma once
// The sentences a report is made of, generated from a scorecard in the chosen
// language. Sentence patterns live in the catalog (messages_report.cpp).
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/scorecard.hpp"

namespace mandate::core {

// An indicator's value as people read it: "430 tỷ đồng", "91,7%", "1.250 hộ", "có".
std::string format_indicator_value(const Indicator& indicator, double value, Lang lang);

struct NarrativeSection {
  // "general", "unit_changes", "field", "task_groups", "party_building", "documents"
  std::string key;
  std::string heading;
  std::vector<std::string> sentences;
};

// "17/19 chỉ tiêu kinh tế – xã hội đạt và vượt mục tiêu đề ra; 2 chỉ tiêu chưa đạt: ..."
std::string indicators_summary_sentence(const Scorecard& s, Lang lang);
// "Thu ngân sách Nhà nước ước đạt 430 tỷ đồng, bằng 116,7% dự toán tỉnh giao"
std::string indicator_sentence(const IndicatorResult& r, Lang lang);
// "6/6 nhóm nhiệm vụ trọng tâm hoàn thành tốt trở lên, trong đó 3/6 nhóm nhiệm vụ hoàn thành xuất
// sắc"
std::string task_groups_sentence(const Scorecard& s, Lang lang);
// "Năm 2021 có 12 nhiệm vụ cụ thể: 7 hoàn thành đúng hạn (58,3%), ..." (empty
// when the scorecard has no task timeliness)
std::string task_timeliness_sentence(const Scorecard& s, Lang lang);
// "Tỷ lệ ... tham gia học tập nghị quyết đạt 97,3%" (empty when no study session)
std::string study_sentence(const Scorecard& s, Lang lang);
// "Tổ chức 17 cuộc sinh hoạt chi bộ mẫu, 17/17 cuộc xếp loại tốt trở lên"
std::string meetings_sentence(const Scorecard& s, Lang lang);
// "Ban hành 4 nghị quyết chuyên đề, 15 kế hoạch, 84 văn bản hướng dẫn; sửa đổi, bổ sung 3 quy chế"
std::string documents_sentence(const Scorecard& s, Lang lang);

// "Từ ngày 1/7/2025, Phường Chi Lăng và Phường Hoàng Văn Thụ hợp nhất thành Phường Lương Văn Tri"
std::string unit_change_sentence(const UnitChange& c, const Dataset& data, Lang lang);
// A lead sentence on how figures follow the changes, then one sentence per
// change the period spans (Scorecard::unit_changes); empty when none.
std::vector<std::string> unit_changes_sentences(const Scorecard& s, const Dataset& data, Lang lang);

// The whole narrative: general results, changes to units, results by field,
// task groups, party building, documents. Sections with nothing to say are left out.
std::vector<NarrativeSection> narrative(const Scorecard& s, const Dataset& data, Lang lang);

}  // namespace mandate::core
