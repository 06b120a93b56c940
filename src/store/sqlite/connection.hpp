#pragma once
// A thin RAII wrapper over the SQLite C API. Every failure becomes a
// core::Error with a category the caller can act on (locked, corrupt, ...).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace mandate::store::sqlite {

class Statement;

class Connection {
 public:
  // flags: SQLITE_OPEN_* flags. Throws core::Error on failure.
  Connection(const std::string& path, int flags);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(std::string_view sql);  // one or more statements, no results
  // Statements are kept prepared per connection, by their text (parsing was
  // three quarters of a large import's time); a statement already in use is
  // prepared afresh, and so is everything past kCachedStatements texts.
  Statement prepare(std::string_view sql);
  int changes() const;
  const std::string& path() const { return path_; }
  bool usable() const { return true; }
  sqlite3* handle() const {
    return db_;
  }  // for the online backup API  // a file does not go away like a server
  // Throws the core::Error that matches SQLite result code rc.
  [[noreturn]] void fail(int rc) const;

 private:
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  static constexpr std::size_t kCachedStatements = 256;

  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, Cached> cached_;  // nodes stay put: Statement points into them
};

class Statement {
 public:
  // in_use: the cache entry's flag when the statement is the connection's to
  // keep (reset, not finalized, when done); null for a statement of its own.
  Statement(Connection& conn, sqlite3_stmt* stmt, bool* in_use = nullptr)
      : conn_(&conn), stmt_(stmt), in_use_(in_use) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Bind by 1-based index. Empty optional and null_if_empty("") bind NULL.
  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, double value);
  Statement& bind(int i, long long value);
  Statement& bind(int i, int value) { return bind(i, static_cast<long long>(value)); }
  Statement& bind(int i, bool value) { return bind(i, static_cast<long long>(value)); }
  Statement& bind(int i, const std::optional<double>& value);
  Statement& bind_null(int i);
  // The bytes must stay alive until the statement has run.
  Statement& bind_blob(int i, std::string_view bytes);
  Statement& bind_text_or_null(int i, std::string_view text);  // "" -> NULL

  void start() {}  // as PostgreSQL's: SQLite runs in this process, nothing to send ahead
  bool step();     // true while a row is available
  void run();      // steps to completion (for writes)
  void reset();

  bool is_null(int col) const;
  std::string text(int col) const;  // NULL -> ""
  std::string blob(int col) const;
  double real(int col) const;
  long long integer(int col) const;
  std::optional<double> optional_real(int col) const;

 private:
  Connection* conn_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted.
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

}  // namespace mandate::store::sqlite
