#include "service/value_service.hpp"

#include "core/error.hpp"
#include "core/number_format.hpp"
#include "core/period.hpp"
#include "core/text.hpp"
#include "core/unit_tree.hpp"

namespace mandate::service {

bool set_value(store::Store& store, const ValueInput& input, const store::ChangeContext& context) {
  const core::Period period = core::Period::parse(input.period);
  const auto parsed = core::parse_vi_number(input.value_text);
  if (!parsed)
    throw core::invalid_input("value.not_a_number", {input.value_text}, "value");

  const core::Dataset data = store.load();
  const core::UnitTree tree(data.units);
  const core::Unit& unit = tree.resolve(input.unit);
  const core::Indicator* indicator = nullptr;
  for (const auto& i : data.indicators)
    if (i.code == input.indicator)
      indicator = &i;
  if (!indicator)
    throw core::not_found("indicator.not_found", {input.indicator});
  if (indicator->computed())
    throw core::invalid_input("value.computed_indicator", {indicator->code, indicator->formula},
                              "indicator");
  core::validate_value(*indicator, *parsed);

  core::Value v{indicator->code,
                unit.code,
                period.id(),
                input.kind,
                *parsed,
                core::collapse_spaces(core::to_nfc(input.comment)),
                false};
  auto tx = store.begin(context);
  const bool changed = tx->upsert(v);
  tx->commit();
  return changed;
}

}  // namespace mandate::service

namespace mandate::service {

std::vector<store::ValueChange> value_history(store::Store& store, const std::string& indicator,
                                              const std::string& unit, const std::string& period) {
  const core::Period p = core::Period::parse(period);
  const core::Dataset data = store.load();
  const core::UnitTree tree(data.units);
  return store.value_history(indicator, tree.resolve(unit).code, p.id());
}

}  // namespace mandate::service
