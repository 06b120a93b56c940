#pragma once
// Typed errors. An Error carries a category (which decides the exit code or
// HTTP status), a stable code that names the message in the i18n catalog, the
// arguments the message needs, and optionally the path of the offending field.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"

namespace mandate::core {

enum class ErrorCategory {
  invalid_input,        // the caller sent something malformed or out of range
  not_found,            // a named thing does not exist
  conflict,             // the write contradicts stored state
  unauthenticated,      // the caller has not shown who they are (or the session ended)
  permission,           // the caller may not do this
  precondition_failed,  // the caller's copy is stale (If-Match did not match)
  too_large,            // a body or file above its limit
  unavailable,          // the environment failed: file unreadable, database locked
  corrupt,              // stored data is damaged
  internal,             // a bug: should never happen
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCategory category, std::string code, std::vector<std::string> args = {},
        std::string field = {});

  ErrorCategory category() const { return category_; }
  const std::string& code() const { return code_; }
  const std::vector<std::string>& args() const { return args_; }
  const std::string& field() const { return field_; }
  // The message in one language, from the catalog.
  std::string message(Lang lang) const;
  // "Vietnamese / English" on one line, for the CLI and logs.
  std::string bilingual() const;

 private:
  ErrorCategory category_;
  std::string code_;
  std::vector<std::string> args_;
  std::string field_;
};

inline Error invalid_input(std::string code, std::vector<std::string> args = {},
                           std::string field = {}) {
  return Error(ErrorCategory::invalid_input, std::move(code), std::move(args), std::move(field));
}
// A required text field left empty is reported like a missing key.
inline void require_present(std::string_view text, std::string_view field) {
  if (text.empty())
    throw invalid_input("json.missing_key", {std::string(field)}, std::string(field));
}
inline Error not_found(std::string code, std::vector<std::string> args = {}) {
  return Error(ErrorCategory::not_found, std::move(code), std::move(args));
}

}  // namespace mandate::core
