#pragma once
// The tables `mandate migrate` copies, in reference order (a table comes after
// the tables it refers to), with the key each is read and compared by. Their
// columns are read from the database's own catalog, so a new column is
// copied without a change here; a new table must be added here, or migrate
// refuses the database (copy/migrate_impl.hpp) rather than leave it behind.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mandate::store::copy {

struct TableSpec {
  std::string_view name;
  std::vector<std::string_view> key;  // the primary key
  // Single columns that must also be unique ("rowid": where SQLite makes it
  // so; PostgreSQL's rowid column only orders rows).
  std::vector<std::string_view> unique;
  // Rows refer to rows of the same table (deferred foreign keys), in any
  // order: the table is written in one transaction so they all commit together.
  bool self_referencing = false;
  // The rows are ordered by SQLite's implicit rowid, which PostgreSQL keeps
  // in a column of that name (docs/architecture.md, the store).
  bool implicit_rowid = false;
  // A row may be megabytes (a file's bytes): read, written and committed a
  // few at a time, so memory and statements stay small.
  bool large_rows = false;
};

std::span<const TableSpec> copied_tables();

// Rows per page, per INSERT and per transaction for a table, given what
// suits ordinary rows.
long long rows_at_once(const TableSpec& spec, long long ordinary);

// Tables that are not data to copy: the schema's own bookkeeping, the search
// index (rebuilt by the target from the copied records), PostgreSQL's
// data_version row and the change feed (servers of the target build their
// rollups from its data).
bool is_bookkeeping_table(std::string_view name);

}  // namespace mandate::store::copy
