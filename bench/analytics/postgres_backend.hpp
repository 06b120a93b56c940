#pragma once
// PostgreSQL (libpq) behind the benchmark's SqlBackend; bulk load with COPY.
#include <memory>
#include <string>
#include <vector>

#include "core/analytics/engine.hpp"

#include "sql_backend.hpp"

namespace mandate::bench {

std::unique_ptr<SqlBackend> open_postgres(const std::string& conninfo);

// Streams every value of the loaded table back out of PostgreSQL (COPY TO
// STDOUT, text format, parsed as it arrives) as engine records: what a server
// does when it builds its rollups from the database.
std::vector<core::analytics::ValueRecord> read_values_postgres(const std::string& conninfo);

}  // namespace mandate::bench
