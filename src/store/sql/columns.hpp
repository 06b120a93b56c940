#pragma once
// How records become columns, the same for every SQL store: lists as JSON
// arrays, dates as ISO text, and the one shape of every upsert.
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

}  // namespace mandate::store::sql
