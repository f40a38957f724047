#pragma once
// Test fixtures that insert events and participants by hand fill the index
// tables the importer keeps (event_countries, event_pairs) with these
// statements, as schema/004_import_indexing.sql tells a sqlite3 user to.

namespace annals::test {

inline constexpr const char* kFillEventIndexes[] = {
    "INSERT OR IGNORE INTO event_countries (country_id, event_id, start_date, type) "
    "SELECT DISTINCT p.country_id, e.event_id, e.start_date, e.type "
    "FROM event_participants p JOIN events e ON e.event_id = p.event_id WHERE p.country_id IS NOT NULL",
    "INSERT OR IGNORE INTO event_pairs (event_id, country_a_id, country_b_id, start_date) "
    "SELECT DISTINCT a.event_id, a.country_id, b.country_id, e.start_date "
    "FROM event_participants a JOIN event_participants b ON b.event_id = a.event_id "
    "AND b.country_id > a.country_id JOIN events e ON e.event_id = a.event_id",
};

}  // namespace annals::test
