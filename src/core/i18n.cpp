#include "core/i18n.hpp"

#include <string>
#include <unordered_map>

#include "core/catalog.hpp"
#include "core/error.hpp"

namespace mandate::core {
namespace {

using Index = std::unordered_map<std::string_view, const catalog::Message*>;

const Index& index() {
  static const Index idx = [] {
    Index out;
    for (auto part :
         {catalog::general_messages(), catalog::period_messages(), catalog::formula_messages(),
          catalog::domain_messages(), catalog::report_messages(), catalog::http_messages(),
          catalog::dhis2_messages(), catalog::record_messages(), catalog::analytics_messages(),
          catalog::cycle_messages(), catalog::report_file_messages(),
          catalog::postgresql_messages(), catalog::import_messages(), catalog::notify_messages()}) {
      for (const auto& m : part)
        out.emplace(m.key, &m);
    }
    return out;
  }();
  return idx;
}

std::string substitute(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9' && pattern[i + 2] == '}') {
      size_t n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < args.size())
        out += args[n];
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace

Lang parse_lang(std::string_view text) {
  if (text == "vi")
    return Lang::vi;
  if (text == "en")
    return Lang::en;
  throw invalid_input("lang.invalid", {std::string(text)});
}

std::string tr(Lang lang, std::string_view key, const std::vector<std::string>& args) {
  auto it = index().find(key);
  if (it == index().end())
    return std::string(key);
  return substitute(lang == Lang::vi ? it->second->vi : it->second->en, args);
}

bool has_message(std::string_view key) {
  return index().contains(key);
}

}  // namespace mandate::core
