#include "service/dhis2_service.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "core/cycle_checks.hpp"
#include "core/dhis2_uid.hpp"
#include "core/error.hpp"
#include "core/period.hpp"
#include "core/text.hpp"
#include "service/cell_locks.hpp"
#include "service/value_audit.hpp"
#include "service/value_batch.hpp"

namespace mandate::service {
namespace {

namespace d2 = io::dhis2;
using core::Error;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items)
    out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Case-folded key for NAME matching; text that cannot be folded matches nothing.
std::string name_key(std::string_view text) {
  try {
    return core::fold_case(core::collapse_spaces(core::to_nfc(text)));
  } catch (const Error&) {
    return {};
  }
}

// The identifiers of one kind of record (indicators or units) under one scheme.
class Lookup {
 public:
  struct Record {
    std::string_view code;
    std::string_view name;
  };
  struct Match {
    std::vector<std::string> codes;  // none: unknown; several: an ambiguous name
  };

  Lookup(d2::IdScheme scheme, std::string_view kind, const std::vector<Record>& records)
      : scheme_(scheme) {
    for (const auto& r : records) {
      switch (scheme) {
        case d2::IdScheme::uid:
          keys_[core::dhis2_uid(kind, r.code)].emplace_back(r.code);
          break;
        case d2::IdScheme::code:
          keys_[std::string(r.code)].emplace_back(r.code);
          break;
        case d2::IdScheme::name:
          keys_[name_key(r.name)].emplace_back(r.code);
          break;
      }
    }
  }

  Match find(std::string_view id) const {
    const std::string key = scheme_ == d2::IdScheme::name ? name_key(id) : std::string(id);
    if (key.empty())
      return {};
    auto it = keys_.find(key);
    return it == keys_.end() ? Match{} : Match{it->second};
  }

 private:
  d2::IdScheme scheme_;
  std::unordered_map<std::string, std::vector<std::string>> keys_;
};

std::vector<Lookup::Record> indicator_records(const core::Dataset& d) {
  std::vector<Lookup::Record> out;
  out.reserve(d.indicators.size());
  for (const auto& i : d.indicators)
    out.push_back({i.code, i.name});
  return out;
}

std::vector<Lookup::Record> unit_records(const core::Dataset& d) {
  std::vector<Lookup::Record> out;
  out.reserve(d.units.size());
  for (const auto& u : d.units)
    out.push_back({u.code, u.name});
  return out;
}

// What an identifier reads as under a scheme.
std::string id_of(d2::IdScheme scheme, std::string_view kind, const std::string& code,
                  const std::string& name) {
  switch (scheme) {
    case d2::IdScheme::uid:
      return core::dhis2_uid(kind, code);
    case d2::IdScheme::code:
      return code;
    case d2::IdScheme::name:
      return name;
  }
  return code;
}

bool is_default_combo(std::string_view id) {
  return id.empty() || id == core::kDhis2DefaultComboUid ||
         d2::upper_ascii(d2::trim_ascii(id)) == "DEFAULT";
}

const std::string& estimate_uid() {
  static const std::string uid = core::dhis2_uid(core::kDhis2KindValueKind, kDhis2EstimateCode);
  return uid;
}

// The kind of figure an attributeOptionCombo names, under any scheme.
std::optional<core::ValueKind> value_kind_of(std::string_view id) {
  if (is_default_combo(id))
    return core::ValueKind::official;
  if (id == estimate_uid() || d2::upper_ascii(d2::trim_ascii(id)) == kDhis2EstimateCode)
    return core::ValueKind::estimate;
  return std::nullopt;
}

std::string combo_id(d2::IdScheme scheme, core::ValueKind kind) {
  if (kind == core::ValueKind::estimate)
    return scheme == d2::IdScheme::uid ? estimate_uid() : std::string(kDhis2EstimateCode);
  return scheme == d2::IdScheme::uid ? std::string(core::kDhis2DefaultComboUid) : "default";
}

// DHIS2 numbers: plain decimals with a point ("65.3", "-2", "1e6"), nothing else.
std::optional<double> parse_number(std::string_view text) {
  text = d2::trim_ascii(text);
  if (!text.empty() && text.front() == '+')
    text.remove_prefix(1);
  if (text.empty() || text.front() == '+')
    return std::nullopt;
  double d = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), d, std::chars_format::general);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(d))
    return std::nullopt;
  return d;
}

