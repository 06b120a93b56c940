#include "service/feed_retention.hpp"

namespace mandate::service {

long long prune_change_feed(store::Store& store, const std::string& at, long long keep) {
  auto tx = store.begin({"mandate", at});
  const long long dropped = tx->prune_changes(keep);
  tx->commit();
  return dropped;
}

}  // namespace mandate::service
