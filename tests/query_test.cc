#include "annals/query.h"

#include "annals/error.h"
#include "query/search.h"
#include "store/connection.h"
#include "event_indexes.h"
#include "shell.h"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

using namespace annals;
using namespace date;

namespace {

// A small hand-made knowledge base: two sources (one replaced), three persons,
// one party, seven events, three relation milestones and some evidence.
struct Kb {
  Database db;
  SQLite::Database& sql;
  std::string body;
  // Raw text = title line + sentence 1 + an advert the cleaner dropped + the rest.
  static constexpr std::string_view kTitle = "Title\n\n", kAdvert = "ADVERT\n";

  static constexpr const char* kSentences[] = {
      "Laos and Russia established relations in 1960.",
      "President Anna Østberg visited Moscow in May 2024.",
      "She met Ivan Petrov and discussed (energy) AND \"trade\" near the river.",
      "Lương Cường hosted a summit in October 2024.",
  };

  explicit Kb(const std::string& path = ":memory:")
      : db(Database::open(path, OpenMode::read_write)), sql(connection(db)) {
    for (const char* s : kSentences) body += (body.empty() ? "" : " ") + std::string(s);
    const std::size_t first = std::string_view(kSentences[0]).size() + 1;
    const std::string raw = std::string(kTitle) + body.substr(0, first) + std::string(kAdvert) + body.substr(first);
    add_source(1, "a.txt", 1, 'a', raw, body);
    exec("INSERT INTO source_segments VALUES (1, 0, ?, ?)", {i(kTitle.size()), i(first)});
    exec("INSERT INTO source_segments VALUES (1, ?, ?, ?)",
         {i(first), i(kTitle.size() + first + kAdvert.size()), i(body.size() - first)});
    std::size_t at = 0;
    for (std::size_t n = 0; n < std::size(kSentences); ++n) {
      const std::size_t len = std::string_view(kSentences[n]).size();
      const std::size_t raw_at = at < first ? at + kTitle.size() : at + kTitle.size() + kAdvert.size();
      add_sentence(n + 1, 1, n, at, raw_at, kSentences[n]);
      at += len + 1;
    }
    // The replaced first version of b.txt and the current one.
    constexpr std::string_view kObsolete = "An obsolete sentence about relations.";
    add_source(2, "b.txt", 1, 'b', std::string(kObsolete), std::string(kObsolete));
    add_source(3, "b.txt", 2, 'c', "y", "y");
    exec("UPDATE sources SET replaced_by = 3 WHERE source_id = 2");
    add_sentence(10, 2, 0, 0, 0, kObsolete);

    exec("INSERT INTO persons VALUES (1, 'Anna Østberg', 'anna ostberg', " + country("LAO") + ")");
    exec("INSERT INTO persons VALUES (2, 'Ivan Petrov', 'ivan petrov', " + country("RUS") + ")");
    exec("INSERT INTO persons VALUES (3, 'Lương Cường', 'luong cuong', " + country("VNM") + ")");
    exec("INSERT INTO person_aliases (person_id, alias, folded) VALUES "
         "(1, 'Anna Østberg', 'anna ostberg'), (1, 'Østberg', 'ostberg'), (2, 'I. Petrov', 'i petrov')");
    exec("INSERT INTO organizations VALUES (1, 'People''s Party', 'people s party', 'party', " + country("LAO") + ")");
    exec("INSERT INTO organization_aliases (organization_id, alias, folded) VALUES (1, 'PP', 'pp')");

    exec("INSERT INTO positions (position_id, person_id, title, country_id, start_date, start_precision, end_date, "
         "end_precision) VALUES "
         "(1, 1, 'Foreign Minister', " + country("LAO") + ", '2016-01-01', 'year', '2021-01-01', 'year'), "
         "(2, 1, 'President', " + country("LAO") + ", '2021-03-01', 'month', NULL, 'unknown'), "
         "(3, 2, 'Foreign Minister', " + country("RUS") + ", '2004-03-09', 'day', NULL, 'unknown')");
    exec("INSERT INTO positions (position_id, person_id, title, organization_id) VALUES (4, 1, 'General Secretary', 1)");
    exec("INSERT INTO positions (position_id, person_id, title) VALUES (5, 3, 'President')");

    add_event(1, "relations_established", "'1960-10-07'", "NULL", "day", {"actor LAO", "counterpart RUS"});
    add_event(2, "visit", "'2024-05-01'", "NULL", "month", {"actor LAO", "counterpart RUS", "actor person 1"});
    add_event(3, "meeting", "'2024-05-09'", "NULL", "day",
          {"actor person 1", "counterpart person 2", "actor LAO", "counterpart RUS"});
    add_event(4, "aid", "'2018-01-01'", "NULL", "year", {"actor LAO", "actor RUS", "actor USA"});
    add_event(5, "aid", "NULL", "NULL", "unknown", {"actor VNM", "counterpart LAO"});
    add_event(6, "summit", "'2024-10-23'", "NULL", "day",
          {"actor person 3", "counterpart person 1", "actor VNM", "counterpart LAO", "participant org 1"});
    add_event(7, "visit", "'2025-01-10'", "'2025-01-12'", "day", {"actor person 2", "actor RUS", "counterpart VNM"});
    exec("UPDATE events SET location = 'Moscow', summary = 'Anna Østberg visits Russia', cameo = '042', "
         "plover_category = 'CONSULT', plover_mode = 'visit' WHERE event_id = 2");

    exec("INSERT INTO relations VALUES (1, 'diplomatic_relations_established', " + country("LAO") + ", " +
         country("RUS") + ", '1960-10-07', 'day', 1)");
    exec("INSERT INTO relations VALUES (2, 'treaty_signed', " + country("RUS") + ", " + country("LAO") +
         ", '1994-01-01', 'year', NULL)");
    exec("INSERT INTO relations VALUES (3, 'relations_upgraded', " + country("LAO") + ", " + country("RUS") +
         ", NULL, 'unknown', NULL)");

    add_evidence("event_id", 1, 1, "established relations");
    add_evidence("relation_id", 1, 1, "established relations in 1960");
    add_evidence("event_id", 2, 2, "visited Moscow in May 2024");
    add_evidence("event_id", 2, 4, "summit");  // a second statement, later in the body
    add_evidence("person_id", 1, 2, "Anna Østberg");
  }

