#pragma once
// Search on PostgreSQL: the folded words of each indicator, task, document
// and activity (core/search_text.hpp), matched word by word with LIKE, so a
// query finds what it finds on SQLite's FTS5 index.
#include <optional>
#include <string>
#include <vector>

#include "store/postgresql/connection.hpp"
#include "store/store.hpp"

namespace mandate::store::postgresql::search_index {

void put(Connection& c, core::SearchEntity entity, const std::string& code,
         const std::string& folded_text);
void remove(Connection& c, core::SearchEntity entity, const std::string& code);
// Every word of the query starts a word of the record; shortest texts first
// (the closest matches), then by entity and code.
std::vector<SearchHit> find(Connection& c, const std::string& query,
                            std::optional<core::SearchEntity> entity, size_t limit);
// The statement find runs for a query of that many words: ?1 the entity or
// NULL, ?2 the limit, ?3… one LIKE pattern per word (for EXPLAIN in tests).
std::string find_sql(size_t words);

}  // namespace mandate::store::postgresql::search_index
