#pragma once
// The periodic report of a unit for a period, from the stored data.
#include <memory>
#include <string_view>

#include "core/report.hpp"
#include "core/scorecard.hpp"
#include "core/unit_tree.hpp"
#include "store/store.hpp"

namespace mandate::service {

// Owns the data the scorecard points into; not copyable or movable for that reason.
struct Report {
  core::Dataset data;
  core::UnitTree tree;
  core::Scorecard scorecard;
  core::ReportContent content;

  Report() = default;
  Report(const Report&) = delete;
  Report& operator=(const Report&) = delete;
};

// unit: a code or a name ("Thành phố Lạng Sơn", "Vĩnh Trại"); period: a period id.
// Throws core::Error: unit.not_found / unit.ambiguous, period.invalid.
std::unique_ptr<Report> build_report(store::Store& store, std::string_view unit,
                                     std::string_view period, core::Lang lang);

}  // namespace mandate::service
