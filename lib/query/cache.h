#pragma once
// What a connection keeps between questions: prepared statements (a question
// runs a handful, and preparing one costs 5-45 µs, as much as running it) and
// the countries, which are reference data fixed when the schema is made.

#include "annals/query.h"
#include "query/highlight.h"
#include "query/rank.h"
#include "store/statements.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace annals {

class Database;

namespace query {

class ReadCache {
 public:
  explicit ReadCache(SQLite::Database& db) : db_(db), statements_(db) {}

  // A cached statement for `sql`, reset when the lease ends.
  StatementCache::Lease statement(std::string_view sql) { return statements_.lease(sql); }

  // The row id of the country with `code`; nullopt when there is none.
  std::optional<std::int64_t> country_id(const std::string& code);
  // The country with row id `id`; nullopt when there is none.
  std::optional<CountryCode> country(std::int64_t id);

  // Makes annals_bm25() (query/rank.h) ready on this connection, its row
  // counts current.
  void prepare_rank();
  // The highlighter of search hits on this connection.
  Highlighter& highlighter();

 private:
  void load_countries();

  SQLite::Database& db_;
  StatementCache statements_;
  bool countries_loaded_ = false;
  std::unordered_map<std::string, std::int64_t> country_ids_;
  std::unordered_map<std::int64_t, CountryCode> countries_;
  DocCounts doc_counts_;
  bool rank_registered_ = false;
  std::unique_ptr<Highlighter> highlighter_;
};

// The cache of `database`'s connection, made at its first use.
ReadCache& read_cache(const Database& database);

}  // namespace query
}  // namespace annals
