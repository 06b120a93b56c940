#pragma once
// The demo data set loaded once per test process, with its tree and rollups.
#include <memory>

#include "core/analytics/from_dataset.hpp"
#include "io/file.hpp"
#include "io/metadata_json.hpp"
#include "service/snapshot.hpp"

namespace mandate::test_support {

inline std::shared_ptr<service::Snapshot> snapshot_of(core::Dataset data) {
  auto s = std::make_shared<service::Snapshot>();
  s->data = std::move(data);
  s->tree = core::UnitTree(s->data.units);
  s->engine = core::analytics::build_engine(s->data);
  return s;
}

inline std::shared_ptr<const service::Snapshot> demo_snapshot() {
  static const std::shared_ptr<const service::Snapshot> snapshot =
      snapshot_of(io::read_metadata(io::read_file(MANDATE_DEMO_DATA)));
  return snapshot;
}

}  // namespace mandate::test_support
