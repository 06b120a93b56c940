#include "service/value_batch.hpp"

#include "service/value_audit.hpp"

namespace mandate::service {

ValueBatch::ValueBatch(store::StoreTransaction* tx, const core::ValueTable& values,
                       std::span<const core::Value> cells)
    : tx_(tx) {
  for (const core::Value& cell : cells)
    current_.emplace(value_cell_key(cell), std::nullopt);
  if (tx_) {
    std::vector<std::optional<core::Value>> found = tx_->find_values(cells);
    for (auto& v : found)
      if (v)
        current_[value_cell_key(*v)] = std::move(v);
    return;
  }
  for (const core::Value* v : values.find(cells))
    if (v)
      current_[value_cell_key(*v)] = *v;
}

const std::optional<core::Value>& ValueBatch::current(const core::Value& cell) const {
  return current_.at(value_cell_key(cell));
}

void ValueBatch::put(const core::Value& v) {
  add({v, false});
}

void ValueBatch::remove(const core::Value& cell) {
  add({*current(cell), true});
}

void ValueBatch::add(store::CellChange change) {
  std::optional<core::Value>& cell = current_.at(value_cell_key(change.value));
  befores_.push_back(cell);
  if (change.removed)
    cell.reset();
  else
    cell = change.value;
  changes_.push_back(std::move(change));
}

std::vector<CellWrite> ValueBatch::write(const Actor& actor) {
  const std::vector<bool> changed = tx_->write_values(changes_);
  std::vector<store::AuditEntry> audit;
  std::vector<CellWrite> written;
  for (size_t i = 0; i < changes_.size(); ++i) {
    if (!changed[i])
      continue;
    const store::CellChange& c = changes_[i];
    audit.push_back(
        value_audit_entry(actor, befores_[i], c.removed ? std::nullopt : std::optional(c.value)));
    written.push_back({c.value, c.removed});
  }
  tx_->append_audits(audit);
  return written;
}

}  // namespace mandate::service
