#pragma once
// Two-way mapping between an enum and its stable names (used in files, the
// database and the API). One table per enum, so a name is spelled once.
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.hpp"

namespace mandate::core {

template <typename E, size_t N>
struct EnumTable {
  std::array<std::pair<E, std::string_view>, N> entries;
  std::string_view error_code;  // catalog key of the "unknown name" error

  std::string_view name(E e) const {
    for (const auto& [value, text] : entries)
      if (value == e)
        return text;
    return "?";
  }
  E parse(std::string_view text) const {
    for (const auto& [value, name] : entries)
      if (name == text)
        return value;
    std::string allowed;
    for (const auto& entry : entries) {
      if (!allowed.empty())
        allowed += ", ";
      allowed += entry.second;
    }
    throw invalid_input(std::string(error_code), {std::string(text), allowed});
  }
};

}  // namespace mandate::core
