#pragma once
// Pretty-printing of Boost.JSON values (Boost 1.81 has only compact output).
#include <boost/json.hpp>
#include <string>

namespace mandate::io {

// Two-space indent; arrays of scalars stay on one line; keys keep their order.
std::string pretty_json(const boost::json::value& v);
// One line without spaces (log lines), numbers in the same plain form.
std::string compact_json(const boost::json::value& v);

}  // namespace mandate::io
