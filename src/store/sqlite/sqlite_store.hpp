#pragma once
// The embedded store: one SQLite file in WAL mode, foreign keys on, every
// write in a transaction, synchronous=FULL so an acknowledged write survives
// a power cut.
#include <memory>
#include <string>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace mandate::store::sqlite {

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, OpenMode mode);

  std::unique_ptr<StoreTransaction> begin(const ChangeContext& context) override;
  core::Dataset load() override;
  std::vector<ValueChange> value_history(const std::string& indicator, const std::string& unit,
                                         const std::string& period) override;
  int schema_version() override;

 private:
  std::unique_ptr<Connection> conn_;
};

}  // namespace mandate::store::sqlite
