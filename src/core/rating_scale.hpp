#pragma once
// Rating scales (thang xếp loại): ordered levels, best first.
#include <string>
#include <string_view>
#include <vector>

namespace mandate::core {

struct RatingLevel {
  std::string code;  // "excellent"
  std::string name;  // "Hoàn thành xuất sắc"
};

struct RatingScale {
  std::string code;  // "task"
  std::string name;
  std::vector<RatingLevel> levels;  // best first

  // 0 for the best level; throws Error(invalid_input) for an unknown level.
  size_t rank(std::string_view level) const;
  const RatingLevel& level(std::string_view code) const;
  // How many of `ratings` are at `level` or better.
  size_t count_at_or_above(const std::vector<std::string>& ratings, std::string_view level) const;
};

// Checks codes are unique and non-empty and there is at least one level.
void validate_rating_scale(const RatingScale& scale);

}  // namespace mandate::core
