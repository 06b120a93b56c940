#pragma once
// Wakes a server when the change feed may have moved, so it follows other
// servers' writes without waiting for a request. PostgreSQL: a connection of
// its own that LISTENs on the feed's channel (every write NOTIFYs at commit);
// a lost connection is opened again, and the wait after it reports a change,
// so the follower reads the feed from its last id. SQLite: the file has no
// notifications; the wait ends after the timeout and the follower checks
// PRAGMA data_version, as every request does.
#include <chrono>
#include <memory>
#include <string>

namespace mandate::store {

class ChangeListener {
 public:
  virtual ~ChangeListener() = default;
  // Waits up to timeout; true when the feed may have moved (a notification,
  // a connection opened again, or no way to know). Throws core::Error
  // (unavailable) when the database cannot be reached: the caller retries.
  virtual bool wait(std::chrono::milliseconds timeout) = 0;
};

// A listener for the database at location (as open_store takes it).
std::unique_ptr<ChangeListener> listen_for_changes(const std::string& location);

}  // namespace mandate::store
