#pragma once
// Strict reading of JSON objects: every key must be known, every type right,
// every text valid UTF-8 (stored NFC). Errors name the path of the bad key.
#include <boost/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace mandate::io {

// The number a JSON value holds (integer or double), or nullopt when it holds
// something else or is not finite.
std::optional<double> json_number(const boost::json::value& v);

// Parses text as JSON; syntax errors report line and column.
boost::json::value parse_json(std::string_view text);

class ObjectReader {
 public:
  // Throws json.wrong_type when v is not an object.
  ObjectReader(const boost::json::value& v, std::string path);

  std::string text(std::string_view key);  // required
  std::string optional_text(std::string_view key, std::string fallback = {});
  double number(std::string_view key);
  std::optional<double> optional_number(std::string_view key);
  long long integer(std::string_view key, std::optional<long long> fallback = std::nullopt);
  bool boolean(std::string_view key, bool fallback);
  core::Date date(std::string_view key);
  std::optional<core::Date> optional_date(std::string_view key);
  std::vector<std::string> texts(std::string_view key);  // optional list of strings
  // The value under key, required (an object to read with its own reader).
  const boost::json::value& value(std::string_view key);
  // The array under key (empty when absent and not required), with its path prefix.
  const boost::json::array& array(std::string_view key, bool required = false);
  std::string path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  // Rejects any key that was not read.
  void finish() const;

 private:
  const boost::json::value* find(std::string_view key);
  const boost::json::object& obj_;
  std::string path_;
  std::set<std::string, std::less<>> seen_;
};

}  // namespace mandate::io
