#pragma once
// What copying needs to know of each kind of database beyond the shared
// connection interface: its catalog, how to order text by bytes, how a read
// snapshot and a write begin, and what follows rows written with their ids.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/copy/canonical_row.hpp"
#include "store/postgresql/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace mandate::store::copy {

struct SqliteDialect {
  using Backend = sqlite::SqliteBackend;
  using Connection = sqlite::Connection;
  // The implicit rowid is unique (the table's own key), so a copied rowid
  // must not be taken by another row.
  static constexpr bool rowid_unique = true;
  // Of an existing database, opened (and migrated) by the store before.
  static std::unique_ptr<Connection> connect(const std::string& location);
  static std::vector<std::string> tables(Connection& c);
  static std::vector<Column> columns(Connection& c, const TableSpec& spec);
  static std::string ordered(std::string_view column, Kind kind);
  static void begin_snapshot(Connection& c);
  static void begin_write(Connection&) {}
  static void after_copy(Connection&, const TableSpec&) {}
};

struct PostgresDialect {
  using Backend = postgresql::PostgresBackend;
  using Connection = postgresql::Connection;
  // The rowid column only orders rows: not unique, not indexed.
  static constexpr bool rowid_unique = false;
  static std::unique_ptr<Connection> connect(const std::string& location);
  static std::vector<std::string> tables(Connection& c);
  static std::vector<Column> columns(Connection& c, const TableSpec& spec);
  // Text keys in the "C" collation: ordered by bytes, as SQLite orders them.
  static std::string ordered(std::string_view column, Kind kind);
  static void begin_snapshot(Connection& c);
  // Takes the data_version row lock, as every writer does.
  static void begin_write(Connection& c) { Backend::begin_write(c); }
  // Rows came with their ids: the sequences behind BIGSERIAL columns move past them.
  static void after_copy(Connection& c, const TableSpec& spec);
};

}  // namespace mandate::store::copy