  static std::variant<std::int64_t, std::string> i(std::size_t n) { return static_cast<std::int64_t>(n); }

  // How the schema keeps text is changing (sources.raw_text and body, sentences
  // as a table or as spans under a view, the FTS index filled by a trigger or by
  // the writer), so text is written here only, into whatever columns exist.
  bool has(const std::string& what) {
    SQLite::Statement st(sql, "SELECT count(*) FROM sqlite_master WHERE name = ?");
    st.bind(1, what);
    return st.executeStep() && st.getColumn(0).getInt() > 0;
  }
  bool has_column(const std::string& table, const std::string& column) {
    SQLite::Statement st(sql, "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?");
    st.bind(1, table);
    st.bind(2, column);
    return st.executeStep() && st.getColumn(0).getInt() > 0;
  }
  void add_source(int id, const std::string& file, int version, char sha, const std::string& raw,
                  const std::string& text) {
    std::string columns = "source_id, file, version, sha256", marks = "?, ?, ?, ?";
    std::vector<std::variant<std::int64_t, std::string>> values = {i(id), file, i(version), std::string(64, sha)};
    for (const auto& [column, value] : {std::pair{"raw_text", raw}, std::pair{"body", text}}) {
      if (!has_column("sources", column)) continue;
      columns += std::string(", ") + column;
      marks += ", ?";
      values.emplace_back(value);
    }
    exec("INSERT INTO sources (" + columns + ") VALUES (" + marks + ")", values);
  }
  void add_sentence(std::size_t id, int source, std::size_t seq, std::size_t at, std::size_t raw_at,
                    std::string_view text) {
    const std::size_t len = text.size();
    if (has("sentence_spans"))
      exec("INSERT INTO sentence_spans (sentence_id, source_id, seq, body_begin, body_end, raw_begin, raw_end) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)",
           {i(id), i(source), i(seq), i(at), i(at + len), i(raw_at), i(raw_at + len)});
    else
      exec("INSERT INTO sentences (sentence_id, source_id, seq, body_begin, body_end, raw_begin, raw_end, text) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
           {i(id), i(source), i(seq), i(at), i(at + len), i(raw_at), i(raw_at + len), std::string(text)});
    if (!has("sentences_fts_insert"))
      exec("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", {i(id), std::string(text)});
  }

  void exec(const std::string& text, const std::vector<std::variant<std::int64_t, std::string>>& values = {}) {
    SQLite::Statement st(sql, text);
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (const auto* n = std::get_if<std::int64_t>(&values[k])) st.bind(static_cast<int>(k + 1), *n);
      else st.bind(static_cast<int>(k + 1), std::get<std::string>(values[k]));
    }
    st.exec();
  }

  std::string country(const std::string& code) {
    SQLite::Statement st(sql, "SELECT country_id FROM countries WHERE code = ?");
    st.bind(1, code);
    REQUIRE(st.executeStep());
    return std::to_string(st.getColumn(0).getInt64());
  }

  // `who` entries: "<role> <CODE>", "<role> person <id>", "<role> org <id>".
  void add_event(int id, const std::string& type, const std::string& start, const std::string& end,
             const std::string& precision, const std::vector<std::string>& who) {
    exec("INSERT INTO events (event_id, type, start_date, end_date, date_precision, merge_key) VALUES (" +
         std::to_string(id) + ", '" + type + "', " + start + ", " + end + ", '" + precision + "', 'k" +
         std::to_string(id) + "')");
    for (const auto& w : who) {
      const auto space = w.find(' ');
      const std::string role = w.substr(0, space), rest = w.substr(space + 1);
      std::string columns = "NULL, NULL, NULL";
      if (rest.starts_with("person ")) columns = "NULL, " + rest.substr(7) + ", NULL";
      else if (rest.starts_with("org ")) columns = "NULL, NULL, " + rest.substr(4);
      else columns = country(rest) + ", NULL, NULL";
      exec("INSERT INTO event_participants (event_id, role, country_id, person_id, organization_id) VALUES (" +
           std::to_string(id) + ", '" + role + "', " + columns + ")");
    }
    for (const char* fill : test::kFillEventIndexes) exec(fill);
  }

  void add_evidence(const std::string& column, int fact, int sentence, std::string_view phrase) {
    const std::size_t begin = body.find(phrase);
    REQUIRE(begin != std::string::npos);
    exec("INSERT INTO evidence (source_id, sentence_id, body_begin, body_end, " + column + ") VALUES (1, ?, ?, ?, ?)",
         {i(sentence), i(begin), i(begin + phrase.size()), i(fact)});
  }

  CountryCode code(std::string_view text) const { return CountryCode(db, text); }
};

template <typename T>
std::vector<std::int64_t> ids(const std::vector<T>& records) {
  std::vector<std::int64_t> out;
  for (const auto& r : records) out.push_back(r.id);
  return out;
}

