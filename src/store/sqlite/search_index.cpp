#include "store/sqlite/search_index.hpp"

namespace mandate::store::sqlite::search_index {
namespace {

// FTS5 query: every word, each as a quoted prefix ("quan"* "triet"*), all required.
std::string match_expression(const std::vector<std::string>& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty())
      out += ' ';
    out += '"';
    for (char ch : t) {
      if (ch == '"')
        out += '"';
      out += ch;
    }
    out += "\"*";
  }
  return out;
}

}  // namespace

void put(Connection& c, core::SearchEntity entity, const std::string& code,
         const std::string& folded_text) {
  remove(c, entity, code);
  c.prepare("INSERT INTO search_index(entity, code, body) VALUES(?, ?, ?)")
      .bind(1, core::search_entity_name(entity))
      .bind(2, code)
      .bind(3, folded_text)
      .run();
}

void remove(Connection& c, core::SearchEntity entity, const std::string& code) {
  c.prepare("DELETE FROM search_index WHERE entity = ? AND code = ?")
      .bind(1, core::search_entity_name(entity))
      .bind(2, code)
      .run();
}

std::vector<SearchHit> find(Connection& c, const std::string& query,
                            std::optional<core::SearchEntity> entity, size_t limit) {
  std::vector<SearchHit> hits;
  const auto terms = core::search_terms(query);
  if (terms.empty())
    return hits;
  auto q = c.prepare(
      "SELECT entity, code FROM search_index WHERE search_index MATCH ?1"
      " AND (?2 IS NULL OR entity = ?2) ORDER BY rank LIMIT ?3");
  q.bind(1, match_expression(terms));
  if (entity)
    q.bind(2, core::search_entity_name(*entity));
  else
    q.bind_null(2);
  q.bind(3, static_cast<long long>(limit));
  while (q.step())
    hits.push_back({core::parse_search_entity(q.text(0)), q.text(1)});
  return hits;
}

}  // namespace mandate::store::sqlite::search_index
