#pragma once
// Attachments of documents and tasks: metadata in one table, bytes in another.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attachment.hpp"
#include "store/sqlite/connection.hpp"

namespace mandate::store::sqlite::attachments {

long long insert(Connection& c, const core::Attachment& a, std::string_view bytes);
bool remove(Connection& c, long long id);
std::vector<core::Attachment> of(Connection& c, core::AttachmentOwner owner,
                                 const std::string& code);
std::optional<core::Attachment> find(Connection& c, long long id);
std::optional<std::string> bytes(Connection& c, long long id);

}  // namespace mandate::store::sqlite::attachments
