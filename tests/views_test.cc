#include "annals/database.h"

#include "store/connection.h"
#include "event_indexes.h"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace annals;

namespace {

// One source with two sentences, two persons, a party, two events, a relation
// and evidence, written with plain SQL as an importer would.
struct Kb {
  Database db;
  SQLite::Database& sql;

  explicit Kb(const std::string& path = ":memory:")
      : db(Database::open(path, OpenMode::read_write)), sql(connection(db)) {
    const std::string s1 = "Laos and Russia established relations in 1960.";
    const std::string s2 = "Jana Novák met Lương Cường in Hanoi.";
    const std::string body = s1 + " " + s2;
    exec("INSERT INTO sources (source_id, file, sha256) VALUES (1, 'a.txt', '" + std::string(64, 'a') + "')");
    exec("INSERT INTO sentences VALUES (1, 1, 0, 0, " + n(s1.size()) + ", 0, " + n(s1.size()) + ", '" + s1 + "')");
    exec("INSERT INTO sentences VALUES (2, 1, 1, " + n(s1.size() + 1) + ", " + n(body.size()) + ", " +
         n(s1.size() + 1) + ", " + n(body.size()) + ", '" + s2 + "')");
    exec("INSERT INTO persons VALUES (1, 'Jana Novák', 'jana novak', " + id("CZE") + ")");
    exec("INSERT INTO persons VALUES (2, 'Lương Cường', 'luong cuong', " + id("VNM") + ")");
    exec("INSERT INTO organizations VALUES (1, 'Unity Party', 'unity party', 'party', " + id("VNM") + ")");
    exec("INSERT INTO positions (person_id, title, country_id, start_date, start_precision) VALUES "
         "(1, 'Prime Minister', " + id("CZE") + ", '2021-12-01', 'month')");
    exec("INSERT INTO positions (person_id, title, organization_id, end_date, end_precision) VALUES "
         "(2, 'Chairman', 1, '2024-01-01', 'year')");
    exec("INSERT INTO positions (person_id, title) VALUES (2, 'President')");
    exec("INSERT INTO events (event_id, type, start_date, date_precision, location, summary, merge_key) VALUES "
         "(1, 'relations_established', '1960-01-01', 'year', NULL, NULL, 'a'), "
         "(2, 'meeting', '2024-10-23', 'day', 'Hanoi', 'Novák meets Lương Cường', 'b'), "
         "(3, 'aid', NULL, 'unknown', NULL, NULL, 'c')");
    exec("INSERT INTO event_participants (event_id, role, country_id) VALUES (1, 'actor', " + id("RUS") +
         "), (1, 'counterpart', " + id("LAO") + "), (2, 'actor', " + id("CZE") + "), (2, 'counterpart', " +
         id("VNM") + "), (2, 'participant', " + id("CZE") + "), (3, 'actor', " + id("LAO") + ")");
    exec("INSERT INTO event_participants (event_id, role, person_id) VALUES (2, 'actor', 1), (2, 'counterpart', 2)");
    exec("INSERT INTO event_participants (event_id, role, organization_id) VALUES (2, 'participant', 1)");
    for (const char* fill : test::kFillEventIndexes) exec(fill);
    exec("INSERT INTO relations VALUES (1, 'diplomatic_relations_established', " + id("LAO") + ", " + id("RUS") +
         ", '1960-01-01', 'year', 1)");
    const auto at = body.find("established relations");
    exec("INSERT INTO evidence (source_id, sentence_id, body_begin, body_end, relation_id) VALUES (1, 1, " + n(at) +
         ", " + n(at + 21) + ", 1)");
    const auto met = body.find("met");
    exec("INSERT INTO evidence (source_id, sentence_id, body_begin, body_end, event_id) VALUES (1, 2, " + n(met) +
         ", " + n(met + 3) + ", 2)");
  }

