#pragma once
// Actual against target, following the indicator's direction. The rules are
// written out in docs/domain.md.
#include <optional>
#include <string_view>

#include "core/indicator.hpp"

namespace mandate::core {

// no_target: there is an actual but nothing to compare it with;
// no_data: there is no actual (yet).
enum class Status { exceeded, met, nearly_met, not_met, no_target, no_data };
std::string_view status_name(Status s);

struct Evaluation {
  std::optional<double> actual;
  std::optional<double> target;
  std::optional<double> percent_of_target;  // actual / target * 100, when target != 0
  Status status = Status::no_data;

  bool met_or_exceeded() const { return status == Status::met || status == Status::exceeded; }
};

Evaluation evaluate(const Indicator& indicator, std::optional<double> actual,
                    std::optional<double> target);

}  // namespace mandate::core
