#include "core/document.hpp"

#include "core/enum_table.hpp"

namespace mandate::core {
namespace {
constexpr EnumTable<DocumentKind, 11> kDocumentKinds{
    {{{DocumentKind::resolution, "resolution"},
      {DocumentKind::thematic_resolution, "thematic_resolution"},
      {DocumentKind::directive, "directive"},
      {DocumentKind::conclusion, "conclusion"},
      {DocumentKind::project, "project"},
      {DocumentKind::program, "program"},
      {DocumentKind::plan, "plan"},
      {DocumentKind::regulation, "regulation"},
      {DocumentKind::guidance, "guidance"},
      {DocumentKind::decision, "decision"},
      {DocumentKind::report, "report"}}},
    "document_kind.invalid"};
constexpr EnumTable<DocumentStatus, 4> kDocumentStatuses{{{{DocumentStatus::in_force, "in_force"},
                                                           {DocumentStatus::amended, "amended"},
                                                           {DocumentStatus::replaced, "replaced"},
                                                           {DocumentStatus::expired, "expired"}}},
                                                         "document_status.invalid"};
}  // namespace

std::string_view document_kind_name(DocumentKind k) {
  return kDocumentKinds.name(k);
}
DocumentKind parse_document_kind(std::string_view s) {
  return kDocumentKinds.parse(s);
}
std::string_view document_status_name(DocumentStatus s) {
  return kDocumentStatuses.name(s);
}
DocumentStatus parse_document_status(std::string_view s) {
  return kDocumentStatuses.parse(s);
}

}  // namespace mandate::core
