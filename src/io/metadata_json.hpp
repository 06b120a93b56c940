#pragma once
// The metadata format (docs/metadata-format.md): a whole data set as one JSON
// document. Reading is strict; writing gives back what reading takes.
#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "core/dataset.hpp"

namespace mandate::io {

// Throws core::Error(invalid_input) with the path of the offending key. Does
// not check references between records (core::validate_dataset does).
core::Dataset read_metadata(std::string_view json_text);

// Pretty-printed JSON, two-space indent, keys in the documented order.
std::string write_metadata(const core::Dataset& d);

// One record from its JSON form (the API's request bodies); path prefixes
// error fields. Unknown keys are rejected, as in whole files.
void from_json(const boost::json::value& v, const std::string& path, core::Unit& out);
void from_json(const boost::json::value& v, const std::string& path, core::Field& out);
void from_json(const boost::json::value& v, const std::string& path, core::RatingScale& out);
void from_json(const boost::json::value& v, const std::string& path, core::Indicator& out);
void from_json(const boost::json::value& v, const std::string& path, core::Plan& out);
void from_json(const boost::json::value& v, const std::string& path, core::Target& out);
void from_json(const boost::json::value& v, const std::string& path, core::Task& out);
void from_json(const boost::json::value& v, const std::string& path, core::TaskRating& out);
void from_json(const boost::json::value& v, const std::string& path, core::Activity& out);
void from_json(const boost::json::value& v, const std::string& path, core::Document& out);
void from_json(const boost::json::value& v, const std::string& path, core::UnitChange& out);
void from_json(const boost::json::value& v, const std::string& path, core::Form& out);
void from_json(const boost::json::value& v, const std::string& path, core::ValidationRule& out);
void from_json(const boost::json::value& v, const std::string& path, core::Submission& out);

// One record as it appears in the format (used by listings too).
boost::json::object to_json(const core::Unit& u);
boost::json::object to_json(const core::Field& f);
boost::json::object to_json(const core::RatingScale& s);
boost::json::object to_json(const core::RatingLevel& l);
boost::json::object to_json(const core::Attendance& a);
boost::json::object to_json(const core::Indicator& i);
boost::json::object to_json(const core::Plan& p);
boost::json::object to_json(const core::Target& t);
boost::json::object to_json(const core::Value& v);
boost::json::object to_json(const core::Task& t);
boost::json::object to_json(const core::TaskRating& t);
boost::json::object to_json(const core::Activity& a);
boost::json::object to_json(const core::Document& d);
boost::json::object to_json(const core::UnitChange& c);
boost::json::object to_json(const core::Form& f);
boost::json::object to_json(const core::ValidationRule& r);
boost::json::object to_json(const core::Submission& s);

}  // namespace mandate::io
