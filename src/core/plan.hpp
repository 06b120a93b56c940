#pragma once
// The resolution (nghị quyết) and the fields it is organised by.
#include <string>
#include <vector>

#include "core/date.hpp"

namespace mandate::core {

struct Field {
  std::string code;  // "economy"
  std::string name;  // "Kinh tế"
};

struct Plan {
  std::string code;
  std::string name;  // "Nghị quyết Đại hội Đảng bộ thành phố lần thứ XXIII"
  std::string unit;  // the unit whose resolution it is
  std::string term;  // period id, "2020-2025"
  std::string document;                 // the register entry of the resolution itself, may be empty
  std::vector<std::string> indicators;  // codes of the resolution's indicators, in order
  std::string indicator_group_name;  // how reports name them: "chỉ tiêu kinh tế – xã hội"
  std::string task_scale;            // rating scale of its task groups
  std::string task_good_level;       // "good or better" means this level or above
  std::string meeting_scale;         // rating scale of model meetings
  std::string meeting_good_level;
};

}  // namespace mandate::core
