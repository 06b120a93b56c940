#pragma once
// Activities (hoạt động): study sessions, model meetings, contests, ...
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace mandate::core {

enum class ActivityKind { study_session, model_meeting, contest, propaganda, inspection };
std::string_view activity_kind_name(ActivityKind k);
ActivityKind parse_activity_kind(std::string_view s);

struct Attendance {
  std::string category;  // "cadres", "party_members", ... (codes; names in the catalog or data)
  std::string category_name;
  long attended = 0;
  long eligible = 0;
};

struct Activity {
  std::string code;
  ActivityKind kind = ActivityKind::study_session;
  std::string name;
  std::string unit;  // the unit that held it
  Date date{};
  std::string plan;
  std::vector<Attendance> attendance;
  std::string rating_scale;  // with rating_level, e.g. a model meeting's rating
  std::string rating_level;
  long participants = 0;  // contests, propaganda
  std::string result;
  bool illustrative = false;
};

// Sums of attendance; rate = attended / eligible * 100, none when eligible is 0.
struct Participation {
  long attended = 0;
  long eligible = 0;
  std::optional<double> rate() const;
};
Participation participation(const std::vector<const Activity*>& activities);

// Validates non-negative counts, attended <= eligible, known kind.
void validate_activity(const Activity& a);

}  // namespace mandate::core