std::vector<std::string> titles(const std::vector<Tenure>& tenures) {
  std::vector<std::string> out;
  for (const auto& t : tenures) out.push_back(t.person + "/" + t.title);
  return out;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE_FIXTURE(Kb, "query: country codes resolve from codes, names and aliases in any case") {
  const struct { std::string_view text, code; } cases[] = {
      {"LAO", "LAO"}, {"lao", "LAO"}, {"Laos", "LAO"}, {"LAOS", "LAO"}, {"Russia", "RUS"},
      {"russian", "RUS"}, {"Viet Nam", "VNM"}, {"Việt Nam", "VNM"}, {"SUHH", "SUHH"}, {"Soviet Union", "SUHH"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(code(c.text).code() == c.code);
  }
  CHECK(code("LAO").name() == "Laos");
  CHECK(code("lao") == code("Laos"));
}

TEST_CASE_FIXTURE(Kb, "query: unknown and ambiguous country names throw Error naming the text") {
  for (std::string_view text : {"XYZ", "Atlantis", "", "LAO'; DROP TABLE events; --"}) {
    CAPTURE(text);
    try {
      (void)code(text);
      FAIL("no exception");
    } catch (const Error& e) {
      CHECK(e.subject() == text);
      CHECK(e.reason() == "unknown country code");
    }
  }
  exec("INSERT INTO country_aliases (country_id, alias, folded, kind) VALUES (" + country("LAO") +
       ", 'Twin', 'twin', 'name'), (" + country("RUS") + ", 'Twin', 'twin', 'name')");
  CHECK_THROWS_WITH_AS((void)code("twin"), "twin: ambiguous country name (LAO, RUS)", Error);
}

TEST_CASE_FIXTURE(Kb, "query: timeline of a country runs by date with undated events last") {
  CHECK(ids(timeline(db, code("LAO"))) == Ids{1, 4, 2, 3, 6, 5});
  CHECK(ids(timeline(db, code("VNM"))) == Ids{6, 7, 5});
  CHECK(ids(timeline(db, code("FRA"))).empty());
}

TEST_CASE_FIXTURE(Kb, "query: timeline of a pair holds only events with both countries") {
  CHECK(ids(timeline(db, code("LAO"), code("RUS"))) == Ids{1, 4, 2, 3});
  CHECK(ids(timeline(db, code("RUS"), code("LAO"))) == Ids{1, 4, 2, 3});
  CHECK(ids(timeline(db, code("LAO"), code("VNM"))) == Ids{6, 5});
  CHECK(ids(timeline(db, code("USA"), code("VNM"))).empty());
}

TEST_CASE_FIXTURE(Kb, "query: timeline filters by period at each event's precision and by type") {
  const struct {
    std::optional<year_month_day> from, to;
    std::vector<std::string> types;
    std::size_t limit;
    Ids want;
  } cases[] = {
      {2024_y / 5 / 5, 2024_y / 12 / 31, {}, 0, {2, 3, 6}},  // May 2024 overlaps the period
      {2024_y / 5 / 10, std::nullopt, {}, 0, {2, 6}},         // the 9 May meeting is before
      {2018_y / 6 / 1, 2018_y / 6 / 30, {}, 0, {4}},          // a year covers June
      {2019_y / 1 / 1, std::nullopt, {}, 0, {2, 3, 6}},
      {std::nullopt, 1999_y / 12 / 31, {}, 0, {1}},           // undated events need no period
      {std::nullopt, std::nullopt, {"visit", "summit"}, 0, {2, 6}},
      {std::nullopt, std::nullopt, {"election"}, 0, {}},
      {std::nullopt, std::nullopt, {}, 2, {1, 4}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.want.size());
    TimelineFilter f;
    f.from = c.from;
    f.to = c.to;
    f.types = c.types;
    f.limit = c.limit;
    CHECK(ids(timeline(db, code("LAO"), std::nullopt, f)) == c.want);
  }
}

TEST_CASE_FIXTURE(Kb, "query: events carry their dates, codes and participants") {
  const auto got = timeline(db, code("RUS"), code("LAO"));
  REQUIRE(got.size() == 4);
  const EventRecord& visit = got[2];
  CHECK(visit.id == 2);
  CHECK(visit.type == "visit");
  CHECK(visit.cameo == "042");
  CHECK(visit.plover_category == "CONSULT");
  CHECK(visit.plover_mode == "visit");
  REQUIRE(visit.start);
  CHECK(*visit.start == annals::year_month(2024, 5));
  CHECK_FALSE(visit.end);
  CHECK(visit.location == "Moscow");
  CHECK(visit.summary == "Anna Østberg visits Russia");
  REQUIRE(visit.participants.size() == 3);
  CHECK(visit.participants[0].role == "actor");
  CHECK(visit.participants[0].country->code() == "LAO");
  CHECK(visit.participants[1].country->name() == "Russia");
  CHECK(visit.participants[2].person == "Anna Østberg");
  CHECK(visit.participants[2].person_id == 1);
  CHECK_FALSE(visit.participants[2].country);
  const auto later = events(db, {.type = "visit", .country = code("VNM")});
  REQUIRE(later.size() == 1);
  CHECK(*later[0].start == full_date(2025, 1, 10));
  CHECK(*later[0].end == full_date(2025, 1, 12));
}

TEST_CASE_FIXTURE(Kb, "query: leaders lists the posts of a state, its organisations and its citizens") {
  CHECK(titles(leaders(db, code("LAO"))) ==
        std::vector<std::string>{"Anna Østberg/Foreign Minister", "Anna Østberg/President",
                                 "Anna Østberg/General Secretary"});
  CHECK(titles(leaders(db, code("VNM"))) == std::vector<std::string>{"Lương Cường/President"});
  CHECK(leaders(db, code("FRA")).empty());
  const auto lao = leaders(db, code("LAO"));
  CHECK(lao[2].organization == "People's Party");
  CHECK(lao[2].country->code() == "LAO");
  CHECK(*lao[0].start == year_only(2016));
  CHECK(*lao[0].end == year_only(2021));
  CHECK_FALSE(lao[1].end);
}

TEST_CASE_FIXTURE(Kb, "query: leaders at a date keeps terms that may be running then") {
  const struct { year_month_day at; std::vector<std::string> want; } cases[] = {
      {2015_y / 12 / 31, {"Anna Østberg/General Secretary"}},  // unknown start: possibly running
      {2020_y / 6 / 1, {"Anna Østberg/Foreign Minister", "Anna Østberg/General Secretary"}},
      // A term ending "in 2021" runs through December 2021.
      {2021_y / 12 / 31, {"Anna Østberg/Foreign Minister", "Anna Østberg/President", "Anna Østberg/General Secretary"}},
      {2022_y / 1 / 1, {"Anna Østberg/President", "Anna Østberg/General Secretary"}},
      {2021_y / 2 / 28, {"Anna Østberg/Foreign Minister", "Anna Østberg/General Secretary"}},
  };
  for (const auto& c : cases) {
    CAPTURE(to_iso_day(c.at));
    CHECK(titles(leaders(db, code("LAO"), c.at)) == c.want);
  }
}

TEST_CASE_FIXTURE(Kb, "query: find_person ignores case and diacritics and knows aliases and surnames") {
  const struct { std::string_view name; Ids want; } cases[] = {
      {"Anna Østberg", {1}}, {"anna ostberg", {1}}, {"ANNA  OSTBERG!", {1}}, {"Østberg", {1}},
      {"Luong Cuong", {3}},  {"lương cường", {3}},  {"Cuong", {3}},         {"Petrov", {2}},
      {"I. Petrov", {2}},    {"iva", {2}},          {"Nobody", {}},         {"", {}},
      {"%", {}},             {"_", {}},             {"' OR 1=1 --", {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(ids(find_person(db, c.name)) == c.want);
  }
}

TEST_CASE_FIXTURE(Kb, "query: a person comes with aliases, posts, trips and meetings") {
  const auto found = find_person(db, "anna ostberg");
  REQUIRE(found.size() == 1);
  const PersonRecord& anna = found[0];
  CHECK(anna.name == "Anna Østberg");
  CHECK(anna.aliases == std::vector<std::string>{"Østberg"});
  CHECK(anna.country->code() == "LAO");
  CHECK(anna.positions.size() == 3);
  CHECK(ids(anna.trips) == Ids{2});
  CHECK(ids(anna.meetings) == Ids{3, 6});  // the summit she attended as counterpart
  const auto ivan = find_person(db, "Ivan Petrov");
  REQUIRE(ivan.size() == 1);
  CHECK(ids(ivan[0].trips) == Ids{7});
  CHECK(ids(ivan[0].meetings) == Ids{3});
  CHECK(ivan[0].positions[0].title == "Foreign Minister");
  CHECK(*ivan[0].positions[0].start == full_date(2004, 3, 9));
}

TEST_CASE_FIXTURE(Kb, "query: events filters combine") {
  const struct { EventFilter filter; Ids want; } cases[] = {
      {{}, {1, 4, 2, 3, 6, 7, 5}},
      {{.type = "visit"}, {2, 7}},
      {{.country = code("VNM")}, {6, 7, 5}},
      {{.person = "Petrov"}, {3, 7}},
      {{.person = "ostberg", .from = 2024_y / 6 / 1}, {6}},
      {{.organization = "PP"}, {6}},
      {{.organization = "people's party"}, {6}},
      {{.type = "meeting", .person = "Anna Østberg"}, {3}},
      {{.type = "aid", .country = code("USA")}, {4}},
      {{.from = 2024_y / 1 / 1, .to = 2024_y / 12 / 31}, {2, 3, 6}},
      {{.limit = 3}, {1, 4, 2}},
      {{.person = "Nobody"}, {}},
      {{.organization = "Nothing"}, {}},
      {{.type = "visit'; DROP TABLE events; --"}, {}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.want.size());
    CHECK(ids(events(db, c.filter)) == c.want);
  }
  CHECK(ids(events(db, {})).size() == 7);  // the tables are still there
}

TEST_CASE_FIXTURE(Kb, "query: relations of a pair in date order, either way round") {
  const auto got = relations(db, code("LAO"), code("RUS"));
  CHECK(ids(got) == Ids{1, 2, 3});
  CHECK(ids(relations(db, code("Russia"), code("Laos"))) == Ids{1, 2, 3});
  REQUIRE(got.size() == 3);
  CHECK(got[0].kind == "diplomatic_relations_established");
  CHECK(*got[0].date == full_date(1960, 10, 7));
  CHECK(got[0].event_id == 1);
  CHECK(got[1].a.code() == "RUS");  // the acting side as stored
  CHECK(got[1].b.name() == "Laos");
  CHECK(*got[1].date == year_only(1994));
  CHECK_FALSE(got[2].date);
  CHECK_FALSE(got[2].event_id);
  CHECK(relations(db, code("LAO"), code("VNM")).empty());
}

TEST_CASE("query: user text becomes FTS5 strings") {
  const struct { std::string_view in, out; } cases[] = {
      {"viet nam", "\"viet\" \"nam\""},
      {"  say \"hi\"  ", "\"say\" \"hi\""},
      {"NEAR(a b)", "\"NEAR\" \"a\" \"b\""},
      {"-x a:b * AND", "\"x\" \"a\" \"b\" \"AND\""},
      {"Lương Cường's", "\"Lương\" \"Cường\" \"s\""},
      {"% _ -- \" — ", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(query::fts_query(c.in) == c.out);
  }
}

TEST_CASE_FIXTURE(Kb, "query: search ranks the newest candidates when too many sentences match") {
  // More matches than kSearchCandidates: the oldest sentence would rank first
  // (three mentions), but lies outside the newest candidates.
  const std::int64_t first = 1000, n = static_cast<std::int64_t>(kSearchCandidates) + 50;
  sql.exec("BEGIN");
  for (std::int64_t k = 0; k < n; ++k) {
    const std::string text = k == 0 ? "Walrus, walrus and walrus." : k == n - 1 ? "Walrus walrus today." : "A walrus swam by the pier today.";
    exec("INSERT INTO sentences VALUES (?, 1, ?, 0, 4, 0, 4, ?)", {first + k, 100 + k, text});
    exec("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", {first + k, text});
  }
  sql.exec("COMMIT");
  const auto hits = search(db, "walrus", 5);
  REQUIRE(hits.size() == 5);
  CHECK(hits[0].sentence_id == first + n - 1);  // the best of the candidates
  for (std::size_t k = 1; k < hits.size(); ++k) {
    CHECK(hits[k - 1].score <= hits[k].score);
    CHECK(hits[k].sentence_id >= first + n - static_cast<std::int64_t>(kSearchCandidates));
  }
}

TEST_CASE_FIXTURE(Kb, "query: search ranks sentences and highlights the words") {
  const auto hits = search(db, "established relations");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].sentence_id == 1);
  CHECK(hits[0].file == "a.txt");
  CHECK(hits[0].seq == 0);
  CHECK(hits[0].text == Kb::kSentences[0]);
  CHECK(hits[0].highlighted == "Laos and Russia [established] [relations] in 1960.");
  CHECK(hits[0].snippet.find("[established]") != std::string::npos);
  CHECK(search(db, "cuong")[0].sentence_id == 4);   // diacritics ignored
  CHECK(search(db, "RUSSIA")[0].sentence_id == 1);  // case ignored
  CHECK(search(db, "obsolete").empty());            // replaced sources do not count
  CHECK(search(db, "Moscow", 0).empty());
  exec("INSERT INTO sentences VALUES (11, 1, 9, 0, 4, 0, 4, 'Russia, Russia and Russia again.')");
  exec("INSERT INTO sentences_fts (rowid, text) VALUES (11, 'Russia, Russia and Russia again.')");
  const auto ranked = search(db, "russia");
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].sentence_id == 11);  // bm25: more mentions in a sentence of similar length
  CHECK(ranked[0].score <= ranked[1].score);
  CHECK(search(db, "russia", 1).size() == 1);
}

TEST_CASE_FIXTURE(Kb, "query: hostile search text is read as words, never as syntax") {
  const struct { std::string_view query; Ids want; } cases[] = {
      {"\"", {}}, {"'", {}}, {"%", {}}, {"_", {}}, {"*", {}}, {"relat*", {}},
      {"NEAR", {3}}, {"near river", {3}}, {"NEAR(energy trade)", {3}}, {"AND", {1, 3}},
      {"energy AND", {3}}, {"(energy)", {3}}, {"\"trade\"", {3}}, {"text:river", {}},
      {"-energy", {3}}, {"OR", {}}, {"NOT energy", {}}, {"energy NOT", {}},
      {"\"DROP TABLE sentences; --", {}}, {"'); DROP TABLE sources; --", {}},
      {"%relations%", {1}}, {"relations_", {1}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    std::vector<std::int64_t> got;
    for (const auto& h : search(db, c.query)) got.push_back(h.sentence_id);
    std::sort(got.begin(), got.end());
    CHECK(got == c.want);
  }
  CHECK(search(db, "established").size() == 1);  // nothing was dropped
}

TEST_CASE("query: fact references parse as KIND:ID") {
  CHECK(parse_fact_ref("event:12").kind == FactKind::event);
  CHECK(parse_fact_ref("event:12").id == 12);
  CHECK(parse_fact_ref("relation:3").kind == FactKind::relation);
  CHECK(parse_fact_ref("organization:1").kind == FactKind::organization);
  CHECK(to_string(FactKind::position) == "position");
  for (std::string_view bad : {"event", "event:", "evt:1", "event:x", "event:-1", "event:0", ":1", "event:1x"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_fact_ref(bad), Error);
  }
}

TEST_CASE_FIXTURE(Kb, "query: evidence gives the sentence, the span, the context and raw offsets") {
  const auto got = evidence(db, {FactKind::event, 2});
  REQUIRE(got.size() == 2);
  const EvidenceRecord& e = got[0];
  CHECK(e.file == "a.txt");
  CHECK(e.sentence_id == 2);
  CHECK(e.seq == 1);
  CHECK(e.sentence == Kb::kSentences[1]);
  CHECK(e.stated == "visited Moscow in May 2024");
  CHECK(body.substr(e.body_begin, e.body_end - e.body_begin) == e.stated);
  CHECK(e.sentence.substr(e.sentence_begin, e.sentence_end - e.sentence_begin) == e.stated);
  CHECK(e.before == Kb::kSentences[0]);
  CHECK(e.after == Kb::kSentences[2]);
  // Sentence 2 lies after the advert, so its raw offsets are shifted by title and advert.
  CHECK(e.raw_begin == e.body_begin + kTitle.size() + kAdvert.size());
  CHECK(e.raw_end - e.raw_begin == e.stated.size());
  CHECK(got[1].sentence_id == 4);
  CHECK(got[1].after.empty());

  const auto rel = evidence(db, {FactKind::relation, 1});
  REQUIRE(rel.size() == 1);
  CHECK(rel[0].stated == "established relations in 1960");
  CHECK(rel[0].before.empty());
  CHECK(rel[0].raw_begin == rel[0].body_begin + kTitle.size());
  CHECK(evidence(db, {FactKind::person, 1})[0].stated == "Anna Østberg");
  CHECK(evidence(db, {FactKind::event, 999}).empty());
  CHECK(evidence(db, {FactKind::organization, 1}).empty());
}

TEST_CASE_FIXTURE(Kb, "query: pair and typed timelines follow changed events and participants") {
  const TimelineFilter visits{.types = {"visit"}}, meetings{.types = {"meeting"}};
  CHECK(ids(timeline(db, code("LAO"), std::nullopt, visits)) == Ids{2});
  exec("UPDATE events SET type = 'meeting' WHERE event_id = 2");
  CHECK(ids(timeline(db, code("LAO"), std::nullopt, visits)).empty());
  CHECK(ids(timeline(db, code("LAO"), std::nullopt, meetings)) == Ids{2, 3});
  CHECK(ids(events(db, {.type = "meeting", .country = code("RUS")})) == Ids{2, 3});
  // A new date reorders the pair's timeline; a country leaving drops the pair.
  exec("UPDATE events SET start_date = '1950-01-01', date_precision = 'day' WHERE event_id = 3");
  CHECK(ids(timeline(db, code("RUS"), code("LAO"))) == Ids{3, 1, 4, 2});
  exec("DELETE FROM event_participants WHERE event_id = 4 AND country_id = " + country("USA"));
  CHECK(ids(timeline(db, code("USA"), code("LAO"))).empty());
  CHECK(ids(timeline(db, code("RUS"), code("LAO"))) == Ids{3, 1, 4, 2});
  add_event(8, "visit", "'2030-01-01'", "NULL", "day", {"actor FRA", "counterpart LAO", "participant RUS"});
  CHECK(ids(timeline(db, code("LAO"), code("FRA"))) == Ids{8});
  CHECK(ids(timeline(db, code("RUS"), code("FRA"))) == Ids{8});
  CHECK(ids(timeline(db, code("FRA"), std::nullopt, visits)) == Ids{8});
  exec("DELETE FROM events WHERE event_id = 8");
  CHECK(ids(timeline(db, code("LAO"), code("FRA"))).empty());
}

// ---- Pages ---------------------------------------------------------------------

TEST_CASE_FIXTURE(Kb, "query: timeline pages follow each other through the after cursor") {
  const struct { std::string_view a, b; std::size_t limit; std::vector<Ids> pages; } cases[] = {
      {"LAO", "", 2, {{1, 4}, {2, 3}, {6, 5}, {}}},  // the undated event closes the last page
      {"LAO", "", 5, {{1, 4, 2, 3, 6}, {5}}},        // a page ending on the last dated event
      {"LAO", "RUS", 3, {{1, 4, 2}, {3}}},
      {"VNM", "LAO", 1, {{6}, {5}, {}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.a);
    CAPTURE(c.b);
    TimelineFilter f{.limit = c.limit};
    std::optional<CountryCode> b;
    if (!c.b.empty()) b = code(c.b);
    for (const auto& want : c.pages) {
      const auto page = timeline(db, code(c.a), b, f);
      CHECK(ids(page) == want);
      if (page.empty()) break;
      f.after = page.back().id;
    }
  }
}

TEST_CASE_FIXTURE(Kb, "query: a page holds kPageSize records unless told otherwise") {
  CHECK(TimelineFilter{}.limit == kPageSize);
  CHECK(EventFilter{}.limit == kPageSize);
  for (int id = 100; id < 100 + static_cast<int>(kPageSize); ++id)
    add_event(id, "meeting", "'1990-01-01'", "NULL", "day", {"actor USA", "counterpart FRA"});
  CHECK(timeline(db, code("USA")).size() == kPageSize);
  CHECK(timeline(db, code("USA"), code("LAO")).size() == 1);  // event 4
  CHECK(timeline(db, code("USA"), std::nullopt, {.limit = 0}).size() == kPageSize + 1);
  CHECK(events(db, {.country = code("FRA")}).size() == kPageSize);
}

TEST_CASE_FIXTURE(Kb, "query: events pages follow each other through the after cursor") {
  CHECK(ids(events(db, {.type = "aid", .limit = 1})) == Ids{4});
  CHECK(ids(events(db, {.type = "aid", .limit = 1, .after = 4})) == Ids{5});
  CHECK(ids(events(db, {.type = "aid", .limit = 1, .after = 5})).empty());
  CHECK(ids(events(db, {.person = "Anna Østberg", .limit = 2, .after = 2})) == Ids{3, 6});
  CHECK(ids(events(db, {.country = code("RUS"), .after = 3})) == Ids{7});
}

TEST_CASE_FIXTURE(Kb, "query: paging after an event that does not exist throws Error naming it") {
  CHECK_THROWS_WITH_AS(timeline(db, code("LAO"), std::nullopt, {.after = 999}), doctest::Contains("event:999"),
                       Error);
  CHECK_THROWS_AS(events(db, {.type = "visit", .after = 999}), Error);
}

TEST_CASE_FIXTURE(Kb, "query: leaders with a limit gives the first posts of the whole answer") {
  exec("INSERT INTO positions (person_id, title, country_id, start_date, start_precision) VALUES "
       "(2, 'Ambassador', " + country("LAO") + ", '2016-01-01', 'year'), "
       "(3, 'Ambassador', " + country("LAO") + ", '2016-01-01', 'year')");
  const std::optional<year_month_day> dates[] = {std::nullopt, 2017_y / 1 / 1, 2022_y / 6 / 1};
  for (const auto& at : dates) {
    CAPTURE(at.has_value());
    const auto all = titles(leaders(db, code("LAO"), at, 0));
    REQUIRE(all.size() >= 3);
    for (std::size_t k = 1; k <= all.size() + 1; ++k) {
      CAPTURE(k);
      const auto page = titles(leaders(db, code("LAO"), at, k));
      CHECK(page == std::vector<std::string>(all.begin(), all.begin() + std::min(k, all.size())));
    }
  }
  // Ties on the start date go by name, across the page's edge too.
  CHECK(titles(leaders(db, code("LAO"), std::nullopt, 2)) ==
        std::vector<std::string>{"Anna Østberg/Foreign Minister", "Ivan Petrov/Ambassador"});
}

TEST_CASE_FIXTURE(Kb, "query: search gives the best hits of current sources, a page at a time") {
  auto sentences = [](const std::vector<SearchHit>& hits) {
    Ids out;
    for (const auto& h : hits) out.push_back(h.sentence_id);
    return out;
  };
  // The replaced source's shorter sentence ranks first in the index, but never counts.
  CHECK(sentences(search(db, "relations", 1)) == Ids{1});
  CHECK(sentences(search(db, "relations", 5)) == Ids{1});
  CHECK(search(db, "relations", 0).empty());
}

// ---- Query plans -------------------------------------------------------------

namespace {

// Every statement the connection runs while a Recorder lives, with its values.
struct Recorder {
  sqlite3* handle;
  std::vector<std::string> statements;

  explicit Recorder(SQLite::Database& db) : handle(db.getHandle()) {
    sqlite3_trace_v2(handle, SQLITE_TRACE_STMT, &Recorder::on_statement, this);
  }
  ~Recorder() { sqlite3_trace_v2(handle, 0, nullptr, nullptr); }

  static int on_statement(unsigned, void* self, void* stmt, void* text) {
    // FTS5 runs its own statements on its shadow tables; only ours count.
    if (std::string_view(static_cast<const char*>(text)).starts_with("--")) return 0;
    if (char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt))) {
      std::string s(sql);
      sqlite3_free(sql);
      if (s.find("'main'.") == std::string::npos) static_cast<Recorder*>(self)->statements.push_back(s);
    }
    return 0;
  }
};

constexpr std::string_view kCountriesLoad = "SELECT country_id, code, name FROM countries";

// Plan lines that read a whole table. A SCAN of a subquery (named by a
// CO-ROUTINE or MATERIALIZE line), of the FTS5 virtual table or of a covering
// index is not one.
std::vector<std::string> full_scans(SQLite::Database& db, const std::string& statement) {
  SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + statement);
  std::vector<std::string> subqueries, out;
  while (plan.executeStep()) {
    const std::string detail = plan.getColumn(3).getString();
    for (std::string_view head : {"CO-ROUTINE ", "MATERIALIZE "})
      if (detail.starts_with(head)) subqueries.push_back(detail.substr(head.size()));
    if (!detail.starts_with("SCAN ")) continue;
    const std::string name = detail.substr(5, detail.find(' ', 5) - 5);
    if (std::find(subqueries.begin(), subqueries.end(), name) != subqueries.end() ||
        detail.find("(subquery") != std::string::npos || detail.find("VIRTUAL TABLE") != std::string::npos ||
        detail.find("COVERING INDEX") != std::string::npos || detail.starts_with("SCAN CONSTANT ROW"))
      continue;
    out.push_back(detail);
  }
  return out;
}

}  // namespace

