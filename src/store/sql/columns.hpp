#pragma once
// How records become columns, the same for every SQL store: lists as JSON
// arrays, dates as ISO text, the one shape of every upsert, and statements
// that carry many rows.
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace mandate::store::sql {

std::string to_json_array(const std::vector<std::string>& items);
std::vector<std::string> from_json_array(const std::string& text);  // Error(corrupt) when not one
std::string to_json_numbers(const std::vector<double>& numbers);
std::vector<double> from_json_numbers(const std::string& text);
std::optional<std::string> opt_date(const std::optional<core::Date>& d);

// INSERT ... ON CONFLICT(keys) DO UPDATE SET cols ... WHERE something differs.
// With this shape the count of changed rows is 1 exactly when the row was
// created or changed, which is how every upsert reports "changed" without a
// prior read. Parameters are ?1, ?2, ... keys first, then columns.
std::string upsert_sql(std::string_view table, std::initializer_list<std::string_view> keys,
                       std::initializer_list<std::string_view> columns);

// Many rows in one statement (a bulk write costs a round trip per batch, not
// per row, on PostgreSQL). A batch's text depends on its number of rows and
// both stores keep prepared statements by text, so batches have only the
// sizes for_each_batch gives: 256, 128, ..., 1 rows.
inline constexpr std::size_t kMaxBatch = 256;

// Calls f(first, count) for consecutive batches covering n rows.
template <typename F>
void for_each_batch(std::size_t n, F&& f) {
  for (std::size_t first = 0; first < n;) {
    std::size_t count = kMaxBatch;
    while (count > n - first)
      count /= 2;
    f(first, count);
    first += count;
  }
}

// row repeated count times, separated by commas: "(?, ?), (?, ?)". Parameters
// are plain ?, numbered in order by both stores.
std::string repeated_rows(std::string_view row, std::size_t count);

}  // namespace mandate::store::sql
