#pragma once
// Entity tags for optimistic concurrency: a strong ETag computed from a
// record's content, so it changes exactly when the record does and needs no
// version column.
#include <string>

#include "core/indicator.hpp"

namespace mandate::service {

// "\"3f2a…\"" (quoted, as HTTP sends it).
std::string etag_of(const std::string& canonical_content);
std::string value_etag(const core::Value& v);

}  // namespace mandate::service
