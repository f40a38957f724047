#include "query/rows.h"

#include "annals/error.h"
#include "text/text.h"

#include <algorithm>
#include <unordered_map>

namespace annals {
namespace detail {

CountryCode stored_country(std::string code, std::string name) {
  return CountryCode(std::move(code), std::move(name));
}

}  // namespace detail

namespace query {
namespace {

std::string text_or_empty(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

std::optional<std::string> text_or_null(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

// Reads the participants of `events` into them: one statement for all of
// them rather than one per event (a page of fifty events would pay fifty
// statement runs).
void add_participants(ReadCache& cache, std::vector<EventRecord>& events) {
  if (events.empty()) return;
  std::unordered_map<std::int64_t, EventRecord*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& e : events) {
    ids.push_back(e.id);
    by_id[e.id] = &e;
  }
  Sql sql;
  // The identity index (event_id, role, ...) serves the lookup; countries
  // come from the cache.
  sql.add("SELECT ep.event_id, ep.role, ep.country_id, ep.person_id, p.name, o.name FROM event_participants ep "
          "LEFT JOIN persons p ON p.person_id = ep.person_id "
          "LEFT JOIN organizations o ON o.organization_id = ep.organization_id WHERE ep.event_id");
  sql.add_in(ids).add(" ORDER BY ep.event_id, ep.event_participant_id");
  auto st = sql.prepare(cache);
  while (st->executeStep()) {
    EventParticipant p;
    p.role = st->getColumn(1).getString();
    if (!st->getColumn(2).isNull()) p.country = cache.country(st->getColumn(2).getInt64());
    if (!st->getColumn(3).isNull()) p.person_id = st->getColumn(3).getInt64();
    p.person = text_or_null(st->getColumn(4));
    p.organization = text_or_null(st->getColumn(5));
    by_id.at(st->getColumn(0).getInt64())->participants.push_back(std::move(p));
  }
}

// The first day of the month and of the year holding `d`, as stored text.
std::string month_start(const date::year_month_day& d) {
  return to_iso_day(d.year() / d.month() / date::day{1});
}
std::string year_start(const date::year_month_day& d) {
  return to_iso_day(d.year() / date::January / date::day{1});
}

// Exact matches of a folded name or of a name without its first word
// (persons_rest: "putin" of "vladimir putin"); then names, or names without
// their first word, in a [?1, ?2) range.
constexpr const char* kPersonsExact =
    "SELECT person_id FROM persons WHERE folded = ?1 "
    "UNION SELECT person_id FROM person_aliases WHERE folded = ?1 "
    "UNION SELECT person_id FROM persons WHERE substr(folded, instr(folded, ' ') + 1) = ?1 "
    "UNION SELECT person_id FROM person_aliases WHERE substr(folded, instr(folded, ' ') + 1) = ?1";
constexpr const char* kPersonsPrefix =
    "SELECT person_id FROM persons WHERE folded >= ?1 AND folded < ?2 "
    "UNION SELECT person_id FROM person_aliases WHERE folded >= ?1 AND folded < ?2 "
    "UNION SELECT person_id FROM persons WHERE substr(folded, instr(folded, ' ') + 1) >= ?1 "
    "AND substr(folded, instr(folded, ' ') + 1) < ?2 "
    "UNION SELECT person_id FROM person_aliases WHERE substr(folded, instr(folded, ' ') + 1) >= ?1 "
    "AND substr(folded, instr(folded, ' ') + 1) < ?2";
constexpr const char* kOrganizationsExact =
    "SELECT organization_id FROM organizations WHERE folded = ?1 "
    "UNION SELECT organization_id FROM organization_aliases WHERE folded = ?1";
constexpr const char* kOrganizationsPrefix =
    "SELECT organization_id FROM organizations WHERE folded >= ?1 AND folded < ?2 "
    "UNION SELECT organization_id FROM organization_aliases WHERE folded >= ?1 AND folded < ?2";

}  // namespace

// A few ids as `?`s; more as one bound JSON array, so that the statement's
// text is the same however many there are and the connection's cache keeps
// one statement instead of one per length (preparing one with a hundred `?`s
// costs more than running it; json_each costs more than a `?` for a few).
Sql& Sql::add_in(const std::vector<std::int64_t>& ids) {
  constexpr std::size_t kFew = 8;
  if (ids.size() <= kFew) {
    text += " IN (";
    for (std::size_t i = 0; i < ids.size(); ++i) {
      text += i ? ",?" : "?";
      values.emplace_back(ids[i]);
    }
    text += ")";
    return *this;
  }
  std::string array = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) array += ',';
    array += std::to_string(ids[i]);
  }
  array += "]";
  return add(" IN (SELECT value FROM json_each(?))", std::move(array));
}

namespace {

void bind_all(SQLite::Statement& st, const std::vector<std::variant<std::int64_t, std::string>>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    if (const auto* n = std::get_if<std::int64_t>(&values[i])) st.bind(index, *n);
    else st.bind(index, std::get<std::string>(values[i]));
  }
}

}  // namespace

