#include "score/score.h"

#include "annals/error.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace annals;
using nlohmann::json;

namespace {

const std::string kFixtures = std::string(ANNALS_SOURCE_DIR) + "/tests/fixtures/score";

json null_or(const char* s) { return s ? json(s) : json(nullptr); }

// A gold file for source `file`, empty but for what a test adds.
json gold_file(const std::string& file) {
  // json::object: a one-pair {{...}} is an object to g++ but an array to clang.
  return {{"source", json::object({{"file", file}})}, {"countries", json::array()},
          {"persons", json::array()},   {"organizations", json::array()},
          {"events", json::array()},    {"relations", json::array()}};
}

// An export of `files` (given with a directory, as the importer may), empty
// but for what a test adds.
json export_of(const std::vector<std::string>& files) {
  json out = {{"sources", json::array()},       {"countries", json::array()},
              {"persons", json::array()},       {"organizations", json::array()},
              {"events", json::array()},        {"relations", json::array()}};
  for (const auto& f : files) out["sources"].push_back({{"file", "seeds/" + f}});
  return out;
}

json gold_entity(const std::string& name, std::vector<std::string> aliases = {},
                 bool required = true) {
  return {{"name", name}, {"aliases", aliases}, {"required", required}};
}

json system_entity(int id, const std::string& name, std::vector<std::string> aliases = {}) {
  return {{"id", id}, {"name", name}, {"aliases", aliases}};
}

struct GoldEvent {
  std::string type;
  const char* start = nullptr;
  const char* end = nullptr;
  const char* precision = "day";
  std::vector<std::string> actors, counterparts;
  bool required = true;
};

json gold_event(const GoldEvent& e) {
  return {{"type", e.type},
          {"date",
           {{"start", null_or(e.start)}, {"end", null_or(e.end)}, {"precision", e.precision}}},
          {"actors", {{"countries", e.actors}, {"persons", json::array()}}},
          {"counterparts", {{"countries", e.counterparts}, {"persons", json::array()}}},
          {"evidence", "words"},
          {"required", e.required}};
}

struct SystemEvent {
  int id = 0;
  std::string type;
  const char* start = nullptr;
  const char* end = nullptr;
  const char* precision = "day";
  std::vector<std::string> countries;
  std::vector<std::string> sources = {"a.txt"};
};

json system_event(const SystemEvent& e) {
  json out = {{"id", e.id},
              {"type", e.type},
              {"start", null_or(e.start)},
              {"end", null_or(e.end)},
              {"precision", e.precision},
              {"participants", json::array()},
              {"evidence", json::array()}};
  for (const auto& c : e.countries)
    out["participants"].push_back(
        {{"role", "participant"}, {"country", c}, {"person", nullptr}, {"organization", nullptr}});
  for (const auto& s : e.sources) out["evidence"].push_back({{"source", s}, {"text", "words"}});
  return out;
}

json relation(const std::string& kind, const std::string& a, const std::string& b,
              const char* date, const char* precision, bool required = true) {
  return {{"kind", kind},
          {"countries", json::array({a, b})},
          {"date", null_or(date)},
          {"precision", precision},
          {"required", required},
          {"evidence", json::array({{{"source", "a.txt"}, {"text", "words"}}})}};
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  friend bool operator==(const Counts&, const Counts&) = default;
};

Counts counts(const ScoreReport& r, std::string_view category) {
  const CategoryScore& c = r.at(category);
  return {c.true_pos, c.false_pos, c.false_neg};
}

// Scores one system event against one required gold event of a.txt.
Counts one_event(const GoldEvent& g, const SystemEvent& s) {
  json gold = gold_file("a.txt");
  gold["events"].push_back(gold_event(g));
  json system = export_of({"a.txt"});
  system["events"].push_back(system_event(s));
  return counts(score(system, {gold}), "events");
}

const Counts kHit{1, 0, 0}, kWrong{0, 1, 1};

}  // namespace