  static std::string n(std::size_t v) { return std::to_string(v); }
  void exec(const std::string& text) { sql.exec(text); }
  std::string id(const std::string& code) {
    return sql.execAndGet("SELECT country_id FROM countries WHERE code = '" + code + "'").getString();
  }
  // Rows of `query`, each as its columns joined by '|' (NULL as "-").
  std::vector<std::string> rows(const std::string& query) {
    SQLite::Statement st(sql, query);
    std::vector<std::string> out;
    while (st.executeStep()) {
      std::string row;
      for (int c = 0; c < st.getColumnCount(); ++c)
        row += (c ? "|" : "") + (st.getColumn(c).isNull() ? std::string("-") : st.getColumn(c).getString());
      out.push_back(row);
    }
    return out;
  }
  std::vector<std::string> plan(const std::string& query) {
    std::vector<std::string> out;
    SQLite::Statement st(sql, "EXPLAIN QUERY PLAN " + query);
    while (st.executeStep()) out.push_back(st.getColumn(3).getString());
    return out;
  }
};

using Rows = std::vector<std::string>;

}  // namespace

TEST_CASE_FIXTURE(Kb, "views: opening a knowledge base applies migration 2") {
  CHECK(Database::latest_schema_version() >= 2);
  CHECK(db.schema_version() == Database::latest_schema_version());
  CHECK(rows("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name") ==
        Rows{"v_events", "v_evidence", "v_leaders", "v_relations", "v_timeline"});
}

TEST_CASE_FIXTURE(Kb, "views: v_events renders dates at their precision and lists who took part") {
  CHECK(rows("SELECT event_id, type, start, precision, countries, persons, organizations, location FROM v_events "
             "ORDER BY event_id") ==
        Rows{"1|relations_established|1960|year|LAO,RUS|-|-|-",
             "2|meeting|2024-10-23|day|CZE,VNM|Jana Novák; Lương Cường|Unity Party|Hanoi",
             "3|aid|-|unknown|LAO|-|-|-"});
}

TEST_CASE_FIXTURE(Kb, "views: v_timeline has one row per event and country") {
  CHECK(rows("SELECT date, event_id, type, countries FROM v_timeline WHERE country = 'LAO' ORDER BY start_date") ==
        Rows{"-|3|aid|LAO", "1960|1|relations_established|LAO,RUS"});
  // CZE takes part twice in event 2 (actor and participant) but it is one row.
  CHECK(rows("SELECT event_id, country_name FROM v_timeline WHERE country = 'CZE'") == Rows{"2|Czechia"});
  CHECK(rows("SELECT count(*) FROM v_timeline") == Rows{"5"});
}

TEST_CASE_FIXTURE(Kb, "views: v_leaders gives posts by country from the post, its organisation or its holder") {
  CHECK(rows("SELECT person, country, title, organization, start, end FROM v_leaders ORDER BY person, title") ==
        Rows{"Jana Novák|CZE|Prime Minister|-|2021-12|-", "Lương Cường|VNM|Chairman|Unity Party|-|2024",
             "Lương Cường|VNM|President|-|-|-"});
  CHECK(rows("SELECT title FROM v_leaders WHERE country = 'VNM' ORDER BY title") == Rows{"Chairman", "President"});
}

TEST_CASE_FIXTURE(Kb, "views: v_relations names both countries") {
  CHECK(rows("SELECT kind, country_a, country_a_name, country_b, country_b_name, date FROM v_relations") ==
        Rows{"diplomatic_relations_established|LAO|Laos|RUS|Russia|1960"});
}

TEST_CASE_FIXTURE(Kb, "views: v_evidence marks the stated words inside their sentence") {
  CHECK(rows("SELECT fact_kind, fact_id, file, stated, marked FROM v_evidence ORDER BY evidence_id") ==
        Rows{"relation|1|a.txt|established relations|Laos and Russia [[established relations]] in 1960.",
             "event|2|a.txt|met|Jana Novák [[met]] Lương Cường in Hanoi."});
}