SQLite::Statement Sql::prepare(const SQLite::Database& db) const {
  SQLite::Statement st(db, text);
  bind_all(st, values);
  return st;
}

StatementCache::Lease Sql::prepare(ReadCache& cache) const {
  auto st = cache.statement(text);
  bind_all(*st, values);
  return st;
}

std::vector<EventRecord> read_events(ReadCache& cache, SQLite::Statement& st) {
  std::vector<EventRecord> out;
  while (st.executeStep()) {
    EventRecord e;
    e.id = st.getColumn(0).getInt64();
    e.type = st.getColumn(1).getString();
    e.cameo = text_or_empty(st.getColumn(2));
    e.plover_category = text_or_empty(st.getColumn(3));
    e.plover_mode = text_or_empty(st.getColumn(4));
    const std::string precision = st.getColumn(7).getString();
    e.start = stored_date(st.getColumn(5), precision);
    e.end = stored_date(st.getColumn(6), precision);
    e.location = text_or_empty(st.getColumn(8));
    e.summary = text_or_empty(st.getColumn(9));
    out.push_back(std::move(e));
  }
  add_participants(cache, out);
  return out;
}

// Two statements rather than one "ORDER BY start_date IS NULL, ...": ordered
// by (start_date, event_id) alone, the date indexes hand rows over in order, so
// a LIMIT stops early instead of sorting every match, and a page resumes with
// a row-value bound on the same columns (a keyset cursor: no OFFSET to skip).
std::vector<EventRecord> ordered_events(ReadCache& cache, const Sql& from_where, std::string_view alias,
                                        bool dated_only, std::size_t limit, std::optional<std::int64_t> after) {
  const std::string a(alias);
  std::optional<std::string> after_date;
  if (after) {
    auto st = cache.statement("SELECT start_date FROM events WHERE event_id = ?");
    st->bind(1, *after);
    if (!st->executeStep()) throw Error("event:" + std::to_string(*after), "no such event to page after");
    if (!st->getColumn(0).isNull()) after_date = st->getColumn(0).getString();
  }
  std::vector<EventRecord> out;
  // All of them, from the start: one statement, sorted, rather than the
  // driver run twice (a person's events are found through a subquery).
  if (limit == 0 && !after && !dated_only) {
    Sql all = from_where;
    all.add(" ORDER BY " + a + ".start_date IS NULL, " + a + ".start_date, " + a + ".event_id");
    auto st = all.prepare(cache);
    return read_events(cache, *st);
  }
  // An undated `after` is past every dated event.
  if (!after || after_date) {
    Sql dated = from_where;
    dated.add(" AND " + a + ".start_date IS NOT NULL");
    if (after_date) {
      dated.add(" AND (" + a + ".start_date, " + a + ".event_id) > (?", *after_date);
      dated.add(", ?)", *after);
    }
    dated.add(" ORDER BY " + a + ".start_date, " + a + ".event_id");
    add_limit(dated, limit);
    auto st = dated.prepare(cache);
    out = read_events(cache, *st);
  }
  if (dated_only || (limit > 0 && out.size() >= limit)) return out;
  Sql undated = from_where;
  undated.add(" AND " + a + ".start_date IS NULL");
  if (after && !after_date) undated.add(" AND " + a + ".event_id > ?", *after);
  undated.add(" ORDER BY " + a + ".event_id");
  add_limit(undated, limit > 0 ? limit - out.size() : 0);
  auto rest = undated.prepare(cache);
  for (auto& e : read_events(cache, *rest)) out.push_back(std::move(e));
  return out;
}

