// The corpus generator (tools/gen, the annals-gen executable). Its units are
// not part of the library, so they are compiled into this test directly.

#include <doctest/doctest.h>

#include "../tools/gen/article.cc"
#include "../tools/gen/background.cc"
#include "../tools/gen/calendar.cc"
#include "../tools/gen/filler.cc"
#include "../tools/gen/furniture.cc"
#include "../tools/gen/generator.cc"
#include "../tools/gen/history.cc"
#include "../tools/gen/lexicon.cc"
#include "../tools/gen/lines.cc"
#include "../tools/gen/names.cc"
#include "../tools/gen/plots.cc"
#include "../tools/gen/random.cc"
#include "../tools/gen/story.cc"
#include "../tools/gen/tell.cc"
#include "../tools/gen/world.cc"
#include "../tools/gen/writer.cc"

#include "annals/database.h"
#include "annals/import.h"
#include "annals/quality.h"

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using namespace annals::gen;

// A fresh folder under the system's temporary directory, removed afterwards.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() /
           ("annals_gen_test_" + name + "_" + std::to_string(std::random_device{}()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// File name -> bytes of every file in `dir`.
std::map<std::string, std::string> contents(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = read_file(e.path());
  return out;
}

std::size_t words_in(const std::string& text) {
  std::istringstream in(text);
  std::string w;
  std::size_t n = 0;
  while (in >> w) ++n;
  return n;
}

}  // namespace

TEST_CASE("gen: the distributions are the generator's own, fixed for every library") {
  // Values drawn from std::mt19937_64 seeded with 42 through Rng's own
  // distributions. A change here changes every corpus: make it on purpose.
  Rng rng(42);
  const struct { std::string what; std::uint64_t got, want; } cases[] = {
      {"below(10)", rng.below(10), 6},
      {"below(1000)", rng.below(1000), 824},
      {"between(1, 6)", std::uint64_t(rng.between(1, 6)), 5},
      {"weighted(1, 0, 3)", rng.weighted({1, 0, 3}), 0},
      {"unit() * 1e6", std::uint64_t(rng.unit() * 1e6), 903268},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    CHECK(c.got == c.want);
  }
  CHECK(mix(1, 2) != mix(2, 1));
  CHECK(hash_of("KEN") == hash_of(std::string("KEN")));
}

TEST_CASE("gen: a weighted draw never picks a zero weight and follows the weights") {
  Rng rng(7);
  std::map<std::size_t, int> seen;
  for (int i = 0; i < 4000; ++i) ++seen[rng.weighted({1, 0, 3})];
  CHECK(seen.count(1) == 0);
  CHECK(seen[2] > 2 * seen[0]);
}

TEST_CASE("gen: a date phrase states the date its gold records") {
  using namespace date;
  const year_month_day published = 2024_y / 10 / 24;  // a Thursday
  const struct { year_month_day start, end; } spans[] = {
      {2024_y / 10 / 23, 2024_y / 10 / 23},  // the day before
      {2024_y / 10 / 21, 2024_y / 10 / 23},  // earlier that week
      {2024_y / 7 / 30, 2024_y / 8 / 1},     // across a month, same year
      {2023_y / 11 / 3, 2023_y / 11 / 4},    // last year
      {1962_y / 9 / 5, 1962_y / 9 / 5},      // long ago
  };
  Rng rng(3);
  for (const auto& s : spans) {
    for (int i = 0; i < 200; ++i) {
      const DateStyle style{published, i % 2 == 0};
      const DatePhrase p = date_phrase(rng, style, s.start, s.end);
      CAPTURE(p.text);
      REQUIRE(p.gold.precision != annals::Precision::unknown);
      CHECK(p.gold.start == iso(s.start, p.gold.precision));
      if (p.gold.precision == annals::Precision::day && s.end != s.start && p.gold.end != "")
        CHECK(p.gold.end == iso(s.end, annals::Precision::day));
      // A phrase that prints the year needs no inference; one that does not, does.
      const bool year_printed = p.text.find(std::to_string(int(s.start.year()))) != std::string::npos ||
                                p.text.find(std::to_string(int(s.end.year()))) != std::string::npos;
      CHECK(year_printed == p.gold.inferred.empty());
    }
  }
}

TEST_CASE("gen: without a printed publication date every phrase prints its year") {
  using namespace date;
  Rng rng(5);
  for (int i = 0; i < 300; ++i) {
    const DatePhrase p = date_phrase(rng, DateStyle{std::nullopt, i % 2 == 1}, 2021_y / 6 / 3, 2021_y / 6 / 5);
    CAPTURE(p.text);
    CHECK(p.text.find("2021") != std::string::npos);
    CHECK(p.gold.inferred.empty());
  }
}

TEST_CASE("gen: invented names never use a country or organisation word") {
  const World world(annals::default_gazetteer(), 11);
  for (const auto& n : world.nations()) {
    const auto p = world.holder(n, Office::head_of_state, date::sys_days(date::year(2020) / 6 / 1));
    REQUIRE(p);
    CAPTURE(p->name.full());
    CHECK(world.usable_name(p->name));
    CHECK(!annals::default_gazetteer().country_code(p->name.family));
  }
  CHECK_FALSE(world.usable_name(PersonName{"Amani", "Kenya"}));
  CHECK_FALSE(world.usable_name(PersonName{"Jordan", "Wekesa"}));
}

TEST_CASE("gen: an office holder is the same person for the whole term") {
  const World world(annals::default_gazetteer(), 11);
  const Nation& n = world.nation("KEN");
  using namespace date;
  const auto a = world.holder(n, Office::head_of_state, sys_days(2020_y / 6 / 1));
  const auto b = world.holder(n, Office::head_of_state, sys_days(a->took_office));
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->key == b->key);
  const auto before = world.holder(n, Office::head_of_state, sys_days(a->took_office) - days(1));
  CHECK(before->key != a->key);
  CHECK(world.history(n, world.nation("ETH")).established ==
        world.history(world.nation("ETH"), n).established);
}

