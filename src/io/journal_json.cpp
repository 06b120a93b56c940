#include "io/journal_json.hpp"

#include "core/error.hpp"
#include "io/json_reader.hpp"

namespace mandate::io {

namespace json = boost::json;

json::object to_json(const core::TaskUpdate& u) {
  return json::object{{"id", u.id},
                      {"task", u.task},
                      {"date", core::format_iso_date(u.date)},
                      {"progress", u.progress},
                      {"status", core::task_status_name(u.status)},
                      {"note", u.note},
                      {"author", u.author},
                      {"at", u.at}};
}

json::object to_json(const core::Attachment& a) {
  return json::object{{"id", a.id},
                      {"owner", core::attachment_owner_name(a.owner)},
                      {"ownerCode", a.owner_code},
                      {"filename", a.filename},
                      {"contentType", a.content_type},
                      {"size", a.size},
                      {"sha256", a.sha256},
                      {"uploadedBy", a.uploaded_by},
                      {"uploadedAt", a.uploaded_at}};
}

core::TaskUpdate task_update_from_json(const json::value& v) {
  ObjectReader r(v, "");
  core::TaskUpdate u;
  u.date = r.date("date");
  const long long progress = r.integer("progress");
  if (progress < 0 || progress > 100)  // before narrowing to int
    throw core::invalid_input("task.progress_range", {""}, "progress");
  u.progress = static_cast<int>(progress);
  const std::string status = r.optional_text("status", "in_progress");
  try {
    u.status = core::parse_task_status(status);
  } catch (const core::Error& e) {
    throw core::Error(e.category(), e.code(), e.args(), "status");
  }
  u.note = r.optional_text("note");
  r.finish();
  return u;
}

}  // namespace mandate::io