// An event dated only to a month or a year covers the whole of it, so it starts
// "in [from, to]" when it starts on or before `to` and its period reaches `from`.
// Stated as bounds on start_date alone so that an index on it can serve them.
void add_period(Sql& sql, std::string_view alias, const std::optional<date::year_month_day>& from,
                const std::optional<date::year_month_day>& to) {
  if (!from && !to) return;
  const std::string column = std::string(alias) + ".start_date";
  if (to) sql.add(" AND " + column + " <= ?", to_iso_day(*to));
  if (!from) {
    sql.add(" AND " + column + " IS NOT NULL");
    return;
  }
  sql.add(" AND " + column + " >= ?", year_start(*from));
  sql.add(" AND (" + column + " >= ?", to_iso_day(*from));
  sql.add(" OR (e.date_precision = 'month' AND " + column + " >= ?)", month_start(*from));
  sql.add(" OR e.date_precision = 'year')");
}

void add_limit(Sql& sql, std::size_t limit) {
  if (limit > 0) sql.add(" LIMIT ?", static_cast<std::int64_t>(limit));
}

std::optional<FuzzyDate> stored_date(const SQLite::Column& day, const std::string& precision) {
  if (day.isNull()) return std::nullopt;
  auto d = parse_iso(day.getString());
  const auto p = parse_precision(precision);
  if (!d || !p || *p == Precision::unknown) return std::nullopt;
  d->precision = *p;
  return d;
}

std::int64_t country_id(ReadCache& cache, const CountryCode& country) {
  const auto id = cache.country_id(country.code());
  if (!id) throw Error(country.code(), "unknown country code");
  return *id;
}

std::optional<CountryCode> stored_country(const SQLite::Column& code, const SQLite::Column& name) {
  if (code.isNull()) return std::nullopt;
  return detail::stored_country(code.getString(), name.getString());
}

std::vector<std::int64_t> matching_ids(ReadCache& cache, std::string_view table,
                                       std::string_view name) {
  const std::string folded = fold(name);
  if (folded.empty()) return {};
  const bool persons = table == "persons";
  std::vector<std::int64_t> ids;
  {
    auto exact = cache.statement(persons ? kPersonsExact : kOrganizationsExact);
    exact->bind(1, folded);
    while (exact->executeStep()) ids.push_back(exact->getColumn(0).getInt64());
  }
  if (!ids.empty()) return ids;
  // A prefix as a range, [folded, folded with its last byte raised), so that
  // the indexes serve it (LIKE would not: it ignores case, the indexes do not).
  std::string upper = folded;
  upper.back() = static_cast<char>(static_cast<unsigned char>(upper.back()) + 1);
  auto prefix = cache.statement(persons ? kPersonsPrefix : kOrganizationsPrefix);
  prefix->bind(1, folded);
  prefix->bind(2, upper);
  while (prefix->executeStep()) ids.push_back(prefix->getColumn(0).getInt64());
  return ids;
}

std::vector<Tenure> read_tenures(SQLite::Statement& st) {
  std::vector<Tenure> out;
  while (st.executeStep()) {
    Tenure t;
    t.position_id = st.getColumn(0).getInt64();
    t.person_id = st.getColumn(1).getInt64();
    t.person = st.getColumn(2).getString();
    t.title = st.getColumn(3).getString();
    t.organization = text_or_null(st.getColumn(4));
    t.country = stored_country(st.getColumn(5), st.getColumn(6));
    t.start = stored_date(st.getColumn(7), st.getColumn(8).getString());
    t.end = stored_date(st.getColumn(9), st.getColumn(10).getString());
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace query
}  // namespace annals