TEST_CASE("score: a person matches by folded name or a run of two tokens") {
  const struct {
    std::string system, gold;
    std::vector<std::string> gold_aliases;
    bool match;
  } cases[] = {
      {"Luong Cuong", "Lương Cường", {}, true},                   // diacritics
      {"LƯƠNG CƯỜNG", "Luong Cuong", {}, true},                   // case
      {"V. V. Putin", "Vladimir Putin", {"V.V. Putin"}, true},    // punctuation, alias
      {"Chinh", "Phạm Minh Chính", {"Chính"}, true},              // one-token alias, equal
      {"Minh Chinh", "Phạm Minh Chính", {}, true},                // system inside gold
      {"Prime Minister Pham Minh Chinh", "Phạm Minh Chính", {}, true},  // gold inside system
      {"Chinh", "Phạm Minh Chính", {}, false},                    // one token is not enough
      {"Pham Chinh", "Phạm Minh Chính", {}, false},               // not a run
      {"Minh Chin", "Phạm Minh Chính", {}, false},                // tokens, not characters
  };
  for (const auto& c : cases) {
    CAPTURE(c.system);
    json gold = gold_file("a.txt");
    gold["persons"].push_back(gold_entity(c.gold, c.gold_aliases));
    json system = export_of({"a.txt"});
    system["persons"].push_back(system_entity(1, c.system));
    CHECK(counts(score(system, {gold}), "persons") == (c.match ? kHit : kWrong));
  }
}

TEST_CASE("score: optional entities cost nothing and duplicates are not false") {
  json gold = gold_file("a.txt");
  gold["persons"] = {gold_entity("Anna Berg"), gold_entity("Carl Dorn"),
                     gold_entity("Eva Falk", {}, false), gold_entity("Gil Hart", {}, false)};
  json system = export_of({"a.txt"});
  system["persons"] = {system_entity(1, "Anna Berg"), system_entity(2, "Ms Anna Berg"),
                       system_entity(3, "Eva Falk"), system_entity(4, "Ivo Jansen")};
  const ScoreReport r = score(system, {gold});
  CHECK(counts(r, "persons") == Counts{1, 1, 1});  // Anna found, Ivo false, Carl missed
  REQUIRE(r.at("persons").misses.size() == 1);
  CHECK(r.at("persons").misses[0].find("Carl Dorn") != std::string::npos);
  REQUIRE(r.at("persons").false_hits.size() == 1);
  CHECK(r.at("persons").false_hits[0].find("Ivo Jansen") != std::string::npos);
}

TEST_CASE("score: gold entities merge across files by folded name, required if either is") {
  const struct { bool a_required, b_required; Counts none; } cases[] = {
      {false, true, {0, 0, 1}}, {true, false, {0, 0, 1}}, {false, false, {0, 0, 0}}};
  for (const auto& c : cases) {
    CAPTURE(c.a_required);
    CAPTURE(c.b_required);
    json a = gold_file("a.txt"), b = gold_file("b.txt");
    a["persons"] = {gold_entity("Lương Cường", {}, c.a_required)};
    b["persons"] = {gold_entity("Luong Cuong", {"Cuong"}, c.b_required)};
    const json none = export_of({"a.txt", "b.txt"});
    CHECK(counts(score(none, {a, b}), "persons") == c.none);
    json found = none;
    found["persons"] = {system_entity(1, "Cuong")};  // b's alias serves the merged person
    CHECK(counts(score(found, {a, b}), "persons") == Counts{c.none.fn, 0, 0});
  }
}

TEST_CASE("score: an organisation equal to one gold name is not credited to another it contains") {
  json gold = gold_file("a.txt");
  gold["organizations"] = {gold_entity("Lao People's Revolutionary Party", {"LPRP"})};
  json system = export_of({"a.txt"});
  system["organizations"] = {
      system_entity(1, "Central Committee of the Lao People’s Revolutionary Party")};
  CHECK(counts(score(system, {gold}), "organizations") == kHit);  // containment
  gold["organizations"].push_back(
      gold_entity("Central Committee of the Lao People's Revolutionary Party", {}, false));
  CHECK(counts(score(system, {gold}), "organizations") == Counts{0, 0, 1});
}