// DHIS2's BOOLEAN values.
std::optional<double> parse_yes_no(std::string_view text) {
  const std::string s = d2::upper_ascii(d2::trim_ascii(text));
  if (s == "TRUE" || s == "T" || s == "1")
    return 1.0;
  if (s == "FALSE" || s == "F" || s == "0")
    return 0.0;
  return std::nullopt;
}

size_t code_points(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text)
    n += (c & 0xC0) != 0x80;
  return n;
}

struct RowConflict {
  const char* error_code;
  const char* property;
  std::string object;
  std::vector<std::pair<std::string, std::string>> objects;
  std::string message;
  std::vector<std::string> args;
};

struct Planned {
  size_t index;
  core::Value value;
  bool remove;
};

// Conflicts of the same kind about the same object become one, listing every index.
class ConflictList {
 public:
  void add(size_t index, RowConflict c) {
    std::string key = std::string(c.error_code) + '\x1f' + c.object + '\x1f' + c.message;
    for (const auto& a : c.args)
      key += '\x1f' + a;
    auto [it, fresh] = by_key_.emplace(std::move(key), conflicts_.size());
    if (fresh)
      conflicts_.push_back({std::move(c.object),
                            std::move(c.objects),
                            c.property,
                            c.error_code,
                            std::move(c.message),
                            std::move(c.args),
                            {}});
    conflicts_[it->second].indexes.push_back(index);
    rejected_.push_back(index);
  }
  bool empty() const { return rejected_.empty(); }
  size_t rows() const { return rejected_.size(); }
  std::vector<d2::ImportConflict> take_conflicts() { return std::move(conflicts_); }
  const std::vector<size_t>& rejected() const { return rejected_; }

 private:
  std::vector<d2::ImportConflict> conflicts_;
  std::unordered_map<std::string, size_t> by_key_;
  std::vector<size_t> rejected_;
};

// Everything needed to check the values of one import.
class RowChecker {
 public:
  RowChecker(const Snapshot& s, const Actor& actor, const d2::DataValueSet& set,
             d2::IdScheme de_scheme, d2::IdScheme ou_scheme, d2::ImportStrategy strategy)
      : s_(s),
        actor_(actor),
        set_(set),
        strategy_(strategy),
        indicators_(de_scheme, core::kDhis2KindIndicator, indicator_records(s.data)),
        units_(ou_scheme, core::kDhis2KindUnit, unit_records(s.data)) {
    for (const auto& i : s.data.indicators)
      indicator_by_code_.emplace(i.code, &i);
  }

