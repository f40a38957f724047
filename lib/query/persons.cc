// leaders() and find_person(): persons with their posts, trips and meetings.

#include "annals/query.h"
#include "query/rows.h"

#include <algorithm>
#include <map>
#include <set>

namespace annals {
namespace {

using query::Sql;

// Aliases, posts, trips and meetings of `persons`, read for all of them at
// once: a surname may match dozens of persons, and one statement for each kind
// beats one per person. Trips are visits the person made; meetings are
// meetings and summits in any role, and visits the person received.
void add_details(query::ReadCache& cache, std::vector<PersonRecord>& persons) {
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, PersonRecord*> by_id;
  for (auto& p : persons) {
    ids.push_back(p.id);
    by_id[p.id] = &p;
  }
  Sql aliases;
  aliases.add("SELECT person_id, alias FROM person_aliases WHERE person_id").add_in(ids).add(" ORDER BY person_id, alias");
  {
    auto st = aliases.prepare(cache);
    while (st->executeStep()) {
      auto& p = *by_id.at(st->getColumn(0).getInt64());
      if (st->getColumn(1).getString() != p.name) p.aliases.push_back(st->getColumn(1).getString());
    }
  }
  Sql posts;
  posts.add("SELECT ").add(query::kTenureColumns).add(query::kTenureJoins).add(" WHERE q.person_id").add_in(ids);
  posts.add(" ORDER BY q.start_date IS NULL, q.start_date, q.position_id");
  {
    auto pt = posts.prepare(cache);
    for (auto& t : query::read_tenures(*pt)) by_id.at(t.person_id)->positions.push_back(std::move(t));
  }
  Sql events;
  // The CROSS JOIN starts from the persons' few events, never from every visit.
  events.add("SELECT ").add(query::kEventColumns).add(" FROM (SELECT DISTINCT event_id FROM event_participants"
      " WHERE person_id").add_in(ids).add(") d CROSS JOIN events e ON e.event_id = d.event_id");
  events.add(" WHERE e.type IN ('visit', 'meeting', 'summit')");
  for (const auto& e : query::ordered_events(cache, events, "e", false, 0)) {
    std::set<std::int64_t> done;
    for (const auto& x : e.participants) {
      if (!x.person_id || !by_id.count(*x.person_id) || !done.insert(*x.person_id).second) continue;
      auto& p = *by_id.at(*x.person_id);
      const bool actor = std::any_of(e.participants.begin(), e.participants.end(),
                                     [&](const auto& y) { return y.person_id == p.id && y.role == "actor"; });
      (e.type == "visit" && actor ? p.trips : p.meetings).push_back(e);
    }
  }
}

// What leaders() asks, for add_arms.
struct Arms {
  std::int64_t country = 0;
  std::optional<date::year_month_day> at;
  bool few_stateless = false;  // drive the third arm from the posts, not the citizens
};

// Posts naming neither state nor organisation are few or none in most
// knowledge bases; then reading them all beats probing for each citizen.
bool few_stateless_posts(query::ReadCache& cache) {
  auto st = cache.statement("SELECT count(*) FROM (SELECT 1 FROM positions "
                            "WHERE country_id IS NULL AND organization_id IS NULL LIMIT 1000)");
  return st->executeStep() && st->getColumn(0).getInt() < 1000;
}

// " AND" the post `x` may be running on `at`: a term without a known start may
// be, one without a known end still is, an end stated as a month or a year
// runs to that period's last day. Nothing without `at`. With `dated`, only
// posts with a known start, as a range that the start_date indexes serve.
void add_term(Sql& sql, const std::optional<date::year_month_day>& at, bool dated) {
  if (!at) {
    if (dated) sql.add(" AND x.start_date IS NOT NULL");
    return;
  }
  const std::string day = to_iso_day(*at);
  sql.add(dated ? " AND x.start_date <= ?" : " AND (x.start_date IS NULL OR x.start_date <= ?)", day);
  sql.add(" AND (x.end_date IS NULL OR x.end_date >= ?", day);
  sql.add(" OR (x.end_precision = 'month' AND x.end_date >= ?)", to_iso_day(at->year() / at->month() / 1));
  sql.add(" OR (x.end_precision = 'year' AND x.end_date >= ?))", to_iso_day(at->year() / 1 / 1));
}

// "SELECT position_id, start_date ..." of the country's posts, in three arms
// as kTenureJoins assigns a post its country: posts of the state; posts of its
// organisations that name no state; posts naming neither, held by its
// citizens. Each reads one of 003_query_indexes.sql's covering indexes (named
// for the third: SQLite would rather take positions_organization for its
// "organization_id IS NULL"), the term tested inside it; CROSS JOIN fixes which
// side drives. `dated` and `up_to` keep only posts with a known start, or
// starting on or before `up_to`.
void add_arms(Sql& sql, const Arms& arms, bool dated, const std::optional<std::string>& up_to) {
  auto tail = [&] {
    add_term(sql, arms.at, dated);
    if (up_to) sql.add(" AND x.start_date <= ?", *up_to);
  };
  sql.add("SELECT x.position_id, x.start_date FROM positions x WHERE x.country_id = ?", arms.country);
  tail();
  sql.add(" UNION ALL SELECT x.position_id, x.start_date FROM organizations n CROSS JOIN positions x"
          " ON x.organization_id = n.organization_id WHERE n.country_id = ? AND x.country_id IS NULL", arms.country);
  tail();
  sql.add(arms.few_stateless
              ? " UNION ALL SELECT x.position_id, x.start_date FROM positions x INDEXED BY positions_stateless"
                " CROSS JOIN persons m ON m.person_id = x.person_id WHERE m.country_id = ?"
              : " UNION ALL SELECT x.position_id, x.start_date FROM persons m CROSS JOIN positions x"
                " INDEXED BY positions_stateless ON x.person_id = m.person_id WHERE m.country_id = ?",
          arms.country);
  sql.add(" AND x.country_id IS NULL AND x.organization_id IS NULL");
  tail();
}

}  // namespace

std::vector<Tenure> leaders(const Database& database, const CountryCode& country,
                            const std::optional<date::year_month_day>& at, std::size_t limit) {
  auto& cache = query::read_cache(database);
  const Arms arms{query::country_id(cache, country), at, few_stateless_posts(cache)};
  std::optional<std::string> last;
  if (limit > 0) {
    // The start of the page's last dated post, from the indexes alone, which
    // hand the state's posts over by date so the merge stops after a page;
    // none when the page reaches the undated posts. Only posts starting by
    // then, ties included, are then joined and sorted by name.
    Sql cut;
    cut.add("SELECT start_date FROM (");
    add_arms(cut, arms, true, std::nullopt);
    cut.add(") ORDER BY start_date LIMIT 1 OFFSET ?", static_cast<std::int64_t>(limit - 1));
    auto st = cut.prepare(cache);
    if (st->executeStep()) last = st->getColumn(0).getString();
  }
  Sql sql;
  sql.add("SELECT ").add(query::kTenureColumns).add(" FROM (");
  add_arms(sql, arms, false, last);
  sql.add(") m CROSS JOIN positions q ON q.position_id = m.position_id").add(query::kTenureLinks);
  sql.add(" ORDER BY q.start_date IS NULL, q.start_date, p.name, q.position_id");
  query::add_limit(sql, limit);
  auto st = sql.prepare(cache);
  return query::read_tenures(*st);
}

std::vector<PersonRecord> find_person(const Database& database, std::string_view name) {
  auto& cache = query::read_cache(database);
  const auto ids = query::matching_ids(cache, "persons", name);
  if (ids.empty()) return {};
  Sql sql;
  sql.add("SELECT p.person_id, p.name, c.code, c.name FROM persons p "
          "LEFT JOIN countries c ON c.country_id = p.country_id WHERE p.person_id")
      .add_in(ids)
      .add(" ORDER BY p.name, p.person_id");
  std::vector<PersonRecord> out;
  {
    auto st = sql.prepare(cache);
    while (st->executeStep()) {
      PersonRecord p;
      p.id = st->getColumn(0).getInt64();
      p.name = st->getColumn(1).getString();
      p.country = query::stored_country(st->getColumn(2), st->getColumn(3));
      out.push_back(std::move(p));
    }
  }
  add_details(cache, out);
  return out;
}

}  // namespace annals
