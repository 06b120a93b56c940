#pragma once
// Many value writes in one transaction, written at once: what their cells
// hold is read in one go, the writes are kept in order and then written
// together with their audit entries (store::StoreTransaction::write_values),
// a few statements per batch of cells instead of several per value. Shared
// by the writers of many values (bulk writes, DHIS2 and file imports).
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dataset.hpp"
#include "service/analytics_cache.hpp"
#include "service/value_service.hpp"
#include "store/store.hpp"

namespace mandate::service {

class ValueBatch {
 public:
  // cells: every cell the batch may write. What they hold is read from tx,
  // or without one (a dry run, which writes nothing) from the snapshot's values.
  ValueBatch(store::StoreTransaction* tx, const core::ValueTable& values,
             std::span<const core::Value> cells);

  // What the cell holds with the writes added so far.
  const std::optional<core::Value>& current(const core::Value& cell) const;
  void put(const core::Value& v);
  void remove(const core::Value& cell);  // a cell that holds a value

  // Writes them in order, with an audit entry for each that changed
  // something; returns those, for the rollups once committed.
  std::vector<CellWrite> write(const Actor& actor);

 private:
  void add(store::CellChange change);

  store::StoreTransaction* tx_;
  std::unordered_map<std::string, std::optional<core::Value>> current_;  // by value_cell_key
  std::vector<store::CellChange> changes_;
  std::vector<std::optional<core::Value>> befores_;  // what each change's cell held
};

}  // namespace mandate::service
