#pragma once
// The stored values of a data set, grouped by unit and shared between
// versions: a version with a few cells changed copies only the changed units'
// values, so a server can follow a country's writes without copying its
// millions of values (service::SnapshotCache). Immutable once built; any
// number of threads may read one.
#include <cstddef>
#include <iterator>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/indicator.hpp"

namespace mandate::core {

// A committed change of one value cell: the value written, or (removed) the
// cell deleted, when only value's indicator, unit, period and kind count.
struct CellWrite {
  Value value;
  bool removed = false;
};

class ValueTable {
 public:
  ValueTable() = default;
  // Groups values by unit: units in the order they first appear, each unit's
  // values in their order here.
  explicit ValueTable(std::vector<Value> values);

  // This table with writes applied in order; units the writes do not touch
  // are shared with this one. A new cell goes after its unit's values.
  ValueTable with(std::span<const CellWrite> writes) const;

  // The values of one unit (empty when it has none).
  std::span<const Value> of_unit(std::string_view unit) const;
  // The value of one cell, or null.
  const Value* find(std::string_view indicator, std::string_view unit, std::string_view period,
                    ValueKind kind) const;
  // The value of each cell (null where none), found by key in units asked
  // for many times (an import's dry run).
  std::vector<const Value*> find(std::span<const Value> cells) const;
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Every value, unit by unit.
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Value;
    using difference_type = std::ptrdiff_t;
    using pointer = const Value*;
    using reference = const Value&;

    const_iterator() = default;
    reference operator*() const { return (*(*units_)[unit_])[at_]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      ++at_;
      skip_empty();
      return *this;
    }
    const_iterator operator++(int) {
      auto before = *this;
      ++*this;
      return before;
    }
    bool operator==(const const_iterator& o) const { return unit_ == o.unit_ && at_ == o.at_; }

   private:
    friend class ValueTable;
    using Units = std::vector<std::shared_ptr<const std::vector<Value>>>;
    const_iterator(const Units* units, std::size_t unit) : units_(units), unit_(unit) {
      skip_empty();
    }
    void skip_empty() {
      while (unit_ < units_->size() && at_ == (*units_)[unit_]->size()) {
        ++unit_;
        at_ = 0;
      }
    }
    const Units* units_ = nullptr;
    std::size_t unit_ = 0, at_ = 0;
  };
  const_iterator begin() const { return {&units_, 0}; }
  const_iterator end() const { return {&units_, units_.size()}; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Slots = std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>>;

  // unit code -> place in units_; shared until a write brings a new unit.
  std::shared_ptr<const Slots> slot_of_ = std::make_shared<const Slots>();
  std::vector<std::shared_ptr<const std::vector<Value>>> units_;
  std::size_t size_ = 0;
};

}  // namespace mandate::core
