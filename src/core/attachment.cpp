#include "core/attachment.hpp"

#include <algorithm>
#include <array>

#include "core/enum_table.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace mandate::core {
namespace {

constexpr EnumTable<AttachmentOwner, 2> kOwners{
    {{{AttachmentOwner::document, "document"}, {AttachmentOwner::task, "task"}}},
    "attachment.owner_invalid"};

struct AllowedType {
  std::string_view content_type;
  std::array<std::string_view, 3> extensions;  // lower case, without the dot; "" unused
};

// What offices exchange: PDF scans, Word and Excel (old and new), their
// OpenDocument twins, and photos. Nothing a browser would run.
constexpr AllowedType kAllowed[] = {
    {"application/pdf", {"pdf"}},
    {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", {"docx"}},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {"xlsx"}},
    {"application/vnd.openxmlformats-officedocument.presentationml.presentation", {"pptx"}},
    {"application/msword", {"doc"}},
    {"application/vnd.ms-excel", {"xls"}},
    {"application/vnd.ms-powerpoint", {"ppt"}},
    // Old Office files are all "compound documents"; libmagic sometimes cannot tell which.
    {"application/x-ole-storage", {"doc", "xls", "ppt"}},
    {"application/CDFV2", {"doc", "xls", "ppt"}},
    {"application/vnd.oasis.opendocument.text", {"odt"}},
    {"application/vnd.oasis.opendocument.spreadsheet", {"ods"}},
    {"image/jpeg", {"jpg", "jpeg"}},
    {"image/png", {"png"}},
};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return c < 0x80 ? std::tolower(c) : c; });
  return out;
}

}  // namespace

std::string_view attachment_owner_name(AttachmentOwner o) {
  return kOwners.name(o);
}
AttachmentOwner parse_attachment_owner(std::string_view s) {
  return kOwners.parse(s);
}

std::string attachment_filename(std::string_view raw) {
  std::string name = to_nfc(raw);
  if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos)
    name.erase(0, slash + 1);
  std::erase_if(name, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  name = collapse_spaces(name);
  // Names are compared and shown as text: keep them short, cut on a character boundary.
  if (utf8_length(name) > 200) {
    size_t chars = 0, i = 0;
    while (i < name.size() && chars < 200) {
      ++i;
      while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80)
        ++i;
      ++chars;
    }
    name.resize(i);
  }
  if (name.empty() || name == "." || name == "..")
    throw invalid_input("attachment.filename_missing", {}, "filename");
  return name;
}

void check_attachment_size(std::string_view filename, size_t size) {
  if (size == 0)
    throw invalid_input("attachment.empty", {std::string(filename)}, "body");
  if (size > kMaxAttachmentBytes)
    throw Error(ErrorCategory::too_large, "attachment.too_large",
                {std::string(filename), std::to_string(kMaxAttachmentBytes / (1024 * 1024))},
                "body");
}

void check_attachment_type(std::string_view filename, std::string_view content_type) {
  const auto dot = filename.rfind('.');
  const std::string ext =
      dot == std::string_view::npos ? "" : lower_ascii(filename.substr(dot + 1));
  std::string allowed;
  for (const auto& type : kAllowed) {
    for (auto e : type.extensions)
      if (!e.empty() && allowed.find(std::string(e) + ",") == std::string::npos)
        allowed += std::string(e) + ",";
    if (type.content_type != content_type)
      continue;
    if (std::find(type.extensions.begin(), type.extensions.end(), ext) == type.extensions.end() ||
        ext.empty())
      throw invalid_input("attachment.extension_mismatch",
                          {std::string(filename), std::string(type.extensions[0])}, "filename");
    return;
  }
  allowed.pop_back();
  throw invalid_input("attachment.type_not_allowed",
                      {std::string(filename), std::string(content_type), allowed}, "body");
}

}  // namespace mandate::core
