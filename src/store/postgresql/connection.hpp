#pragma once
// A thin RAII wrapper over libpq with the same shape as the SQLite one, so
// the shared SQL store (store/sql) runs on both. Statements are prepared once
// per connection and cached by their text; parameters are written ?1 or ? as
// in SQLite and sent as $1; values travel as text, files as binary bytea.
// Every failure becomes a core::Error with a category the caller can act on.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace mandate::store::postgresql {

class Statement;

class Connection {
 public:
  // location: a postgresql:// URI or a libpq connection string. Throws
  // Error(not_found, store.missing) when the database does not exist and
  // Error(unavailable) when the server cannot be reached.
  explicit Connection(const std::string& location);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(std::string_view sql);  // one or more statements, no parameters, no results
  Statement prepare(std::string_view sql);
  int changes() const { return changes_; }
  bool usable() const;  // still connected and not inside a transaction
  // Waits up to timeout for NOTIFY messages on the channels this connection
  // LISTENs to; returns how many arrived. Throws Error(unavailable,
  // store.pg_connection_lost) when the connection is gone.
  int wait_notifications(std::chrono::milliseconds timeout);
  const std::string& location() const { return location_; }

  // Throws the core::Error that matches a failed result (and frees it).
  [[noreturn]] void fail(pg_result* result);

 private:
  friend class Statement;
  pg_conn* conn_ = nullptr;
  std::string location_;                                   // for messages: the password left out
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  int changes_ = 0;
};

class Statement {
 public:
  Statement(Connection& conn, std::string name, int params);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Bind by 1-based index. Empty optional and bind_text_or_null("") bind NULL.
  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, double value);
  Statement& bind(int i, long long value);
  Statement& bind(int i, int value) { return bind(i, static_cast<long long>(value)); }
  Statement& bind(int i, bool value) { return bind(i, static_cast<long long>(value)); }
  Statement& bind(int i, const std::optional<double>& value);
  Statement& bind_null(int i);
  Statement& bind_blob(int i, std::string_view bytes);
  Statement& bind_text_or_null(int i, std::string_view text);  // "" -> NULL

  // Sends the statement without waiting for its result, so that the server
  // works on it while the caller does something else; the first step() or
  // run() then waits for it. The connection runs nothing else meanwhile.
  void start();
  bool step();  // runs the statement the first time; true while a row is available
  void run();   // runs it (for writes)
  void reset();

  bool is_null(int col) const;
  std::string text(int col) const;  // NULL -> ""
  std::string blob(int col) const;
  double real(int col) const;
  long long integer(int col) const;
  std::optional<double> optional_real(int col) const;

 private:
  void execute();
  void drain();  // receives and drops the result of a start() nobody read
  Statement& set(int i, std::optional<std::string> value, bool binary);

  Connection* conn_;
  std::string name_;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> binary_;
  pg_result* result_ = nullptr;
  int rows_ = 0;
  int row_ = -1;
  bool executed_ = false;
  bool started_ = false;  // sent by start(), its result not yet received
};

// BEGIN ... COMMIT (READ COMMITTED); rolls back when destroyed uncommitted.
class Transaction {
 public:
  explicit Transaction(Connection& conn);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& conn_;
  bool open_ = true;
};

// SQL with ?1 / ? parameters rewritten as $1 ($n), and the number of parameters.
std::pair<std::string, int> dollar_parameters(std::string_view sql);

// The location without its password, for messages.
std::string redacted(std::string_view location);

}  // namespace mandate::store::postgresql
