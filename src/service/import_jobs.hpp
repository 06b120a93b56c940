#pragma once
// Value imports as jobs (docs/import.md): each upload gets an id, a status,
// its progress (rows read of rows in the file) and its result. Small files are
// imported at once, in the caller's thread; larger ones by one worker thread,
// in the background. Either way the import is one transaction: a failed job
// leaves nothing behind. Jobs live in this process's memory: ids carry the
// process's start token, so an id from before a restart is reported as lost
// (import.job_lost), not as unknown; several servers each keep their own.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "service/snapshot.hpp"
#include "service/value_import.hpp"
#include "store/store.hpp"

namespace mandate::service {

enum class ImportStatus { queued, running, succeeded, failed };
std::string_view import_status_name(ImportStatus s);  // "queued", ...

struct ImportJob {
  std::string id;
  std::string username;
  std::string filename;
  std::string format;  // "xlsx" or "csv"
  std::string created_at;
  std::string finished_at;
  ImportStatus status = ImportStatus::queued;
  size_t rows_read = 0;
  size_t rows_total = 0;
  std::optional<ValueImportResult> result;  // once read: succeeded, or failed by its rows
  std::optional<core::Error> error;         // failed as a whole: not a template, store failure
};

class ImportJobs {
 public:
  // Files of at most background_bytes are imported in start()'s thread.
  ImportJobs(store::Store& store, SnapshotCache& cache, std::function<std::string()> now,
             size_t background_bytes = 1u << 20);
  ~ImportJobs();  // finishes the running import, drops queued ones, joins the worker
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  // Checks the caller may enter values at all (permission) and the file's
  // format (xlsx.not_zip), then imports it now or queues it.
  ImportJob start(const Actor& actor, const std::string& filename, std::string bytes);
  // The caller's own job. Throws permission for a role that may not import,
  // not_found for an unknown id (import.job_unknown) or one of an earlier run
  // of the server (import.job_lost).
  ImportJob get(const std::string& id, const core::Principal& who) const;
  // The caller's jobs, newest first.
  std::vector<ImportJob> list(const core::Principal& who) const;

 private:
  struct Pending {
    std::string id;
    Actor actor;
    io::EntryFormat format;
    std::string bytes;
  };
  void run(const Pending& p);
  void work();
  template <typename F>
  void update(const std::string& id, F&& f);

  store::Store& store_;
  SnapshotCache& cache_;
  std::function<std::string()> now_;
  size_t background_bytes_;
  std::string boot_;  // this process's token, the prefix of every id
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, ImportJob> jobs_;
  std::vector<std::string> order_;  // ids, oldest first
  std::deque<Pending> queue_;
  size_t next_ = 1;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace mandate::service