TEST_CASE_FIXTURE(Kb, "query: the plan check catches a full scan") {
  CHECK(full_scans(sql, "SELECT * FROM events WHERE summary = 'x'") == std::vector<std::string>{"SCAN events"});
  CHECK(full_scans(sql, "SELECT * FROM events WHERE event_id = 1").empty());
  CHECK(full_scans(sql, "SELECT * FROM (SELECT DISTINCT summary FROM events) d") == std::vector<std::string>{"SCAN events"});
  CHECK(full_scans(sql, "SELECT * FROM (SELECT DISTINCT event_id FROM event_participants WHERE person_id = 1) d").empty());
}

TEST_CASE_FIXTURE(Kb, "query: every statement of every API call uses an index") {
  const struct { std::string_view what; void (*call)(const Database&); } calls[] = {
      {"country code", [](const Database& d) { (void)CountryCode(d, "LAO"); }},
      {"country name", [](const Database& d) { (void)CountryCode(d, "Laos"); }},
      {"timeline", [](const Database& d) { (void)timeline(d, CountryCode(d, "LAO")); }},
      {"timeline pair period type",
       [](const Database& d) {
         (void)timeline(d, CountryCode(d, "LAO"), CountryCode(d, "RUS"),
                        {.from = 2020_y / 1 / 1, .to = 2024_y / 12 / 31, .types = {"visit", "meeting"}, .limit = 5});
       }},
      {"timeline pair", [](const Database& d) { (void)timeline(d, CountryCode(d, "LAO"), CountryCode(d, "RUS")); }},
      {"timeline page after a dated event",
       [](const Database& d) { (void)timeline(d, CountryCode(d, "LAO"), CountryCode(d, "RUS"), {.limit = 2, .after = 4}); }},
      {"timeline page after an undated event",
       [](const Database& d) { (void)timeline(d, CountryCode(d, "LAO"), std::nullopt, {.after = 5}); }},
      {"leaders", [](const Database& d) { (void)leaders(d, CountryCode(d, "LAO")); }},
      {"leaders at", [](const Database& d) { (void)leaders(d, CountryCode(d, "LAO"), 2022_y / 1 / 1); }},
      {"leaders, first post", [](const Database& d) { (void)leaders(d, CountryCode(d, "LAO"), std::nullopt, 1); }},
      {"leaders at, first post", [](const Database& d) { (void)leaders(d, CountryCode(d, "LAO"), 2022_y / 1 / 1, 1); }},
      {"leaders, all", [](const Database& d) { (void)leaders(d, CountryCode(d, "LAO"), std::nullopt, 0); }},
      {"person", [](const Database& d) { (void)find_person(d, "Anna Østberg"); }},
      {"person by surname", [](const Database& d) { (void)find_person(d, "Petrov"); }},
      {"events by type", [](const Database& d) { (void)events(d, {.type = "visit"}); }},
      {"events by type and period",
       [](const Database& d) { (void)events(d, {.type = "visit", .from = 2024_y / 1 / 1, .to = 2024_y / 12 / 31}); }},
      {"events by period", [](const Database& d) { (void)events(d, {.from = 2024_y / 1 / 1, .to = 2024_y / 12 / 31}); }},
      {"events by country", [](const Database& d) { (void)events(d, {.country = CountryCode(d, "VNM")}); }},
      {"events by person", [](const Database& d) { (void)events(d, {.person = "Petrov"}); }},
      {"events by organization", [](const Database& d) { (void)events(d, {.organization = "PP"}); }},
      {"events by country and type", [](const Database& d) { (void)events(d, {.type = "visit", .country = CountryCode(d, "LAO")}); }},
      {"timeline of one type",
       [](const Database& d) { (void)timeline(d, CountryCode(d, "LAO"), std::nullopt, {.types = {"visit"}, .after = 1}); }},
      {"events page after", [](const Database& d) { (void)events(d, {.type = "visit", .limit = 1, .after = 2}); }},
      {"events by country, page after", [](const Database& d) { (void)events(d, {.country = CountryCode(d, "RUS"), .after = 3}); }},
      {"relations", [](const Database& d) { (void)relations(d, CountryCode(d, "LAO"), CountryCode(d, "RUS")); }},
      {"search", [](const Database& d) { (void)search(d, "established relations"); }},
      {"evidence of an event", [](const Database& d) { (void)evidence(d, {FactKind::event, 2}); }},
      {"evidence of a relation", [](const Database& d) { (void)evidence(d, {FactKind::relation, 1}); }},
      {"evidence of a position", [](const Database& d) { (void)evidence(d, {FactKind::position, 1}); }},
      {"evidence of a person", [](const Database& d) { (void)evidence(d, {FactKind::person, 1}); }},
      {"evidence of an organization", [](const Database& d) { (void)evidence(d, {FactKind::organization, 1}); }},
      {"evidence of a country", [](const Database& d) { (void)evidence(d, {FactKind::country, 1}); }},
  };
  for (const auto& c : calls) {
    CAPTURE(c.what);
    std::vector<std::string> statements;
    {
      Recorder recorder(sql);
      c.call(db);
      statements = recorder.statements;
    }
    CHECK_FALSE(statements.empty());
    for (const auto& s : statements) {
      CAPTURE(s);
      // The connection reads the countries (reference data, a few hundred
      // rows) whole, once, into its cache; no question scans them after.
      if (s == kCountriesLoad) continue;
      CHECK(full_scans(sql, s).empty());
    }
  }
}