TEST_CASE("score: countries are the set over the scored files") {
  json a = gold_file("a.txt"), b = gold_file("b.txt"), c = gold_file("c.txt");
  a["countries"] = {"LAO", "VNM"};
  b["countries"] = {"LAO", "THA"};
  c["countries"] = {"FRA"};  // c.txt is not in the export
  json system = export_of({"a.txt", "b.txt"});
  system["countries"] = {{{"code", "LAO"}}, {{"code", "VNM"}}, {{"code", "KHM"}},
                         {{"code", "JPN"}, {"sources", {"z.txt"}}}};  // JPN: unscored source
  const ScoreReport r = score(system, {a, b, c});
  CHECK(counts(r, "countries") == Counts{2, 1, 1});
  CHECK(r.gold_files == std::vector<std::string>{"a.txt", "b.txt"});
  CHECK(r.at("countries").misses == std::vector<std::string>{"THA [b.txt]"});
  CHECK(r.at("countries").false_hits == std::vector<std::string>{"KHM"});
}

TEST_CASE("score: event types match within the visit/meeting/summit family; gold other takes any") {
  const struct { std::string gold, system; bool match; } cases[] = {
      {"visit", "meeting", true},  {"summit", "visit", true},  {"meeting", "meeting", true},
      {"agreement", "agreement", true}, {"aid", "agreement", false}, {"visit", "aid", false},
      {"other", "aid", true},      {"other", "visit", true},   {"aid", "other", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.gold);
    CAPTURE(c.system);
    const Counts got = one_event({c.gold, "2024-05-09", nullptr, "day", {"LAO"}, {"RUS"}},
                                 {1, c.system, "2024-05-09", nullptr, "day", {"LAO", "RUS"}});
    CHECK(got == (c.match ? kHit : kWrong));
  }
}

TEST_CASE("score: events share two of the gold's countries, or its only one") {
  const struct { std::vector<std::string> actors, counterparts, system; bool match; } cases[] = {
      {{"LAO"}, {"RUS"}, {"LAO", "RUS"}, true},
      {{"LAO"}, {"RUS"}, {"RUS", "LAO", "CHN"}, true},
      {{"LAO"}, {"RUS"}, {"LAO"}, false},
      {{"LAO"}, {"RUS"}, {"LAO", "CHN"}, false},
      {{"LAO", "RUS"}, {"VNM"}, {"VNM", "RUS"}, true},  // two of three
      {{"VNM"}, {}, {"VNM", "LAO"}, true},
      {{"VNM"}, {}, {"LAO"}, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.system.size());
    const Counts got = one_event({"meeting", "2024", nullptr, "year", c.actors, c.counterparts},
                                 {1, "meeting", "2024", nullptr, "year", c.system});
    CHECK(got == (c.match ? kHit : kWrong));
  }
}

TEST_CASE("score: event dates match when the periods they name overlap") {
  const GoldEvent visit{"visit", "2025-07-30", "2025-08-01", "day", {"LAO"}, {"RUS"}};
  const GoldEvent span{"aid", "1945", "1975", "year", {"VNM"}, {"LAO"}};
  const GoldEvent undated{"visit", nullptr, nullptr, "unknown", {"LAO"}, {"RUS"}};
  const struct { GoldEvent gold; const char *start, *end, *precision; bool match; } cases[] = {
      {visit, "2025", nullptr, "year", true},
      {visit, "2025-08", nullptr, "month", true},
      {visit, "2025-07-01", nullptr, "month", true},  // stored first day, month precision
      {visit, "2025-08-01", nullptr, "day", true},
      {visit, "2025-07-01", "2025-07-30", "day", true},
      {visit, "2025-08-02", nullptr, "day", false},
      {visit, "2025-06", nullptr, "month", false},
      {visit, "2024", nullptr, "year", false},
      {visit, nullptr, nullptr, "unknown", false},
      {visit, "2025-07-30", nullptr, "unknown", false},  // precision says the date is unknown
      {span, "1960", nullptr, "year", true},
      {span, "1976", nullptr, "year", false},
      {undated, "1999", nullptr, "year", true},
      {undated, nullptr, nullptr, "unknown", true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.gold.type);
    CAPTURE(std::string(c.start ? c.start : "null"));
    const auto& countries = c.gold.type == "aid" ? std::vector<std::string>{"VNM", "LAO"}
                                                 : std::vector<std::string>{"LAO", "RUS"};
    const Counts got = one_event(c.gold, {1, c.gold.type, c.start, c.end, c.precision, countries});
    CHECK(got == (c.match ? kHit : kWrong));
  }
}

