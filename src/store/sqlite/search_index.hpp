#pragma once
// The FTS5 search index: one row per indicator, task, document and activity,
// holding its folded text (core/search_text.hpp); rebuilt by
// sql/search_rebuild.hpp when the folding changes.
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace mandate::store::sqlite::search_index {

void put(Connection& c, core::SearchEntity entity, const std::string& code,
         const std::string& folded_text);
void remove(Connection& c, core::SearchEntity entity, const std::string& code);
std::vector<SearchHit> find(Connection& c, const std::string& query,
                            std::optional<core::SearchEntity> entity, size_t limit);

}  // namespace mandate::store::sqlite::search_index
