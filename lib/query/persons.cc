// leaders() and find_person(): persons with their posts, trips and meetings.

#include "annals/query.h"
#include "query/rows.h"
#include "store/connection.h"

#include <algorithm>

namespace annals {
namespace {

using query::Sql;

std::vector<std::string> aliases_of(const SQLite::Database& db, std::int64_t person, const std::string& name) {
  SQLite::Statement st(db, "SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias");
  st.bind(1, person);
  std::vector<std::string> out;
  while (st.executeStep())
    if (st.getColumn(0).getString() != name) out.push_back(st.getColumn(0).getString());
  return out;
}

std::vector<Tenure> positions_of(const SQLite::Database& db, std::int64_t person) {
  Sql sql;
  sql.add("SELECT ").add(query::kTenureColumns).add(query::kTenureJoins);
  sql.add(" WHERE q.person_id = ? ORDER BY q.start_date IS NULL, q.start_date, q.position_id", person);
  auto st = sql.prepare(db);
  return query::read_tenures(st);
}

// Trips are visits the person made; meetings are meetings and summits in any
// role, and visits the person received.
void add_events(const SQLite::Database& db, PersonRecord& p) {
  Sql sql;
  // The CROSS JOIN starts from the person's few events, never from every visit.
  sql.add("SELECT ").add(query::kEventColumns).add(" FROM (SELECT DISTINCT event_id FROM event_participants"
      " WHERE person_id = ?) d CROSS JOIN events e ON e.event_id = d.event_id", p.id);
  sql.add(" WHERE e.type IN ('visit', 'meeting', 'summit')");
  for (auto& e : query::ordered_events(db, sql, "e", false, 0)) {
    const bool actor = std::any_of(e.participants.begin(), e.participants.end(), [&](const auto& x) {
      return x.person_id == p.id && x.role == "actor";
    });
    (e.type == "visit" && actor ? p.trips : p.meetings).push_back(std::move(e));
  }
}

}  // namespace

std::vector<Tenure> leaders(const Database& database, const CountryCode& country,
                            const std::optional<date::year_month_day>& at) {
  const auto& db = connection(database);
  const std::int64_t id = query::country_id(db, country);
  Sql sql;
  sql.add("SELECT ").add(query::kTenureColumns).add(query::kTenureJoins);
  // Three indexed lookups, as kTenureJoins assigns a post its country: posts
  // of the state; posts of its organisations that name no state; posts naming
  // neither, held by its citizens. CROSS JOIN starts each from the country's
  // organisations or citizens, not from every post with a NULL country.
  sql.add(" WHERE q.position_id IN (SELECT position_id FROM positions WHERE country_id = ?", id);
  sql.add(" UNION SELECT x.position_id FROM organizations n CROSS JOIN positions x"
          " ON x.organization_id = n.organization_id WHERE n.country_id = ? AND x.country_id IS NULL", id);
  sql.add(" UNION SELECT x.position_id FROM persons m CROSS JOIN positions x ON x.person_id = m.person_id"
          " WHERE m.country_id = ? AND x.country_id IS NULL AND x.organization_id IS NULL)", id);
  if (at) {
    const std::string day = to_iso_day(*at);
    sql.add(" AND (q.start_date IS NULL OR q.start_date <= ?)", day);
    // An end stated as a month or a year runs to that period's last day.
    sql.add(" AND (q.end_date IS NULL OR q.end_date >= ?", day);
    sql.add(" OR (q.end_precision = 'month' AND q.end_date >= ?)", to_iso_day(at->year() / at->month() / 1));
    sql.add(" OR (q.end_precision = 'year' AND q.end_date >= ?))", to_iso_day(at->year() / 1 / 1));
  }
  sql.add(" ORDER BY q.start_date IS NULL, q.start_date, p.name, q.position_id");
  auto st = sql.prepare(db);
  return query::read_tenures(st);
}

std::vector<PersonRecord> find_person(const Database& database, std::string_view name) {
  const auto& db = connection(database);
  const auto ids = query::matching_ids(db, "persons", name);
  if (ids.empty()) return {};
  Sql sql;
  sql.add("SELECT p.person_id, p.name, c.code, c.name FROM persons p "
          "LEFT JOIN countries c ON c.country_id = p.country_id WHERE p.person_id")
      .add_in(ids)
      .add(" ORDER BY p.name, p.person_id");
  auto st = sql.prepare(db);
  std::vector<PersonRecord> out;
  while (st.executeStep()) {
    PersonRecord p;
    p.id = st.getColumn(0).getInt64();
    p.name = st.getColumn(1).getString();
    p.country = query::stored_country(st.getColumn(2), st.getColumn(3));
    out.push_back(std::move(p));
  }
  for (auto& p : out) {
    p.aliases = aliases_of(db, p.id, p.name);
    p.positions = positions_of(db, p.id);
    add_events(db, p);
  }
  return out;
}

}  // namespace annals
