#pragma once
// Writing one analysed article (a Doc) into the knowledge base, merging its
// persons, organisations, events and relations with what is already stored.
// The caller owns the transaction: Writer never commits.

#include "pipeline/doc.h"
#include "store/bulk_insert.h"
#include "store/statements.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace annals {

// The stored source `sha256` is already in (the current version of `file`, or any
// current source with the same bytes), as "file" or "file (version N)"; nullopt
// when new. Reads only, so any connection to the knowledge base can answer; the
// statement is prepared once per StoredAs (preparing it was most of a look-up).
class StoredAs {
 public:
  explicit StoredAs(SQLite::Database& db);
  std::optional<std::string> operator()(const std::string& file, const std::string& sha256);

 private:
  SQLite::Statement st_;
};

class Writer {
 public:
  explicit Writer(SQLite::Database& db);

  // The stored source these bytes are already in (current version of `file`, or
  // any source with the same sha256), as "file" or "file (version N)"; nullopt when new.
  std::optional<std::string> already_stored(const std::string& file, const std::string& sha256);
  // True when writing `file` would replace a stored version of it: write() then
  // deletes rows, and needs PRAGMA foreign_keys on for the cascades.
  bool replaces(const std::string& file);

  struct Written {
    std::int64_t source_id = 0;
    bool replaced = false;  // an older version of the same file was replaced
  };
  // Stores `doc` as the current version of doc.article.file. Neither call leaves
  // a statement open, so no read transaction outlives the caller's transaction.
  // New rows need no foreign-key checks (their ids come from the writer's own
  // look-ups and inserts); replacing a version does, and throws std::logic_error
  // when the connection has them off.
  Written write(const Doc& doc, const std::string& sha256);

  // Sentences are written without their full-text index entries, which
  // index_pending_sentences() adds for everything written since the last call in
  // one statement (call it before the transaction commits); indexing row by row
  // would flush the index once per row. forget_pending_sentences() drops the
  // list after a rollback.
  void index_pending_sentences();
  void forget_pending_sentences();
  // Merges the full-text index after an import that added `added` sentences:
  // whole (FTS5 'optimize') when they are an eighth of all sentences or more,
  // else a few hundred pages of its smaller segments. In a transaction of its
  // own; throws SQLite::Exception when it fails.
  void tidy_index(std::size_t added);

  // The merge key of an event: type | sorted country codes (or person names when
  // no country takes part). Events with equal keys and overlapping dates are one.
  static std::string merge_key(const Doc& doc, const Event& e);

 private:
  std::int64_t country_id(const std::string& code);
  std::int64_t insert_source(const Doc& doc, const std::string& sha256, int version);
  std::vector<std::int64_t> insert_sentences(const Doc& doc, std::int64_t source);
  void retire(std::int64_t old_source, std::int64_t new_source);
  std::int64_t sentence_for(const Doc& doc, Span span) const;
  enum class Fact { event, relation, position, person, organization, country };
  // Queues an evidence row for `span`; false (and nothing queued) when the span
  // lies outside every sentence.
  bool add_evidence(const Doc& doc, Span span, Fact fact, std::int64_t id);
  void write_country_evidence(const Doc& doc);
  std::vector<std::int64_t> write_persons(const Doc& doc, const std::vector<std::int64_t>& orgs);
  std::vector<std::int64_t> write_organizations(const Doc& doc);
  std::int64_t find_or_add_person(const Person& p);
  std::vector<std::int64_t> write_events(const Doc& doc, const std::vector<std::int64_t>& persons,
                                         const std::vector<std::int64_t>& orgs);
  void index_event(std::int64_t id);
  std::optional<std::int64_t> find_same_event(const std::string& key, const Event& e);
  void write_relations(const Doc& doc, const std::vector<std::int64_t>& events);

  SQLite::Database& db_;
  StatementCache sql_;
  std::map<std::string, std::int64_t> country_ids_;
  std::int64_t source_ = 0;                 // the source being written
  std::vector<std::int64_t> sentence_ids_;  // by sentence index of the doc being written
  std::int64_t unindexed_first_ = 0, unindexed_last_ = 0;  // sentence ids not yet in the index
  // Multi-row inserts, kept for the writer's life so their statements are
  // prepared once.
  BulkInsert evidence_;  // evidence rows of the doc being written
  BulkInsert sentence_rows_, participant_rows_, event_country_rows_, event_pair_rows_;
  std::set<std::int64_t> article_events_;  // events the doc being written stated
  std::list<std::string> index_texts_;     // texts event_country_rows_ and event_pair_rows_ point into
};

}  // namespace annals
