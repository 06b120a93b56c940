#include "service/cell_locks.hpp"

#include "core/cycle_checks.hpp"
#include "core/submission.hpp"

namespace mandate::service {

void CellLocks::require_unlocked(const std::string& indicator, const std::string& unit,
                                 const std::string& period) {
  for (const core::Form* form : core::forms_holding(data_, indicator)) {
    auto [it, fresh] = locks_.try_emplace({form->code, unit, period}, false);
    if (fresh) {
      const auto stored = tx_.find_submission(form->code, unit, period);
      it->second = stored && core::locks_values(stored->state);
    }
    if (it->second)
      throw core::locked_cell(indicator, unit, period, form->code);
  }
}

}  // namespace mandate::service
