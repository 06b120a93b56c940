#pragma once
// JSON of what is kept beside the records (not part of the metadata format):
// task progress updates and attachment metadata.
#include <boost/json.hpp>
#include <string>

#include "core/attachment.hpp"
#include "core/task.hpp"

namespace mandate::io {

boost::json::object to_json(const core::TaskUpdate& u);
boost::json::object to_json(const core::Attachment& a);
// A new progress update as the API receives it: {"date", "progress", "status", "note"};
// strict like every request body. Fills date, progress, status and note only.
core::TaskUpdate task_update_from_json(const boost::json::value& v);

}  // namespace mandate::io
