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

// compact: one line, no spaces; otherwise indented by depth.
void write(const boost::json::value& v, std::string& out, int depth, bool compact) {
  const std::string pad = compact ? "" : std::string(static_cast<size_t>(depth + 1) * 2, ' ');
  const std::string end_pad = compact ? "" : std::string(static_cast<size_t>(depth) * 2, ' ');
  const char* newline = compact ? "" : "\n";
  if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += std::string("{") + newline;
    bool first = true;
    for (const auto& kv : o) {
      if (!first)
        out += std::string(",") + newline;
      first = false;
      out += pad + boost::json::serialize(boost::json::string(kv.key())) + (compact ? ":" : ": ");
      write(kv.value(), out, depth + 1, compact);
    }
    out += newline + end_pad + "}";
  } else if (v.is_array()) {
    const auto& a = v.get_array();
    bool flat = true;
    for (const auto& item : a)
      flat = flat && is_scalar(item);
    if (flat) {
      out += "[";
      for (size_t i = 0; i < a.size(); ++i) {
        if (i)
          out += compact ? "," : ", ";
        write(a[i], out, depth + 1, compact);
      }
      out += "]";
      return;
    }
    out += std::string("[") + newline;
    for (size_t i = 0; i < a.size(); ++i) {
      if (i)
        out += std::string(",") + newline;
      out += pad;
      write(a[i], out, depth + 1, compact);
    }
    out += newline + end_pad + "]";
  } else if (v.is_double()) {
    out += number_text(v.get_double());
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

std::string pretty_json(const boost::json::value& v) {
  std::string out;
  write(v, out, 0, false);
  out += "\n";
  return out;
}

std::string compact_json(const boost::json::value& v) {
  std::string out;
  write(v, out, 0, true);
  return out;
}

}  // namespace mandate::io
