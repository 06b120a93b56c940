// Catalog: the analytics API (rollups, projections).
#include "core/catalog.hpp"

namespace mandate::core::catalog {
namespace {
constexpr Message kMessages[] = {
    {"analytics.selection_conflict",
     "Chỉ chọn đơn vị theo một cách: \"unit\", \"children\" hoặc \"level\"",
     "Choose the units one way only: \"unit\", \"children\" or \"level\""},
    {"analytics.too_many", "Yêu cầu {0} ô số liệu, vượt giới hạn {1}; hãy thu hẹp lựa chọn",
     "The request asks for {0} figures, more than the limit of {1}; narrow it down"},
    {"analytics.term_expected", "\"{0}\" không phải là một nhiệm kỳ (ví dụ 2020-2025)",
     "\"{0}\" is not a term (e.g. 2020-2025)"},
    {"analytics.term_unknown", "Không có nghị quyết hay chỉ tiêu nào theo dõi nhiệm kỳ {0}",
     "No plan or target follows the term {0}"},
};
}  // namespace

std::span<const Message> analytics_messages() {
  return kMessages;
}

}  // namespace mandate::core::catalog
