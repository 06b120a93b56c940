#pragma once
// A small pool of database connections shared by threads: each call borrows
// one (opening a new one when none is idle) and gives it back when its lease
// ends. Connections the database has dropped are not given back.
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace mandate::store::sql {

template <typename Connection>
class ConnectionPool {
 public:
  using Open = std::function<std::unique_ptr<Connection>()>;
  explicit ConnectionPool(Open open) : open_(std::move(open)) {}

  class Lease {
   public:
    Lease(ConnectionPool& owner, std::unique_ptr<Connection> conn)
        : owner_(&owner), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (conn_)
        owner_->give_back(std::move(conn_));
    }
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }

   private:
    ConnectionPool* owner_;
    std::unique_ptr<Connection> conn_;
  };

  Lease acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto conn = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(conn));
      }
    }
    return Lease(*this, open_());
  }

  // Adds a connection opened elsewhere (the one that ran the migrations).
  void give_back(std::unique_ptr<Connection> conn) {
    if (!conn->usable())
      return;
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(conn));
  }

  std::unique_ptr<Connection> open() const { return open_(); }

 private:
  Open open_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace mandate::store::sql
