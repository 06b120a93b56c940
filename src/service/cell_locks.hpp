#pragma once
// Whether a value cell is locked, judged inside the write's transaction: the
// snapshot a write is checked against may predate a report just submitted by
// someone else, so the states of the reports holding the cell are read again
// under the write lock (one indexed row per form that holds the indicator).
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include "core/dataset.hpp"
#include "store/store.hpp"

namespace mandate::service {

class CellLocks {
 public:
  // d: the snapshot's data, for which forms hold which indicators.
  CellLocks(store::StoreTransaction& tx, const core::Dataset& d) : tx_(tx), data_(d) {}

  // Throws Error(conflict, "submission.locked") when a submitted or approved
  // report holds the cell.
  void require_unlocked(const std::string& indicator, const std::string& unit,
                        const std::string& period);

 private:
  store::StoreTransaction& tx_;
  const core::Dataset& data_;
  // Report states already read in this transaction, by form, unit, period.
  std::map<std::tuple<std::string, std::string, std::string>, bool> locks_;
};

}  // namespace mandate::service
