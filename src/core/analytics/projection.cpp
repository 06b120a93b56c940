#include "core/analytics/projection.hpp"

#include <cmath>

namespace mandate::core::analytics {

Trend project(std::span<const std::pair<int, double>> points, int last_year, bool cumulative) {
  Trend t;
  if (points.empty())
    return t;
  const double n = static_cast<double>(points.size());
  double sx = 0, sy = 0, sxx = 0, sxy = 0, sum = 0;
  for (auto [x, y] : points) {
    const double dx = x - points.front().first;  // centred for precision
    sx += dx;
    sy += y;
    sxx += dx * dx;
    sxy += dx * y;
    sum += y;
  }
  const double denom = n * sxx - sx * sx;
  const double slope = denom != 0 ? (n * sxy - sx * sy) / denom : 0;  // one point: flat
  const double intercept = (sy - slope * sx) / n;
  auto line = [&](int year) { return intercept + slope * (year - points.front().first); };

  const auto [x0, v0] = points.front();
  const auto [x1, v1] = points.back();
  std::optional<double> growth;  // yearly factor
  if (points.size() >= 2 && x1 > x0 && v0 > 0 && v1 > 0)
    growth = std::pow(v1 / v0, 1.0 / (x1 - x0));
  // Captured by name: clang before 16 cannot capture structured bindings.
  auto compound = [&, last_x = x1, last_v = v1](int year) {
    return last_v * std::pow(*growth, year - last_x);
  };

  if (!cumulative) {
    t.linear = x1 >= last_year ? v1 : line(last_year);
    if (growth)
      t.compound = x1 >= last_year ? v1 : compound(last_year);
    return t;
  }
  double linear = sum, comp = sum;
  for (int y = x1 + 1; y <= last_year; ++y) {
    linear += line(y);
    if (growth)
      comp += compound(y);
  }
  t.linear = linear;
  if (growth)
    t.compound = comp;
  return t;
}

bool reaches(Direction d, double figure, double target) {
  switch (d) {
    case Direction::higher_is_better:
    case Direction::at_least:
      return figure >= target;
    case Direction::lower_is_better:
    case Direction::at_most:
      return figure <= target;
    case Direction::yes_no:
      return figure == target;
  }
  return false;
}

}  // namespace mandate::core::analytics
