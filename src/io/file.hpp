#pragma once
// Whole-file reads and atomic writes, with errors people can act on.
#include <string>

namespace mandate::io {

// Throws core::Error(unavailable, "file.unreadable") naming the file and the reason.
std::string read_file(const std::string& path);
// Writes to a temporary file beside path, flushes it to disk, then renames it
// over path: readers see the old file or the new one, never half of one.
void write_file_atomic(const std::string& path, const std::string& content);

}  // namespace mandate::io