  // The value as it will be stored, or the first problem with it (checks in DHIS2's order).
  std::variant<Planned, RowConflict> check(size_t index, const d2::DataValue& row) const {
    const std::string& de = row.data_element;
    const auto found = indicators_.find(de);
    if (found.codes.empty())
      return RowConflict{"E7610",
                         "dataElement",
                         de,
                         {{"dataElement", de}},
                         "dhis2.conflict.data_element_not_found",
                         {de}};
    if (found.codes.size() > 1)
      return RowConflict{"E7610",
                         "dataElement",
                         de,
                         {{"dataElement", de}},
                         "dhis2.conflict.data_element_ambiguous",
                         {de, join(found.codes)}};
    const core::Indicator& ind = *indicator_by_code_.at(found.codes[0]);
    if (ind.computed())
      return RowConflict{"E7610",
                         "dataElement",
                         de,
                         {{"dataElement", de}},
                         "dhis2.conflict.data_element_computed",
                         {ind.code, ind.formula}};

    const std::string& pe = row.period.empty() ? set_.period : row.period;
    std::optional<core::Period> period;
    try {
      period = core::Period::parse(d2::trim_ascii(pe));
    } catch (const Error&) {
      return RowConflict{"E7611", "period", pe, {{"period", pe}}, "dhis2.conflict.period_invalid",
                         {pe}};
    }

    const std::string& ou = row.org_unit.empty() ? set_.org_unit : row.org_unit;
    const auto unit = units_.find(ou);
    if (unit.codes.empty())
      return RowConflict{
          "E7612", "orgUnit", ou, {{"orgUnit", ou}}, "dhis2.conflict.org_unit_not_found", {ou}};
    if (unit.codes.size() > 1)
      return RowConflict{"E7612",
                         "orgUnit",
                         ou,
                         {{"orgUnit", ou}},
                         "dhis2.conflict.org_unit_ambiguous",
                         {ou, join(unit.codes)}};
    const std::string& unit_code = unit.codes[0];

    const std::string& coc = row.category_option_combo;
    if (!is_default_combo(coc))
      return RowConflict{"E7613",
                         "categoryOptionCombo",
                         coc,
                         {{"categoryOptionCombo", coc}},
                         "dhis2.conflict.category_option_combo_not_found",
                         {coc}};
    const std::string& aoc = row.attribute_option_combo.empty() ? set_.attribute_option_combo
                                                                : row.attribute_option_combo;
    const auto kind = value_kind_of(aoc);
    if (!kind)
      return RowConflict{"E7615",
                         "attributeOptionCombo",
                         aoc,
                         {{"attributeOptionCombo", aoc}},
                         "dhis2.conflict.attribute_option_combo_not_found",
                         {aoc}};

    if (!core::may(actor_.principal, core::Action::enter_values, unit_code, s_.tree))
      return RowConflict{"E7617",
                         "orgUnit",
                         ou,
                         {{"orgUnit", ou}, {"user", actor_.principal.username}},
                         "dhis2.conflict.org_unit_out_of_scope",
                         {unit_code, actor_.principal.username}};

    const bool remove = strategy_ == d2::ImportStrategy::remove || row.deleted;
    core::Value v{ind.code, unit_code, period->id(), *kind, 0, {}, false};
    // A cell of a submitted or approved report is refused, whatever the row does.
    if (const auto* locked = core::locking_submission(s_.data, ind.code, unit_code, v.period))
      return RowConflict{"E7643",  // DHIS2: the period is not open for this data set
                         "period",
                         pe,
                         {{"period", pe}, {"dataElement", de}, {"orgUnit", ou}},
                         "submission.locked",
                         {ind.code, unit_code, v.period, locked->form}};
    if (remove)
      return Planned{index, std::move(v), true};

    if (d2::trim_ascii(row.value).empty())
      return RowConflict{
          "E7618", "value", de, {{"dataElement", de}}, "dhis2.conflict.value_missing", {de}};
    const auto number = ind.value_type == core::ValueType::yes_no ? parse_yes_no(row.value)
                                                                  : parse_number(row.value);
    if (!number)
      return RowConflict{"E7619",
                         "value",
                         de,
                         {{"dataElement", de}},
                         ind.value_type == core::ValueType::yes_no
                             ? "dhis2.conflict.value_not_boolean"
                             : "dhis2.conflict.value_not_numeric",
                         {ind.code, row.value}};
    try {
      core::validate_value(ind, *number);
    } catch (const Error& e) {
      return RowConflict{"E7619", "value", de, {{"dataElement", de}}, e.code(), e.args()};
    }
    v.value = *number;
    try {
      v.comment = core::collapse_spaces(core::to_nfc(row.comment));
    } catch (const Error&) {
      v.comment = row.comment;  // read_json / read_csv already refuse bad UTF-8
    }
    if (code_points(v.comment) > kDhis2MaxCommentLength)
      return RowConflict{"E7620",
                         "comment",
                         de,
                         {{"dataElement", de}},
                         "dhis2.conflict.comment_invalid",
                         {std::to_string(kDhis2MaxCommentLength)}};
    try {
      core::check_saved_values(s_.data, s_.values, std::span(&v, 1));  // rules that refuse on save
    } catch (const Error& e) {
      return RowConflict{"E7619", "value", de, {{"dataElement", de}}, e.code(), e.args()};
    }
    return Planned{index, std::move(v), false};
  }

 private:
  const Snapshot& s_;
  const Actor& actor_;
  const d2::DataValueSet& set_;
  d2::ImportStrategy strategy_;
  Lookup indicators_;
  Lookup units_;
  std::unordered_map<std::string, const core::Indicator*> indicator_by_code_;
};

bool same_figure(const core::Value& a, const core::Value& b) {
  return a.value == b.value && a.comment == b.comment;
}

}  // namespace

