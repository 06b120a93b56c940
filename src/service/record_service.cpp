#include "service/record_service.hpp"

#include <type_traits>

#include <boost/json.hpp>

#include "io/metadata_json.hpp"
#include "service/etag.hpp"

namespace mandate::service {
namespace {

using namespace mandate::core;
using store::RecordTable;

std::string root_of(const Snapshot& s) {
  for (const auto& u : s.data.units)
    if (u.parent_code.empty())
      return u.code;
  return {};
}

// Where each kind of record lives, and whose rights a write needs.
template <typename T>
struct Traits;

template <>
struct Traits<Unit> {
  static constexpr const char* entity = "unit";
  static constexpr const char* list_name = "units";  // in the metadata format
  static auto& list(auto& d) { return d.units; }
  static std::string key(const Unit& x) { return x.code; }
  static Action action() { return Action::plan; }
  // A unit is planned by whoever plans its parent; a root only by a root planner.
  static std::string scope(const Unit& x, const Snapshot& s) {
    return x.parent_code.empty() ? root_of(s) : x.parent_code;
  }
  static bool erase(store::StoreTransaction& tx, const Unit& x) {
    return tx.delete_record(RecordTable::unit, x.code);
  }
};
template <>
struct Traits<Field> {
  static constexpr const char* entity = "field";
  static constexpr bool shared = true;  // every unit uses it: anyone signed in reads it
  static constexpr const char* list_name = "fields";  // in the metadata format
  static auto& list(auto& d) { return d.fields; }
  static std::string key(const Field& x) { return x.code; }
  static Action action() { return Action::plan; }
  static std::string scope(const Field&, const Snapshot& s) { return root_of(s); }
  static bool erase(store::StoreTransaction& tx, const Field& x) {
    return tx.delete_record(RecordTable::field, x.code);
  }
};
template <>
struct Traits<RatingScale> {
  static constexpr const char* entity = "rating_scale";
  static constexpr bool shared = true;  // every unit uses it: anyone signed in reads it
  static constexpr const char* list_name = "ratingScales";  // in the metadata format
  static auto& list(auto& d) { return d.rating_scales; }
  static std::string key(const RatingScale& x) { return x.code; }
  static Action action() { return Action::plan; }
  static std::string scope(const RatingScale&, const Snapshot& s) { return root_of(s); }
  static bool erase(store::StoreTransaction& tx, const RatingScale& x) {
    return tx.delete_record(RecordTable::rating_scale, x.code);
  }
};
template <>
struct Traits<Indicator> {
  static constexpr const char* entity = "indicator";
  static constexpr bool shared = true;  // every unit uses it: anyone signed in reads it
  static constexpr const char* list_name = "indicators";  // in the metadata format
  static auto& list(auto& d) { return d.indicators; }
  static std::string key(const Indicator& x) { return x.code; }
  static Action action() { return Action::plan; }
  // Indicators are shared by every unit, so only a planner of the whole tree defines them.
  static std::string scope(const Indicator&, const Snapshot& s) { return root_of(s); }
  static bool erase(store::StoreTransaction& tx, const Indicator& x) {
    return tx.delete_record(RecordTable::indicator, x.code);
  }
};
template <>
struct Traits<Plan> {
  static constexpr const char* entity = "plan";
  static constexpr const char* list_name = "plans";  // in the metadata format
  static auto& list(auto& d) { return d.plans; }
  static std::string key(const Plan& x) { return x.code; }
  static Action action() { return Action::plan; }
  static std::string scope(const Plan& x, const Snapshot&) { return x.unit; }
  static bool erase(store::StoreTransaction& tx, const Plan& x) {
    return tx.delete_record(RecordTable::plan, x.code);
  }
};
template <>
struct Traits<Target> {
  static constexpr const char* entity = "target";
  static constexpr const char* list_name = "targets";  // in the metadata format
  static auto& list(auto& d) { return d.targets; }
  static std::string key(const Target& x) { return x.indicator + "/" + x.unit + "/" + x.period; }
  static Action action() { return Action::plan; }
  static std::string scope(const Target& x, const Snapshot&) { return x.unit; }
  // "IND/UNIT/PERIOD": the unit, so an absent target's scope is known too.
  static std::string scope_of_key(const std::string& key, const Snapshot&) {
    const size_t a = key.find('/'), b = key.rfind('/');
    return a == std::string::npos || a == b ? "" : key.substr(a + 1, b - a - 1);
  }
  static bool erase(store::StoreTransaction& tx, const Target& x) {
    return tx.delete_target(x.indicator, x.unit, x.period);
  }
};
template <>
struct Traits<Task> {
  static constexpr const char* entity = "task";
  static constexpr const char* list_name = "tasks";  // in the metadata format
  static auto& list(auto& d) { return d.tasks; }
  static std::string key(const Task& x) { return x.code; }
  static Action action() { return Action::plan; }
  static std::string scope(const Task& x, const Snapshot& s) {
    return x.responsible_unit.empty() ? root_of(s) : x.responsible_unit;
  }
  static constexpr AttachmentOwner attachment_owner = AttachmentOwner::task;
  static bool erase(store::StoreTransaction& tx, const Task& x) {
    return tx.delete_record(RecordTable::task, x.code);
  }
};
template <>
struct Traits<TaskRating> {
  static constexpr const char* entity = "task_rating";
  static constexpr const char* list_name = "taskRatings";  // in the metadata format
  static auto& list(auto& d) { return d.task_ratings; }
  static std::string key(const TaskRating& x) { return x.task + "/" + x.period; }
  // Rating a task is an evaluation: approvers (and administrators) do it.
  static Action action() { return Action::approve; }
  static std::string scope(const TaskRating& x, const Snapshot& s) {
    for (const auto& t : s.data.tasks)
      if (t.code == x.task)
        return Traits<Task>::scope(t, s);
    return root_of(s);
  }
  // "TASK/PERIOD": the task's scope, so an absent rating's scope is known too.
  static std::string scope_of_key(const std::string& key, const Snapshot& s) {
    const size_t slash = key.rfind('/');
    if (slash == std::string::npos)
      return "";
    for (const auto& t : s.data.tasks)
      if (t.code == key.substr(0, slash))
        return Traits<Task>::scope(t, s);
    return "";
  }
  static bool erase(store::StoreTransaction& tx, const TaskRating& x) {
    return tx.delete_task_rating(x.task, x.period);
  }
};
template <>
struct Traits<Activity> {
  static constexpr const char* entity = "activity";
  static constexpr const char* list_name = "activities";  // in the metadata format
  static auto& list(auto& d) { return d.activities; }
  static std::string key(const Activity& x) { return x.code; }
  static Action action() { return Action::enter_values; }
  static std::string scope(const Activity& x, const Snapshot&) { return x.unit; }
  static bool erase(store::StoreTransaction& tx, const Activity& x) {
    return tx.delete_record(RecordTable::activity, x.code);
  }
};
// The nearest unit above every unit a restructuring names: whoever plans it
// plans the change (the city for a merge of two of its wards).
std::string common_parent(const UnitChange& c, const Snapshot& s) {
  std::vector<std::string> named = c.from;
  named.insert(named.end(), c.to.begin(), c.to.end());
  if (!c.new_parent.empty())
    named.push_back(c.new_parent);
  std::vector<std::string> common;  // ancestors of the first unit, nearest first
  if (!named.empty() && s.tree.find_by_code(named[0]))
    for (const Unit* a : s.tree.ancestors(named[0]))
      common.push_back(a->code);
  for (const auto& code : named)
    std::erase_if(common, [&](const std::string& a) { return !s.tree.is_within(code, a); });
  return common.empty() ? root_of(s) : common.front();
}

template <>
struct Traits<UnitChange> {
  static constexpr const char* entity = "unit_change";
  static constexpr const char* list_name = "unitChanges";  // in the metadata format
  static auto& list(auto& d) { return d.unit_changes; }
  static std::string key(const UnitChange& x) { return x.code; }
  static Action action() { return Action::plan; }
  static std::string scope(const UnitChange& x, const Snapshot& s) { return common_parent(x, s); }
  static bool erase(store::StoreTransaction& tx, const UnitChange& x) {
    return tx.delete_record(RecordTable::unit_change, x.code);
  }
};
template <>
struct Traits<Document> {
  static constexpr const char* entity = "document";
  static constexpr const char* list_name = "documents";  // in the metadata format
  static auto& list(auto& d) { return d.documents; }
  static std::string key(const Document& x) { return x.code; }
  static Action action() { return Action::enter_values; }
  static std::string scope(const Document& x, const Snapshot&) { return x.issuer; }
  static constexpr AttachmentOwner attachment_owner = AttachmentOwner::document;
  static bool erase(store::StoreTransaction& tx, const Document& x) {
    return tx.delete_record(RecordTable::document, x.code);
  }
};

template <>
struct Traits<Form> {
  static constexpr const char* entity = "form";
  static constexpr bool shared = true;               // every reporting unit reads its forms
  static constexpr const char* list_name = "forms";  // in the metadata format
  static auto& list(auto& d) { return d.forms; }
  static std::string key(const Form& x) { return x.code; }
  static Action action() { return Action::plan; }
  // A form applies to units anywhere in the tree, as indicators do.
  static std::string scope(const Form&, const Snapshot& s) { return root_of(s); }
  static bool erase(store::StoreTransaction& tx, const Form& x) {
    return tx.delete_record(RecordTable::form, x.code);
  }
};
template <>
struct Traits<ValidationRule> {
  static constexpr const char* entity = "validation_rule";
  static constexpr bool shared = true;                         // checked for every unit's values
  static constexpr const char* list_name = "validationRules";  // in the metadata format
  static auto& list(auto& d) { return d.validation_rules; }
  static std::string key(const ValidationRule& x) { return x.code; }
  static Action action() { return Action::plan; }
  static std::string scope(const ValidationRule&, const Snapshot& s) { return root_of(s); }
  static bool erase(store::StoreTransaction& tx, const ValidationRule& x) {
    return tx.delete_record(RecordTable::validation_rule, x.code);
  }
};

template <typename T>
std::string json_text(const T& x) {
  return boost::json::serialize(io::to_json(x));
}

template <typename T>
std::optional<T> lookup(const Snapshot& s, const std::string& key) {
  for (const auto& x : Traits<T>::list(s.data))
    if (Traits<T>::key(x) == key)
      return x;
  return std::nullopt;
}

// The scope unit must exist before rights can be judged; an unknown one is a
// bad reference, reported as validation would.
template <typename T>
void require_rights(const Actor& actor, const T& x, const Snapshot& s) {
  const std::string unit = Traits<T>::scope(x, s);
  if (!s.tree.find_by_code(unit))
    throw core::invalid_input("dataset.unknown_reference", {unit});
  core::require(actor.principal, Traits<T>::action(), unit, s.tree);
}

// A problem found in the record being written is reported by its key in the
// request body ("shares"), not by its place in the whole data set
// ("unitChanges[3].shares"); problems elsewhere keep their full path.
template <typename T>
std::string field_in_body(const std::string& field, const Dataset& merged, const std::string& key) {
  const auto& items = Traits<T>::list(merged);
  for (size_t i = 0; i < items.size(); ++i) {
    if (Traits<T>::key(items[i]) != key)
      continue;
    const std::string prefix = std::string(Traits<T>::list_name) + "[" + std::to_string(i) + "]";
    if (field == prefix)
      return "";
    if (field.starts_with(prefix + "."))
      return field.substr(prefix.size() + 1);
  }
  return field;
}

template <typename T>
void check_precondition(const std::optional<T>& current, Precondition p, const std::string& etag) {
  const bool ok = p == Precondition::none || (p == Precondition::if_absent && !current) ||
                  (p == Precondition::if_match && current && record_etag(*current) == etag);
  if (!ok)
    throw StaleRecord(current ? std::optional(json_text(*current)) : std::nullopt,
                      current ? record_etag(*current) : "");
}

}  // namespace

StaleRecord::StaleRecord(std::optional<std::string> current_json, std::string current_etag)
    : Error(ErrorCategory::precondition_failed, "record.stale"),
      current_json_(std::move(current_json)),
      current_etag_(std::move(current_etag)) {}

template <typename T>
std::string record_key(const T& record) {
  return Traits<T>::key(record);
}

template <typename T>
std::string record_etag(const T& record) {
  return etag_of(json_text(record));
}

template <typename T>
std::string record_scope(const Snapshot& s, const T& record) {
  return Traits<T>::scope(record, s);
}

template <typename T>
std::optional<T> find_record(const Snapshot& s, const Principal& who, const std::string& key) {
  auto found = lookup<T>(s, key);
  if constexpr (requires { Traits<T>::shared; })
    return found;
  // Absent cells whose key names their unit are judged too: a refused caller
  // must not learn from a 404 whether the record exists.
  std::string unit;
  if (found)
    unit = Traits<T>::scope(*found, s);
  else if constexpr (requires { Traits<T>::scope_of_key(key, s); })
    unit = Traits<T>::scope_of_key(key, s);
  if (!unit.empty() && s.tree.find_by_code(unit))
    require(who, Action::read, unit, s.tree);
  return found;
}

// The stored values a write of the record is judged with (the snapshot's
// data holds none): an indicator's, which must suit its type and range and
// name it; a unit's, which name it. No other record is named by a value.
template <typename T>
std::vector<Value> values_judged_with(const Snapshot& s, const std::string& key) {
  std::vector<Value> out;
  if constexpr (std::is_same_v<T, Indicator>) {
    for (const Value& v : s.values)
      if (v.indicator == key)
        out.push_back(v);
  } else if constexpr (std::is_same_v<T, Unit>) {
    const auto own = s.values.of_unit(key);
    out.assign(own.begin(), own.end());
  }
  return out;
}

template <typename T>
RecordOutcome<T> put_record(store::Store& store, SnapshotCache& cache, const Actor& actor,
                            const T& record, Precondition precondition, const std::string& etag) {
  auto tx = store.begin({actor.principal.username, actor.at});
  // Holding the write lock, the snapshot read now is what the write applies to.
  const auto s = cache.get();
  const std::string key = Traits<T>::key(record);
  const auto current = lookup<T>(*s, key);
  // Rights first, so a refused caller learns nothing about the record's version.
  require_rights(actor, record, *s);
  if (current)
    require_rights(actor, *current, *s);  // moving a record needs rights on both ends
  check_precondition(current, precondition, etag);

  Dataset merged = s->data;
  merged.values = values_judged_with<T>(*s, key);
  auto& items = Traits<T>::list(merged);
  bool replaced = false;
  for (auto& x : items)
    if (Traits<T>::key(x) == key) {
      x = record;
      replaced = true;
    }
  if (!replaced)
    items.push_back(record);
  try {
    validate_dataset(merged);
  } catch (const Error& e) {
    throw Error(e.category(), e.code(), e.args(), field_in_body<T>(e.field(), merged, key));
  }

  RecordOutcome<T> out{record, record_etag(record), !current, tx->upsert(record)};
  if (out.changed)
    tx->append_audit({0, actor.at, actor.principal.username, actor.address,
                      current ? "update" : "create", Traits<T>::entity, key,
                      current ? std::optional(json_text(*current)) : std::nullopt,
                      json_text(record)});
  tx->commit();
  return out;
}

template <typename T>
bool delete_record(store::Store& store, SnapshotCache& cache, const Actor& actor,
                   const std::string& key, const std::string& etag) {
  auto tx = store.begin({actor.principal.username, actor.at});
  const auto s = cache.get();
  const auto current = lookup<T>(*s, key);
  if (!current)
    return false;
  require_rights(actor, *current, *s);
  check_precondition(current, Precondition::if_match, etag);

  Dataset remaining = s->data;
  remaining.values = values_judged_with<T>(*s, key);
  std::erase_if(Traits<T>::list(remaining), [&](const T& x) { return Traits<T>::key(x) == key; });
  try {
    validate_dataset(remaining);
  } catch (const Error& e) {
    // Something still refers to it: say what, instead of breaking the reference.
    throw Error(ErrorCategory::conflict, "record.in_use", {key, e.field()});
  }
  if constexpr (requires { Traits<T>::attachment_owner; }) {
    // Files are never thrown away as a side effect of deleting their owner.
    const size_t files = store.attachments(Traits<T>::attachment_owner, key).size();
    if (files > 0)
      throw Error(ErrorCategory::conflict, "attachment.in_use", {key, std::to_string(files)});
  }
  const bool deleted = Traits<T>::erase(*tx, *current);
  tx->append_audit({0, actor.at, actor.principal.username, actor.address, "delete",
                    Traits<T>::entity, key, json_text(*current), std::nullopt});
  tx->commit();
  return deleted;
}

#define MANDATE_RECORD_FUNCTIONS(T)                                                                \
  template std::string record_key<T>(const T&);                                                    \
  template std::string record_etag<T>(const T&);                                                   \
  template std::string record_scope<T>(const Snapshot&, const T&);                                 \
  template std::optional<T> find_record<T>(const Snapshot&, const Principal&, const std::string&); \
  template RecordOutcome<T> put_record<T>(store::Store&, SnapshotCache&, const Actor&, const T&,   \
                                          Precondition, const std::string&);                       \
  template bool delete_record<T>(store::Store&, SnapshotCache&, const Actor&, const std::string&,  \
                                 const std::string&);

MANDATE_RECORD_FUNCTIONS(Unit)
MANDATE_RECORD_FUNCTIONS(Field)
MANDATE_RECORD_FUNCTIONS(RatingScale)
MANDATE_RECORD_FUNCTIONS(Indicator)
MANDATE_RECORD_FUNCTIONS(Plan)
MANDATE_RECORD_FUNCTIONS(Target)
MANDATE_RECORD_FUNCTIONS(Task)
MANDATE_RECORD_FUNCTIONS(TaskRating)
MANDATE_RECORD_FUNCTIONS(Activity)
MANDATE_RECORD_FUNCTIONS(Document)
MANDATE_RECORD_FUNCTIONS(UnitChange)
MANDATE_RECORD_FUNCTIONS(Form)
MANDATE_RECORD_FUNCTIONS(ValidationRule)

}  // namespace mandate::service
