#pragma once
// JSON of the reporting cycle's results (not part of the metadata format):
// rule violations, cells that need a note, completeness and task timeliness
// counts with their percentages. Used by the API and `--json` output.
#include <boost/json.hpp>

#include "core/completeness.hpp"
#include "core/task_timeliness.hpp"
#include "core/validation_rule.hpp"

namespace mandate::io {

boost::json::object to_json(const core::RuleViolation& v);
boost::json::object to_json(const core::NoteRequired& n);
// {"expected", "onTime", "late", "missing", "notDue", "sent", "percent": {...}}
boost::json::object to_json(const core::CompletenessCounts& c);
// {"total", "completedOnTime", "completedLate", "inProgress", "overdue", "percent": {...}}
boost::json::object to_json(const core::TaskTimelinessCounts& c);
// Everything core::completeness found: dates, totals, children, units, to chase.
boost::json::object to_json(const core::Completeness& c);

}  // namespace mandate::io