d2::ImportSummary dhis2_import(store::Store& store, const Snapshot& snapshot, const Actor& actor,
                               const d2::DataValueSet& set, const Dhis2ImportParams& params) {
  // A role that may not enter values anywhere is refused as a whole (403), not per value.
  if (!core::role_allows(actor.principal.role, core::Action::enter_values))
    core::require(actor.principal, core::Action::enter_values, actor.principal.unit, snapshot.tree);

  // The payload's options win over the query's; a specific scheme over the general one.
  const d2::PayloadOptions& p = set.options;
  const auto general = p.id_scheme ? p.id_scheme : params.id_scheme;
  auto scheme = [&](const std::optional<d2::IdScheme>& payload,
                    const std::optional<d2::IdScheme>& query) {
    return payload ? *payload : query ? *query : general.value_or(d2::IdScheme::uid);
  };
  d2::ImportSummary summary;
  summary.data_element_id_scheme = scheme(p.data_element_id_scheme, params.data_element_id_scheme);
  summary.org_unit_id_scheme = scheme(p.org_unit_id_scheme, params.org_unit_id_scheme);
  summary.category_option_combo_id_scheme =
      scheme(p.category_option_combo_id_scheme, params.category_option_combo_id_scheme);
  summary.dry_run = p.dry_run.value_or(params.dry_run.value_or(false));
  summary.strategy =
      p.strategy.value_or(params.strategy.value_or(d2::ImportStrategy::create_and_update));
  summary.atomic_mode = params.atomic_mode;

  const RowChecker checker(snapshot, actor, set, summary.data_element_id_scheme,
                           summary.org_unit_id_scheme, summary.strategy);
  std::vector<Planned> planned;
  planned.reserve(set.values.size());
  ConflictList conflicts;
  for (size_t i = 0; i < set.values.size(); ++i) {
    auto result = checker.check(i, set.values[i]);
    if (auto* c = std::get_if<RowConflict>(&result))
      conflicts.add(i, std::move(*c));
    else
      planned.push_back(std::move(std::get<Planned>(result)));
  }

  summary.rejected_indexes = conflicts.rejected();
  summary.count.ignored = conflicts.rows();
  if (!conflicts.empty() && summary.atomic_mode == d2::AtomicMode::all) {
    summary.status = d2::ImportStatus::error;
    summary.count.ignored = set.values.size();
    summary.conflicts = conflicts.take_conflicts();
    return summary;
  }
  summary.status = conflicts.empty() ? d2::ImportStatus::success : d2::ImportStatus::warning;
  summary.conflicts = conflicts.take_conflicts();

  // What each cell holds before this import: the snapshot for a dry run (no
  // write lock taken), the transaction's view otherwise; the batch then
  // follows what this import does to it (a value sent twice).
  std::unique_ptr<store::StoreTransaction> tx;
  if (!summary.dry_run)
    tx = store.begin({actor.principal.username, actor.at});
  std::vector<core::Value> cells;
  cells.reserve(planned.size());
  for (const Planned& w : planned)
    cells.push_back(w.value);
  ValueBatch batch(tx.get(), snapshot.values, cells);
  // A report submitted since the rows were planned locks its cells too: the
  // import then fails whole, and sent again reports those rows as E7643.
  std::optional<CellLocks> locks;
  if (tx)
    locks.emplace(*tx, snapshot.data);
  auto reject = [&](size_t index) {
    ++summary.count.ignored;
    summary.rejected_indexes.push_back(index);
  };

  for (const Planned& w : planned) {
    if (locks)
      locks->require_unlocked(w.value.indicator, w.value.unit, w.value.period);
    const std::optional<core::Value>& before = batch.current(w.value);
    if (w.remove) {
      if (!before) {
        reject(w.index);
        continue;
      }
      ++summary.count.deleted;
      batch.remove(w.value);
      continue;
    }
    if (!before && summary.strategy == d2::ImportStrategy::update) {
      reject(w.index);
      continue;
    }
    if (before && summary.strategy == d2::ImportStrategy::create) {
      reject(w.index);
      continue;
    }
    if (before && same_figure(*before, w.value)) {
      ++summary.count.ignored;  // unchanged: DHIS2 counts it as ignored, not rejected
      continue;
    }
    ++(before ? summary.count.updated : summary.count.imported);
    batch.put(w.value);
  }
  if (tx) {
    const std::vector<CellWrite> written = batch.write(actor);
    tx->commit();
    committed(snapshot, written, tx->feed_through());
  }
  std::sort(summary.rejected_indexes.begin(), summary.rejected_indexes.end());
  return summary;
}

