#pragma once
// Vietnamese alphabetical order (ICU's "vi" collation): "Đ" after "D", "Ă" and
// "Â" after "A", tones ordered ngang < huyền < hỏi < ngã < sắc < nặng.
#include <string_view>

namespace mandate::core {

// True when a sorts before b in Vietnamese order (ties broken by byte order,
// so the order is total and stable).
bool vietnamese_less(std::string_view a, std::string_view b);

}  // namespace mandate::core
