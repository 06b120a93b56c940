#include "sql_backend.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <stdexcept>

namespace mandate::bench {
namespace {

class Sqlite final : public SqlBackend {
 public:
  explicit Sqlite(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK)
      throw std::runtime_error("sqlite open " + path);
    // Bulk load settings; reads get a large page cache and memory-mapped I/O.
    exec(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;"
        "PRAGMA mmap_size=17179869184; PRAGMA temp_store=MEMORY");
  }
  ~Sqlite() override {
    for (auto* s : statements_)
      sqlite3_finalize(s);
    sqlite3_close(db_);
  }
  std::string name() const override { return "SQLite"; }

  void exec(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error("sqlite: " + msg + " in " + sql);
    }
  }

  void load(const Dataset& d) override {
    exec(
        "CREATE TABLE dv (indicator INTEGER, level INTEGER, l2 INTEGER, l3 INTEGER, unit INTEGER,"
        " year INTEGER, quarter INTEGER, month INTEGER, value REAL)");
    exec("BEGIN");
    sqlite3_stmt* ins = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO dv VALUES (?,?,?,?,?,?,?,?,?)", -1, &ins, nullptr);
    for (const auto& v : d.values) {
      const int level = static_cast<int>(v.unit) >= d.first_cell() ? 4 : 3;
      const int year = core::analytics::code_year(v.period);
      const int month = static_cast<int>(core::analytics::code_slot(v.period)) + 1;
      sqlite3_bind_int(ins, 1, static_cast<int>(v.indicator));
      sqlite3_bind_int(ins, 2, level);
      sqlite3_bind_int(ins, 3, d.province_of[v.unit]);
      sqlite3_bind_int(ins, 4, d.commune_of[v.unit]);
      sqlite3_bind_int(ins, 5, static_cast<int>(v.unit));
      sqlite3_bind_int(ins, 6, year);
      sqlite3_bind_int(ins, 7, (month + 2) / 3);
      sqlite3_bind_int(ins, 8, month);
      sqlite3_bind_double(ins, 9, v.value);
      if (sqlite3_step(ins) != SQLITE_DONE)
        throw std::runtime_error(std::string("sqlite insert: ") + sqlite3_errmsg(db_));
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    exec("COMMIT");
  }

  int prepare(const std::string& sql) override {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) !=
        SQLITE_OK)
      throw std::runtime_error(std::string("sqlite prepare: ") + sqlite3_errmsg(db_) + " in " +
                               sql);
    statements_.push_back(s);
    return static_cast<int>(statements_.size() - 1);
  }

  std::vector<Row> run(int statement, std::span<const long long> params) override {
    sqlite3_stmt* s = statements_[static_cast<std::size_t>(statement)];
    for (std::size_t k = 0; k < params.size(); ++k) {
      const int index = sqlite3_bind_parameter_index(s, fmt::format("${}", k + 1).c_str());
      if (index > 0)
        sqlite3_bind_int64(s, index, params[k]);
    }
    std::vector<Row> rows;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      Row row(static_cast<std::size_t>(sqlite3_column_count(s)));
      for (int c = 0; c < sqlite3_column_count(s); ++c)
        if (sqlite3_column_type(s, c) != SQLITE_NULL)
          row[static_cast<std::size_t>(c)] = sqlite3_column_double(s, c);
      rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE)
      throw std::runtime_error(std::string("sqlite step: ") + sqlite3_errmsg(db_));
    sqlite3_reset(s);
    return rows;
  }

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

// The figure of each aggregation over the rows of a group; "last" is handled
// apart (the latest month of each unit, then summed over units).
std::string aggregate_expr(core::Aggregation a) {
  switch (a) {
    case core::Aggregation::sum:
      return "SUM(value)";
    case core::Aggregation::average:
      return "AVG(value)";
    case core::Aggregation::min:
      return "MIN(value)";
    case core::Aggregation::max:
      return "MAX(value)";
    case core::Aggregation::count:
      return "COUNT(DISTINCT unit)";
    default:
      return "SUM(value)";
  }
}

}  // namespace

std::unique_ptr<SqlBackend> open_sqlite(const std::string& path) {
  return std::make_unique<Sqlite>(path);
}

DashboardSql::DashboardSql(SqlBackend& db, const Dataset& d) : db_(db), d_(d) {
  for (int& q : q1_)
    q = -1;
}

void DashboardSql::create_indexes() {
  // Covering indexes over the commune rows (a, b) and the party-cell rows (c).
  db_.exec(
      "CREATE INDEX dv_q1 ON dv (indicator, l2, year, quarter, unit, month, value)"
      " WHERE level = 3");
  db_.exec("CREATE INDEX dv_q2 ON dv (l2, year, indicator, unit, month, value) WHERE level = 3");
  db_.exec("CREATE INDEX dv_q3 ON dv (l3, year, unit, indicator, month, value) WHERE level = 4");
  db_.exec("ANALYZE");
}

