#include "verify.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "../support/test_database.hpp"

namespace mandate::reliability {

using test_support::HttpClient;
using test_support::HttpResponse;
namespace json = boost::json;

namespace {

json::value get_json(HttpClient& client, const std::string& target) {
  const HttpResponse r = client.get(target);
  if (r.status != 200)
    throw std::runtime_error("GET " + target + ": " + std::to_string(r.status) + " " + r.body);
  return r.json();
}

// Absent figures are NaN here (std::optional trips GCC 12's maybe-uninitialized).
constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();

std::string describe(double v) {
  return std::isnan(v) ? std::string("absent") : std::to_string(v);
}

bool same(double a, double b) {
  if (std::isnan(a) || std::isnan(b))
    return std::isnan(a) == std::isnan(b);
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

template <typename Map, typename Key>
double find_or_absent(const Map& map, const Key& key) {
  const auto it = map.find(key);
  return it == map.end() ? kAbsent : it->second;
}

// Every harness value (years 19xx) whose value is not the new value of its
// cell's latest history entry. The history is ranked in one pass: a lookup
// per value re-read each cell's whole history, thousands of rows per cell
// after a few rounds of bulk imports.
constexpr const char* kValuesWithoutHistory = R"(
  WITH latest AS (
    SELECT indicator_id, unit_id, period, kind, new_value,
           ROW_NUMBER() OVER (PARTITION BY indicator_id, unit_id, period, kind
                              ORDER BY id DESC) AS place
    FROM value_history WHERE period LIKE '19%')
  SELECT count(*) FROM data_values d
  LEFT JOIN latest h ON h.place = 1 AND h.indicator_id = d.indicator_id
    AND h.unit_id = d.unit_id AND h.period = d.period AND h.kind = d.kind
  WHERE d.period LIKE '19%' AND d.value IS DISTINCT FROM h.new_value)";

void check_sqlite(const std::string& file, std::vector<std::string>& errors) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    errors.push_back("cannot open " + file + ": " + sqlite3_errmsg(db));
    sqlite3_close(db);
    return;
  }
  sqlite3_busy_timeout(db, 5000);
  // Every row of every check, as text; "ok" is integrity_check's only good answer.
  auto rows = [&](const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      errors.push_back(sql + ": " + sqlite3_errmsg(db));
      return out;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const auto* text = sqlite3_column_text(st, i);
        row += (i ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      out.push_back(row);
    }
    if (rc != SQLITE_DONE)
      errors.push_back(sql + ": " + sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return out;
  };
  const auto integrity = rows("PRAGMA integrity_check");
  if (integrity != std::vector<std::string>{"ok"})
    errors.push_back("PRAGMA integrity_check: " + (integrity.empty() ? "" : integrity.front()));
  const auto fk = rows("PRAGMA foreign_key_check");
  if (!fk.empty())
    errors.push_back("PRAGMA foreign_key_check: " + fk.front());
  const auto without_history = rows(kValuesWithoutHistory);
  if (without_history != std::vector<std::string>{"0"})
    errors.push_back("values without their history entry: " +
                     (without_history.empty() ? "?" : without_history.front()));
  sqlite3_close(db);
}

void check_postgresql(const std::string& location, std::vector<std::string>& errors) {
  const std::string database = location.substr(location.rfind('/') + 1);
  if (!test_support::psql(
          database,
          "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS amcheck; "
          "SELECT bt_index_check(c.oid, true) FROM pg_index i "
          "JOIN pg_class c ON c.oid = i.indexrelid "
          "JOIN pg_am a ON a.oid = c.relam "
          "JOIN pg_namespace n ON n.oid = c.relnamespace "
          "WHERE a.amname = 'btree' AND n.nspname = 'public'"))
    errors.push_back("amcheck bt_index_check failed on " + database);
  if (!test_support::psql(database, std::string("DO $$BEGIN IF (") + kValuesWithoutHistory +
                                        ") > 0 THEN RAISE EXCEPTION 'values without their "
                                        "history entry'; END IF; END$$"))
    errors.push_back("values without their history entry on " + database);
}

}  // namespace

