#include "core/indicator.hpp"

#include <cmath>

#include "core/enum_table.hpp"
#include "core/number_format.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<ValueType, 5> kValueTypes{{{{ValueType::number, "number"},
                                                {ValueType::percent, "percent"},
                                                {ValueType::count, "count"},
                                                {ValueType::money, "money"},
                                                {ValueType::yes_no, "yes_no"}}},
                                              "value_type.invalid"};
constexpr EnumTable<Direction, 5> kDirections{{{{Direction::higher_is_better, "higher_is_better"},
                                                {Direction::lower_is_better, "lower_is_better"},
                                                {Direction::at_least, "at_least"},
                                                {Direction::at_most, "at_most"},
                                                {Direction::yes_no, "yes_no"}}},
                                              "direction.invalid"};
constexpr EnumTable<Aggregation, 8> kAggregations{{{{Aggregation::sum, "sum"},
                                                    {Aggregation::average, "average"},
                                                    {Aggregation::rate, "rate"},
                                                    {Aggregation::last, "last"},
                                                    {Aggregation::min, "min"},
                                                    {Aggregation::max, "max"},
                                                    {Aggregation::count, "count"},
                                                    {Aggregation::none, "none"}}},
                                                  "aggregation.invalid"};
constexpr EnumTable<TargetSource, 3> kTargetSources{
    {{{TargetSource::resolution, "resolution"},
      {TargetSource::annual_plan, "annual_plan"},
      {TargetSource::assigned_by_superior, "assigned_by_superior"}}},
    "target_source.invalid"};
constexpr EnumTable<ValueKind, 2> kValueKinds{
    {{{ValueKind::estimate, "estimate"}, {ValueKind::official, "official"}}}, "value_kind.invalid"};
}  // namespace

std::string_view value_type_name(ValueType v) {
  return kValueTypes.name(v);
}
ValueType parse_value_type(std::string_view s) {
  return kValueTypes.parse(s);
}
std::string_view direction_name(Direction d) {
  return kDirections.name(d);
}
Direction parse_direction(std::string_view s) {
  return kDirections.parse(s);
}
std::string_view aggregation_name(Aggregation a) {
  return kAggregations.name(a);
}
Aggregation parse_aggregation(std::string_view s) {
  return kAggregations.parse(s);
}
std::string_view target_source_name(TargetSource s) {
  return kTargetSources.name(s);
}
TargetSource parse_target_source(std::string_view s) {
  return kTargetSources.parse(s);
}
std::string_view value_kind_name(ValueKind k) {
  return kValueKinds.name(k);
}
ValueKind parse_value_kind(std::string_view s) {
  return kValueKinds.parse(s);
}

std::pair<double, double> value_range(const Indicator& indicator) {
  const bool percent = indicator.value_type == ValueType::percent;
  const bool count = indicator.value_type == ValueType::count;
  const bool yes_no = indicator.value_type == ValueType::yes_no;
  const double lo = indicator.min_value.value_or(percent || count || yes_no ? 0.0 : -INFINITY);
  const double hi = indicator.max_value.value_or(percent ? 100.0 : yes_no ? 1.0 : INFINITY);
  return {lo, hi};
}

void validate_value(const Indicator& indicator, double value) {
  const std::string shown = std::isfinite(value) ? format_number(value, Lang::en, 6) : "NaN";
  if (!std::isfinite(value))
    throw invalid_input("value.not_finite", {indicator.code}, "value");
  switch (indicator.value_type) {
    case ValueType::count:
      if (value < 0 || value != std::floor(value))
        throw invalid_input("value.not_count", {indicator.code, shown}, "value");
      break;
    case ValueType::yes_no:
      if (value != 0 && value != 1)
        throw invalid_input("value.not_yes_no", {indicator.code, shown}, "value");
      break;
    case ValueType::percent:
    case ValueType::money:
    case ValueType::number:
      break;
  }
  const auto [lo, hi] = value_range(indicator);
  if (value < lo || value > hi) {
    throw invalid_input(
        "value.out_of_range",
        {indicator.code, shown, std::isfinite(lo) ? format_number(lo, Lang::en) : "-∞",
         std::isfinite(hi) ? format_number(hi, Lang::en) : "∞"},
        "value");
  }
}

}  // namespace mandate::core
