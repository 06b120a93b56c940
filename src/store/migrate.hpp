#pragma once
// Copying a whole Mandate database to another one, of either kind: a city's
// SQLite file up to a province's PostgreSQL server, or a PostgreSQL database
// down to a portable SQLite file. Rows are copied with their ids, so every
// reference, journal and history stays as it was; the search index is
// rebuilt by the target. Every table is compared by count and checksum.
#include <functional>
#include <string>
#include <vector>

namespace mandate::store {

// A table's rows in their canonical form (copy/canonical_row.hpp): how many,
// and the SHA-256 of them in key order, in hex. Equal on both kinds of
// database for equal data.
struct TableChecksum {
  std::string table;
  long long rows = 0;
  std::string checksum;
};

// Every copied table of the database at location, in reference order.
std::vector<TableChecksum> table_checksums(const std::string& location);

struct MigrateOptions {
  // Rows written per target transaction. A table with references to its own
  // rows (units, tasks, documents) is written in one transaction.
  long long batch_rows = 2000;
  // Called after each committed batch with the table and the rows it has
  // copied so far in this run.
  std::function<void(const std::string& table, long long copied)> on_batch;
};

struct TableMigration {
  std::string table;
  long long source_rows = 0;
  long long copied = 0;       // written by this run
  long long already = 0;      // found identical in the target (an earlier run)
  long long target_only = 0;  // rows of the target the source does not have
  std::string checksum;       // of the source's rows, equal to the target's copy
};

// Copies every row of from into to (created when missing; both are brought
// to this program's schema first). A target row with the same key as a
// source row must be identical, and no source row may take a unique code the
// target gives to another key: otherwise Error(conflict, migrate.conflict)
// names the first conflict and nothing is written. Rows already present (an
// interrupted earlier run) are skipped, so running again resumes. Afterwards
// the rows of every table are counted and checksummed on both sides:
// Error(conflict, migrate.verify_failed) when they differ.
std::vector<TableMigration> migrate(const std::string& from, const std::string& to,
                                    const MigrateOptions& options);

}  // namespace mandate::store
