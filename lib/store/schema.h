#pragma once
// Applying schema/NNN_*.sql to a connection, in order, each in its own
// transaction, recording the number in PRAGMA user_version.

#include <SQLiteCpp/Database.h>

#include <string>

namespace annals {

// Highest NNN among the embedded schema files.
int latest_schema_version();

// Applies every migration above the file's user_version. Throws Error(label, ...)
// when the file's version is newer than this build's, before changing anything.
void migrate(SQLite::Database& db, const std::string& label);

}  // namespace annals
