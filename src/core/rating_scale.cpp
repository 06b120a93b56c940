#include "core/rating_scale.hpp"

#include <set>

#include "core/error.hpp"

namespace mandate::core {

size_t RatingScale::rank(std::string_view level_code) const {
  for (size_t i = 0; i < levels.size(); ++i)
    if (levels[i].code == level_code)
      return i;
  throw invalid_input("rating.level_unknown", {std::string(level_code), code});
}

const RatingLevel& RatingScale::level(std::string_view level_code) const {
  return levels[rank(level_code)];
}

size_t RatingScale::count_at_or_above(const std::vector<std::string>& ratings,
                                      std::string_view level_code) const {
  const size_t threshold = rank(level_code);
  size_t n = 0;
  for (const auto& r : ratings)
    if (rank(r) <= threshold)
      ++n;
  return n;
}

void validate_rating_scale(const RatingScale& scale) {
  if (scale.code.empty())
    throw invalid_input("rating.code_empty", {scale.name});
  if (scale.levels.empty())
    throw invalid_input("rating.no_levels", {scale.code});
  std::set<std::string> seen;
  for (const auto& l : scale.levels) {
    if (l.code.empty())
      throw invalid_input("rating.code_empty", {scale.code});
    if (!seen.insert(l.code).second)
      throw invalid_input("rating.level_duplicate", {scale.code, l.code});
  }
}

}  // namespace mandate::core
