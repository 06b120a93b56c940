#include "core/validation_rule.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/enum_table.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<RuleKind, 3> kKinds{
    {{{RuleKind::compare, "compare"}, {RuleKind::range, "range"}, {RuleKind::change, "change"}}},
    "rule.kind_invalid"};

constexpr EnumTable<Comparison, 5> kComparisons{{{{Comparison::less, "<"},
                                                  {Comparison::less_or_equal, "<="},
                                                  {Comparison::equal, "=="},
                                                  {Comparison::greater_or_equal, ">="},
                                                  {Comparison::greater, ">"}}},
                                                "rule.comparison_invalid"};

void refuse(bool present, std::string_view field) {
  if (present)
    throw invalid_input("rule.field_not_allowed", {std::string(field)}, std::string(field));
}

bool holds(double left, Comparison op, double right) {
  // Figures are entered with a few decimals: equal within a millionth.
  const double tolerance = 1e-6 * std::max({1.0, std::fabs(left), std::fabs(right)});
  switch (op) {
    case Comparison::less:
      return left < right - tolerance;
    case Comparison::less_or_equal:
      return left <= right + tolerance;
    case Comparison::equal:
      return std::fabs(left - right) <= tolerance;
    case Comparison::greater_or_equal:
      return left >= right - tolerance;
    case Comparison::greater:
      return left > right + tolerance;
  }
  return false;
}

const double* find(const IndicatorValues& values, const std::string& code) {
  const auto it = values.find(code);
  return it == values.end() ? nullptr : &it->second;
}
}  // namespace

std::string_view rule_kind_name(RuleKind k) {
  return kKinds.name(k);
}
RuleKind parse_rule_kind(std::string_view name) {
  return kKinds.parse(name);
}
std::string_view comparison_name(Comparison c) {
  return kComparisons.name(c);
}
Comparison parse_comparison(std::string_view name) {
  return kComparisons.parse(name);
}

void validate_rule(const ValidationRule& rule) {
  require_present(rule.code, "code");
  require_present(rule.name, "name");
  require_present(rule.indicator, "indicator");
  refuse(rule.kind != RuleKind::compare && !rule.other_indicator.empty(), "otherIndicator");
  refuse(rule.kind != RuleKind::range && (rule.min || rule.max), rule.min ? "min" : "max");
  refuse(rule.kind != RuleKind::change && rule.max_change_percent != 0, "maxChangePercent");
  switch (rule.kind) {
    case RuleKind::compare:
      require_present(rule.other_indicator, "otherIndicator");
      if (rule.other_indicator == rule.indicator)
        throw invalid_input("rule.same_indicator", {rule.indicator}, "otherIndicator");
      break;
    case RuleKind::range:
      if (!rule.min && !rule.max)
        throw invalid_input("json.missing_key", {"min"}, "min");
      if (rule.min && rule.max && *rule.min > *rule.max)
        throw invalid_input("rule.range_inverted", {}, "max");
      break;
    case RuleKind::change:
      if (!(rule.max_change_percent > 0) || !std::isfinite(rule.max_change_percent))
        throw invalid_input("rule.change_limit", {}, "maxChangePercent");
      break;
  }
}

std::vector<RuleViolation> check_rules(std::span<const ValidationRule> rules,
                                       const IndicatorValues& values,
                                       const IndicatorValues& previous) {
  std::vector<RuleViolation> out;
  for (const auto& rule : rules) {
    const double* value = find(values, rule.indicator);
    if (!value)
      continue;
    switch (rule.kind) {
      case RuleKind::compare:
        if (const double* other = find(values, rule.other_indicator);
            other && !holds(*value, rule.op, *other))
          out.push_back({rule.code, rule.indicator, *value, *other});
        break;
      case RuleKind::range:
        if (rule.min && !holds(*value, Comparison::greater_or_equal, *rule.min))
          out.push_back({rule.code, rule.indicator, *value, rule.min});
        else if (rule.max && !holds(*value, Comparison::less_or_equal, *rule.max))
          out.push_back({rule.code, rule.indicator, *value, rule.max});
        break;
      case RuleKind::change:
        // From zero any change is unbounded in percent: not judged.
        if (const double* before = find(previous, rule.indicator); before && *before != 0) {
          const double percent = std::fabs(*value - *before) / std::fabs(*before) * 100;
          if (!holds(percent, Comparison::less_or_equal, rule.max_change_percent))
            out.push_back({rule.code, rule.indicator, *value, *before});
        }
        break;
    }
  }
  return out;
}

std::vector<NoteRequired> notes_required(
    std::span<const RuleViolation> violations, std::span<const std::string> missed_targets,
    const std::map<std::string, std::string, std::less<>>& comments) {
  auto explained = [&](const std::string& indicator) {
    const auto it = comments.find(indicator);
    return it != comments.end() && it->second.find_first_not_of(" \t\r\n") != std::string::npos;
  };
  std::vector<NoteRequired> out;
  std::set<std::pair<std::string, std::string>> seen;
  auto add = [&](const std::string& indicator, const std::string& reason) {
    if (!explained(indicator) && seen.emplace(indicator, reason).second)
      out.push_back({indicator, reason});
  };
  for (const auto& v : violations)
    add(v.indicator, v.rule);
  for (const auto& indicator : missed_targets)
    add(indicator, "target");
  return out;
}

}  // namespace mandate::core
