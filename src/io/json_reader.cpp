#include "io/json_reader.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/text.hpp"

namespace mandate::io {
namespace {

using core::invalid_input;

// code names the expected type, e.g. "json.expected_string".
[[noreturn]] void wrong_type(const std::string& path, std::string_view code) {
  throw invalid_input(std::string(code), {path}, path);
}

const boost::json::array kEmpty;
const boost::json::object kEmptyObject;

}  // namespace

std::optional<double> json_number(const boost::json::value& v) {
  double d;
  if (v.is_double())
    d = v.get_double();
  else if (v.is_int64())
    d = static_cast<double>(v.get_int64());
  else if (v.is_uint64())
    d = static_cast<double>(v.get_uint64());
  else
    return std::nullopt;
  if (!std::isfinite(d))
    return std::nullopt;
  return d;
}

boost::json::value parse_json(std::string_view text) {
  boost::json::stream_parser p;
  boost::system::error_code ec;
  const size_t used = p.write(text.data(), text.size(), ec);
  if (!ec)
    p.finish(ec);
  if (ec) {
    // Line and column of the first byte the parser could not take.
    const size_t at = std::min(used, text.size());
    size_t line = 1, column = 1;
    for (size_t i = 0; i < at; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    throw invalid_input("json.syntax",
                        {std::to_string(line), std::to_string(column), ec.message()});
  }
  return p.release();
}

ObjectReader::ObjectReader(const boost::json::value& v, std::string path)
    : obj_(v.is_object() ? v.get_object() : kEmptyObject), path_(std::move(path)) {
  if (!v.is_object())
    wrong_type(path_, "json.expected_object");
}

const boost::json::value* ObjectReader::find(std::string_view key) {
  seen_.emplace(key);
  const auto* v = obj_.if_contains(key);
  return (v && !v->is_null()) ? v : nullptr;
}

std::string ObjectReader::optional_text(std::string_view key, std::string fallback) {
  const auto* v = find(key);
  if (!v)
    return fallback;
  if (!v->is_string())
    wrong_type(path_of(key), "json.expected_string");
  const auto& s = v->get_string();
  try {
    return core::collapse_spaces(core::to_nfc(std::string_view(s.data(), s.size())));
  } catch (const core::Error& e) {
    throw core::Error(e.category(), e.code(), e.args(), path_of(key));
  }
}

const boost::json::value& ObjectReader::value(std::string_view key) {
  const auto* v = find(key);
  if (!v)
    throw invalid_input("json.missing_key", {path_of(key)}, path_of(key));
  return *v;
}

std::string ObjectReader::text(std::string_view key) {
  if (!find(key))
    throw invalid_input("json.missing_key", {path_of(key)}, path_of(key));
  return optional_text(key);
}

std::optional<double> ObjectReader::optional_number(std::string_view key) {
  const auto* v = find(key);
  if (!v)
    return std::nullopt;
  const auto d = json_number(*v);
  if (!d)
    wrong_type(path_of(key), "json.expected_number");
  return d;
}

double ObjectReader::number(std::string_view key) {
  auto d = optional_number(key);
  if (!d)
    throw invalid_input("json.missing_key", {path_of(key)}, path_of(key));
  return *d;
}

long long ObjectReader::integer(std::string_view key, std::optional<long long> fallback) {
  const auto* v = find(key);
  if (!v) {
    if (fallback)
      return *fallback;
    throw invalid_input("json.missing_key", {path_of(key)}, path_of(key));
  }
  if (v->is_int64())
    return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX))
    return static_cast<long long>(v->get_uint64());
  wrong_type(path_of(key), "json.expected_integer");
}

bool ObjectReader::boolean(std::string_view key, bool fallback) {
  const auto* v = find(key);
  if (!v)
    return fallback;
  if (!v->is_bool())
    wrong_type(path_of(key), "json.expected_bool");
  return v->get_bool();
}

std::optional<core::Date> ObjectReader::optional_date(std::string_view key) {
  const std::string s = optional_text(key);
  if (s.empty())
    return std::nullopt;
  try {
    return core::parse_iso_date(s);
  } catch (const core::Error& e) {
    throw core::Error(e.category(), e.code(), e.args(), path_of(key));
  }
}

core::Date ObjectReader::date(std::string_view key) {
  auto d = optional_date(key);
  if (!d)
    throw invalid_input("json.missing_key", {path_of(key)}, path_of(key));
  return *d;
}

const boost::json::array& ObjectReader::array(std::string_view key, bool required) {
  const auto* v = find(key);
  if (!v) {
    if (required)
      throw invalid_input("json.missing_key", {path_of(key)}, path_of(key));
    return kEmpty;
  }
  if (!v->is_array())
    wrong_type(path_of(key), "json.expected_array");
  return v->get_array();
}

std::vector<std::string> ObjectReader::texts(std::string_view key) {
  std::vector<std::string> out;
  const auto& a = array(key);
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string p = path_of(key) + "[" + std::to_string(i) + "]";
    if (!a[i].is_string())
      wrong_type(p, "json.expected_string");
    const auto& s = a[i].get_string();
    out.push_back(core::to_nfc(std::string_view(s.data(), s.size())));
  }
  return out;
}

void ObjectReader::finish() const {
  for (const auto& kv : obj_) {
    if (!seen_.contains(std::string_view(kv.key())))
      throw invalid_input("json.unknown_key", {path_of(kv.key())}, path_of(kv.key()));
  }
}

}  // namespace mandate::io
