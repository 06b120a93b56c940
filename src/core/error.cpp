#include "core/error.hpp"

#include "core/text.hpp"

namespace mandate::core {
namespace {

// Arguments often quote what a client sent: made valid UTF-8 without control
// characters, and short, so that every message can go into JSON and a log line.
std::vector<std::string> quotable_args(std::vector<std::string> args) {
  for (auto& a : args)
    a = quotable(a, 200);
  return args;
}

}  // namespace

Error::Error(ErrorCategory category, std::string code, std::vector<std::string> args,
             std::string field)
    : std::runtime_error(tr(Lang::en, code, quotable_args(args))),
      category_(category),
      code_(std::move(code)),
      args_(quotable_args(std::move(args))),
      field_(std::move(field)) {}

std::string Error::message(Lang lang) const {
  return tr(lang, code_, args_);
}

std::string Error::bilingual() const {
  return message(Lang::vi) + " / " + message(Lang::en);
}

}  // namespace mandate::core
