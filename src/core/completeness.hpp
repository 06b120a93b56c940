#pragma once
// Who has reported a form for a period — on time, late, missing, not yet
// due — for every unit that must, counted at every level of the tree.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/form.hpp"
#include "core/submission.hpp"

namespace mandate::core {

enum class ReportingStatus {
  on_time,  // sent by the due date
  late,     // sent after it
  missing,  // not sent, and the due date has passed
  not_due,  // not sent, and there is still time
};
std::string_view reporting_status_name(ReportingStatus s);
ReportingStatus parse_reporting_status(std::string_view name);

// A report counts as sent while it is submitted or approved, as of its latest
// submission; a draft or a reopened report counts as not sent.
ReportingStatus reporting_status(const Submission* submission, Date due, Date today);

struct CompletenessCounts {
  int expected = 0;
  int on_time = 0;
  int late = 0;
  int missing = 0;
  int not_due = 0;
  void add(ReportingStatus s);
  int sent() const { return on_time + late; }
};

struct UnitReporting {
  std::string unit;
  ReportingStatus status = ReportingStatus::not_due;
  std::string submitted_at;  // empty when not sent
  SubmissionState state = SubmissionState::draft;
  int approvals = 0;
};

struct Completeness {
  Date due{};
  Date grace_end{};
  CompletenessCounts totals;  // over every reporting unit at or below the root
  // Each child of the root with reporting units below it (or itself reporting),
  // in tree order, with its own counts: the next level down at a glance.
  std::vector<std::pair<std::string, CompletenessCounts>> by_child;
  std::vector<UnitReporting> units;  // every reporting unit, in tree order
  // The units to chase: those whose report is missing, then those not yet sent.
  std::vector<std::string> to_chase() const;
};

// submissions: those stored for this form and period (any units; others are ignored).
Completeness completeness(const Form& form, const UnitTree& tree, std::string_view root,
                          const Period& period, std::span<const Submission> submissions,
                          Date today);

}  // namespace mandate::core