TEST_CASE("score: an event matching an optional gold event is neither hit nor false") {
  json gold = gold_file("a.txt");
  gold["events"] = {gold_event({"aid", "2018", nullptr, "year", {"RUS"}, {"LAO"}, false})};
  json system = export_of({"a.txt"});
  system["events"] = {system_event({1, "aid", "2018-03", nullptr, "month", {"RUS", "LAO"}})};
  CHECK(counts(score(system, {gold}), "events") == Counts{0, 0, 0});
}

TEST_CASE("score: a second event matching a taken gold event is false; the better one wins") {
  json gold = gold_file("a.txt");
  gold["events"] = {gold_event({"visit", "2024-05-09", nullptr, "day", {"LAO"}, {"RUS"}})};
  json system = export_of({"a.txt"});
  system["events"] = {system_event({7, "visit", "2024", nullptr, "year", {"LAO", "RUS"}}),
                      system_event({8, "visit", "2024-05-09", nullptr, "day", {"LAO", "RUS"}})};
  const ScoreReport r = score(system, {gold});
  CHECK(counts(r, "events") == Counts{1, 1, 0});
  CHECK(r.dates_right == 1);  // event 8, listed second, took the gold event
  REQUIRE(r.at("events").false_hits.size() == 1);
  CHECK(r.at("events").false_hits[0].rfind("7 visit 2024", 0) == 0);
  CHECK(r.at("events").false_hits[0].find("gold already matched") != std::string::npos);
}

TEST_CASE("score: among gold events the rule allows, the exact type and own file win") {
  json a = gold_file("a.txt"), b = gold_file("b.txt");
  a["events"] = {gold_event({"visit", "2024-05", nullptr, "month", {"LAO"}, {"RUS"}}),
                 gold_event({"meeting", "2024-05", nullptr, "month", {"LAO"}, {"RUS"}, false})};
  json system = export_of({"a.txt", "b.txt"});
  system["events"] = {system_event({1, "meeting", "2024-05", nullptr, "month", {"LAO", "RUS"}})};
  CHECK(counts(score(system, {a}), "events") == Counts{0, 0, 1});  // the meeting, not the visit

  a["events"] = {gold_event({"visit", "2018-05", nullptr, "month", {"LAO"}, {"RUS"}})};
  b["events"] = {gold_event({"visit", "2018-06", nullptr, "month", {"LAO"}, {"RUS"}, false})};
  system["events"] = {
      system_event({1, "visit", "2018", nullptr, "year", {"LAO", "RUS"}, {"b.txt"}})};
  CHECK(counts(score(system, {a, b}), "events") == Counts{0, 0, 1});  // b's visit
}

