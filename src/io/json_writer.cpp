#include "io/json_writer.hpp"

#include <charconv>

namespace mandate::io {
namespace {

// Boost.JSON writes 65.3 as "6.53E1"; people read this file, so numbers are
// written in their shortest plain form instead.
std::string number_text(double d) {
  char buf[400];
  const double mag = d < 0 ? -d : d;
  const bool plain = mag == 0 || (mag >= 1e-6 && mag < 1e21);
  auto [end, ec] = plain ? std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed)
                         : std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

bool is_scalar(const boost::json::value& v) {
  return !v.is_object() && !v.is_array();
}

void write(const boost::json::value& v, std::string& out, int depth) {
  const std::string pad(static_cast<size_t>(depth + 1) * 2, ' ');
  const std::string end_pad(static_cast<size_t>(depth) * 2, ' ');
  if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& kv : o) {
      if (!first)
        out += ",\n";
      first = false;
      out += pad + boost::json::serialize(boost::json::string(kv.key())) + ": ";
      write(kv.value(), out, depth + 1);
    }
    out += "\n" + end_pad + "}";
  } else if (v.is_array()) {
    const auto& a = v.get_array();
    bool flat = true;
    for (const auto& item : a)
      flat = flat && is_scalar(item);
    if (flat) {
      out += "[";
      for (size_t i = 0; i < a.size(); ++i) {
        if (i)
          out += ", ";
        write(a[i], out, depth + 1);
      }
      out += "]";
      return;
    }
    out += "[\n";
    for (size_t i = 0; i < a.size(); ++i) {
      if (i)
        out += ",\n";
      out += pad;
      write(a[i], out, depth + 1);
    }
    out += "\n" + end_pad + "]";
  } else if (v.is_double()) {
    out += number_text(v.get_double());
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

std::string pretty_json(const boost::json::value& v) {
  std::string out;
  write(v, out, 0);
  out += "\n";
  return out;
}

}  // namespace mandate::io
