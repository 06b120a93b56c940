#pragma once
// What a record is found by in search, and how a query becomes words. Both
// sides are folded (no case, no diacritics, "đ" as "d"), so "quan triet" finds
// "Quán triệt" whatever database does the matching.
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.hpp"
#include "core/document.hpp"
#include "core/indicator.hpp"
#include "core/task.hpp"

namespace mandate::core {

enum class SearchEntity { indicator, task, document, activity };
std::string_view search_entity_name(SearchEntity e);
SearchEntity parse_search_entity(std::string_view s);

// Folded text of the record's code, name or title, number and description.
std::string search_text(const Indicator& i);
std::string search_text(const Task& t);
std::string search_text(const Document& d);
std::string search_text(const Activity& a);

// The query's words, folded: "Quán triệt, NQ-05" -> {"quan", "triet", "nq", "05"}.
// Letters and digits of any script make words; everything else separates them.
std::vector<std::string> search_terms(std::string_view query);

}  // namespace mandate::core
