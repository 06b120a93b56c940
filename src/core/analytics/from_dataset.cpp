#include "core/analytics/from_dataset.hpp"

#include <set>
#include <utility>

#include "core/error.hpp"

namespace mandate::core::analytics {
namespace {

Restructuring::Kind kind_of(UnitChangeKind k) {
  switch (k) {
    case UnitChangeKind::merge:
      return Restructuring::Kind::merge;
    case UnitChangeKind::split:
      return Restructuring::Kind::split;
    case UnitChangeKind::rename:
      return Restructuring::Kind::rename;
    case UnitChangeKind::move:
      return Restructuring::Kind::move;
    case UnitChangeKind::dissolve:
      return Restructuring::Kind::dissolve;
  }
  return Restructuring::Kind::rename;
}

// Every term the data names, so none is registered (a full rebuild) later.
std::vector<Period> terms_of(const Dataset& data) {
  std::set<std::string> ids;
  for (const auto& p : data.plans)
    ids.insert(p.term);
  for (const auto& t : data.targets)
    ids.insert(t.period);
  std::vector<Period> terms;
  for (const auto& id : ids) {
    const Period p = Period::parse(id);
    if (p.type() == PeriodType::term)
      terms.push_back(p);
  }
  return terms;
}

}  // namespace

std::vector<Restructuring> restructurings_of(const std::vector<UnitChange>& changes) {
  std::vector<Restructuring> out;
  for (const auto& c : changes) {
    Restructuring r{kind_of(c.kind), c.effective, c.from, c.to, c.new_parent, c.shares};
    // A merge into one of the merged units: that one keeps its place.
    if (r.kind == Restructuring::Kind::merge && !r.to.empty())
      std::erase(r.from, r.to[0]);
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

// The ids of a value's indicator and unit; none for an unknown code.
std::optional<std::pair<IndicatorId, UnitId>> ids_of(const Engine& engine, const Value& v) {
  try {
    return std::pair{engine.indicator_id(v.indicator), engine.unit_id(v.unit)};
  } catch (const Error&) {
    return std::nullopt;
  }
}

// The record of v with its indicator and unit already resolved.
std::optional<ValueRecord> record_with(Engine& engine, std::pair<IndicatorId, UnitId> ids,
                                       const Value& v) {
  try {
    return ValueRecord{ids.first, ids.second, engine.period_code(Period::parse(v.period)),
                       0,         v.kind,     v.value};
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<ValueRecord> record_of(Engine& engine, const Value& v) {
  const auto ids = ids_of(engine, v);
  return ids ? record_with(engine, *ids, v) : std::nullopt;
}

namespace {

// The engine of data's records and values.
template <typename Values>
std::unique_ptr<Engine> build(const Dataset& data, const Values& values,
                              const std::function<void(std::size_t)>& progress, std::size_t every) {
  auto engine = std::make_unique<Engine>(data.units, data.indicators,
                                         restructurings_of(data.unit_changes), terms_of(data));
  std::vector<bool> computed;
  for (const auto& ind : data.indicators)
    computed.push_back(ind.computed());
  std::vector<ValueRecord> records;
  records.reserve(values.size());
  // Stored values come series by series: the codes of the value before are
  // usually this one's too, and looking them up again is most of the work.
  const Value* before = nullptr;
  std::optional<std::pair<IndicatorId, UnitId>> ids;
  std::size_t n = 0;
  for (const Value& v : values) {
    if (!before || v.indicator != before->indicator || v.unit != before->unit)
      ids = ids_of(*engine, v);
    before = &v;
    if (ids && !computed[ids->first])
      if (auto r = record_with(*engine, *ids, v))
        records.push_back(*r);
    if (progress && ++n % every == 0)
      progress(n);
  }
  engine->load(records);
  for (const auto& t : data.targets) {
    const Period p = Period::parse(t.period);
    if (p.type() != PeriodType::term)
      continue;
    try {
      engine->set_target(engine->indicator_id(t.indicator), engine->unit_id(t.unit),
                         engine->period_code(p), t.value);
    } catch (const Error&) {  // a target of an unknown code is not the engine's to judge
    }
  }
  if (progress)
    progress(values.size());
  return engine;
}

}  // namespace

std::unique_ptr<Engine> build_engine(const Dataset& data,
                                     const std::function<void(std::size_t)>& progress,
                                     std::size_t every) {
  return build(data, data.values, progress, every);
}

std::unique_ptr<Engine> build_engine(const Dataset& records, const ValueTable& values,
                                     const std::function<void(std::size_t)>& progress,
                                     std::size_t every) {
  return build(records, values, progress, every);
}

}  // namespace mandate::core::analytics
