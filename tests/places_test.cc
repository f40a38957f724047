#include "pipeline/places.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "annals/error.h"
#include "embedded.h"
#include "pipeline/entities.h"
#include "pipeline/gazetteer.h"

using namespace annals;

namespace {

// The body with its country and organisation mentions, as analyse() builds them.
Doc doc_of(std::string_view body) {
  Doc doc;
  doc.article.body = std::string(body);
  const Gazetteer& g = default_gazetteer();
  doc.mentions = find_countries(doc, g);
  auto orgs = find_organizations(doc, g);
  doc.organizations = std::move(orgs.organizations);
  doc.mentions.insert(doc.mentions.end(), orgs.mentions.begin(), orgs.mentions.end());
  return doc;
}

struct Found {
  std::string text, code;
  bool capital = false;
  friend bool operator==(const Found&, const Found&) = default;
};

std::vector<Found> places_in(std::string_view body) {
  const Doc doc = doc_of(body);
  std::vector<Found> out;
  for (const auto& p : find_places(doc, default_gazetteer())) {
    CHECK(p.name == doc.text(p.span));
    out.push_back({p.name, p.country, p.capital});
  }
  return out;
}

std::vector<std::string> countries_in(std::string_view body) {
  const Doc doc = doc_of(body);
  std::vector<std::string> out;
  for (const auto& m : doc.mentions)
    if (m.kind == EntityKind::country) out.push_back(m.country);
  return out;
}

}  // namespace

TEST_CASE("places: capitals and cities by name and by other current spellings") {
  const struct {
    std::string_view text;
    std::vector<Found> want;
  } cases[] = {
      {"The delegation flew from Hanoi to Kazan.",
       {{"Hanoi", "VNM", true}, {"Kazan", "RUS", false}}},
      {"Talks in Hà Nội and Ha Noi", {{"Hà Nội", "VNM", true}, {"Ha Noi", "VNM", true}}},
      {"from Kyiv, then Kiev again", {{"Kyiv", "UKR", true}, {"Kiev", "UKR", true}}},
      {"a forum in St. Petersburg and Vladivostok",
       {{"St. Petersburg", "RUS", false}, {"Vladivostok", "RUS", false}}},
      {"she moved to Ho Chi Minh City, then Da Nang",
       {{"Ho Chi Minh City", "VNM", false}, {"Da Nang", "VNM", false}}},
      {"the summit in Addis Ababa", {{"Addis Ababa", "ETH", true}}},
      {"offices in Washington, D.C. and New York",
       {{"Washington, D.C.", "USA", true}, {"New York", "USA", false}}},
      {"a port near Sharm el-Sheikh", {{"Sharm el-Sheikh", "EGY", false}}},
      {"she flew to The Hague", {{"The Hague", "NLD", false}}},
      {"Moscow's reply came fast", {{"Moscow", "RUS", true}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(places_in(c.text) == c.want);
  }
}

TEST_CASE("places: a city named after its country is a place, not that country") {
  const struct {
    std::string_view text;
    std::string_view place, code;
  } cases[] = {
      {"They met in Mexico City yesterday.", "Mexico City", "MEX"},
      {"The ship docked at Port of Spain.", "Port of Spain", "TTO"},
      {"A dinner in Kuwait City followed.", "Kuwait City", "KWT"},
      {"Aid arrived by sea at Port Sudan.", "Port Sudan", "SDN"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto found = places_in(c.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == c.place);
    CHECK(found[0].code == c.code);
    CHECK(countries_in(c.text).empty());
  }
}

TEST_CASE("places: a city inside a longer name, a country or lowercase text is no place") {
  const std::string_view cases[] = {
      "She studied at Moscow State University.",
      "He read the Washington Post every day.",
      "Denzel Washington starred in it.",
      "a lima bean and a sofia cushion",
      "Singapore and Luxembourg signed.",
      "Paris Hilton arrived.",
      "The Tokyo Electric shares fell.",
      "the Jakarta Post reported",
  };
  for (const auto& text : cases) {
    CAPTURE(text);
    CHECK(places_in(text).empty());
  }
}

TEST_CASE("places: sentence openers, headline prepositions and date lines do not block a city") {
  const struct {
    std::string_view text, place;
  } cases[] = {
      {"In Beijing, the two sides talked.", "Beijing"},
      {"Leaders Meet In Vientiane", "Vientiane"},
      {"Premier Visits Tokyo", "Tokyo"},
      {"TOKYO — The minister said.", "TOKYO"},
      {"The Manila talks ended.", "Manila"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto found = places_in(c.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == c.place);
  }
}

TEST_CASE("places: the gazetteer lists a capital for every state with a city of its own") {
  const Gazetteer& g = default_gazetteer();
  // City-states and territories without a city of their own, and a few whose
  // capital's name is too common a word or name to match safely.
  const std::set<std::string> exempt = {"AIA", "ATA", "BMU", "BVT", "CCK", "FLK", "GIB",
                                        "HKG", "HMD", "IMN", "IOT", "MAC", "MCO", "MSR",
                                        "NFK", "REU", "SGP", "SGS", "SHN", "SMR", "SPM",
                                        "TKL", "UMI", "VAT"};
  for (const auto& c : g.countries()) {
    if (c.former || exempt.contains(c.code)) continue;
    CAPTURE(c.code);
    const Place* capital = g.capital_of(c.code);
    REQUIRE(capital != nullptr);
    CHECK(capital->country == c.code);
  }
  CHECK(g.capital_of("SGP") == nullptr);
}

TEST_CASE("places: no folded name or alias names two places") {
  std::map<std::string, std::set<std::string>> names;
  for (const auto& p : default_gazetteer().places()) {
    names[fold(p.name)].insert(p.name);
    for (const auto& a : p.aliases) names[fold(a)].insert(p.name);
  }
  for (const auto& entry : names) {
    // Named, not a structured binding: clang 14 cannot CAPTURE one.
    const std::string& folded = entry.first;
    CAPTURE(folded);
    CHECK(entry.second.size() == 1);
  }
}

TEST_CASE("places: place_index finds a city by any of its forms") {
  const Gazetteer& g = default_gazetteer();
  const struct {
    std::string_view form, name;
  } cases[] = {{"Kiev", "Kyiv"}, {"hanoi", "Hanoi"}, {"Ha Noi", "Hanoi"}, {"NYC", "New York"}};
  for (const auto& c : cases) {
    CAPTURE(c.form);
    const auto i = g.place_index(c.form);
    REQUIRE(i);
    CHECK(g.places()[*i].name == c.name);
  }
  CHECK_FALSE(g.place_index("Atlantis"));
}

TEST_CASE("places: a malformed places table is an error naming the line") {
  const std::string iso1(embedded("iso-codes/iso_3166-1.json"));
  const std::string iso3(embedded("iso-codes/iso_3166-3.json"));
  const std::string_view bad[] = {
      "Hanoi\tVNM\n",                // no kind
      "Hanoi\tXXX\tcapital\n",       // unknown country
      "Hanoi\tVNM\tvillage\n",       // unknown kind
      "Hanoi\tSUHH\tcity\n",         // a former state
  };
  for (const auto& tsv : bad) {
    CAPTURE(tsv);
    CHECK_THROWS_AS(Gazetteer(iso1, iso3, "", "", tsv), Error);
  }
  const Gazetteer g(iso1, iso3, "", "", "# comment\nHanoi\tVNM\tcapital\tHa Noi\n");
  REQUIRE(g.places().size() == 1);
  CHECK(g.places()[0].aliases == std::vector<std::string>{"Ha Noi"});
}
