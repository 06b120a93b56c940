#include "store/sqlite/task_updates.hpp"

namespace mandate::store::sqlite::task_updates {

long long append(Connection& c, const core::TaskUpdate& u) {
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

std::vector<core::TaskUpdate> of(Connection& c, const std::string& task) {
  auto st = c.prepare(
      "SELECT id, date, progress, status, note, author, at FROM task_updates"
      " WHERE task_code = ? ORDER BY id");
  st.bind(1, task);
  std::vector<core::TaskUpdate> out;
  while (st.step()) {
    core::TaskUpdate u;
    u.id = st.integer(0);
    u.task = task;
    u.date = core::parse_iso_date(st.text(1));
    u.progress = static_cast<int>(st.integer(2));
    u.status = core::parse_task_status(st.text(3));
    u.note = st.text(4);
    u.author = st.text(5);
    u.at = st.text(6);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace mandate::store::sqlite::task_updates
