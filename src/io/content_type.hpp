#pragma once
// What a file is, judged from its bytes (libmagic), never from what a client
// claims: "application/pdf", "image/png", ...
#include <string>
#include <string_view>

namespace mandate::io {

// Throws core::Error(internal) when libmagic or its database is unusable.
std::string detect_content_type(std::string_view bytes);

}  // namespace mandate::io
