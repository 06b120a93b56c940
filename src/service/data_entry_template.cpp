#include "service/data_entry_template.hpp"

#include <cmath>
#include <map>
#include <tuple>

#include "core/period.hpp"

namespace mandate::service {

io::DataEntryTemplate data_entry_template(const Snapshot& snapshot, const core::Principal& who,
                                          const std::string& unit, const std::string& period,
                                          core::ValueKind kind) {
  const core::Period p = core::Period::parse(period);
  const core::Unit& u = snapshot.tree.resolve(unit);
  core::require(who, core::Action::read, u.code, snapshot.tree);
  const core::Period previous = p.previous();
  const core::Period last_year = p.same_period_last_year();

  using Key = std::tuple<std::string_view, std::string_view>;  // indicator, period
  std::map<Key, const core::Value*> values;
  for (const auto& v : snapshot.values.of_unit(u.code))
    if (v.kind == kind)
      values[{v.indicator, v.period}] = &v;
  std::map<std::string_view, double> targets;
  for (const auto& t : snapshot.data.targets)
    if (t.unit == u.code && t.period == p.id())
      targets[t.indicator] = t.value;

  io::DataEntryTemplate out;
  out.unit_code = u.code;
  out.unit_name = u.name;
  out.period = p.id();
  out.period_label = p.label(core::Lang::vi);
  out.previous_label = previous.label(core::Lang::vi);
  out.last_year_label = last_year.label(core::Lang::vi);
  out.kind = kind;
  for (const auto& ind : snapshot.data.indicators) {
    if (ind.computed())
      continue;
    io::TemplateRow row;
    row.indicator = ind.code;
    row.indicator_name = ind.name;
    row.unit_of_measure = ind.unit_of_measure;
    if (auto it = targets.find(ind.code); it != targets.end())
      row.target = it->second;
    auto figure = [&](const core::Period& at) -> std::optional<double> {
      auto it = values.find({ind.code, at.id()});
      return it == values.end() ? std::nullopt : std::optional<double>(it->second->value);
    };
    row.previous = figure(previous);
    row.last_year = figure(last_year);
    row.current = figure(p);
    if (auto it = values.find({ind.code, p.id()}); it != values.end())
      row.comment = it->second->comment;
    std::tie(row.min, row.max) = core::value_range(ind);
    row.whole =
        ind.value_type == core::ValueType::count || ind.value_type == core::ValueType::yes_no;
    row.decimals = row.whole ? 0 : ind.decimals;
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace mandate::service
