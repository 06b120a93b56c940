#pragma once
// The checks after a restart: the harness's cells as the restarted server
// serves them, its rollups against a sum of those cells, and the database's
// own integrity.
#include <string>
#include <vector>

#include "../support/http_client.hpp"
#include "workload.hpp"

namespace mandate::reliability {

// The official NEW_JOBS values of every month of years, from GET /api/v1/values.
StoredValues read_stored(test_support::HttpClient& client, const std::vector<int>& years);

// The restarted server's rollups are built from the database at start: for
// every ward and year its GET /api/v1/analytics value, and the city's total,
// must equal the sum of the stored months (absent when there are none).
void check_rollups(test_support::HttpClient& client, const StoredValues& stored,
                   const std::vector<int>& years, std::vector<std::string>& errors);

// The restarted server takes writes at once: nothing the killed one left
// (a lock, a transaction) holds them up. PUTs a value to a cell of year 1949
// (a month per round) and returns how long the answer took, in ms.
double check_writable(test_support::HttpClient& client, int round,
                      std::vector<std::string>& errors);

// SQLite: PRAGMA integrity_check and foreign_key_check, read beside the running
// server. PostgreSQL: amcheck's bt_index_check (heapallindexed) on every index.
// Both: every harness value stored has its value_history entry (written in the
// same transaction).
void check_integrity(const std::string& db, std::vector<std::string>& errors);

}  // namespace mandate::reliability
