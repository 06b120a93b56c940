#pragma once
// Tasks' progress journals and the attachments of documents and tasks
// (metadata in one table, bytes in another), for any SQL connection.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attachment.hpp"
#include "core/task.hpp"

namespace mandate::store::sql {

template <typename Connection>
long long append_task_update(Connection& c, const core::TaskUpdate& u) {
  auto st = c.prepare(
      "INSERT INTO task_updates(task_code, date, progress, status, note, author, at)"
      " VALUES(?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind(1, u.task).bind(2, core::format_iso_date(u.date)).bind(3, u.progress);
  st.bind(4, core::task_status_name(u.status)).bind(5, u.note).bind(6, u.author).bind(7, u.at);
  st.step();
  const long long id = st.integer(0);
  st.run();
  return id;
}

inline constexpr const char* kTaskUpdateColumns =
    "SELECT id, task_code, date, progress, status, note, author, at FROM task_updates";

// One row selected with kTaskUpdateColumns.
template <typename Statement>
core::TaskUpdate task_update_from(Statement& st) {
  core::TaskUpdate u;
  u.id = st.integer(0);
  u.task = st.text(1);
  u.date = core::parse_iso_date(st.text(2));
  u.progress = static_cast<int>(st.integer(3));
  u.status = core::parse_task_status(st.text(4));
  u.note = st.text(5);
  u.author = st.text(6);
  u.at = st.text(7);
  return u;
}

template <typename Connection>
std::vector<core::TaskUpdate> task_updates_of(Connection& c, const std::string& task) {
  auto st = c.prepare(std::string(kTaskUpdateColumns) + " WHERE task_code = ? ORDER BY id");
  st.bind(1, task);
  std::vector<core::TaskUpdate> out;
  while (st.step())
    out.push_back(task_update_from(st));
  return out;
}

template <typename Connection>
std::vector<core::TaskUpdate> completed_task_journals_of(Connection& c) {
  auto st = c.prepare(std::string(kTaskUpdateColumns) +
                      " WHERE task_code IN (SELECT code FROM tasks WHERE status = 'completed')"
                      " ORDER BY task_code, id");
  std::vector<core::TaskUpdate> out;
  while (st.step())
    out.push_back(task_update_from(st));
  return out;
}

inline constexpr const char* kAttachmentColumns =
    "id, document_code, task_code, filename, content_type, size, sha256, uploaded_by, uploaded_at";

template <typename Statement>
core::Attachment read_attachment(const Statement& st) {
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

template <typename Connection>
long long insert_attachment(Connection& c, const core::Attachment& a, std::string_view content) {
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

template <typename Connection>
bool remove_attachment(Connection& c, long long id) {
  c.prepare("DELETE FROM attachments WHERE id = ?").bind(1, id).run();
  return c.changes() > 0;
}

template <typename Connection>
std::vector<core::Attachment> attachments_of(Connection& c, core::AttachmentOwner owner,
                                             const std::string& code) {
  const std::string column =
      owner == core::AttachmentOwner::document ? "document_code" : "task_code";
  auto st = c.prepare(std::string("SELECT ") + kAttachmentColumns + " FROM attachments WHERE " +
                      column + " = ? ORDER BY id");
  st.bind(1, code);
  std::vector<core::Attachment> out;
  while (st.step())
    out.push_back(read_attachment(st));
  return out;
}

template <typename Connection>
std::optional<core::Attachment> find_attachment(Connection& c, long long id) {
  auto st =
      c.prepare(std::string("SELECT ") + kAttachmentColumns + " FROM attachments WHERE id = ?");
  st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return read_attachment(st);
}

template <typename Connection>
std::optional<std::string> attachment_bytes(Connection& c, long long id) {
  auto st = c.prepare("SELECT bytes FROM attachment_contents WHERE attachment_id = ?");
  st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return st.blob(0);
}

}  // namespace mandate::store::sql