TEST_CASE("gen: the gold names the former state a dated fact's period falls in") {
  const World world(annals::default_gazetteer(), 11);
  const struct {
    std::string_view code;
    annals::gen::Dated date;
    std::string_view want;
  } cases[] = {
      {"RUS", {"1960-10-07", "", annals::Precision::day, ""}, "SUHH"},
      {"RUS", {"1991", "", annals::Precision::year, ""}, "RUS"},
      {"RUS", {"1991-12-20", "1991-12-27", annals::Precision::day, ""}, "RUS"},
      {"SRB", {"1955-07", "", annals::Precision::month, ""}, "YUCS"},
      {"SRB", {"2004-03-07", "", annals::Precision::day, ""}, "CSXX"},
      {"CZE", {"1993-04-24", "", annals::Precision::day, ""}, "CZE"},
      {"LAO", {"1960-10-07", "", annals::Precision::day, ""}, "LAO"},
      {"RUS", {"", "", annals::Precision::unknown, ""}, "RUS"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.code);
    CAPTURE(c.date.start);
    CHECK(world.code_on(world.nation(c.code), c.date) == c.want);
  }
}

TEST_CASE("gen: two runs with the same seed write the same bytes") {
  TempDir one("one"), two("two"), other("other");
  generate({20, 42, one.path, {}});
  generate({20, 42, two.path, {}});
  generate({20, 43, other.path, {}});
  const auto a = contents(one.path), b = contents(two.path), c = contents(other.path);
  REQUIRE(a.size() == 40);
  CHECK(a == b);
  CHECK(a != c);
}

TEST_CASE("gen: 50 articles are 50 text files and 50 gold files") {
  TempDir text("text"), gold("gold"), beside("beside");
  generate({50, 1, text.path, gold.path});
  generate({50, 1, beside.path, {}});
  const std::regex name(R"(\d{6}_[0-9a-f]{16}\.(txt|json))");
  std::size_t txt = 0, json = 0;
  for (const auto& e : fs::directory_iterator(text.path)) {
    CHECK(std::regex_match(e.path().filename().string(), name));
    txt += e.path().extension() == ".txt";
  }
  for (const auto& e : fs::directory_iterator(gold.path)) {
    CHECK(std::regex_match(e.path().filename().string(), name));
    json += e.path().extension() == ".json";
  }
  CHECK(txt == 50);
  CHECK(json == 50);
  CHECK(contents(beside.path).size() == 100);
}

TEST_CASE("gen: every gold file parses and its evidence is quoted from its article") {
  TempDir dir("evidence");
  generate({50, 9, dir.path, {}});
  const std::regex iso(R"(\d{4}(-\d{2}(-\d{2})?)?)");
  std::size_t events = 0, required = 0, relations = 0, inferred = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) {
    if (e.path().extension() != ".json") continue;
    const auto gold = nlohmann::json::parse(read_file(e.path()));
    const std::string file = gold["source"]["file"].get<std::string>();
    CAPTURE(file);
    const std::string text = read_file(dir.path / file);
    REQUIRE(!text.empty());
    REQUIRE(gold["countries"].is_array());
    REQUIRE(gold["persons"].is_array());
    REQUIRE(gold["organizations"].is_array());
    for (const auto& ev : gold["events"]) {
      const std::string evidence = ev["evidence"].get<std::string>();
      CAPTURE(evidence);
      CHECK(text.find(evidence) != std::string::npos);
      CHECK(words_in(evidence) < 25);
      const auto& date = ev["date"];
      if (date["precision"] != "unknown") CHECK(std::regex_match(date["start"].get<std::string>(), iso));
      ++events;
      required += ev["required"].get<bool>();
      inferred += ev.contains("date_inferred_from");
    }
    for (const auto& r : gold["relations"]) {
      CHECK(text.find(r["evidence"].get<std::string>()) != std::string::npos);
      CHECK(r["countries"].size() == 2);
      ++relations;
    }
    for (const auto& p : gold["persons"]) CHECK(text.find(p["name"].get<std::string>()) != std::string::npos);
  }
  CHECK(events > 200);          // several events an article
  CHECK(required > events / 2);
  CHECK(relations > 10);
  CHECK(inferred > 20);         // relative dates are resolved in the gold
}

TEST_CASE("gen: the importer finds most events of generated articles") {
  TempDir text("quality_text"), gold("quality_gold"), store("quality_db");
  generate({30, 2024, text.path, gold.path});
  auto db = annals::Database::open(store.path / "kb.sqlite", annals::OpenMode::read_write);
  const auto imported = annals::import_paths(db, {text.path});
  CHECK(imported.ok());
  const auto report = annals::score_against_gold(db, gold.path);
  MESSAGE(report.text);
  const auto& events = report.at("events");
  CHECK(events.recall >= 0.6);
  CHECK(report.at("countries").recall >= 0.8);
}
