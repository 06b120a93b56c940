#include "core/evaluation.hpp"

#include <cmath>

namespace mandate::core {

std::string_view status_name(Status s) {
  switch (s) {
    case Status::exceeded:
      return "exceeded";
    case Status::met:
      return "met";
    case Status::nearly_met:
      return "nearly_met";
    case Status::not_met:
      return "not_met";
    case Status::no_target:
      return "no_target";
    case Status::no_data:
      return "no_data";
  }
  return "no_data";
}

Evaluation evaluate(const Indicator& indicator, std::optional<double> actual,
                    std::optional<double> target) {
  Evaluation e{actual, target, std::nullopt, Status::no_data};
  if (actual && target && *target != 0)
    e.percent_of_target = *actual / *target * 100.0;
  if (!actual)
    return e;
  if (!target) {
    e.status = Status::no_target;
    return e;
  }
  const double a = *actual, t = *target;

  bool met = false, exceeded = false;
  switch (indicator.direction) {
    case Direction::higher_is_better:
      met = a >= t;
      exceeded = a > t;
      break;
    case Direction::lower_is_better:
      met = a <= t;
      exceeded = a < t;
      break;
    case Direction::at_least:
      met = a >= t;
      break;
    case Direction::at_most:
      met = a <= t;
      break;
    case Direction::yes_no:
      met = (a != 0) == (t != 0);
      break;
  }
  if (exceeded) {
    e.status = Status::exceeded;
  } else if (met) {
    e.status = Status::met;
  } else if (indicator.nearly_met_ratio && indicator.direction != Direction::yes_no && t != 0 &&
             a != 0) {
    // How close the actual came, as a share of the target in the good direction.
    const bool higher = indicator.direction == Direction::higher_is_better ||
                        indicator.direction == Direction::at_least;
    const double share = higher ? a / t : t / a;
    e.status = share >= *indicator.nearly_met_ratio ? Status::nearly_met : Status::not_met;
  } else {
    e.status = Status::not_met;
  }
  return e;
}

}  // namespace mandate::core