TEST_CASE("score: dates right needs the gold start at the gold precision") {
  const struct { const char *gold, *gold_precision, *start, *precision; bool right; } cases[] = {
      {"2025-07-30", "day", "2025-07-30", "day", true},
      {"2025-07-30", "day", "2025-07-30", "month", false},
      {"2025-07-30", "day", "2025-07", "month", false},
      {"2025-07-30", "day", "2025", "year", false},
      {"2025-07-01", "day", "2025-07", "month", false},   // a month is not its first day
      {"2025-07", "month", "2025-07-12", "day", true},    // more precise is fine
      {"2025", "year", "2025-01", "month", true},
      {nullptr, "unknown", "2025-07-12", "day", true},    // nothing to contradict
      {nullptr, "unknown", nullptr, "unknown", true},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.gold ? c.gold : "null"));
    CAPTURE(std::string(c.start ? c.start : "null"));
    CAPTURE(std::string(c.precision));
    json gold = gold_file("a.txt");
    gold["events"] = {gold_event({"visit", c.gold, nullptr, c.gold_precision, {"LAO"}, {"RUS"}})};
    json system = export_of({"a.txt"});
    system["events"] = {system_event({1, "visit", c.start, nullptr, c.precision, {"LAO", "RUS"}})};
    const ScoreReport r = score(system, {gold});
    CHECK(counts(r, "events") == kHit);
    CHECK(r.dates_right == int(c.right));
    CHECK(r.wrong_dates.size() == std::size_t(!c.right));
  }
}

TEST_CASE("score: the same event in two gold files counts once") {
  json a = gold_file("a.txt"), b = gold_file("b.txt");
  a["events"] = {
      gold_event({"relations_established", "1960-10-07", nullptr, "day", {"LAO"}, {"SUHH"}})};
  b["events"] = {gold_event({"relations_established", "1960", nullptr, "year", {"SUHH"}, {"LAO"}})};
  json system = export_of({"a.txt", "b.txt"});
  CHECK(counts(score(system, {a, b}), "events") == Counts{0, 0, 1});
  system["events"] = {system_event({1, "relations_established", "1960-10-07", nullptr, "day",
                                    {"LAO", "SUHH"}, {"a.txt", "b.txt"}})};
  CHECK(counts(score(system, {a, b}), "events") == kHit);
  system["events"].push_back(system_event(
      {2, "relations_established", "1960", nullptr, "year", {"LAO", "SUHH"}, {"b.txt"}}));
  CHECK(counts(score(system, {a, b}), "events") == Counts{1, 1, 0});
}

TEST_CASE("score: a merged gold event is required when either entry is") {
  const struct { bool a_required, b_required; int fn; } cases[] = {
      {true, false, 1}, {false, true, 1}, {false, false, 0}, {true, true, 1}};
  for (const auto& c : cases) {
    CAPTURE(c.a_required);
    CAPTURE(c.b_required);
    json a = gold_file("a.txt"), b = gold_file("b.txt");
    a["events"] = {gold_event({"summit", "2024-10", nullptr, "month", {"VNM"}, {},
                               c.a_required})};
    b["events"] = {gold_event({"meeting", "2024-10-23", nullptr, "day", {"VNM"}, {},
                               c.b_required})};
    CHECK(counts(score(export_of({"a.txt", "b.txt"}), {a, b}), "events") == Counts{0, 0, c.fn});
  }
}

TEST_CASE("score: gold events stay apart within a file, or when dates or countries differ") {
  const GoldEvent aid{"aid", "2018", nullptr, "year", {"RUS"}, {"LAO"}};
  json a = gold_file("a.txt"), b = gold_file("b.txt");
  a["events"] = {gold_event(aid), gold_event(aid)};  // two 2018 aid efforts
  b["events"] = {gold_event({"aid", "2019", nullptr, "year", {"RUS"}, {"LAO"}}),
                 gold_event({"aid", "2018", nullptr, "year", {"RUS"}, {"KHM"}})};
  CHECK(counts(score(export_of({"a.txt", "b.txt"}), {a, b}), "events") == Counts{0, 0, 4});
}

