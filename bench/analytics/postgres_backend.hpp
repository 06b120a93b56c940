#pragma once
// PostgreSQL (libpq) behind the benchmark's SqlBackend; bulk load with COPY.
#include <memory>
#include <string>

#include "sql_backend.hpp"

namespace mandate::bench {

std::unique_ptr<SqlBackend> open_postgres(const std::string& conninfo);

}  // namespace mandate::bench
