#include "core/error.hpp"

namespace mandate::core {

Error::Error(ErrorCategory category, std::string code, std::vector<std::string> args,
             std::string field)
    : std::runtime_error(tr(Lang::en, code, args)),
      category_(category),
      code_(std::move(code)),
      args_(std::move(args)),
      field_(std::move(field)) {}

std::string Error::message(Lang lang) const {
  return tr(lang, code_, args_);
}

std::string Error::bilingual() const {
  return message(Lang::vi) + " / " + message(Lang::en);
}

}  // namespace mandate::core
