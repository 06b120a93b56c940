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

// A PostgreSQL array literal of LIKE patterns, one per word: {"% quan%","% triet%"}.
// Words hold letters and digits only (core::search_terms), so nothing needs escaping.
std::string patterns(const std::vector<std::string>& terms) {
  std::string out = "{";
  for (const auto& t : terms) {
    if (out.size() > 1)
      out += ',';
    out += "\"% " + t + "%\"";
  }
  return out + "}";
}

}  // namespace

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
  auto q = c.prepare(
      "SELECT entity, code FROM search_index WHERE words LIKE ALL (?1::text[])"
      " AND (?2::text IS NULL OR entity = ?2::text)"
      " ORDER BY length(words), entity, code LIMIT ?3");
  q.bind(1, patterns(terms));
  if (entity)
    q.bind(2, core::search_entity_name(*entity));
  else
    q.bind_null(2);
  q.bind(3, static_cast<long long>(limit));
  while (q.step())
    hits.push_back({core::parse_search_entity(q.text(0)), q.text(1)});
  return hits;
}

}  // namespace mandate::store::postgresql::search_index
