#include "core/search_text.hpp"

#include "core/enum_table.hpp"
#include "core/text.hpp"

namespace mandate::core {
namespace {

constexpr EnumTable<SearchEntity, 4> kEntities{{{{SearchEntity::indicator, "indicator"},
                                                 {SearchEntity::task, "task"},
                                                 {SearchEntity::document, "document"},
                                                 {SearchEntity::activity, "activity"}}},
                                               "search.entity_invalid"};

std::string joined(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) {
    if (p.empty())
      continue;
    if (!out.empty())
      out += ' ';
    out += p;
  }
  return fold_diacritics(out);
}

bool word_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string_view search_entity_name(SearchEntity e) {
  return kEntities.name(e);
}
SearchEntity parse_search_entity(std::string_view s) {
  return kEntities.parse(s);
}

std::string search_text(const Indicator& i) {
  return joined({i.code, i.name, i.description});
}
std::string search_text(const Task& t) {
  return joined({t.code, t.name});
}
std::string search_text(const Document& d) {
  return joined({d.code, d.number, d.title});
}
std::string search_text(const Activity& a) {
  return joined({a.code, a.name, a.result});
}

std::vector<std::string> search_terms(std::string_view query) {
  std::vector<std::string> terms;
  std::string word;
  for (unsigned char c : fold_diacritics(query)) {
    if (word_byte(c)) {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      terms.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty())
    terms.push_back(std::move(word));
  return terms;
}

}  // namespace mandate::core
