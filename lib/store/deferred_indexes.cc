#include "store/deferred_indexes.h"

#include "annals/error.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace annals {
namespace {

// Read by the query API and the views only. Indexes the import reads
// (events_merge, persons_folded, sources_sha256 ...), unique ones, and those
// foreign keys use when a row is deleted stay.
constexpr std::array<std::string_view, 9> kDeferrable = {
    "events_type_date",     "events_date",   "event_countries_date",   "event_countries_type",
    "event_pairs_date",     "relations_pair", "positions_country_term", "persons_rest",
    "person_aliases_rest"};

// What set_aside_indexes stored for `name`: the one CREATE INDEX of a
// deferrable index, as sqlite_schema words it. Anything else in the table was
// not written by us and is not run.
bool own_definition(const std::string& name, const std::string& sql) {
  bool known = false;
  for (const auto k : kDeferrable) known = known || k == name;
  const std::string head = "CREATE INDEX " + name;
  return known && sql.starts_with(head) && sql.size() > head.size() &&
         std::isspace(static_cast<unsigned char>(sql[head.size()])) && sql.find(';') == std::string::npos;
}

}  // namespace

std::span<const std::string_view> deferrable_indexes() { return kDeferrable; }

std::size_t set_aside_indexes(SQLite::Database& db) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement find(db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?");
  SQLite::Statement keep(db, "INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (?, ?)");
  std::size_t count = 0;
  for (const auto name : kDeferrable) {
    find.reset();
    find.bind(1, std::string(name));
    if (!find.executeStep()) continue;
    const std::string sql = find.getColumn(0).getString();
    find.reset();  // a statement still reading sqlite_schema would lock DROP INDEX out
    keep.reset();
    keep.bind(1, std::string(name));
    keep.bind(2, sql);
    keep.exec();
    // An identifier cannot be bound; `name` is one of our own constants.
    db.exec("DROP INDEX " + std::string(name));
    ++count;
  }
  tx.commit();
  return count;
}

std::size_t build_deferred_indexes(SQLite::Database& db) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  std::vector<std::pair<std::string, std::string>> rows;
  {
    SQLite::Statement all(db, "SELECT name, sql FROM deferred_indexes ORDER BY name");
    while (all.executeStep()) rows.emplace_back(all.getColumn(0).getString(), all.getColumn(1).getString());
  }
  SQLite::Statement exists(db, "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?");
  SQLite::Statement done(db, "DELETE FROM deferred_indexes WHERE name = ?");
  for (const auto& [name, sql] : rows) {
    exists.reset();
    exists.bind(1, name);
    if (!own_definition(name, sql))
      throw Error("deferred_indexes", "the row for '" + name + "' is not a CREATE INDEX of that index; not run");
    const bool present = exists.executeStep();
    exists.reset();
    if (!present) SQLite::Statement(db, sql).exec();
    done.reset();
    done.bind(1, name);
    done.exec();
  }
  tx.commit();
  return rows.size();
}

}  // namespace annals