std::vector<d2::DataValue> dhis2_export(store::Store& store, const Snapshot& snapshot,
                                        const core::Principal& who,
                                        const Dhis2ExportParams& params) {
  const core::UnitTree& tree = snapshot.tree;
  const core::Dataset& data = snapshot.data;

  // Filters given by uid or code.
  const Lookup unit_uids(d2::IdScheme::uid, core::kDhis2KindUnit, unit_records(data));
  const Lookup indicator_uids(d2::IdScheme::uid, core::kDhis2KindIndicator,
                              indicator_records(data));
  std::unordered_set<std::string> units;
  auto add_unit = [&](const std::string& code, bool subtree) {
    core::require(who, core::Action::read, code, tree);
    units.insert(code);
    if (subtree)
      for (const core::Unit* u : tree.descendants(code))
        units.insert(u->code);
  };
  if (params.org_units.empty())
    add_unit(who.unit, true);
  for (const auto& id : params.org_units) {
    const auto m = unit_uids.find(id);
    if (m.codes.size() == 1)
      add_unit(m.codes[0], params.children);
    else if (tree.find_by_code(id))
      add_unit(id, params.children);
    else
      throw core::not_found("unit.not_found", {id});
  }
  std::unordered_set<std::string> indicators;
  for (const auto& id : params.data_elements) {
    const auto m = indicator_uids.find(id);
    if (m.codes.size() == 1) {
      indicators.insert(m.codes[0]);
      continue;
    }
    bool known = false;
    for (const auto& i : data.indicators)
      known = known || i.code == id;
    if (!known)
      throw core::not_found("indicator.not_found", {id});
    indicators.insert(id);
  }
  std::set<std::string> periods;
  for (const auto& id : params.periods)
    periods.insert(core::Period::parse(id).id());
  std::optional<core::Date> start, end;
  if (periods.empty() && !params.start_date.empty())
    start = core::parse_iso_date(params.start_date);
  if (periods.empty() && !params.end_date.empty())
    end = core::parse_iso_date(params.end_date);
  std::set<core::ValueKind> kinds;
  for (const auto& id : params.attribute_option_combos) {
    const auto k = value_kind_of(id);
    if (!k)
      throw core::invalid_input("query.invalid", {"attributeOptionCombo", id},
                                "attributeOptionCombo");
    kinds.insert(*k);
  }

  std::unordered_map<std::string, const core::Indicator*> indicator_by_code;
  for (const auto& i : data.indicators)
    indicator_by_code.emplace(i.code, &i);
  // One history read per cell (both kinds share it).
  std::map<std::string, std::vector<store::ValueChange>> histories;

  std::vector<d2::DataValue> out;
  for (const auto& v : snapshot.values) {
    if (!units.contains(v.unit) || (!indicators.empty() && !indicators.contains(v.indicator)) ||
        (!kinds.empty() && !kinds.contains(v.kind)))
      continue;
    if (!periods.empty() && !periods.contains(v.period))
      continue;
    if (start || end) {
      const core::Period p = core::Period::parse(v.period);
      if ((start && p.start() < *start) || (end && p.end() > *end))
        continue;
    }
    const core::Indicator* ind = indicator_by_code.at(v.indicator);
    const core::Unit* unit = tree.find_by_code(v.unit);
    d2::DataValue d;
    d.data_element =
        id_of(params.data_element_id_scheme, core::kDhis2KindIndicator, ind->code, ind->name);
    d.period = v.period;
    d.org_unit = id_of(params.org_unit_id_scheme, core::kDhis2KindUnit, unit->code, unit->name);
    d.category_option_combo =
        combo_id(params.category_option_combo_id_scheme, core::ValueKind::official);
    d.attribute_option_combo = combo_id(params.category_option_combo_id_scheme, v.kind);
    d.value = ind->value_type == core::ValueType::yes_no ? (v.value != 0 ? "true" : "false")
                                                         : d2::number_text(v.value);
    d.comment = v.comment;
    if (params.with_history) {
      const std::string cell = v.indicator + "/" + v.unit + "/" + v.period;
      auto it = histories.find(cell);
      if (it == histories.end())
        it = histories.emplace(cell, store.value_history(v.indicator, v.unit, v.period)).first;
      for (const auto& c : it->second) {
        if (c.kind != v.kind)
          continue;
        if (!c.old_value)
          d.created = c.at;  // the latest creation (after a deletion, the cell starts again)
        d.stored_by = c.actor;
        d.last_updated = c.at;
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace mandate::service
