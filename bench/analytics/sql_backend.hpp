#pragma once
// The benchmark's data in a SQL database, laid out the way an analytics table
// is (DHIS2 does the same): one row per value with the ancestors' ids and the
// period's parts as columns, and covering (partial) indexes for each
// dashboard shape. SQLite and PostgreSQL implement the same small interface,
// so the same SQL runs on both.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "generator.hpp"

namespace mandate::bench {

using Row = std::vector<std::optional<double>>;

class SqlBackend {
 public:
  virtual ~SqlBackend() = default;
  virtual std::string name() const = 0;
  virtual void exec(const std::string& sql) = 0;
  // Creates the table and loads every value (fast path of each engine).
  virtual void load(const Dataset& d) = 0;
  // Statements use $1, $2, ... for integer parameters.
  virtual int prepare(const std::string& sql) = 0;
  virtual std::vector<Row> run(int statement, std::span<const long long> params) = 0;
};

// path ":memory:" for an in-memory database.
std::unique_ptr<SqlBackend> open_sqlite(const std::string& path);

// The dashboard shapes as SQL, with the engine's aggregation rules.
class DashboardSql {
 public:
  DashboardSql(SqlBackend& db, const Dataset& d);
  void create_indexes();

  // (a) one indicator x every province x the quarters of years [y0, y1]:
  // rows (province id, year, quarter, figure).
  std::vector<Row> by_province_quarter(int indicator, int y0, int y1);
  // (b) every commune-level indicator for one province and year: the figure
  // of each indicator (rates from their summed inputs), by indicator id.
  std::vector<std::optional<double>> province_year(int province, int year);
  // (c) the children (party cells) of one commune, every cell indicator, one
  // year: rows (unit id, indicator id, figure).
  std::vector<Row> commune_children_year(int commune, int year);

 private:
  SqlBackend& db_;
  const Dataset& d_;
  int q1_[8];  // by aggregation
  int q2_all_ = -1, q2_last_ = -1, q3_ = -1;
};

}  // namespace mandate::bench
