#pragma once
// Prepared statements kept for reuse: an import runs the same few dozen
// statements for every article, and preparing them each time costs more than
// running them.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string_view>
#include <unordered_map>

namespace annals {

class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  // The prepared statement for `sql`, reset and with its bindings cleared.
  SQLite::Statement& operator()(std::string_view sql) {
    auto& slot = cache_[sql];
    if (!slot) {
      slot = std::make_unique<SQLite::Statement>(db_, std::string(sql));
    } else {
      slot->reset();
      slot->clearBindings();
    }
    return *slot;
  }

 private:
  SQLite::Database& db_;
  // Keys view the string literals callers pass, which outlive the cache.
  std::unordered_map<std::string_view, std::unique_ptr<SQLite::Statement>> cache_;
};

}  // namespace annals
