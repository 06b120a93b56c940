#include "service/dataset_service.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "core/error.hpp"

namespace mandate::service {
namespace {

using namespace mandate::core;

// Records with a code are keyed by it; cells by their coordinates.
template <typename T>
requires requires(const T& x) {
  x.code;
}
std::string key_of(const T& x) {
  return x.code;
}
std::string key_of(const Target& x) {
  return x.indicator + '\x1f' + x.unit + '\x1f' + x.period;
}
std::string key_of(const Value& x) {
  return x.indicator + '\x1f' + x.unit + '\x1f' + x.period + '\x1f' +
         std::string(value_kind_name(x.kind));
}
std::string key_of(const TaskRating& x) {
  return x.task + '\x1f' + x.period;
}
std::string key_of(const Submission& x) {
  return x.form + '\x1f' + x.unit + '\x1f' + x.period;
}

// For each record of a merged list: its index in the incoming data set, or -1
// when it came from the store. Lets an error found in the merged whole name
// the record of the file the user gave.
using Origins = std::map<std::string, std::vector<long>, std::less<>>;

// Replaces records of `into` that share a key with one of `from`, appends the rest.
template <typename T>
void merge(std::vector<T>& into, const std::vector<T>& from, std::vector<long>& origin) {
  origin.assign(into.size(), -1);
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < into.size(); ++i)
    position[key_of(into[i])] = i;
  for (size_t j = 0; j < from.size(); ++j) {
    const auto& x = from[j];
    auto it = position.find(key_of(x));
    if (it != position.end()) {
      into[it->second] = x;
      origin[it->second] = static_cast<long>(j);
    } else {
      position[key_of(x)] = into.size();
      into.push_back(x);
      origin.push_back(static_cast<long>(j));
    }
  }
}

// "values[41].unit" in the merged data -> "values[1].unit" in the incoming file.
std::string incoming_path(const std::string& path, const Origins& origins) {
  const size_t open = path.find('['), close = path.find(']');
  if (open == std::string::npos || close == std::string::npos || close < open)
    return path;
  auto it = origins.find(std::string_view(path).substr(0, open));
  if (it == origins.end())
    return path;
  const size_t merged = std::stoul(path.substr(open + 1, close - open - 1));
  if (merged >= it->second.size() || it->second[merged] < 0)
    return path;
  return path.substr(0, open + 1) + std::to_string(it->second[merged]) + path.substr(close);
}

template <typename T>
size_t write_all(store::StoreTransaction& tx, const std::vector<T>& items) {
  size_t changed = 0;
  for (const auto& x : items)
    if (tx.upsert(x))
      ++changed;
  return changed;
}

// Values, the many records, are written at once (a few statements a batch).
size_t write_all(store::StoreTransaction& tx, const std::vector<core::Value>& values) {
  std::vector<store::CellChange> changes;
  changes.reserve(values.size());
  for (const auto& v : values)
    changes.push_back({v, false});
  const std::vector<bool> changed = tx.write_values(changes);
  return static_cast<size_t>(std::count(changed.begin(), changed.end(), true));
}

}  // namespace

ImportResult import_dataset(store::Store& store, const Dataset& incoming,
                            const store::ChangeContext& context) {
  Dataset merged = store.load();
  Origins o;
  merge(merged.units, incoming.units, o["units"]);
  merge(merged.fields, incoming.fields, o["fields"]);
  merge(merged.rating_scales, incoming.rating_scales, o["ratingScales"]);
  merge(merged.indicators, incoming.indicators, o["indicators"]);
  merge(merged.plans, incoming.plans, o["plans"]);
  merge(merged.targets, incoming.targets, o["targets"]);
  merge(merged.values, incoming.values, o["values"]);
  merge(merged.tasks, incoming.tasks, o["tasks"]);
  merge(merged.task_ratings, incoming.task_ratings, o["taskRatings"]);
  merge(merged.activities, incoming.activities, o["activities"]);
  merge(merged.documents, incoming.documents, o["documents"]);
  merge(merged.unit_changes, incoming.unit_changes, o["unitChanges"]);
  merge(merged.forms, incoming.forms, o["forms"]);
  merge(merged.validation_rules, incoming.validation_rules, o["validationRules"]);
  merge(merged.submissions, incoming.submissions, o["submissions"]);
  try {
    validate_dataset(merged);
  } catch (const Error& e) {
    throw Error(e.category(), e.code(), e.args(), incoming_path(e.field(), o));
  }

  ImportResult result;
  auto tx = store.begin(context);
  // Order follows the references: what is referred to is written first.
  result.changed += write_all(*tx, incoming.units);
  result.changed += write_all(*tx, incoming.fields);
  result.changed += write_all(*tx, incoming.rating_scales);
  result.changed += write_all(*tx, incoming.indicators);
  result.changed += write_all(*tx, incoming.plans);
  result.changed += write_all(*tx, incoming.targets);
  result.changed += write_all(*tx, incoming.values);
  result.changed += write_all(*tx, incoming.tasks);
  result.changed += write_all(*tx, incoming.task_ratings);
  result.changed += write_all(*tx, incoming.activities);
  result.changed += write_all(*tx, incoming.documents);
  result.changed += write_all(*tx, incoming.unit_changes);
  result.changed += write_all(*tx, incoming.forms);
  result.changed += write_all(*tx, incoming.validation_rules);
  result.changed += write_all(*tx, incoming.submissions);
  tx->commit();
  result.records = incoming.units.size() + incoming.fields.size() + incoming.rating_scales.size() +
                   incoming.indicators.size() + incoming.plans.size() + incoming.targets.size() +
                   incoming.values.size() + incoming.tasks.size() + incoming.task_ratings.size() +
                   incoming.activities.size() + incoming.documents.size() +
                   incoming.unit_changes.size() + incoming.forms.size() +
                   incoming.validation_rules.size() + incoming.submissions.size();
  return result;
}

}  // namespace mandate::service
