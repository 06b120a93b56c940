#include "store/change_listener.hpp"

#include <optional>
#include <thread>

#include "store/postgresql/connection.hpp"
#include "store/postgresql/postgres_store.hpp"

namespace mandate::store {
namespace {

class PostgresListener final : public ChangeListener {
 public:
  explicit PostgresListener(std::string location) : location_(std::move(location)) {}

  bool wait(std::chrono::milliseconds timeout) override {
    if (!conn_) {
      conn_.emplace(location_);  // throws while the server is unreachable
      conn_->exec(std::string("LISTEN ") + postgresql::kChangesChannel);
      return true;  // writes while we were away sent no notification to us
    }
    try {
      return conn_->wait_notifications(timeout) > 0;
    } catch (...) {
      conn_.reset();
      throw;
    }
  }

 private:
  std::string location_;
  std::optional<postgresql::Connection> conn_;
};

class PollingListener final : public ChangeListener {
 public:
  bool wait(std::chrono::milliseconds timeout) override {
    std::this_thread::sleep_for(timeout);
    return true;
  }
};

}  // namespace

std::unique_ptr<ChangeListener> listen_for_changes(const std::string& location) {
  if (postgresql::is_postgresql_location(location))
    return std::make_unique<PostgresListener>(location);
  return std::make_unique<PollingListener>();
}

}  // namespace mandate::store
