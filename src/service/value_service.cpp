#include "service/value_service.hpp"

#include <array>

#include "core/period.hpp"
#include "core/text.hpp"
#include "service/cell_locks.hpp"
#include "service/etag.hpp"
#include "service/value_audit.hpp"
#include "service/value_batch.hpp"

namespace mandate::service {
namespace {

using core::Error;
using core::ErrorCategory;

const core::Indicator& indicator_of(const Snapshot& s, const std::string& code) {
  for (const auto& i : s.data.indicators)
    if (i.code == code)
      return i;
  throw core::not_found("indicator.not_found", {code});
}

// Everything that can be checked before the transaction: the value as it
// will be stored, in canonical form (unit code, period id, NFC comment).
// Locks are judged inside it (CellLocks).
core::Value checked(const Snapshot& s, const Actor& actor, const ValueWrite& w) {
  const core::Period period = core::Period::parse(w.period);
  const core::Indicator& ind = indicator_of(s, w.indicator);
  const core::Unit& unit = s.tree.resolve(w.unit);
  core::require(actor.principal, core::Action::enter_values, unit.code, s.tree);
  if (ind.computed())
    throw core::invalid_input("value.computed_indicator", {ind.code, ind.formula}, "indicator");
  core::validate_value(ind, w.value);
  return core::Value{ind.code, unit.code, period.id(),
                     w.kind,   w.value,   core::collapse_spaces(core::to_nfc(w.comment)),
                     false};
}

void check_precondition(const ValueWrite& w, const std::optional<core::Value>& current) {
  switch (w.precondition) {
    case Precondition::none:
      return;
    case Precondition::if_absent:
      if (current)
        throw StaleWrite(current);
      return;
    case Precondition::if_match:
      if (!current || value_etag(*current) != w.etag)
        throw StaleWrite(current);
      return;
  }
}

}  // namespace

StaleWrite::StaleWrite(std::optional<core::Value> current)
    : Error(ErrorCategory::precondition_failed, "value.stale"), current_(std::move(current)) {}

Actor command_line_actor(const Snapshot& snapshot, const std::string& at) {
  std::string root;
  for (const auto& u : snapshot.data.units)
    if (u.parent_code.empty()) {
      root = u.code;
      break;
    }
  return {{"cli", root, core::Role::admin}, "", at};
}

WriteOutcome put_value(store::Store& store, const Snapshot& snapshot, const Actor& actor,
                       const ValueWrite& write) {
  const core::Value v = checked(snapshot, actor, write);
  auto warnings = core::check_saved_values(snapshot.data, snapshot.values, std::span(&v, 1));
  auto tx = store.begin({actor.principal.username, actor.at});
  CellLocks(*tx, snapshot.data).require_unlocked(v.indicator, v.unit, v.period);
  const auto before = tx->find_value(v.indicator, v.unit, v.period, v.kind);
  check_precondition(write, before);
  const bool changed = tx->upsert(v);
  if (changed)
    tx->append_audit(value_audit_entry(actor, before, v));
  tx->commit();
  if (changed)
    committed(snapshot, std::array{CellWrite{v}}, tx->feed_through());
  return {v, value_etag(v), changed, std::move(warnings)};
}

size_t put_values(store::Store& store, const Snapshot& snapshot, const Actor& actor,
                  const std::vector<ValueWrite>& writes) {
  // An error about one of the writes names it: values[i].field.
  auto at_index = [](size_t i, const Error& e) {
    const std::string at = "values[" + std::to_string(i) + "]";
    return Error(e.category(), e.code(), e.args(), e.field().empty() ? at : at + "." + e.field());
  };
  std::vector<core::Value> values;
  values.reserve(writes.size());
  for (size_t i = 0; i < writes.size(); ++i) {
    try {
      values.push_back(checked(snapshot, actor, writes[i]));
    } catch (const Error& e) {
      throw at_index(i, e);
    }
  }
  core::check_saved_values(snapshot.data, snapshot.values, values);
  auto tx = store.begin({actor.principal.username, actor.at});
  CellLocks locks(*tx, snapshot.data);
  for (size_t i = 0; i < values.size(); ++i) {
    const core::Value& v = values[i];
    try {
      locks.require_unlocked(v.indicator, v.unit, v.period);
    } catch (const Error& e) {
      throw at_index(i, e);
    }
  }
  ValueBatch batch(tx.get(), snapshot.values, values);
  for (const core::Value& v : values)
    batch.put(v);
  const std::vector<CellWrite> written = batch.write(actor);
  tx->commit();
  committed(snapshot, written, tx->feed_through());
  const size_t changed = written.size();
  return changed;
}

bool delete_value(store::Store& store, const Snapshot& snapshot, const Actor& actor,
                  const ValueWrite& which) {
  const core::Period period = core::Period::parse(which.period);
  indicator_of(snapshot, which.indicator);
  const core::Unit& unit = snapshot.tree.resolve(which.unit);
  core::require(actor.principal, core::Action::enter_values, unit.code, snapshot.tree);
  auto tx = store.begin({actor.principal.username, actor.at});
  CellLocks(*tx, snapshot.data).require_unlocked(which.indicator, unit.code, period.id());
  const auto before = tx->find_value(which.indicator, unit.code, period.id(), which.kind);
  if (!before)
    return false;
  check_precondition(which, before);
  tx->delete_value(before->indicator, before->unit, before->period, before->kind);
  tx->append_audit(value_audit_entry(actor, before, std::nullopt));
  tx->commit();
  committed(snapshot, std::array{CellWrite{*before, true}}, tx->feed_through());
  return true;
}

std::vector<store::ValueChange> value_history(store::Store& store, const Snapshot& snapshot,
                                              const core::Principal& who,
                                              const std::string& indicator, const std::string& unit,
                                              const std::string& period) {
  const core::Period p = core::Period::parse(period);
  const core::Unit& u = snapshot.tree.resolve(unit);
  core::require(who, core::Action::read, u.code, snapshot.tree);
  indicator_of(snapshot, indicator);
  return store.value_history(indicator, u.code, p.id());
}

}  // namespace mandate::service
