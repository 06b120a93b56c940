#pragma once
// Loading data sets into the store and reading them back.
#include <cstddef>

#include "core/dataset.hpp"
#include "store/store.hpp"

namespace mandate::service {

struct ImportResult {
  size_t records = 0;  // records in the incoming data set
  size_t changed = 0;  // records created or changed (0 when loading the same data again)
};

// Merges `incoming` into what the store holds: records are matched by code
// (values, targets and ratings by their cell) and created or replaced. The
// merged whole is validated first, and the write is one transaction, so bad
// data changes nothing.
ImportResult import_dataset(store::Store& store, const core::Dataset& incoming,
                            const store::ChangeContext& context);

}  // namespace mandate::service
