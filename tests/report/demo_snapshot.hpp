#pragma once
// The demo data set loaded once per test process, with its tree and rollups.
#include <memory>

#include "io/file.hpp"
#include "io/metadata_json.hpp"
#include "service/snapshot.hpp"

namespace mandate::test_support {

inline std::shared_ptr<service::Snapshot> snapshot_of(core::Dataset data) {
  auto s = service::Snapshot::of(std::move(data));
  s->engine = service::engine_of(*s);
  return s;
}

inline std::shared_ptr<const service::Snapshot> demo_snapshot() {
  static const std::shared_ptr<const service::Snapshot> snapshot =
      snapshot_of(io::read_metadata(io::read_file(MANDATE_DEMO_DATA)));
  return snapshot;
}

}  // namespace mandate::test_support
