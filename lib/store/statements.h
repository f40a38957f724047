#pragma once
// Prepared statements kept for reuse: an import runs the same few dozen
// statements for every article, and preparing them each time costs more than
// running them.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace annals {

class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  // Resets every statement. A statement left after a row keeps its read
  // transaction open past COMMIT, and that stale snapshot makes the next write
  // transaction fail with SQLITE_BUSY at once instead of waiting for the lock.
  void reset_all() noexcept {
    for (auto& entry : cache_) entry.second->tryReset();
  }

  // The prepared statement for `sql`, reset and with its bindings cleared.
  SQLite::Statement& operator()(std::string_view sql) {
    auto found = cache_.find(sql);
    if (found == cache_.end()) found = cache_.emplace(std::string(sql), nullptr).first;
    auto& slot = found->second;
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
  // Keys are copies, so a caller's text may die before the cache; looked up
  // by string_view without a copy (a transparent hash).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, Hash, std::equal_to<>> cache_;
};

// Resets every statement of a cache when it goes out of scope, however the
// scope is left.
class ResetOnExit {
 public:
  explicit ResetOnExit(StatementCache& cache) : cache_(cache) {}
  ~ResetOnExit() { cache_.reset_all(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  StatementCache& cache_;
};

}  // namespace annals