TEST_CASE("score: relations match by kind, unordered pair and year") {
  const struct { std::string kind, a, b; const char *date, *precision; bool match; } cases[] = {
      {"recognition", "SUHH", "LAO", "1960-10-07", "day", true},
      {"recognition", "LAO", "SUHH", "1960", "year", true},
      {"recognition", "LAO", "SUHH", "1960-01-01", "year", true},
      {"recognition", "LAO", "SUHH", "1961", "year", false},
      {"treaty_signed", "LAO", "SUHH", "1960", "year", false},
      {"recognition", "LAO", "RUS", "1960", "year", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.kind);
    CAPTURE(std::string(c.date));
    json gold = gold_file("a.txt");
    gold["relations"] = {relation("recognition", "SUHH", "LAO", "1960", "year")};
    json system = export_of({"a.txt"});
    system["relations"] = {relation(c.kind, c.a, c.b, c.date, c.precision)};
    CHECK(counts(score(system, {gold}), "relations") == (c.match ? kHit : kWrong));
  }
}

TEST_CASE("score: a duplicate relation is false and an optional one costs nothing") {
  json gold = gold_file("a.txt");
  gold["relations"] = {relation("treaty_signed", "LAO", "RUS", "1994", "year"),
                       relation("relations_upgraded", "LAO", "RUS", "2011", "year", false)};
  json system = export_of({"a.txt"});
  system["relations"] = {relation("treaty_signed", "RUS", "LAO", "1994", "year"),
                         relation("treaty_signed", "LAO", "RUS", "1994", "year"),
                         relation("relations_upgraded", "LAO", "RUS", "2011", "year")};
  CHECK(counts(score(system, {gold}), "relations") == Counts{1, 1, 0});
}

TEST_CASE("score: facts with evidence only from unscored sources are left out") {
  json gold = gold_file("a.txt");
  gold["events"] = {gold_event({"visit", "2025", nullptr, "year", {"LAO"}, {"VNM"}})};
  json system = export_of({"a.txt", "z.txt"});
  system["events"] = {
      system_event({1, "visit", "2025", nullptr, "year", {"LAO", "VNM"}, {"z.txt"}}),
      system_event({2, "agreement", "2025", nullptr, "year", {"LAO", "VNM"}, {"z.txt"}})};
  system["relations"] = {relation("treaty_signed", "LAO", "VNM", "2025", "year")};
  system["relations"][0]["evidence"][0]["source"] = "z.txt";
  const ScoreReport r = score(system, {gold});
  CHECK(counts(r, "events") == Counts{0, 0, 1});
  CHECK(counts(r, "relations") == Counts{0, 0, 0});
}

TEST_CASE("score: precision and recall are 1 when nothing was claimed or wanted") {
  const struct { int tp, fp, fn; double p, r, f1; } cases[] = {
      {0, 0, 0, 1.0, 1.0, 1.0}, {0, 0, 3, 1.0, 0.0, 0.0}, {0, 2, 0, 0.0, 1.0, 0.0},
      {3, 1, 2, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35},
  };
  for (const auto& c : cases) {
    CategoryScore s;
    s.true_pos = c.tp, s.false_pos = c.fp, s.false_neg = c.fn;
    CHECK(s.precision() == doctest::Approx(c.p));
    CHECK(s.recall() == doctest::Approx(c.r));
    CHECK(s.f1() == doctest::Approx(c.f1));
  }
  CHECK_THROWS_AS(ScoreReport{}.at("events"), Error);
}

TEST_CASE("score: the fixture export scores as counted by hand") {
  const std::vector<json> gold = read_gold_dir(kFixtures + "/gold");
  REQUIRE(gold.size() == 3);  // notes.txt is not read
  std::ifstream in(kFixtures + "/system.json");
  const ScoreReport r = score(json::parse(in), gold);
  CHECK(r.gold_files == std::vector<std::string>{"a.txt", "b.txt"});
  CHECK(counts(r, "countries") == Counts{2, 1, 1});      // THA missed, KHM false
  CHECK(counts(r, "persons") == Counts{1, 1, 0});        // "Cuong" alone is false
  CHECK(counts(r, "organizations") == Counts{1, 0, 0});  // CPV by alias
  CHECK(counts(r, "events") == Counts{2, 1, 0});         // event 5 repeats event 1
  CHECK(counts(r, "relations") == Counts{1, 0, 0});
  CHECK(r.dates_right == 1);  // 1962 is not 1962-09-05 nor 1962-09
  const std::string text = format_report(r);
  CHECK(text.find("events            2    1    0  0.667  1.000  0.800") != std::string::npos);
  CHECK(text.find("event dates right: 1 of 2 matched required events") != std::string::npos);
  CHECK(text.find("countries: THA [b.txt]") != std::string::npos);
  CHECK(text.find("wrong event dates:") != std::string::npos);
  CHECK(format_report(r, false).find("false hits") == std::string::npos);
}

