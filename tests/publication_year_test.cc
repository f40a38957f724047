#include "pipeline/dates.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace annals;

namespace {

std::string read_seed(const std::string& name) {
  std::ifstream in(std::string(ANNALS_SOURCE_DIR) + "/seeds/" + name);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("publication year: inferred only when the text makes it certain") {
  const struct { std::string_view text; int want; } cases[] = {
      {"Over the past 30 years since the two states established ties on 1 May 1990, trade grew.",
       2020},
      {"It is 20 years since the bridge opened in 2003.", 2023},
      {"They celebrate the 40th anniversary of the treaty, signed in 1982.", 2022},
      {"Later this year the two navies will hold the Seabreeze-2027 drill.", 2027},
      {"Expo 2031 opens in Osaka later this year.", 2031},
      {"The minister arrived on March 3.\nRelated: Minister's visit on March 3–4, 2028 begins",
       2028},
      // nothing certain
      {"Trade grew in 2019 and 2020.", 0},
      {"In 2015, it was 30 years since the 1985 accord.", 0},  // the elapsed time is past
      {"In 2020, the 60th anniversary was marked.", 0},
      {"The summit will be held this year, the first since 2019.", 0},
      {"Later this year Expo 2030 and Laros-2025 both matter.", 0},
      {"The minister arrived on March 3. A visit on March 3, 2027 and March 3, 2028 is planned.",
       0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto got = infer_publication_year(c.text);
    CHECK((got ? got->year : 0) == c.want);
    if (got) CHECK_FALSE(got->reason.empty());
  }
}

TEST_CASE("publication year: seed articles give the years their gold files expect") {
  const struct { std::string_view file; int year; } inferred[] = {
      {"000_8b667b913f1f4dbc.txt", 2025},
      {"002_4031c5c2d2f7b495.txt", 2026},
      {"003_5491a7fb58a6eb31.txt", 2021},
  };
  for (const auto& c : inferred) {
    CAPTURE(c.file);
    const auto got = infer_publication_year(read_seed(std::string(c.file)));
    CHECK((got ? got->year : 0) == c.year);
  }
}

TEST_CASE("publication year: the reason quotes the text it rests on") {
  const auto elapsed = infer_publication_year("It is 20 years since the bridge opened in 2003.");
  REQUIRE(elapsed);
  CHECK(elapsed->reason == "'20 years since' with 2003 in the same sentence (2003 + 20)");
  const auto named = infer_publication_year("Later this year the navies hold Seabreeze-2027.");
  REQUIRE(named);
  CHECK(named->reason == "'this year' in a sentence naming 'Seabreeze-2027'");
  const auto day = infer_publication_year("He came on May 4.\nSee: talks on May 3–5, 2029 end");
  REQUIRE(day);
  CHECK(day->year == 2029);
  CHECK(day->reason == "'on May 4' has no year; the text prints it as 'May 3–5, 2029'");
}

TEST_CASE("publication year: a whole archive in one text is read in linear time") {
  // Each rule looks up the dates of one sentence, not of the whole text: this
  // took minutes when every sentence scanned every date.
  const std::string unit =
      "It is 20 years since the bridge opened in 2003. The minister arrived on March 3. "
      "Later this year the two navies will hold the Seabreeze-2023 drill. "
      "Talks on March 3\u20134, 2023 are planned.\n";
  std::string text;
  while (text.size() < 4'000'000) text += unit;
  const auto got = infer_publication_year(text);
  REQUIRE(got);
  CHECK(got->year == 2023);
}
