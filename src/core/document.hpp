#pragma once
// The document register (văn bản).
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace mandate::core {

enum class DocumentKind {
  resolution,           // nghị quyết (the congress resolution itself)
  thematic_resolution,  // nghị quyết chuyên đề
  directive,            // chỉ thị
  conclusion,           // kết luận
  project,              // đề án
  program,              // chương trình
  plan,                 // kế hoạch
  regulation,           // quy chế, quy định
  guidance,             // hướng dẫn, văn bản triển khai, đôn đốc
  decision,             // quyết định
  report,               // báo cáo
};
std::string_view document_kind_name(DocumentKind k);
DocumentKind parse_document_kind(std::string_view s);

enum class DocumentStatus { in_force, amended, replaced, expired };
std::string_view document_status_name(DocumentStatus s);
DocumentStatus parse_document_status(std::string_view s);

struct Document {
  std::string code;
  DocumentKind kind = DocumentKind::guidance;
  std::string number;  // number and symbol, "02-ĐA/TU"
  std::string title;
  Date date{};
  std::string issuer;  // unit code
  std::string field;
  std::string plan;
  std::string implements;  // code of the document it concretizes
  std::string amends;      // code of the document it amends or supplements
  DocumentStatus status = DocumentStatus::in_force;
  bool illustrative = false;
};

}  // namespace mandate::core
