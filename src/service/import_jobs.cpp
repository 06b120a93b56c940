#include "service/import_jobs.hpp"

#include <random>

#include "core/access.hpp"

namespace mandate::service {
namespace {

// Finished jobs kept per process; the oldest finished go first.
constexpr size_t kKeptJobs = 200;

std::string boot_token() {
  std::random_device rd;
  const unsigned long long n = (static_cast<unsigned long long>(rd()) << 32) ^ rd();
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 10; ++i)
    out += kHex[(n >> (4 * i)) & 15];
  return out;
}

bool finished(const ImportJob& j) {
  return j.status == ImportStatus::succeeded || j.status == ImportStatus::failed;
}

}  // namespace

std::string_view import_status_name(ImportStatus s) {
  switch (s) {
    case ImportStatus::queued:
      return "queued";
    case ImportStatus::running:
      return "running";
    case ImportStatus::succeeded:
      return "succeeded";
    case ImportStatus::failed:
      return "failed";
  }
  return "failed";
}

ImportJobs::ImportJobs(store::Store& store, SnapshotCache& cache, std::function<std::string()> now,
                       size_t background_bytes)
    : store_(store),
      cache_(cache),
      now_(std::move(now)),
      background_bytes_(background_bytes),
      boot_(boot_token()),
      worker_([this] { work(); }) {}

ImportJobs::~ImportJobs() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

template <typename F>
void ImportJobs::update(const std::string& id, F&& f) {
  std::lock_guard lock(mutex_);
  f(jobs_.at(id));
}

ImportJob ImportJobs::start(const Actor& actor, const std::string& filename, std::string bytes) {
  require_may_import(*cache_.get(), actor.principal);
  const io::EntryFormat format = io::detect_entry_format(bytes, filename);
  Pending p{{}, actor, format, std::move(bytes)};
  const bool background = p.bytes.size() > background_bytes_;
  std::string id;
  {
    std::lock_guard lock(mutex_);
    id = boot_ + "-" + std::to_string(next_++);
    p.id = id;
    ImportJob job;
    job.id = p.id;
    job.username = actor.principal.username;
    job.filename = filename;
    job.format = std::string(io::entry_format_name(format));
    job.created_at = now_();
    jobs_.emplace(p.id, job);
    order_.push_back(p.id);
    // Forget the oldest finished jobs beyond the limit.
    for (size_t i = 0; order_.size() > kKeptJobs && i < order_.size();) {
      if (finished(jobs_.at(order_[i]))) {
        jobs_.erase(order_[i]);
        order_.erase(order_.begin() + static_cast<long>(i));
      } else {
        ++i;
      }
    }
    if (background)
      queue_.push_back(std::move(p));
  }
  if (background) {
    wake_.notify_one();
  } else {
    run(p);
  }
  std::lock_guard lock(mutex_);
  return jobs_.at(id);
}

void ImportJobs::run(const Pending& p) {
  update(p.id, [](ImportJob& j) { j.status = ImportStatus::running; });
  try {
    const io::EntryTable table =
        io::read_entry_table(p.format, p.bytes, [&](size_t read, size_t total) {
          update(p.id, [&](ImportJob& j) {
            j.rows_read = read;
            j.rows_total = total;
          });
        });
    const auto snapshot = cache_.get();
    ValueImportResult result = import_entry_table(store_, *snapshot, p.actor, table);
    update(p.id, [&](ImportJob& j) {
      j.status = result.ok() ? ImportStatus::succeeded : ImportStatus::failed;
      j.result = std::move(result);
      j.finished_at = now_();
    });
  } catch (const core::Error& e) {
    update(p.id, [&](ImportJob& j) {
      j.status = ImportStatus::failed;
      j.error = e;
      j.finished_at = now_();
    });
    if (p.bytes.size() <= background_bytes_)
      throw;  // imported in the caller's thread: the caller answers with the error
  } catch (const std::exception&) {
    update(p.id, [&](ImportJob& j) {
      j.status = ImportStatus::failed;
      j.error = core::Error(core::ErrorCategory::internal, "import.internal");
      j.finished_at = now_();
    });
    if (p.bytes.size() <= background_bytes_)
      throw;
  }
}

void ImportJobs::work() {
  for (;;) {
    Pending p;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_)
        return;
      p = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      run(p);
    } catch (...) {
      // run() records every failure in the job; nothing is left to report.
    }
  }
}

ImportJob ImportJobs::get(const std::string& id, const core::Principal& who) const {
  if (!core::role_allows(who.role, core::Action::enter_values))
    throw core::Error(core::ErrorCategory::permission, "import.not_allowed");
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second.username != who.username) {
    const size_t dash = id.find('-');
    if (it == jobs_.end() && dash != std::string::npos && id.substr(0, dash) != boot_ &&
        dash == boot_.size())
      throw core::not_found("import.job_lost", {id});
    throw core::not_found("import.job_unknown", {id});
  }
  return it->second;
}

std::vector<ImportJob> ImportJobs::list(const core::Principal& who) const {
  if (!core::role_allows(who.role, core::Action::enter_values))
    throw core::Error(core::ErrorCategory::permission, "import.not_allowed");
  std::lock_guard lock(mutex_);
  std::vector<ImportJob> out;
  for (auto it = order_.rbegin(); it != order_.rend(); ++it)
    if (const ImportJob& j = jobs_.at(*it); j.username == who.username)
      out.push_back(j);
  return out;
}

}  // namespace mandate::service
