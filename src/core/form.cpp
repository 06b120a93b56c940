#include "core/form.hpp"

#include <algorithm>
#include <set>

#include "core/enum_table.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<DeadlineRule::Kind, 2> kDeadlineKinds{
    {{{DeadlineRule::Kind::day_of_month, "day_of_month"},
      {DeadlineRule::Kind::days_after_end, "days_after_end"}}},
    "form.deadline_kind_invalid"};

constexpr EnumTable<AfterGrace, 2> kAfterGrace{
    {{{AfterGrace::accept_late, "accept_late"}, {AfterGrace::refuse, "refuse"}}},
    "form.after_grace_invalid"};

constexpr int kMaxDays = 366;

void require_range(int value, int min, int max, std::string_view field) {
  if (value < min || value > max)
    throw invalid_input("form.out_of_range",
                        {std::string(field), std::to_string(min), std::to_string(max)},
                        std::string(field));
}

template <typename T, typename Name>
void require_unique(const std::vector<T>& items, std::string_view list, Name name) {
  std::set<std::string> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string text(name(items[i]));
    if (!seen.insert(text).second)
      throw invalid_input("dataset.duplicate", {std::string(list), text},
                          std::string(list) + "[" + std::to_string(i) + "]");
  }
}

Date add_days(Date d, int days) {
  return Date{std::chrono::sys_days{d} + std::chrono::days{days}};
}
}  // namespace

std::string_view deadline_kind_name(DeadlineRule::Kind k) {
  return kDeadlineKinds.name(k);
}
DeadlineRule::Kind parse_deadline_kind(std::string_view name) {
  return kDeadlineKinds.parse(name);
}
std::string_view after_grace_name(AfterGrace a) {
  return kAfterGrace.name(a);
}
AfterGrace parse_after_grace(std::string_view name) {
  return kAfterGrace.parse(name);
}

void validate_form(const Form& form) {
  require_present(form.code, "code");
  require_present(form.name, "name");
  switch (form.period_type) {
    case PeriodType::month:
    case PeriodType::quarter:
    case PeriodType::six_months:
    case PeriodType::nine_months:
    case PeriodType::year:
      break;
    case PeriodType::year_to_date:
    case PeriodType::term:
      throw invalid_input("form.period_type", {std::string(period_type_name(form.period_type))},
                          "periodType");
  }
  if (form.unit_types.empty())
    throw invalid_input("json.missing_key", {"unitTypes"}, "unitTypes");
  if (form.indicators.empty())
    throw invalid_input("json.missing_key", {"indicators"}, "indicators");
  require_unique(form.unit_types, "unitTypes", unit_type_name);
  require_unique(form.indicators, "indicators", [](const std::string& s) { return s; });
  require_unique(form.approval_levels, "approvalLevels", unit_type_name);
  if (form.deadline.kind == DeadlineRule::Kind::day_of_month) {
    require_range(form.deadline.months_after_end, 0, 12, "deadline.monthsAfterEnd");
    require_range(static_cast<int>(form.deadline.day), 1, 31, "deadline.day");
  } else {
    require_range(form.deadline.days, 0, kMaxDays, "deadline.days");
  }
  require_range(form.grace_days, 0, kMaxDays, "graceDays");
}

Date due_date(const Form& form, const Period& period) {
  if (period.type() != form.period_type)
    throw invalid_input("form.period_mismatch",
                        {form.code, period.id(), std::string(period_type_name(form.period_type))},
                        "period");
  const Date end = period.end();
  const DeadlineRule& rule = form.deadline;
  if (rule.kind == DeadlineRule::Kind::days_after_end)
    return add_days(end, rule.days);
  const std::chrono::year_month month =
      std::chrono::year_month{end.year(), end.month()} + std::chrono::months{rule.months_after_end};
  const Date last =
      last_day_of_month(static_cast<int>(month.year()), static_cast<unsigned>(month.month()));
  return Date{month.year(), month.month(), std::min(std::chrono::day{rule.day}, last.day())};
}

Date grace_end(const Form& form, const Period& period) {
  return add_days(due_date(form, period), form.grace_days);
}

bool must_report(const Form& form, const Unit& unit, const Period& period) {
  if (std::find(form.unit_types.begin(), form.unit_types.end(), unit.type) == form.unit_types.end())
    return false;
  if (unit.valid_from && *unit.valid_from > period.end())
    return false;
  return !(unit.valid_to && *unit.valid_to < period.start());
}

std::vector<const Unit*> approval_chain(const Form& form, const UnitTree& tree,
                                        std::string_view unit_code) {
  std::vector<const Unit*> line{&tree.resolve(unit_code)};
  for (const Unit* a : tree.ancestors(line.front()->code))
    line.push_back(a);
  std::vector<const Unit*> chain;
  size_t from = 0;  // each level is at or above the previous one
  for (UnitType type : form.approval_levels) {
    for (size_t i = from; i < line.size(); ++i) {
      if (line[i]->type == type) {
        chain.push_back(line[i]);
        from = i;
        break;
      }
    }
  }
  return chain;
}

}  // namespace mandate::core
