#include "store/sql/columns.hpp"

#include <boost/json.hpp>

#include "core/error.hpp"

namespace mandate::store::sql {

using core::Error;
using core::ErrorCategory;

std::string to_json_array(const std::vector<std::string>& items) {
  boost::json::array a;
  for (const auto& s : items)
    a.emplace_back(s);
  return boost::json::serialize(a);
}

std::vector<std::string> from_json_array(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array())
    throw Error(ErrorCategory::corrupt, "store.corrupt", {"", text});
  for (const auto& item : v.as_array())
    if (item.is_string())
      out.emplace_back(item.as_string());
  return out;
}

std::string to_json_numbers(const std::vector<double>& numbers) {
  return boost::json::serialize(boost::json::value_from(numbers));
}

std::vector<double> from_json_numbers(const std::string& text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array())
    throw Error(ErrorCategory::corrupt, "store.corrupt", {"", text});
  return boost::json::value_to<std::vector<double>>(v);
}

std::optional<std::string> opt_date(const std::optional<core::Date>& d) {
  if (!d)
    return std::nullopt;
  return core::format_iso_date(*d);
}

std::string upsert_sql(std::string_view table, std::initializer_list<std::string_view> keys,
                       std::initializer_list<std::string_view> columns) {
  std::string cols, params, sets, differs, conflict;
  int n = 0;
  auto add_col = [&](std::string_view c) {
    if (n++) {
      cols += ", ";
      params += ", ";
    }
    cols += c;
    params += "?" + std::to_string(n);
  };
  for (auto k : keys) {
    add_col(k);
    if (!conflict.empty())
      conflict += ", ";
    conflict += k;
  }
  for (auto c : columns) {
    add_col(c);
    if (!sets.empty()) {
      sets += ", ";
      differs += " OR ";
    }
    sets += std::string(c) + " = excluded." + std::string(c);
    differs +=
        std::string(table) + "." + std::string(c) + " IS DISTINCT FROM excluded." + std::string(c);
  }
  return "INSERT INTO " + std::string(table) + " (" + cols + ") VALUES (" + params +
         ") ON CONFLICT (" + conflict + ") DO UPDATE SET " + sets + " WHERE " + differs;
}

std::string repeated_rows(std::string_view row, std::size_t count) {
  std::string out;
  out.reserve((row.size() + 2) * count);
  for (std::size_t i = 0; i < count; ++i) {
    if (i)
      out += ", ";
    out += row;
  }
  return out;
}

}  // namespace mandate::store::sql
