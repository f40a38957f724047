#pragma once
// What the query units share: building statements from fragments with bound
// values, reading dates and events from rows, and resolving names to ids.

#include "annals/query.h"
#include "query/cache.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace annals::query {

// SQL text grown from fixed fragments, and the values bound to its `?`s in order.
// User text only ever goes into `values`.
struct Sql {
  std::string text;
  std::vector<std::variant<std::int64_t, std::string>> values;

  Sql& add(std::string_view fragment) {
    text += fragment;
    return *this;
  }
  template <typename T>
  Sql& add(std::string_view fragment, T value) {
    text += fragment;
    values.emplace_back(std::move(value));
    return *this;
  }
  // " IN (...)" over `ids`, bound as one value.
  Sql& add_in(const std::vector<std::int64_t>& ids);
  // A prepared statement with every value bound.
  SQLite::Statement prepare(const SQLite::Database& db) const;
  // The same from the connection's cache, reset when the lease ends.
  StatementCache::Lease prepare(ReadCache& cache) const;
};

// The columns read_events() expects, on events aliased `e`.
inline constexpr std::string_view kEventColumns =
    "e.event_id, e.type, e.cameo, e.plover_category, e.plover_mode, e.start_date, "
    "e.end_date, e.date_precision, e.location, e.summary";

// Events from the rows of `st` (selecting kEventColumns), with their participants.
std::vector<EventRecord> read_events(ReadCache& cache, SQLite::Statement& st);

// The events `from_where` selects ("... FROM ... WHERE ..." over events `e`,
// without ORDER BY): the dated ones earliest first, then, unless `dated_only`,
// the undated ones; ties by id; at most `limit` (0: all); with `after`, only
// those following that event in this order. `alias` names the table whose
// start_date and event_id to order by: "e", or "ec" when the rows come from
// event_countries or event_pairs, whose index then gives the order. Throws
// Error when `after` names no event.
std::vector<EventRecord> ordered_events(ReadCache& cache, const Sql& from_where, std::string_view alias,
                                        bool dated_only, std::size_t limit,
                                        std::optional<std::int64_t> after = std::nullopt);

// " AND ..." restricting events `e` to those starting in [from, to] (at their
// precision, see TimelineFilter); nothing when both are unset. The bounds are
// put on `alias`.start_date, so that its index can serve them.
void add_period(Sql& sql, std::string_view alias, const std::optional<date::year_month_day>& from,
                const std::optional<date::year_month_day>& to);
// " LIMIT ?" when limit > 0.
void add_limit(Sql& sql, std::size_t limit);

// A date stored as first day + precision; nullopt when the day is NULL or unreadable.
std::optional<FuzzyDate> stored_date(const SQLite::Column& day, const std::string& precision);

// The country's row id; throws Error(code, "unknown country code") if it has gone.
std::int64_t country_id(ReadCache& cache, const CountryCode& country);
// A CountryCode from columns holding code and name; nullopt when the code is NULL.
std::optional<CountryCode> stored_country(const SQLite::Column& code, const SQLite::Column& name);

// Ids of rows whose folded name or alias equals fold(`name`), or when none
// does, begins with it (for persons also: whose name or alias without its
// first word does). `table` is "persons" or "organizations".
std::vector<std::int64_t> matching_ids(ReadCache& cache, std::string_view table,
                                       std::string_view name);

// Posts from rows selecting kTenureColumns.
inline constexpr std::string_view kTenureColumns =
    "q.position_id, q.person_id, p.name, q.title, o.name, c.code, c.name, "
    "q.start_date, q.start_precision, q.end_date, q.end_precision";
// kTenureJoins is " FROM positions q" and kTenureLinks, which joins the rest to `q`.
inline constexpr std::string_view kTenureJoins =
    " FROM positions q JOIN persons p ON p.person_id = q.person_id"
    " LEFT JOIN organizations o ON o.organization_id = q.organization_id"
    " LEFT JOIN countries c ON c.country_id = coalesce(q.country_id, o.country_id,"
    " CASE WHEN q.organization_id IS NULL THEN p.country_id END)";
inline constexpr std::string_view kTenureLinks =
    " JOIN persons p ON p.person_id = q.person_id"
    " LEFT JOIN organizations o ON o.organization_id = q.organization_id"
    " LEFT JOIN countries c ON c.country_id = coalesce(q.country_id, o.country_id,"
    " CASE WHEN q.organization_id IS NULL THEN p.country_id END)";
std::vector<Tenure> read_tenures(SQLite::Statement& st);

}  // namespace annals::query
