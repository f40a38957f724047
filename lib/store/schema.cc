#include "store/schema.h"

#include "annals/error.h"
#include "embedded.h"
#include "store/reference.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include <charconv>
#include <map>

namespace annals {
namespace {

// Embedded "NNN_name.sql" files by number.
std::map<int, std::string_view> migrations() {
  std::map<int, std::string_view> out;
  for (const auto& f : embedded_files()) {
    if (f.name.find('/') != std::string_view::npos || !f.name.ends_with(".sql")) continue;
    int n = 0;
    auto [p, ec] = std::from_chars(f.name.data(), f.name.data() + f.name.size(), n);
    if (ec == std::errc() && p != f.name.data() && *p == '_') out.emplace(n, f.content);
  }
  return out;
}

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace

int latest_schema_version() {
  const auto all = migrations();
  return all.empty() ? 0 : all.rbegin()->first;
}

void migrate(SQLite::Database& db, const std::string& label) {
  const int current = user_version(db);
  const int latest = latest_schema_version();
  if (current > latest)
    throw Error(label, fmt::format("written by a newer annals (schema version {}, this build knows "
                                   "up to {}); not touched",
                                   current, latest));
  for (const auto& [number, sql] : migrations()) {
    if (number <= current) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process opening the same new file may have applied it while we
    // waited for the write lock.
    if (user_version(db) >= number) continue;
    db.exec(std::string(sql));
    if (number == 1) load_reference_data(db);
    // PRAGMA takes no bound parameters; `number` is our own integer.
    db.exec(fmt::format("PRAGMA user_version = {}", number));
    tx.commit();
  }
}

}  // namespace annals
