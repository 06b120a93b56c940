#include "store/postgresql/search_index.hpp"

#include "core/search_text.hpp"

namespace mandate::store::postgresql::search_index {
namespace {

// " w1 w2 w3": every word preceded by a space.
std::string spaced_words(const std::string& text) {
  std::string out;
  for (const auto& w : core::search_terms(text))
    out += ' ' + w;
  return out;
}

}  // namespace

// One LIKE pattern per word, ANDed: the form the trigram index (migration
// 0006) answers; LIKE ALL over an array is not indexable. The text depends
// only on the number of words, so each count is prepared once.
std::string find_sql(size_t words) {
  std::string sql = "SELECT entity, code FROM search_index WHERE ";
  for (size_t i = 0; i < words; ++i)
    sql += (i ? " AND words LIKE ?" : "words LIKE ?") + std::to_string(i + 3);
  return sql +
         " AND (?1::text IS NULL OR entity = ?1::text)"
         " ORDER BY length(words), entity, code LIMIT ?2";
}

void put(Connection& c, core::SearchEntity entity, const std::string& code,
         const std::string& folded_text) {
  c.prepare(
       "INSERT INTO search_index(entity, code, words) VALUES(?, ?, ?)"
       " ON CONFLICT (entity, code) DO UPDATE SET words = excluded.words")
      .bind(1, core::search_entity_name(entity))
      .bind(2, code)
      .bind(3, spaced_words(folded_text))
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
  auto q = c.prepare(find_sql(terms.size()));
  if (entity)
    q.bind(1, core::search_entity_name(*entity));
  else
    q.bind_null(1);
  q.bind(2, static_cast<long long>(limit));
  // Words hold letters and digits only (core::search_terms): nothing to escape.
  for (size_t i = 0; i < terms.size(); ++i)
    q.bind(static_cast<int>(i + 3), "% " + terms[i] + "%");
  while (q.step())
    hits.push_back({core::parse_search_entity(q.text(0)), q.text(1)});
  return hits;
}

}  // namespace mandate::store::postgresql::search_index
