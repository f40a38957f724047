#pragma once
// Setting aside the indexes only queries read while a large import runs, and
// building them again after (schema/006_deferred_indexes.sql says why).

#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <span>
#include <string_view>

namespace annals {

// The indexes an import may set aside: no statement of the import reads them,
// and no foreign key or trigger looks up through them.
std::span<const std::string_view> deferrable_indexes();

// In one transaction, records each deferrable index that exists in
// deferred_indexes and drops it. Returns how many were set aside.
std::size_t set_aside_indexes(SQLite::Database& db);

// In one transaction, runs the CREATE INDEX of every row of deferred_indexes
// and empties it. Returns how many indexes were built.
std::size_t build_deferred_indexes(SQLite::Database& db);

}  // namespace annals
