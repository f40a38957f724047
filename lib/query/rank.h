#pragma once
// BM25 for search(): the formula of FTS5's bm25(), with the number of rows
// holding each word kept between searches.
//
// bm25() counts, at every search, the rows holding each word of the query (its
// IDF): for a word in a fifth of a million sentences that is a walk of its
// whole doclist, milliseconds, whatever the page. annals_bm25() asks FTS5 for
// that count once per word and keeps it until the knowledge base changes
// (PRAGMA data_version), so the scores stay those bm25() would give.

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <unordered_map>

namespace annals::query {

// Rows of sentences_fts holding each phrase, by the phrase's text in the query.
struct DocCounts {
  // What the knowledge base looked like when the counts were taken: PRAGMA
  // data_version moves with other connections' commits, total_changes with
  // this connection's own writes.
  std::int64_t data_version = -1, changes = -1;
  std::unordered_map<std::string, std::int64_t> rows;
};

// Registers annals_bm25(sentences_fts, phrase_1, ..., phrase_n) on `db`: the
// row's score as bm25(sentences_fts) gives it (lower is better), where
// phrase_i is the text of the query's i-th phrase, the key under which `counts`
// keeps how many rows hold it. `counts` must outlive the connection.
void register_rank(SQLite::Database& db, DocCounts& counts);

// The FTS5 API of the connection `db`; nullptr when FTS5 is missing.
fts5_api* fts5_of(sqlite3* db);

// Forgets the counts when the knowledge base changed since they were taken.
void refresh(SQLite::Database& db, DocCounts& counts);

}  // namespace annals::query
