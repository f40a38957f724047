#pragma once

#include <SQLiteCpp/Database.h>

namespace annals {

// Fills countries and country_aliases from the gazetteer's reference data
// (iso-codes plus schema/reference/country_aliases.tsv). Run once, by the first migration.
void load_reference_data(SQLite::Database& db);

}  // namespace annals
