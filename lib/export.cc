#include "annals/export.h"

#include "store/connection.h"

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include <map>

namespace annals {
namespace {

using nlohmann::json;

json text_or_null(const SQLite::Column& c) {
  return c.isNull() ? json(nullptr) : json(c.getString());
}

// "2025-07-30" at precision "month" -> "2025-07"; null when unknown.
json date_at(const SQLite::Column& day, const std::string& precision) {
  if (day.isNull()) return nullptr;
  const std::string d = day.getString();
  if (precision == "year") return d.substr(0, 4);
  if (precision == "month") return d.substr(0, 7);
  return d;
}

json evidence_of(SQLite::Database& db, const char* column, std::int64_t id) {
  // `column` is one of this file's literals.
  SQLite::Statement st(db, std::string(
      "SELECT s.file, v.sentence_id, v.body_begin, v.body_end, "
      "substr(CAST(t.text AS BLOB), v.body_begin - t.body_begin + 1, v.body_end - v.body_begin) "
      "FROM evidence v JOIN sources s USING (source_id) "
      "JOIN sentences t ON t.sentence_id = v.sentence_id WHERE v.") + column +
      " = ? AND s.replaced_by IS NULL ORDER BY v.source_id, v.body_begin");
  st.bind(1, id);
  json out = json::array();
  while (st.executeStep()) {
    const auto* blob = static_cast<const char*>(st.getColumn(4).getBlob());
    out.push_back({{"source", st.getColumn(0).getString()},
                   {"sentence", st.getColumn(1).getInt64()},
                   {"start", st.getColumn(2).getInt64()},
                   {"end", st.getColumn(3).getInt64()},
                   {"text", std::string(blob ? blob : "", st.getColumn(4).getBytes())}});
  }
  return out;
}

std::vector<std::string> aliases(SQLite::Database& db, const char* sql, std::int64_t id,
                                 const std::string& name) {
  SQLite::Statement st(db, sql);
  st.bind(1, id);
  std::vector<std::string> out;
  while (st.executeStep())
    if (st.getColumn(0).getString() != name) out.push_back(st.getColumn(0).getString());
  return out;
}

json sources(SQLite::Database& db) {
  SQLite::Statement st(db,
      "SELECT source_id, file, version, title, publisher, author, published_date, "
      "published_precision, language, sha256, "
      "(SELECT count(*) FROM sentences t WHERE t.source_id = sources.source_id) "
      "FROM sources WHERE replaced_by IS NULL ORDER BY file");
  json out = json::array();
  while (st.executeStep()) {
    const std::string precision = st.getColumn(7).getString();
    out.push_back({{"id", st.getColumn(0).getInt64()}, {"file", st.getColumn(1).getString()},
                   {"version", st.getColumn(2).getInt()}, {"title", text_or_null(st.getColumn(3))},
                   {"publisher", text_or_null(st.getColumn(4))}, {"author", text_or_null(st.getColumn(5))},
                   {"published", date_at(st.getColumn(6), precision)}, {"precision", precision},
                   {"language", text_or_null(st.getColumn(8))}, {"sha256", st.getColumn(9).getString()},
                   {"sentences", st.getColumn(10).getInt64()}});
  }
  return out;
}

json countries(SQLite::Database& db) {
  SQLite::Statement st(db,
      "SELECT code, name FROM countries WHERE country_id IN (SELECT v.country_id FROM evidence v "
      "JOIN sources s USING (source_id) WHERE v.country_id IS NOT NULL AND s.replaced_by IS NULL) "
      "ORDER BY code");
  json out = json::array();
  while (st.executeStep())
    out.push_back({{"code", st.getColumn(0).getString()}, {"name", st.getColumn(1).getString()}});
  return out;
}

json persons(SQLite::Database& db) {
  SQLite::Statement st(db,
      "SELECT p.person_id, p.name, c.code FROM persons p LEFT JOIN countries c USING (country_id) "
      "ORDER BY p.person_id");
  json out = json::array();
  while (st.executeStep()) {
    const std::int64_t id = st.getColumn(0).getInt64();
    const std::string name = st.getColumn(1).getString();
    json positions = json::array();
    SQLite::Statement pos(db,
        "SELECT q.title, o.name, c.code, q.start_date, q.start_precision, q.end_date, q.end_precision "
        "FROM positions q LEFT JOIN organizations o USING (organization_id) "
        "LEFT JOIN countries c ON c.country_id = q.country_id WHERE q.person_id = ? ORDER BY q.position_id");
    pos.bind(1, id);
    while (pos.executeStep())
      positions.push_back({{"title", pos.getColumn(0).getString()}, {"organization", text_or_null(pos.getColumn(1))},
                           {"country", text_or_null(pos.getColumn(2))},
                           {"start", date_at(pos.getColumn(3), pos.getColumn(4).getString())},
                           {"end", date_at(pos.getColumn(5), pos.getColumn(6).getString())}});
    out.push_back({{"id", id}, {"name", name},
                   {"aliases", aliases(db, "SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias", id, name)},
                   {"country", text_or_null(st.getColumn(2))}, {"positions", positions}});
  }
  return out;
}

json organizations(SQLite::Database& db) {
  SQLite::Statement st(db,
      "SELECT o.organization_id, o.name, c.code, o.kind FROM organizations o "
      "LEFT JOIN countries c USING (country_id) ORDER BY o.organization_id");
  json out = json::array();
  while (st.executeStep()) {
    const std::int64_t id = st.getColumn(0).getInt64();
    const std::string name = st.getColumn(1).getString();
    out.push_back({{"id", id}, {"name", name},
                   {"aliases", aliases(db, "SELECT alias FROM organization_aliases WHERE organization_id = ? ORDER BY alias", id, name)},
                   {"country", text_or_null(st.getColumn(2))}, {"kind", st.getColumn(3).getString()}});
  }
  return out;
}

json participants(SQLite::Database& db, std::int64_t event) {
  SQLite::Statement st(db,
      "SELECT ep.role, c.code, p.name, o.name FROM event_participants ep "
      "LEFT JOIN countries c ON c.country_id = ep.country_id "
      "LEFT JOIN persons p ON p.person_id = ep.person_id "
      "LEFT JOIN organizations o ON o.organization_id = ep.organization_id "
      "WHERE ep.event_id = ? ORDER BY ep.event_participant_id");
  st.bind(1, event);
  json out = json::array();
  while (st.executeStep())
    out.push_back({{"role", st.getColumn(0).getString()}, {"country", text_or_null(st.getColumn(1))},
                   {"person", text_or_null(st.getColumn(2))}, {"organization", text_or_null(st.getColumn(3))}});
  return out;
}

json events(SQLite::Database& db) {
  SQLite::Statement st(db,
      "SELECT event_id, type, cameo, plover_category, plover_mode, start_date, end_date, "
      "date_precision, location FROM events ORDER BY start_date, event_id");
  json out = json::array();
  while (st.executeStep()) {
    const std::int64_t id = st.getColumn(0).getInt64();
    const std::string precision = st.getColumn(7).getString();
    json plover = nullptr;
    if (!st.getColumn(3).isNull())
      plover = {{"category", st.getColumn(3).getString()}, {"mode", text_or_null(st.getColumn(4))}};
    out.push_back({{"id", id}, {"type", st.getColumn(1).getString()}, {"cameo", text_or_null(st.getColumn(2))},
                   {"plover", plover}, {"start", date_at(st.getColumn(5), precision)},
                   {"end", date_at(st.getColumn(6), precision)}, {"precision", precision},
                   {"location", text_or_null(st.getColumn(8))}, {"participants", participants(db, id)},
                   {"evidence", evidence_of(db, "event_id", id)}});
  }
  return out;
}

json relations(SQLite::Database& db) {
  SQLite::Statement st(db,
      "SELECT r.relation_id, r.kind, a.code, b.code, r.date, r.date_precision FROM relations r "
      "JOIN countries a ON a.country_id = r.country_a_id JOIN countries b ON b.country_id = r.country_b_id "
      "ORDER BY r.date, r.relation_id");
  json out = json::array();
  while (st.executeStep()) {
    const std::int64_t id = st.getColumn(0).getInt64();
    const std::string precision = st.getColumn(5).getString();
    out.push_back({{"id", id}, {"kind", st.getColumn(1).getString()},
                   {"countries", {st.getColumn(2).getString(), st.getColumn(3).getString()}},
                   {"date", date_at(st.getColumn(4), precision)}, {"precision", precision},
                   {"evidence", evidence_of(db, "relation_id", id)}});
  }
  return out;
}

}  // namespace

std::string export_json(Database& database, int indent) {
  auto& db = connection(database);
  json out = {{"sources", sources(db)},     {"countries", countries(db)},
              {"persons", persons(db)},     {"organizations", organizations(db)},
              {"events", events(db)},       {"relations", relations(db)}};
  return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace annals
