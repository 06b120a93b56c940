#pragma once
#include <vector>

#include "store/embedded_file.hpp"
#include "store/sqlite/connection.hpp"

namespace mandate::store::sqlite {

// Applies forward-only migrations named NNNN_description.sql in order, each in
// its own transaction, recording them in schema_migrations. Refuses a database
// whose version is newer than the newest migration known. Returns the version.
int migrate(Connection& conn, const std::vector<EmbeddedFile>& migrations);

// The newest version recorded in schema_migrations (0 when none).
int schema_version(Connection& conn);

}  // namespace mandate::store::sqlite
