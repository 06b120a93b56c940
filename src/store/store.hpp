#pragma once
// The store interface: everything Mandate keeps, behind an abstract class so
// that the embedded SQLite store and a PostgreSQL store are interchangeable.
// No database type leaks out of src/store.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace mandate::store {

// Who makes a change and when; the store records it with every write.
struct ChangeContext {
  std::string actor;  // user name, or "cli" / "demo"
  std::string at;     // ISO 8601 UTC timestamp, supplied by the caller (stores read no clock)
};

// One change of a value cell, oldest first in a history.
struct ValueChange {
  std::string indicator, unit, period;
  core::ValueKind kind = core::ValueKind::official;
  std::optional<double> old_value;  // none: the cell was created
  std::optional<double> new_value;  // none: the cell was deleted
  std::string comment;
  std::string actor;
  std::string at;
};

// A write transaction. Every upsert inserts the record or updates it when it
// differs, and returns true when something changed. Nothing is visible to
// others until commit(); destroying an uncommitted transaction rolls it back.
// References must already exist (parents before children), else Error(invalid_input).
class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;
  virtual bool upsert(const core::Unit& u) = 0;
  virtual bool upsert(const core::Field& f) = 0;
  virtual bool upsert(const core::RatingScale& s) = 0;
  virtual bool upsert(const core::Indicator& i) = 0;
  virtual bool upsert(const core::Plan& p) = 0;
  virtual bool upsert(const core::Target& t) = 0;
  virtual bool upsert(const core::Value& v) = 0;  // also appends to the cell's history
  virtual bool upsert(const core::Task& t) = 0;
  virtual bool upsert(const core::TaskRating& r) = 0;
  virtual bool upsert(const core::Activity& a) = 0;
  virtual bool upsert(const core::Document& d) = 0;
  virtual void commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<StoreTransaction> begin(const ChangeContext& context) = 0;
  // Everything, in insertion order.
  virtual core::Dataset load() = 0;
  virtual std::vector<ValueChange> value_history(const std::string& indicator,
                                                 const std::string& unit,
                                                 const std::string& period) = 0;
  virtual int schema_version() = 0;
};

enum class OpenMode {
  create_or_open,  // init, demo, import: creates the database when missing
  existing,        // everything else: a missing database is an error
};

// Opens the store at location (a file path for SQLite), applying pending
// migrations. Throws core::Error (unavailable, corrupt) with a clear message.
std::unique_ptr<Store> open_store(const std::string& location, OpenMode mode);

}  // namespace mandate::store