TEST_CASE_FIXTURE(Kb, "views: filtering the views by country or fact uses indexes") {
  const char* queries[] = {
      "SELECT * FROM v_timeline WHERE country = 'LAO'",
      "SELECT * FROM v_leaders WHERE country = 'VNM'",
      "SELECT * FROM v_evidence WHERE event_id = 2",
      "SELECT * FROM v_events WHERE event_id = 2",
      "SELECT * FROM event_countries WHERE country_id = 1 AND start_date >= '2024-01-01' ORDER BY start_date",
  };
  for (const char* q : queries) {
    CAPTURE(q);
    for (const auto& line : plan(q)) {
      CAPTURE(line);
      for (const char* table : {"events", "evidence", "event_participants", "persons", "positions"}) {
        CHECK_FALSE(line == std::string("SCAN ") + table);
        CHECK_FALSE(line.starts_with(std::string("SCAN ") + table + " "));
      }
      // Aliases used in the views.
      for (const char* alias : {"e", "v", "ep", "p", "q"}) CHECK_FALSE(line == std::string("SCAN ") + alias);
    }
  }
}

TEST_CASE_FIXTURE(Kb, "views: event_countries follows participants and dates") {
  const auto pairs = [&] { return rows("SELECT c.code, x.event_id, ifnull(x.start_date, '-') FROM event_countries x "
                                       "JOIN countries c USING (country_id) ORDER BY x.event_id, c.code"); };
  CHECK(pairs() == Rows{"LAO|1|1960-01-01", "RUS|1|1960-01-01", "CZE|2|2024-10-23", "VNM|2|2024-10-23", "LAO|3|-"});
  exec("UPDATE events SET start_date = '2024-10-01', date_precision = 'month' WHERE event_id = 2");
  exec("UPDATE events SET start_date = '2020-05-05', date_precision = 'day' WHERE event_id = 3");
  CHECK(pairs() == Rows{"LAO|1|1960-01-01", "RUS|1|1960-01-01", "CZE|2|2024-10-01", "VNM|2|2024-10-01", "LAO|3|2020-05-05"});
  // CZE is actor and participant of event 2: it stays until its last role goes.
  exec("DELETE FROM event_participants WHERE event_id = 2 AND role = 'participant' AND country_id IS NOT NULL");
  CHECK(pairs().size() == 5);
  exec("DELETE FROM event_participants WHERE event_id = 2 AND country_id = " + id("CZE"));
  CHECK(pairs() == Rows{"LAO|1|1960-01-01", "RUS|1|1960-01-01", "VNM|2|2024-10-01", "LAO|3|2020-05-05"});
  exec("UPDATE event_participants SET country_id = " + id("USA") + " WHERE event_id = 1 AND country_id = " + id("RUS"));
  exec("DELETE FROM relations");
  exec("DELETE FROM events WHERE event_id = 3");
  CHECK(pairs() == Rows{"LAO|1|1960-01-01", "USA|1|1960-01-01", "VNM|2|2024-10-01"});
}

TEST_CASE("views: migrating a version 1 file fills event_countries from its events") {
  namespace fs = std::filesystem;
  const fs::path path = fs::temp_directory_path() / ("annals-views-" + std::to_string(::getpid()) + ".db");
  fs::remove(path);
  {
    Kb kb(path.string());
    // Back to what a version 1 file holds: no views, no event_countries.
    for (const auto& name : kb.rows("SELECT name FROM sqlite_master WHERE type = 'view'")) kb.exec("DROP VIEW " + name);
    for (const auto& name : kb.rows("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'event_countries%'"))
      kb.exec("DROP TRIGGER " + name);
    kb.exec("DROP TABLE event_countries");
    kb.exec("PRAGMA user_version = 1");
  }
  {
    auto db = Database::open(path, OpenMode::read_write);
    CHECK(db.schema_version() == Database::latest_schema_version());
    CHECK(connection(db).execAndGet("SELECT count(*) FROM event_countries").getInt() == 5);
    CHECK(connection(db).execAndGet("SELECT count(*) FROM v_timeline").getInt() == 5);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

TEST_CASE("views: every view and index in 002_views.sql has a comment above it") {
  std::ifstream in(std::string(ANNALS_SOURCE_DIR) + "/schema/002_views.sql");
  REQUIRE(in);
  std::string line, previous;
  int statements = 0;
  while (std::getline(in, line)) {
    if (line.starts_with("CREATE ")) {
      CAPTURE(line);
      CHECK(previous.starts_with("--"));
      ++statements;
    }
    if (!line.empty()) previous = line;
  }
  CHECK(statements >= 8);
}
