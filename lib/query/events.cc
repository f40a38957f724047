// timeline(), events() and relations(): events and milestones by who took part.

#include "annals/query.h"
#include "query/rows.h"

#include <algorithm>

namespace annals {

using query::Sql;

namespace {

// "SELECT ... FROM" the events of a person or organisation, driving the plan:
// their events are few beside those of a type or a year, so the CROSS JOIN
// (which SQLite never reorders) keeps the planner from starting at
// events_type_date or events_date. `column` is one of this file's literals.
void add_participant_driver(Sql& sql, std::string_view column, const std::vector<std::int64_t>& ids) {
  sql.add("SELECT ").add(query::kEventColumns);
  sql.add(" FROM (SELECT DISTINCT event_id FROM event_participants WHERE ").add(column).add_in(ids);
  sql.add(") d CROSS JOIN events e ON e.event_id = d.event_id WHERE 1");
}

// "SELECT ... FROM" a country's events through event_countries, whose
// (country_id, start_date) index hands them over in date order: a page or a
// period reads only its own rows, however busy the country.
void add_country_driver(Sql& sql, std::int64_t country) {
  sql.add("SELECT ").add(query::kEventColumns);
  sql.add(" FROM event_countries ec CROSS JOIN events e ON e.event_id = ec.event_id WHERE ec.country_id = ?", country);
}

// " AND" the event also has `country` among its participants.
void add_also_country(Sql& sql, std::string_view event, std::int64_t country) {
  sql.add(" AND EXISTS (SELECT 1 FROM event_countries x WHERE x.country_id = ? AND x.event_id = ", country);
  sql.add(event).add(")");
}

// "SELECT ... FROM" the events of two countries through event_pairs, whose
// (a, b, start_date) index hands them over in date order, as add_country_driver
// does for one. `a` < `b`, as the table stores them.
void add_pair_driver(Sql& sql, std::int64_t a, std::int64_t b) {
  sql.add("SELECT ").add(query::kEventColumns);
  sql.add(" FROM event_pairs ec CROSS JOIN events e ON e.event_id = ec.event_id WHERE ec.country_a_id = ?", a);
  sql.add(" AND ec.country_b_id = ?", b);
}

}  // namespace

std::vector<EventRecord> timeline(const Database& database, const CountryCode& a,
                                  const std::optional<CountryCode>& b, const TimelineFilter& filter) {
  auto& cache = query::read_cache(database);
  const std::int64_t one = query::country_id(cache, a);
  std::optional<std::int64_t> other;
  // The same country twice asks for its own events.
  if (b && !(*b == a)) other = query::country_id(cache, *b);
  Sql sql;
  if (other) add_pair_driver(sql, std::min(one, *other), std::max(one, *other));
  else add_country_driver(sql, one);
  // One type on one country: event_countries_type serves it in date order.
  if (!other && filter.types.size() == 1) {
    sql.add(" AND ec.type = ?", filter.types.front());
  } else if (!filter.types.empty()) {
    sql.add(" AND e.type IN (");
    for (std::size_t i = 0; i < filter.types.size(); ++i) sql.add(i ? ",?" : "?", filter.types[i]);
    sql.add(")");
  }
  query::add_period(sql, "ec", filter.from, filter.to);
  return query::ordered_events(cache, sql, "ec", filter.from || filter.to, filter.limit, filter.after);
}

std::vector<EventRecord> events(const Database& database, const EventFilter& filter) {
  auto& cache = query::read_cache(database);
  // A person or an organisation has the fewest events, so one of them drives
  // and the others are probed; else the country; else the events indexes.
  std::vector<std::pair<std::string_view, std::vector<std::int64_t>>> who;
  if (filter.person) {
    who.emplace_back("person_id", query::matching_ids(cache, "persons", *filter.person));
    if (who.back().second.empty()) return {};
  }
  if (filter.organization) {
    who.emplace_back("organization_id", query::matching_ids(cache, "organizations", *filter.organization));
    if (who.back().second.empty()) return {};
  }
  std::optional<std::int64_t> country;
  if (filter.country) country = query::country_id(cache, *filter.country);
  Sql sql;
  std::string_view alias = "e";
  if (!who.empty()) {
    add_participant_driver(sql, who.front().first, who.front().second);
    if (country) add_also_country(sql, "e.event_id", *country);
  } else if (country) {
    add_country_driver(sql, *country);
    alias = "ec";
  } else {
    sql.add("SELECT ").add(query::kEventColumns).add(" FROM events e WHERE 1");
  }
  for (std::size_t i = 1; i < who.size(); ++i) {
    sql.add(" AND EXISTS (SELECT 1 FROM event_participants x WHERE x.event_id = e.event_id AND x.");
    sql.add(who[i].first).add_in(who[i].second).add(")");
  }
  if (filter.type) sql.add(alias == "ec" ? " AND ec.type = ?" : " AND e.type = ?", *filter.type);
  query::add_period(sql, alias, filter.from, filter.to);
  return query::ordered_events(cache, sql, alias, filter.from || filter.to, filter.limit, filter.after);
}

std::vector<RelationRecord> relations(const Database& database, const CountryCode& a, const CountryCode& b) {
  auto& cache = query::read_cache(database);
  const std::int64_t x = query::country_id(cache, a), y = query::country_id(cache, b);
  // The min()/max() terms are written as in relations_pair so that index serves them.
  auto st = cache.statement(
      "SELECT r.relation_id, r.kind, ca.code, ca.name, cb.code, cb.name, r.date, r.date_precision, "
      "r.event_id FROM relations r JOIN countries ca ON ca.country_id = r.country_a_id "
      "JOIN countries cb ON cb.country_id = r.country_b_id "
      "WHERE min(r.country_a_id, r.country_b_id) = ? AND max(r.country_a_id, r.country_b_id) = ? "
      "ORDER BY r.date IS NULL, r.date, r.relation_id");
  st->bind(1, std::min(x, y));
  st->bind(2, std::max(x, y));
  std::vector<RelationRecord> out;
  while (st->executeStep()) {
    RelationRecord r{st->getColumn(0).getInt64(), st->getColumn(1).getString(),
                     *query::stored_country(st->getColumn(2), st->getColumn(3)),
                     *query::stored_country(st->getColumn(4), st->getColumn(5)),
                     query::stored_date(st->getColumn(6), st->getColumn(7).getString()), std::nullopt};
    if (!st->getColumn(8).isNull()) r.event_id = st->getColumn(8).getInt64();
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace annals