StoredValues read_stored(HttpClient& client, const std::vector<int>& years) {
  StoredValues stored;
  for (int year : years) {
    for (int offset = 0;; offset += 1000) {
      const json::value page =
          get_json(client, std::string("/api/v1/values?indicator=") + kIndicator +
                               "&period=" + std::to_string(year) +
                               "&kind=official&limit=1000&offset=" + std::to_string(offset));
      const auto& items = page.at("items").as_array();
      for (const auto& item : items) {
        const auto& v = item.as_object();
        stored[{std::string(v.at("unit").as_string()), std::string(v.at("period").as_string())}] =
            v.at("value").to_number<double>();
      }
      if (offset + static_cast<int64_t>(items.size()) >= page.at("total").to_number<int64_t>())
        break;
    }
  }
  return stored;
}

void check_rollups(HttpClient& client, const StoredValues& stored, const std::vector<int>& years,
                   std::vector<std::string>& errors) {
  std::map<std::pair<std::string, std::string>, double> ward_year;  // (ward, year) → sum
  std::map<std::string, double> city_year;
  for (const auto& [cell, value] : stored) {
    const std::string year = cell.period.substr(0, 4);
    ward_year[{cell.unit, year}] += value;
    city_year[year] += value;
  }
  std::string periods;
  for (int y : years)
    periods += (periods.empty() ? "" : ",") + std::to_string(y);
  const json::value answer =
      get_json(client, std::string("/api/v1/analytics?indicator=") + kIndicator +
                           "&children=" + kCity + "&period=" + periods);
  auto number = [](const json::value& v) { return v.is_null() ? kAbsent : v.to_number<double>(); };
  size_t rows = 0;
  for (const auto& row : answer.at("rows").as_array()) {
    const std::string unit(row.at("unit").as_string()), period(row.at("period").as_string());
    const double expected = find_or_absent(ward_year, std::make_pair(unit, period));
    if (!same(number(row.at("value")), expected))
      errors.push_back("rollup " + unit + " " + period + ": " + describe(number(row.at("value"))) +
                       ", the stored months sum to " + describe(expected));
    ++rows;
  }
  if (rows < kWards.size() * years.size())
    errors.push_back("analytics answered " + std::to_string(rows) + " rows");
  for (const auto& total : answer.at("totals").as_array()) {
    const std::string period(total.at("period").as_string());
    const double expected = find_or_absent(city_year, period);
    if (!same(number(total.at("value")), expected))
      errors.push_back("rollup " + std::string(kCity) + " " + period + ": " +
                       describe(number(total.at("value"))) + ", the stored months sum to " +
                       describe(expected));
  }
}

double check_writable(HttpClient& client, int round, std::vector<std::string>& errors) {
  const int m = 1 + round % 12;
  const std::string cell = std::string("/api/v1/values/") + kIndicator + "/" + kWards[0] + "/1949" +
                           (m < 10 ? "0" : "") + std::to_string(m);
  const auto start = std::chrono::steady_clock::now();
  const HttpResponse current = client.get(cell);
  HttpClient::Headers headers = {{"Content-Type", "application/json"}};
  if (current.status == 200)
    headers.emplace_back("If-Match", current.header("ETag"));
  else
    headers.emplace_back("If-None-Match", "*");
  const HttpResponse r =
      client.request("PUT", cell, json::serialize(json::object{{"value", round}}), headers);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (r.status != 200 && r.status != 201)
    errors.push_back("a write after the restart: " + std::to_string(r.status) + " " + r.body);
  return ms;
}

void check_integrity(const std::string& db, std::vector<std::string>& errors) {
  if (db.starts_with("postgresql://") || db.starts_with("postgres://"))
    check_postgresql(db, errors);
  else
    check_sqlite(db, errors);
}

}  // namespace mandate::reliability
