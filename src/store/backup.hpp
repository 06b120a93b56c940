#pragma once
// Backups of an embedded (SQLite) database, taken and restored with SQLite's
// online backup API: a consistent copy while servers keep writing, and a
// restore that others see all at once. PostgreSQL databases are backed up
// with pg_dump / pg_restore (docs/operations.md).
#include <string>

namespace mandate::store {

// Copies the database at location into the new file out. Error(conflict)
// when out exists, Error(invalid_input) for a PostgreSQL location.
void backup(const std::string& location, const std::string& out);

// Replaces the content of the database at location (created when missing)
// with the backup's, then applies pending migrations. Error(corrupt) when the
// backup is not a Mandate database; nothing is changed then.
void restore(const std::string& backup_file, const std::string& location);

}  // namespace mandate::store
