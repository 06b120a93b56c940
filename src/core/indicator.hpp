#pragma once
// Indicators (chỉ tiêu), their targets and their values.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace mandate::core {

enum class ValueType { number, percent, count, money, yes_no };
enum class Direction { higher_is_better, lower_is_better, at_least, at_most, yes_no };
enum class Aggregation { sum, average, rate, last, min, max, count, none };
enum class TargetSource { resolution, annual_plan, assigned_by_superior };
enum class ValueKind { estimate, official };

std::string_view value_type_name(ValueType v);
ValueType parse_value_type(std::string_view s);
std::string_view direction_name(Direction d);
Direction parse_direction(std::string_view s);
std::string_view aggregation_name(Aggregation a);
Aggregation parse_aggregation(std::string_view s);
std::string_view target_source_name(TargetSource s);
TargetSource parse_target_source(std::string_view s);
std::string_view value_kind_name(ValueKind k);
ValueKind parse_value_kind(std::string_view s);

struct Indicator {
  std::string code;             // e.g. "BHYT_COVERAGE"
  std::string name;             // "Tỷ lệ người dân tham gia bảo hiểm y tế"
  std::string unit_of_measure;  // "%", "triệu đồng", "hộ"
  std::string field;            // field code, e.g. "economy"
  ValueType value_type = ValueType::number;
  Direction direction = Direction::higher_is_better;
  Aggregation aggregation = Aggregation::sum;
  std::string formula;           // empty: reported directly
  std::string responsible_unit;  // unit code, may be empty
  int decimals = 1;              // display precision
  // Share of the target (e.g. 0.95) above which a miss counts as "nearly met".
  std::optional<double> nearly_met_ratio;
  std::optional<double> min_value;  // validation range (percent: 0..100 by default)
  std::optional<double> max_value;
  std::string description;
  bool illustrative = false;

  bool computed() const { return !formula.empty(); }
};

struct Target {
  std::string indicator;
  std::string unit;
  std::string period;  // period id
  double value = 0;
  TargetSource source = TargetSource::resolution;
  std::string note;
  bool illustrative = false;
};

struct Value {
  std::string indicator;
  std::string unit;
  std::string period;  // period id
  ValueKind kind = ValueKind::official;
  double value = 0;
  std::string comment;
  bool illustrative = false;
};

// Checks a value against the indicator's type and range; throws
// Error(invalid_input) with the reason (non-finite, negative count, percent out
// of range, yes/no not 0 or 1, ...).
void validate_value(const Indicator& indicator, double value);
// The range validate_value accepts: the indicator's own bounds, else 0..100 for
// a percent, 0..1 for yes/no, at least 0 for a count; infinite where unbounded.
std::pair<double, double> value_range(const Indicator& indicator);

}  // namespace mandate::core
