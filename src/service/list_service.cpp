#include "service/list_service.hpp"

#include <algorithm>
#include <iterator>
#include <optional>

#include "core/error.hpp"
#include "core/period.hpp"
#include "core/unit_tree.hpp"

namespace mandate::service {
namespace {

using namespace mandate::core;

// The items that pass, copied: a listing copies what it shows, not the
// whole data set (a country's units and targets on every request).
template <typename T, typename Keep>
std::vector<T> kept(const std::vector<T>& items, Keep&& keep) {
  std::vector<T> out;
  std::copy_if(items.begin(), items.end(), std::back_inserter(out), keep);
  return out;
}

}  // namespace

Dataset list_data(store::Store& store, const ListFilter& f) {
  const Dataset d = store.load();
  const UnitTree tree(d.units);
  return filter_data(d, tree, f);
}

namespace {

// The filter's unit, period and kind, parsed and checked once.
struct Narrowing {
  const UnitTree& tree;
  const ListFilter& f;
  std::optional<Period> period;
  std::string root;
  std::optional<DocumentKind> doc_kind;
  std::optional<ActivityKind> activity_kind;
  std::optional<ValueKind> value_kind;

  Narrowing(const UnitTree& t, const ListFilter& filter) : tree(t), f(filter) {
    if (!f.period.empty())
      period = Period::parse(f.period);
    if (!f.unit.empty())
      root = tree.resolve(f.unit).code;
    if (f.kind.empty())
      return;
    // A kind filter names one of the three kinds of kind; which one is checked
    // against every list, and a name that fits none of them is an error.
    try {
      doc_kind = parse_document_kind(f.kind);
    } catch (const Error&) {
    }
    try {
      activity_kind = parse_activity_kind(f.kind);
    } catch (const Error&) {
    }
    try {
      value_kind = parse_value_kind(f.kind);
    } catch (const Error&) {
    }
    if (!doc_kind && !activity_kind && !value_kind)
      throw invalid_input("list.kind_invalid", {f.kind}, "kind");
  }

  bool in_unit(const std::string& code) const {
    return root.empty() || (!code.empty() && tree.find_by_code(code) && tree.is_within(code, root));
  }
  bool in_period_id(const std::string& id) const {
    return !period || period->contains(Period::parse(id));
  }
  bool in_period_date(const Date& date) const { return !period || period->contains(date); }
  bool keeps(const Value& v) const {
    return in_unit(v.unit) && in_period_id(v.period) &&
           (f.indicator.empty() || v.indicator == f.indicator) &&
           (!value_kind || v.kind == *value_kind);
  }
};

}  // namespace

std::vector<const Value*> filter_values(const ValueTable& values, const UnitTree& tree,
                                        const ListFilter& f) {
  const Narrowing n(tree, f);
  std::vector<const Value*> out;
  auto keep = [&](const Value& v) {
    if (n.keeps(v))
      out.push_back(&v);
  };
  if (n.root.empty()) {
    for (const Value& v : values)
      keep(v);
    return out;
  }
  // Only the units in question are read, not a country's values.
  for (const Value& v : values.of_unit(n.root))
    keep(v);
  for (const Unit* u : tree.descendants(n.root))
    for (const Value& v : values.of_unit(u->code))
      keep(v);
  return out;
}

Dataset filter_data(const Dataset& data, const UnitTree& tree, const ListFilter& f) {
  const Narrowing n(tree, f);
  Dataset d;
  const auto& period = n.period;

  std::optional<TaskStatus> task_status;
  if (!f.status.empty())
    task_status = parse_task_status(f.status);
  if (!f.field.empty() && std::none_of(data.fields.begin(), data.fields.end(),
                                       [&](const Field& x) { return x.code == f.field; }))
    throw invalid_input("list.field_invalid", {f.field}, "field");

  d.units = kept(data.units, [&](const Unit& u) { return n.in_unit(u.code); });
  d.targets = kept(data.targets, [&](const Target& t) {
    return n.in_unit(t.unit) && n.in_period_id(t.period) &&
           (f.indicator.empty() || t.indicator == f.indicator);
  });
  d.values = kept(data.values, [&](const Value& v) { return n.keeps(v); });
  d.indicators = kept(data.indicators, [&](const Indicator& i) {
    return f.indicator.empty() || i.code == f.indicator;
  });
  d.tasks = kept(data.tasks, [&](const Task& t) {
    if (!n.in_unit(t.responsible_unit) || (task_status && t.status != *task_status) ||
        (!f.field.empty() && t.field != f.field) || (f.overdue_on && !t.overdue(*f.overdue_on)))
      return false;
    if (!period)
      return true;
    // A task belongs to a period when it is open during some part of it.
    const bool started = !t.start || *t.start <= period->end();
    const bool not_done_before = !t.deadline || *t.deadline >= period->start();
    return started && not_done_before;
  });
  d.activities = kept(data.activities, [&](const Activity& a) {
    return n.in_unit(a.unit) && n.in_period_date(a.date) &&
           (!n.activity_kind || a.kind == *n.activity_kind);
  });
  d.documents = kept(data.documents, [&](const Document& doc) {
    return n.in_unit(doc.issuer) && n.in_period_date(doc.date) &&
           (!n.doc_kind || doc.kind == *n.doc_kind) && (f.field.empty() || doc.field == f.field);
  });
  return d;
}

}  // namespace mandate::service
