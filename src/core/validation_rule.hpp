#pragma once
// Validation rules (quy tắc kiểm tra) checked on save and on submit: one
// indicator against another (numerator ≤ denominator), a value within a
// range, a change from the previous period of at most some percent. A value
// that breaks a rule or misses its target needs an explanatory note before
// its report is submitted.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mandate::core {

enum class RuleKind { compare, range, change };
std::string_view rule_kind_name(RuleKind k);
RuleKind parse_rule_kind(std::string_view name);

enum class Comparison { less, less_or_equal, equal, greater_or_equal, greater };
std::string_view comparison_name(Comparison c);  // "<", "<=", "==", ">=", ">"
Comparison parse_comparison(std::string_view name);

struct ValidationRule {
  std::string code;
  std::string name;
  RuleKind kind = RuleKind::compare;
  std::string indicator;  // the value checked (left side of a comparison)
  // compare: indicator <op> other_indicator
  Comparison op = Comparison::less_or_equal;
  std::string other_indicator;
  // range: min <= value <= max (either bound may be absent)
  std::optional<double> min;
  std::optional<double> max;
  // change: |value - previous| / |previous| * 100 <= max_change_percent
  double max_change_percent = 0;
  // A value that breaks the rule is refused when saved; otherwise the save
  // succeeds with a warning and only the submission needs an explanatory note.
  bool refuse_on_save = false;
  bool illustrative = false;
};

// Checks a rule on its own: a code, a name, the indicators its kind needs and
// no others, a bound for a range (min ≤ max), a positive change limit. Throws
// Error(invalid_input) naming the field.
void validate_rule(const ValidationRule& rule);

struct RuleViolation {
  std::string rule;
  std::string indicator;
  double value = 0;
  std::optional<double> other;  // the other side, bound or previous value
};

// Values by indicator code for one unit and period, and the same unit's
// previous period. A rule whose values are absent is not checked.
using IndicatorValues = std::map<std::string, double, std::less<>>;
std::vector<RuleViolation> check_rules(std::span<const ValidationRule> rules,
                                       const IndicatorValues& values,
                                       const IndicatorValues& previous);

// Why a value needs an explanatory note before submission.
struct NoteRequired {
  std::string indicator;
  std::string reason;  // the rule's code, or "target" for a missed target
};
// Those indicators among violations and missed_targets with no comment.
std::vector<NoteRequired> notes_required(
    std::span<const RuleViolation> violations, std::span<const std::string> missed_targets,
    const std::map<std::string, std::string, std::less<>>& comments);

}  // namespace mandate::core
