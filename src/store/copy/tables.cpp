#include "store/copy/tables.hpp"

#include <algorithm>

namespace mandate::store::copy {

std::span<const TableSpec> copied_tables() {
  static const std::vector<TableSpec> tables = {
      {"units", {"id"}, {"code"}, true, false},
      {"fields", {"id"}, {"code"}, false, false},
      {"rating_scales", {"id"}, {"code"}, false, false},
      {"rating_levels", {"scale_code", "position"}, {}, false, false},
      {"indicators", {"id"}, {"code"}, false, false},
      {"plans", {"id"}, {"code"}, false, false},
      {"forms", {"id"}, {"code"}, false, false},
      {"validation_rules", {"id"}, {"code"}, false, false},
      {"targets", {"indicator_id", "unit_id", "period"}, {"rowid"}, false, true},
      {"data_values", {"indicator_id", "unit_id", "period", "kind"}, {"rowid"}, false, true},
      {"value_history", {"id"}, {}, false, false},
      {"tasks", {"id"}, {"code"}, true, false},
      {"task_ratings", {"task_code", "period"}, {"rowid"}, false, true},
      {"activities", {"id"}, {"code"}, false, false},
      {"activity_attendance", {"activity_code", "position"}, {}, false, false},
      {"documents", {"id"}, {"code"}, true, false},
      {"submissions", {"id"}, {}, false, false},
      {"submission_steps", {"id"}, {}, false, false},
      {"users", {"id"}, {"username"}, false, false},
      {"sessions", {"id_hash"}, {}, false, false},
      {"api_tokens", {"id"}, {"token_hash"}, false, false},
      {"audit_log", {"id"}, {}, false, false},
      {"notifications", {"id"}, {}, false, false},
      {"unit_changes", {"id"}, {"code"}, false, false},
      {"task_updates", {"id"}, {}, false, false},
      {"attachments", {"id"}, {}, false, false},
      {"attachment_contents", {"attachment_id"}, {}, false, false, true},
  };
  return tables;
}

long long rows_at_once(const TableSpec& spec, long long ordinary) {
  // Attachments are at most 20 MiB (core::kMaxAttachmentBytes): 4 of them
  // stay well below PostgreSQL's 1 GB message limit and any memory.
  constexpr long long kLargeRows = 4;
  return spec.large_rows ? std::min(ordinary, kLargeRows) : ordinary;
}

bool is_bookkeeping_table(std::string_view name) {
  // changes: the feed servers follow; a copy's servers build from its data.
  return name == "schema_migrations" || name == "data_version" || name == "changes" ||
         name.starts_with("search_index") || name.starts_with("sqlite_");
}

}  // namespace mandate::store::copy
