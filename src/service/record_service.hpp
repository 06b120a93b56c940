#pragma once
// Creating, replacing and deleting records of the plan and its register —
// units, fields, rating scales, indicators, plans, targets, tasks, task
// ratings, activities, documents — one at a time, as the API does. Each write
// is authorised, checked against the version the writer saw (ETag), validated
// together with everything stored (references, formulas and their cycles),
// audited, and committed in one transaction.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "service/snapshot.hpp"
#include "service/value_service.hpp"

namespace mandate::service {

// The record changed (or appeared, or went away) since the writer read it.
class StaleRecord : public core::Error {
 public:
  StaleRecord(std::optional<std::string> current_json, std::string current_etag);
  const std::optional<std::string>& current_json() const { return current_json_; }
  const std::string& current_etag() const { return current_etag_; }

 private:
  std::optional<std::string> current_json_;
  std::string current_etag_;
};

template <typename T>
struct RecordOutcome {
  T record;
  std::string etag;
  bool created = false;
  bool changed = false;
};

// The key of a record: its code, or its cell ("IND/UNIT/PERIOD", "TASK/PERIOD").
template <typename T>
std::string record_key(const T& record);
template <typename T>
std::string record_etag(const T& record);
// The unit whose rights govern the record (a document's issuer, a task's
// responsible unit, ...).
template <typename T>
std::string record_scope(const Snapshot& snapshot, const T& record);
// The record with that key, if the caller may read it (else Error(permission)).
template <typename T>
std::optional<T> find_record(const Snapshot& snapshot, const core::Principal& who,
                             const std::string& key);
// Creates or replaces the record whose key it carries.
template <typename T>
RecordOutcome<T> put_record(store::Store& store, SnapshotCache& cache, const Actor& actor,
                            const T& record, Precondition precondition, const std::string& etag);
// Requires if_match; false when there was nothing to delete. A record others
// still refer to is not deleted: Error(conflict, "record.in_use").
template <typename T>
bool delete_record(store::Store& store, SnapshotCache& cache, const Actor& actor,
                   const std::string& key, const std::string& etag);

}  // namespace mandate::service
