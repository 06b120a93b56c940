#pragma once
// Files attached to documents and tasks (the scanned decision, the signed
// plan, the progress report): what is kept about them and which files are
// accepted. The bytes themselves live in the store.
#include <cstddef>
#include <string>
#include <string_view>

namespace mandate::core {

enum class AttachmentOwner { document, task };
std::string_view attachment_owner_name(AttachmentOwner o);
AttachmentOwner parse_attachment_owner(std::string_view s);

struct Attachment {
  long long id = 0;  // assigned by the store
  AttachmentOwner owner = AttachmentOwner::document;
  std::string owner_code;
  std::string filename;      // as the user named it, cleaned (attachment_filename)
  std::string content_type;  // detected from the bytes, never taken from the client
  long long size = 0;        // bytes
  std::string sha256;        // hex
  std::string uploaded_by;
  std::string uploaded_at;  // ISO timestamp
};

// The largest file accepted. Scanned A4 decisions run to a few megabytes.
inline constexpr size_t kMaxAttachmentBytes = 20 * 1024 * 1024;

// The name to keep: NFC, only the last path component (a browser may send
// "C:\\Users\\...\\file.pdf"), control characters removed, spaces collapsed,
// at most 200 characters. Throws Error(invalid_input, field "filename") when
// nothing is left.
std::string attachment_filename(std::string_view raw);

// Error(invalid_input, "attachment.empty") for an empty file, Error(too_large)
// above the limit.
void check_attachment_size(std::string_view filename, size_t size);
// Accepts a file whose content type (detected from its bytes) is one of the
// office, PDF and image types and agrees with the file name's extension;
// throws Error(invalid_input, "attachment.type_not_allowed" or
// "attachment.extension_mismatch").
void check_attachment_type(std::string_view filename, std::string_view content_type);

}  // namespace mandate::core
