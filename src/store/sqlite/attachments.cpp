#include "store/sqlite/attachments.hpp"

namespace mandate::store::sqlite::attachments {
namespace {

constexpr const char* kColumns =
    "id, document_code, task_code, filename, content_type, size, sha256, uploaded_by, uploaded_at";

core::Attachment read(const Statement& st) {
  core::Attachment a;
  a.id = st.integer(0);
  if (st.is_null(1)) {
    a.owner = core::AttachmentOwner::task;
    a.owner_code = st.text(2);
  } else {
    a.owner = core::AttachmentOwner::document;
    a.owner_code = st.text(1);
  }
  a.filename = st.text(3);
  a.content_type = st.text(4);
  a.size = st.integer(5);
  a.sha256 = st.text(6);
  a.uploaded_by = st.text(7);
  a.uploaded_at = st.text(8);
  return a;
}

}  // namespace

long long insert(Connection& c, const core::Attachment& a, std::string_view content) {
  const bool is_document = a.owner == core::AttachmentOwner::document;
  auto st = c.prepare(
      "INSERT INTO attachments(document_code, task_code, filename, content_type, size, sha256,"
      " uploaded_by, uploaded_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind_text_or_null(1, is_document ? a.owner_code : "");
  st.bind_text_or_null(2, is_document ? "" : a.owner_code);
  st.bind(3, a.filename).bind(4, a.content_type).bind(5, a.size).bind(6, a.sha256);
  st.bind(7, a.uploaded_by).bind(8, a.uploaded_at);
  st.step();
  const long long id = st.integer(0);
  st.run();
  c.prepare("INSERT INTO attachment_contents(attachment_id, bytes) VALUES(?, ?)")
      .bind(1, id)
      .bind_blob(2, content)
      .run();
  return id;
}

bool remove(Connection& c, long long id) {
  c.prepare("DELETE FROM attachments WHERE id = ?").bind(1, id).run();
  return c.changes() > 0;
}

std::vector<core::Attachment> of(Connection& c, core::AttachmentOwner owner,
                                 const std::string& code) {
  const std::string column =
      owner == core::AttachmentOwner::document ? "document_code" : "task_code";
  auto st = c.prepare(std::string("SELECT ") + kColumns + " FROM attachments WHERE " + column +
                      " = ? ORDER BY id");
  st.bind(1, code);
  std::vector<core::Attachment> out;
  while (st.step())
    out.push_back(read(st));
  return out;
}

std::optional<core::Attachment> find(Connection& c, long long id) {
  auto st = c.prepare(std::string("SELECT ") + kColumns + " FROM attachments WHERE id = ?");
  st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return read(st);
}

std::optional<std::string> bytes(Connection& c, long long id) {
  auto st = c.prepare("SELECT bytes FROM attachment_contents WHERE attachment_id = ?");
  st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return st.blob(0);
}

}  // namespace mandate::store::sqlite::attachments