std::vector<Row> DashboardSql::by_province_quarter(int indicator, int y0, int y1) {
  const auto a = d_.indicators[static_cast<std::size_t>(indicator)].aggregation;
  int& stmt = q1_[static_cast<int>(a)];
  if (stmt < 0) {
    if (a == core::Aggregation::last)
      stmt = db_.prepare(
          "SELECT l2, year, quarter, SUM(value) FROM (SELECT l2, year, quarter, value,"
          " ROW_NUMBER() OVER (PARTITION BY unit, year, quarter ORDER BY month DESC) AS rn"
          " FROM dv WHERE level = 3 AND indicator = $1 AND year BETWEEN $2 AND $3) t"
          " WHERE rn = 1 GROUP BY l2, year, quarter");
    else
      stmt = db_.prepare("SELECT l2, year, quarter, " + aggregate_expr(a) +
                         " FROM dv WHERE level = 3 AND indicator = $1 AND year BETWEEN $2 AND $3"
                         " GROUP BY l2, year, quarter");
  }
  const long long params[] = {indicator, y0, y1};
  return db_.run(stmt, params);
}

std::vector<std::optional<double>> DashboardSql::province_year(int province, int year) {
  if (q2_all_ < 0) {
    q2_all_ = db_.prepare(
        "SELECT indicator, SUM(value), AVG(value), MIN(value), MAX(value), COUNT(DISTINCT unit)"
        " FROM dv WHERE level = 3 AND l2 = $1 AND year = $2 GROUP BY indicator");
    q2_last_ = db_.prepare(
        "SELECT indicator, SUM(value) FROM (SELECT indicator, value, ROW_NUMBER() OVER"
        " (PARTITION BY indicator, unit ORDER BY month DESC) AS rn FROM dv"
        " WHERE level = 3 AND l2 = $1 AND year = $2 AND indicator IN (" +
        [&] {
          std::string ids;
          for (int i = 0; i < d_.first_rate(); ++i)
            if (d_.indicators[static_cast<std::size_t>(i)].aggregation == core::Aggregation::last) {
              if (!ids.empty())
                ids += ',';
              ids += std::to_string(i);
            }
          return ids.empty() ? std::string("-1") : ids;
        }() +
        ")) t WHERE rn = 1 GROUP BY indicator");
  }
  const long long params[] = {province, year};
  std::vector<std::optional<double>> out(static_cast<std::size_t>(d_.first_cell_indicator()));
  std::vector<std::optional<double>> sums(out.size());
  for (const Row& r : db_.run(q2_all_, params)) {
    const auto i = static_cast<std::size_t>(*r[0]);
    sums[i] = r[1];
    switch (d_.indicators[i].aggregation) {
      case core::Aggregation::sum:
        out[i] = r[1];
        break;
      case core::Aggregation::average:
        out[i] = r[2];
        break;
      case core::Aggregation::min:
        out[i] = r[3];
        break;
      case core::Aggregation::max:
        out[i] = r[4];
        break;
      case core::Aggregation::count:
        out[i] = r[5];
        break;
      default:
        break;  // last: below; none: no rollup
    }
  }
  for (const Row& r : db_.run(q2_last_, params))
    out[static_cast<std::size_t>(*r[0])] = r[1];
  for (int k = 0; k < d_.config.rate_indicators; ++k) {  // rate = sum(A) / sum(B) * 100
    const auto a = sums[static_cast<std::size_t>(2 * k)],
               b = sums[static_cast<std::size_t>(2 * k + 1)];
    if (a && b && *b != 0)
      out[static_cast<std::size_t>(d_.first_rate() + k)] = *a / *b * 100;
  }
  return out;
}

std::vector<Row> DashboardSql::commune_children_year(int commune, int year) {
  if (q3_ < 0)
    q3_ = db_.prepare(
        "SELECT unit, indicator, SUM(value), SUM(CASE WHEN rn = 1 THEN value END) FROM"
        " (SELECT unit, indicator, value, ROW_NUMBER() OVER (PARTITION BY unit, indicator"
        " ORDER BY month DESC) AS rn FROM dv WHERE level = 4 AND l3 = $1 AND year = $2) t"
        " GROUP BY unit, indicator");
  const long long params[] = {commune, year};
  std::vector<Row> rows = db_.run(q3_, params);
  for (Row& r : rows) {
    const auto i = static_cast<std::size_t>(*r[1]);
    r[2] = d_.indicators[i].aggregation == core::Aggregation::last ? r[3] : r[2];
    r.resize(3);
  }
  return rows;
}

}  // namespace mandate::bench
