#pragma once
// Files attached to documents and tasks. Whoever may change the owner record's
// unit data (enter values) may attach and remove files; whoever may read the
// unit may list and download them. The type is judged from the bytes; every
// addition and removal is audited.
#include <string>
#include <string_view>
#include <vector>

#include "core/attachment.hpp"
#include "service/snapshot.hpp"
#include "service/value_service.hpp"

namespace mandate::service {

// "\"<sha256 prefix>-<id>\"": an attachment never changes, so its content and id name it.
std::string attachment_etag(const core::Attachment& a);

core::Attachment add_attachment(store::Store& store, SnapshotCache& cache, const Actor& actor,
                                core::AttachmentOwner owner, const std::string& owner_code,
                                std::string_view filename, std::string_view bytes);
// The owner must exist (Error(not_found)) and be readable (Error(permission)).
std::vector<core::Attachment> list_attachments(store::Store& store, const Snapshot& snapshot,
                                               const core::Principal& who,
                                               core::AttachmentOwner owner,
                                               const std::string& owner_code);
// Error(not_found, "attachment.not_found") for an unknown id.
core::Attachment find_attachment(store::Store& store, const Snapshot& snapshot,
                                 const core::Principal& who, long long id);
// Requires the attachment's ETag (StaleRecord otherwise); false when it was already gone.
bool delete_attachment(store::Store& store, SnapshotCache& cache, const Actor& actor, long long id,
                       const std::string& etag);

}  // namespace mandate::service
