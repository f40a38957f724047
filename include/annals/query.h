#pragma once
// Questions to a knowledge base, one call each, with typed answers. Every call
// reads only; each throws Error for a request it cannot honour (an unknown
// country, a malformed fact reference, an SQL failure) and returns an empty
// vector when the knowledge base simply holds nothing that matches.

#include "annals/database.h"
#include "annals/types.h"

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annals {

class CountryCode;
namespace detail {
CountryCode stored_country(std::string code, std::string name);
}

// A country known to the knowledge base: its ISO 3166-1 alpha-3 code (or the
// ISO 3166-3 alpha-4 code of a former state, "SUHH") and its display name.
class CountryCode {
 public:
  // The country `text` names: a code in any case ("LAO", "lao") or a name,
  // alias or demonym ("Laos", "Lao PDR", "Russian"), compared after fold().
  // Throws Error(text, "unknown country code") when nothing matches and
  // Error(text, "ambiguous country name (...)") when it names several.
  CountryCode(const Database& db, std::string_view text);

  const std::string& code() const { return code_; }
  const std::string& name() const { return name_; }
  friend bool operator==(const CountryCode& a, const CountryCode& b) { return a.code_ == b.code_; }

 private:
  CountryCode(std::string code, std::string name) : code_(std::move(code)), name_(std::move(name)) {}
  friend CountryCode detail::stored_country(std::string, std::string);
  std::string code_, name_;
};

// Who takes part in an event; exactly one of country, person, organization is set.
struct EventParticipant {
  std::string role;  // "actor", "counterpart" or "participant"
  std::optional<CountryCode> country = std::nullopt;
  std::optional<std::int64_t> person_id = std::nullopt;
  std::optional<std::string> person = std::nullopt;  // the person's name
  std::optional<std::string> organization = std::nullopt;
};

struct EventRecord {
  std::int64_t id = 0;
  std::string type;  // visit, meeting, summit, agreement, relations_established, ...
  std::string cameo;  // "042"; empty when none applies
  std::string plover_category, plover_mode;  // "CONSULT", "visit"; empty when none
  std::optional<FuzzyDate> start = std::nullopt;  // nullopt: undated
  std::optional<FuzzyDate> end = std::nullopt;    // the end of a range, at start's precision
  std::string location, summary;   // empty when unknown
  std::vector<EventParticipant> participants = {};  // in the order they were recorded
};

// How many records a page holds unless a call is told otherwise: a screenful.
// A page reads about as many rows as it returns, however large the knowledge
// base, so it comes back in about a millisecond (bench/results/query.md).
inline constexpr std::size_t kPageSize = 50;

// Which events a timeline holds. Dates match an event whose start lies in
// [from, to]; an event dated only to a month or a year matches when that month
// or year overlaps [from, to]. Undated events match only without from and to.
// The answer comes in pages: at most `limit` events (0: all of them). For the
// next page, set `after` to the id of the last event of this one; the page then
// starts with the event that follows it in the timeline's order.
struct TimelineFilter {
  std::optional<date::year_month_day> from = std::nullopt, to = std::nullopt;
  std::vector<std::string> types = {};  // empty: every type
  std::size_t limit = kPageSize;        // 0: no limit
  std::optional<std::int64_t> after = std::nullopt;  // an event id: start after it
};

// Events with `a` as a participant (and `b` too, when given), earliest first,
// undated ones last; ties by event id; one page of them (see TimelineFilter).
// Throws Error when `after` names no event.
std::vector<EventRecord> timeline(const Database& db, const CountryCode& a,
                                  const std::optional<CountryCode>& b = std::nullopt,
                                  const TimelineFilter& filter = {});

// A post a person held.
struct Tenure {
  std::int64_t position_id = 0, person_id = 0;
  std::string person;  // the person's name
  std::string title;   // "President", "Foreign Minister", ...
  std::optional<std::string> organization = std::nullopt;
  std::optional<CountryCode> country = std::nullopt;  // the state the post belongs to
  std::optional<FuzzyDate> start = std::nullopt, end = std::nullopt;  // nullopt where the texts do not say
};

// Posts held in `country`: those of the state itself, of its national
// organisations, and posts naming neither state nor organisation held by its
// citizens; earliest start first (unknown starts last), then by name.
// With `at`, only terms that may be running that day: a term without a known
// start may be, one without a known end still is, and a term ending in a month
// or a year runs to the end of that month or year. At most the first `limit`
// posts in this order (0: all).
std::vector<Tenure> leaders(const Database& db, const CountryCode& country,
                            const std::optional<date::year_month_day>& at = std::nullopt,
                            std::size_t limit = kPageSize);

struct PersonRecord {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> aliases = {};  // other forms of the name, without `name`
  std::optional<CountryCode> country = std::nullopt;
  std::vector<Tenure> positions = {};
  std::vector<EventRecord> trips = {};     // visits the person made (as actor)
  std::vector<EventRecord> meetings = {};  // meetings and summits taken part in, visits received
};

// Persons whose name or one of whose aliases, or that name or alias without
// its first word, equals `name` after fold() (case and diacritics ignored:
// "luong cuong" finds Lương Cường, "Sisoulith" Thongloun Sisoulith). When none
// does, those of which one of these begins with it ("Thong"). Ordered by name;
// empty when none matches.
std::vector<PersonRecord> find_person(const Database& db, std::string_view name);

// Which events events() returns; every set field must hold. `person` and
// `organization` are names or aliases compared after fold(); dates, `limit`
// and `after` as in TimelineFilter.
struct EventFilter {
  std::optional<std::string> type = std::nullopt;
  std::optional<CountryCode> country = std::nullopt;
  std::optional<std::string> person = std::nullopt;
  std::optional<std::string> organization = std::nullopt;
  std::optional<date::year_month_day> from = std::nullopt, to = std::nullopt;
  std::size_t limit = kPageSize;                     // 0: no limit
  std::optional<std::int64_t> after = std::nullopt;  // an event id: start after it
};

// Matching events, earliest first, undated last, ties by id; one page of them.
// Throws Error when `after` names no event.
std::vector<EventRecord> events(const Database& db, const EventFilter& filter);

// Former states that `country` succeeded (ISO 3166-3 with a successor in the
// reference data: the USSR for Russia), oldest withdrawal first; empty if none.
std::vector<CountryCode> predecessors(const Database& db, const CountryCode& country);

struct RelationRecord {
  std::int64_t id = 0;
  std::string kind;  // diplomatic_relations_established, recognition, treaty_signed, relations_upgraded
  CountryCode a, b;  // a is the acting side where there is one
  std::optional<FuzzyDate> date = std::nullopt;
  std::optional<std::int64_t> event_id = std::nullopt;  // the event telling the same milestone
};

// Milestones between `a` and `b` in either direction, earliest first, undated last.
std::vector<RelationRecord> relations(const Database& db, const CountryCode& a, const CountryCode& b);

struct SearchHit {
  std::int64_t sentence_id = 0, source_id = 0;
  std::string file;  // the source's file name
  std::int64_t seq = 0;  // sentence number in the source, from 0
  std::string text;         // the whole sentence
  std::string highlighted;  // the sentence with each match in [brackets]
  std::string snippet;      // a few words around the best match, matches in [brackets]
  double score = 0;         // bm25, as FTS5's bm25() gives it: lower is better
};

// How many matching sentences search() ranks: the most recently imported ones.
// bm25 reads every candidate's length and word counts, so ranking all matches
// of common words in a large knowledge base would take as long as there are
// matches (2,000 candidates: 0.86 ms median on 1M sentences; 1,000: 0.74 ms).
inline constexpr std::size_t kSearchCandidates = 1000;

// Sentences of current sources holding every word of `query`, best first (bm25),
// at most `limit`. When more than kSearchCandidates sentences match, the best of
// the kSearchCandidates most recently imported are given (add words to narrow
// the search). Words are taken literally: quotes, *, -, :, NEAR, AND, OR, NOT
// and parentheses are text or separators, never FTS5 syntax. Case and
// diacritics are ignored. Empty when `query` holds no word. The connection
// keeps how many sentences hold each word it has searched for (bm25's IDF),
// until the knowledge base changes: the first search for a common word costs
// a walk of its index entries, later ones do not.
std::vector<SearchHit> search(const Database& db, std::string_view query, std::size_t limit = 20);

enum class FactKind { event, relation, position, person, organization, country };

// "event", "relation", ...
std::string_view to_string(FactKind kind);

struct FactRef {
  FactKind kind = FactKind::event;
  std::int64_t id = 0;
};

// Parses "KIND:ID" ("event:12", "relation:3"). Throws Error(text, reason) when
// the kind is not one of FactKind's or the id is not a positive integer.
FactRef parse_fact_ref(std::string_view text);

// One place a source states a fact. Offsets are bytes, [begin, end).
struct EvidenceRecord {
  std::int64_t evidence_id = 0, source_id = 0, sentence_id = 0;
  std::string file;
  std::int64_t seq = 0;        // sentence number in the source, from 0
  std::string sentence;        // the sentence stating it
  std::string stated;          // the exact words: body[body_begin, body_end)
  std::size_t body_begin = 0, body_end = 0;      // in the source's cleaned body
  std::size_t raw_begin = 0, raw_end = 0;        // in the source file as read
  std::size_t sentence_begin = 0, sentence_end = 0;  // the span within `sentence`
  std::string before, after;   // the sentences before and after; empty at the edges
};

// Every place that states the fact, by source file then position; for a
// country, its first mention in each source (schema version 5 on). Empty when
// the fact does not exist or no current source states it.
std::vector<EvidenceRecord> evidence(const Database& db, const FactRef& fact);

}  // namespace annals
