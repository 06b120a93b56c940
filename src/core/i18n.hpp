#pragma once
// The message catalog: every user-facing sentence, in Vietnamese and English,
// is looked up here by a stable key. Placeholders are {0}, {1}, ...
#include <string>
#include <string_view>
#include <vector>

namespace mandate::core {

enum class Lang { vi, en };

// Parses "vi" / "en"; throws Error(invalid_input) otherwise.
Lang parse_lang(std::string_view text);

// The catalog text for key in lang with placeholders substituted. An unknown
// key is a programming error and yields the key itself (tests check coverage).
std::string tr(Lang lang, std::string_view key, const std::vector<std::string>& args = {});

// True when the catalog has key (used by tests).
bool has_message(std::string_view key);

}  // namespace mandate::core
