#pragma once
// Trends of yearly figures, projected to the end of a term: a least-squares
// line and compound growth between the first and the last figure.
#include <optional>
#include <span>
#include <utility>

#include "core/indicator.hpp"

namespace mandate::core::analytics {

struct Trend {
  std::optional<double> linear;
  std::optional<double> compound;  // needs two figures, the first and last above 0
};

// points: (year, figure) sorted by year, none after last_year. cumulative: the
// term's figure is the sum of its years (flows such as investment), so the
// figures so far are added to the projected years after the last point;
// otherwise (levels such as a coverage rate) it is the projected figure of
// last_year. No points, no trend.
Trend project(std::span<const std::pair<int, double>> points, int last_year, bool cumulative);

// Whether a figure meets a target in the indicator's direction.
bool reaches(Direction d, double figure, double target);

}  // namespace mandate::core::analytics