TEST_CASE_FIXTURE(Kb, "query: leaders finds citizens' posts through an index when such posts are many") {
  // Past a thousand posts naming neither state nor organisation, the citizens
  // drive the third arm instead of those posts.
  for (int n = 0; n < 1000; ++n)
    exec("INSERT INTO positions (person_id, title) VALUES (2, 'Adviser " + std::to_string(n) + "')");
  std::vector<std::string> statements;
  {
    Recorder recorder(sql);
    CHECK(titles(leaders(db, code("VNM"), std::nullopt, 0)) == std::vector<std::string>{"Lương Cường/President"});
    CHECK(leaders(db, code("RUS"), 2020_y / 1 / 1, 0).size() == 1001);
    CHECK(leaders(db, code("RUS"), std::nullopt, 5).size() == 5);
    statements = recorder.statements;
  }
  for (const auto& s : statements) {
    CAPTURE(s);
    if (s == kCountriesLoad) continue;
    CHECK(full_scans(sql, s).empty());
  }
}

// ---- The command line ----------------------------------------------------------

namespace {

namespace fs = std::filesystem;

// The hand-made knowledge base in a file, and the built `annals` run on it.
struct Cli {
  fs::path dir;
  Cli() {
    REQUIRE_MESSAGE(fs::exists(ANNALS_CLI), "build the annals_cli target first");
    std::string tmpl = (fs::temp_directory_path() / "annals-query-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
    Kb kb((dir / "kb.db").string());
  }
  ~Cli() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  // `annals <args> --db kb.db` (unless args name a --db), stdout and stderr together.
  test::Run annals(const std::string& args) const {
    const std::string db = args.find("--db") == std::string::npos ? " --db kb.db" : "";
    return test::shell("cd '" + dir.string() + "' && '" + std::string(ANNALS_CLI) + "' " + args + db + " 2>&1");
  }
};

// Characters (not bytes) before `needle` on the line of `text` holding it.
std::size_t column_of(const std::string& text, const std::string& line_start, const std::string& needle) {
  const auto line = text.find(line_start);
  REQUIRE(line != std::string::npos);
  const auto at = text.find(needle, line);
  REQUIRE(at != std::string::npos);
  std::size_t chars = 0;
  for (auto i = line; i < at; ++i) chars += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return chars;
}

}  // namespace

TEST_CASE_FIXTURE(Cli, "cli: query commands exit 0 when found, 1 for nothing, 2 for bad requests") {
  const struct { std::string args; int status; std::string says; } cases[] = {
      {"timeline LAO RUS", 0, "Anna Østberg visits Russia"},
      {"timeline Laos --from 2024 --to 2024-05 --type visit,meeting", 0, "meeting"},
      {"timeline FRA", 1, "no events found"},
      {"timeline XYZ", 2, "XYZ: unknown country code"},
      {"timeline LAO --from 2024-13-01", 2, "not a date"},
      {"timeline LAO --type vist", 2, "unknown event type"},
      {"timeline LAO --limit -3", 2, "not a positive number"},
      {"timeline", 2, "annals timeline --help"},
      {"leaders LAO --at 2022-01-01", 0, "President"},
      {"leaders LAO --at 2024-02-30", 2, "not a date"},
      {"leaders FRA", 1, "no posts found"},
      {"person 'anna ostberg'", 0, "Anna Østberg (Laos)"},
      {"person Nobody", 1, "no person found"},
      {"person", 2, "annals person --help"},
      {"events --person Petrov --type visit", 0, "2025-01-10..2025-01-12"},
      {"events --country Atlantis", 2, "Atlantis: unknown country code"},
      {"events --organization Nothing", 1, "no events found"},
      {"relations LAO RUS", 0, "treaty_signed"},
      {"relations LAO VNM", 1, "no relation milestones found"},
      {"relations LAO", 2, "two countries"},
      {"search established relations", 0, "[established] [relations]"},
      {"search '\"DROP TABLE sources; --'", 1, "no sentence found"},
      {"search 'NEAR(energy' AND", 0, "a.txt"},
      {"evidence event:2", 0, "[[visited Moscow in May 2024]]"},
      {"evidence event:999", 1, "no evidence found"},
      {"evidence evt:1", 2, "unknown fact kind"},
      {"timeline LAO --db missing.db", 2, "no such database"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    const auto r = annals(c.args);
    CAPTURE(r.out);
    CHECK(r.status == c.status);
    CHECK(r.out.find(c.says) != std::string::npos);
  }
}

TEST_CASE_FIXTURE(Cli, "cli: every query command has --help with an example") {
  for (const char* command : {"timeline", "leaders", "person", "events", "relations", "search", "evidence"}) {
    CAPTURE(command);
    const auto r = annals(std::string(command) + " --help");
    CHECK(r.status == 0);
    CHECK(r.out.find(std::string("example: annals ") + command) != std::string::npos);
  }
}

TEST_CASE_FIXTURE(Cli, "cli: --json gives the records for machines") {
  auto r = annals("timeline LAO RUS --json");
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 4);
  CHECK(j[2]["id"] == 2);
  CHECK(j[2]["start"] == "2024-05");
  CHECK(j[2]["precision"] == "month");
  CHECK(j[2]["participants"][2]["person"] == "Anna Østberg");
  r = annals("relations RUS LAO --json");
  j = nlohmann::json::parse(r.out);
  CHECK(j[1]["a"]["code"] == "RUS");
  CHECK(j[1]["date"] == "1994");
  r = annals("evidence relation:1 --json");
  j = nlohmann::json::parse(r.out);
  CHECK(j[0]["stated"] == "established relations in 1960");
  r = annals("events --type election --json");
  CHECK(r.status == 1);
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json::array());
}

TEST_CASE_FIXTURE(Cli, "cli: tables line up by characters, not bytes") {
  const auto r = annals("leaders LAO");
  REQUIRE(r.status == 0);
  CAPTURE(r.out);
  // "Anna Østberg" has more bytes than characters; its title still starts under "title".
  CHECK(column_of(r.out, "person", "title") == column_of(r.out, "Anna Østberg", "Foreign Minister"));
}
