#include "report/template_library.hpp"

#include <vector>

#include "core/error.hpp"
#include "io/file.hpp"
#include "store/embedded_file.hpp"

namespace mandate::report {

extern const std::vector<store::EmbeddedFile> kReportTemplates;

TemplateLibrary::TemplateLibrary(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir_, ec))
    throw core::invalid_input("report.template.dir_missing", {dir_.string()}, "templates");
}

std::string TemplateLibrary::get(std::string_view name) const {
  const std::string file = std::string(name) + ".mustache";
  if (!dir_.empty()) {
    std::error_code ec;
    const auto path = dir_ / file;
    if (std::filesystem::is_regular_file(path, ec))
      return io::read_file(path.string());
  }
  for (const auto& t : kReportTemplates)
    if (t.name == file)
      return std::string(t.content);
  throw core::not_found("report.template.not_found", {file});
}

}  // namespace mandate::report
