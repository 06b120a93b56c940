#pragma once
// Where report templates come from: the defaults compiled into the binary
// (templates/reports/*.mustache in the source tree), each replaced by a file
// of the same name in an administrator's folder when one is given.
#include <filesystem>
#include <string>
#include <string_view>

namespace mandate::report {

class TemplateLibrary {
 public:
  // Only the compiled-in defaults.
  TemplateLibrary() = default;
  // Files in dir override the defaults. Throws Error(invalid_input,
  // "report.template.dir_missing") when dir is not a folder.
  explicit TemplateLibrary(std::filesystem::path dir);

  // The text of NAME.mustache ("year", "letterhead-party", "body").
  // Throws Error(not_found, "report.template.not_found").
  std::string get(std::string_view name) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace mandate::report
