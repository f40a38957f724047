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
#include <utility>

namespace annals {

class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  // Resets every statement. A statement left after a row keeps its read
  // transaction open past COMMIT, and that stale snapshot makes the next write
  // transaction fail with SQLITE_BUSY at once instead of waiting for the lock.
  void reset_all() noexcept {
    for (auto& entry : cache_) entry.second.statement->tryReset();
  }

  // The prepared statement for `sql`, reset and with its bindings cleared.
  SQLite::Statement& operator()(std::string_view sql) { return slot(sql).first; }

  // A statement held until the lease ends, then reset: a statement left after
  // a row would hold its read snapshot open, so the connection would go on
  // seeing the knowledge base as it was. While leased, the same text gets a
  // statement of its own (a nested use), prepared for that lease alone.
  class Lease {
   public:
    Lease(Lease&& other) noexcept
        : statement_(std::exchange(other.statement_, nullptr)), busy_(std::exchange(other.busy_, nullptr)),
          own_(std::move(other.own_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (!statement_) return;
      statement_->tryReset();
      if (busy_) *busy_ = false;
    }
    SQLite::Statement& operator*() const { return *statement_; }
    SQLite::Statement* operator->() const { return statement_; }

   private:
    friend class StatementCache;
    Lease(SQLite::Statement* statement, bool* busy, std::unique_ptr<SQLite::Statement> own)
        : statement_(statement), busy_(busy), own_(std::move(own)) {}
    SQLite::Statement* statement_;
    bool* busy_;
    std::unique_ptr<SQLite::Statement> own_;
  };
  Lease lease(std::string_view sql) {
    // Statements whose text holds a list of `?`s come in many lengths; past
    // kMaxStatements the idle ones are dropped rather than kept for ever.
    if (cache_.size() >= kMaxStatements && cache_.find(sql) == cache_.end())
      std::erase_if(cache_, [](const auto& entry) { return !entry.second.busy; });
    auto found = cache_.find(sql);
    if (found != cache_.end() && found->second.busy) {
      auto own = std::make_unique<SQLite::Statement>(db_, std::string(sql));
      auto* raw = own.get();
      return Lease(raw, nullptr, std::move(own));
    }
    auto [statement, busy] = slot(sql);
    busy = true;
    return Lease(&statement, &busy, nullptr);
  }

  std::size_t size() const { return cache_.size(); }

 private:
  static constexpr std::size_t kMaxStatements = 256;
  struct Slot {
    std::unique_ptr<SQLite::Statement> statement;
    bool busy = false;
  };
  std::pair<SQLite::Statement&, bool&> slot(std::string_view sql) {
    auto found = cache_.find(sql);
    if (found == cache_.end()) found = cache_.emplace(std::string(sql), Slot{}).first;
    auto& slot = found->second;
    if (!slot.statement) {
      slot.statement = std::make_unique<SQLite::Statement>(db_, std::string(sql));
    } else {
      slot.statement->reset();
      slot.statement->clearBindings();
    }
    return {*slot.statement, slot.busy};
  }

  SQLite::Database& db_;
  // Keys are copies, so a caller's text may die before the cache; looked up
  // by string_view without a copy (a transparent hash).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Slot, Hash, std::equal_to<>> cache_;
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