TEST_CASE("score: read_gold_dir throws naming the file or directory") {
  const std::string empty =
      (std::filesystem::temp_directory_path() / "annals_score_empty").string();
  std::filesystem::create_directories(empty);
  const struct { std::string dir, subject; } cases[] = {
      {kFixtures + "/broken", kFixtures + "/broken/a.json"},  // cut short
      {kFixtures, kFixtures + "/system.json"},                // no source.file
      {kFixtures + "/missing", kFixtures + "/missing"},
      {empty, empty},
  };
  for (const auto& c : cases) {
    CAPTURE(c.dir);
    try {
      read_gold_dir(c.dir);
      FAIL("no throw");
    } catch (const Error& e) {
      CHECK(e.subject() == c.subject);
    }
  }
}

namespace {

// What a perfect importer would export for the gold files: every fact of
// every file, with evidence from that file.
json export_from_gold(const std::vector<json>& gold) {
  json out = export_of({});
  for (const auto& g : gold) {
    const std::string file = g["source"]["file"];
    out["sources"].push_back({{"file", file}});
    for (const auto& c : g["countries"]) out["countries"].push_back({{"code", c}});
    for (const auto& p : g["persons"]) out["persons"].push_back(p);
    for (const auto& o : g["organizations"]) out["organizations"].push_back(o);
    for (const auto& e : g["events"]) {
      std::vector<std::string> countries = e["actors"]["countries"];
      for (const auto& c : e["counterparts"]["countries"]) countries.push_back(c);
      json s = system_event({0, e["type"], nullptr, nullptr, "unknown", countries, {file}});
      s["start"] = e["date"]["start"], s["end"] = e["date"]["end"];
      s["precision"] = e["date"]["precision"];
      out["events"].push_back(s);
    }
    for (auto r : g["relations"]) {
      r["evidence"] = json::array({{{"source", file}}});
      out["relations"].push_back(r);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("score: the seed gold files count as their README says") {
  const std::vector<json> gold = read_gold_dir(std::string(ANNALS_SOURCE_DIR) + "/tests/gold");
  REQUIRE(gold.size() == 5);
  json nothing = export_from_gold(gold);
  for (const char* key : {"countries", "persons", "organizations", "events", "relations"})
    nothing[key] = json::array();
  const ScoreReport empty = score(nothing, gold);
  CHECK(counts(empty, "countries") == Counts{0, 0, 10});
  CHECK(counts(empty, "persons") == Counts{0, 0, 10});
  CHECK(counts(empty, "organizations") == Counts{0, 0, 10});
  CHECK(counts(empty, "events") == Counts{0, 0, 23});  // 24 per file, 1960 told twice
  CHECK(counts(empty, "relations") == Counts{0, 0, 6});

  const ScoreReport perfect = score(export_from_gold(gold), gold);
  for (const char* key : {"countries", "persons", "organizations", "relations"}) {
    CAPTURE(key);
    CHECK(counts(perfect, key) == Counts{perfect.at(key).true_pos, 0, 0});
  }
  CHECK(counts(perfect, "countries").tp == 10);
  CHECK(counts(perfect, "persons").tp == 10);
  CHECK(counts(perfect, "organizations").tp == 10);
  CHECK(counts(perfect, "relations").tp == 6);
  // The 1960 relations and the 1975 founding of the Lao PDR are told by 000
  // and 001: exported once per file, the second copy of each is false.
  CHECK(counts(perfect, "events") == Counts{23, 2, 0});
  CHECK(perfect.dates_right == 23);
}
