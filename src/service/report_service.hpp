#pragma once
// The periodic report of a unit for a period, from the stored data; the
// indicators' figures from the snapshot's rollup engine (one is built when the
// snapshot has none).
#include <memory>
#include <string_view>

#include "core/report.hpp"
#include "core/scorecard.hpp"
#include "service/snapshot.hpp"
#include "store/store.hpp"

namespace mandate::service {

// Holds the snapshot and the tree the scorecard points into.
struct Report {
  std::shared_ptr<const Snapshot> snapshot;
  // The units as of the period's end (or the unit's last day): names and
  // parents as the restructuring records had them then.
  std::shared_ptr<const core::UnitTree> tree;
  core::Scorecard scorecard;
  core::ReportContent content;
};

// unit: a code or a name ("Thành phố Lạng Sơn", "Vĩnh Trại"); period: a period id;
// today: the office's date, for the timeliness of tasks still open.
// Throws core::Error: unit.not_found / unit.ambiguous, period.invalid.
Report build_report(std::shared_ptr<const Snapshot> snapshot, std::string_view unit,
                    std::string_view period, core::Lang lang, core::Date today);
// The same, reading the store once and building its rollups (command line).
Report build_report(store::Store& store, std::string_view unit, std::string_view period,
                    core::Lang lang, core::Date today);

}  // namespace mandate::service
