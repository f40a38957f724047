#include "pipeline/gazetteer.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "annals/error.h"
#include "embedded.h"

using namespace annals;

TEST_CASE("gazetteer: every ISO 3166-1 country and the former states are listed") {
  const Gazetteer& g = default_gazetteer();
  std::size_t current = 0, former = 0;
  for (const auto& c : g.countries()) {
    CAPTURE(c.code);
    CHECK_FALSE(c.name.empty());
    CHECK(c.name.find(',') == std::string::npos);  // display names are not inverted
    (c.former ? former : current) += 1;
    CHECK(c.code.size() == (c.former ? 4u : 3u));
  }
  CHECK(current == 249);
  CHECK(former >= 30);
}

TEST_CASE("gazetteer: every current country has a name the texts use") {
  const Gazetteer& g = default_gazetteer();
  std::set<std::string> named;
  for (const auto& a : g.aliases())
    if (a.kind == AliasKind::name || a.kind == AliasKind::short_name) named.insert(a.code);
  for (const auto& c : g.countries())
    if (!c.former) {
      CAPTURE(c.code);
      CHECK(named.contains(c.code));
    }
}

TEST_CASE("gazetteer: no folded alias names two countries") {
  std::map<std::string, std::set<std::string>> codes;
  for (const auto& a : default_gazetteer().aliases()) codes[fold(a.alias)].insert(a.code);
  for (const auto& entry : codes) {
    // Named, not a structured binding: clang 14 cannot CAPTURE one.
    const std::string& folded = entry.first;
    CAPTURE(folded);
    CHECK(entry.second.size() == 1);
  }
}

TEST_CASE("gazetteer: country_code resolves names, demonyms, former names and codes") {
  const Gazetteer& g = default_gazetteer();
  const struct {
    std::string_view alias, want;
  } cases[] = {
      {"Laos", "LAO"},
      {"Lao PDR", "LAO"},
      {"lao", "LAO"},
      {"Laotian", "LAO"},
      {"Lao People's Democratic Republic", "LAO"},
      {"Việt Nam", "VNM"},
      {"Vietnam", "VNM"},
      {"Viet Nam", "VNM"},
      {"Russia", "RUS"},
      {"Russian Federation", "RUS"},
      {"U.S.", "USA"},
      {"America", "USA"},
      {"UK", "GBR"},
      {"Britain", "GBR"},
      {"South Korea", "KOR"},
      {"DPRK", "PRK"},
      {"Czechia", "CZE"},
      {"Türkiye", "TUR"},
      {"Turkey", "TUR"},
      {"Ivory Coast", "CIV"},
      {"Burma", "MMR"},
      {"Siam", "THA"},
      {"Siamese", "THA"},
      {"Khmer", "KHM"},
      {"Argentine", "ARG"},
      {"Filipino", "PHL"},
      {"Soviet Union", "SUHH"},
      {"USSR", "SUHH"},
      {"Soviet", "SUHH"},
      {"Yugoslavia", "YUCS"},
      {"East Germany", "DDDE"},
      {"Czechoslovakia", "CSHH"},
      {"VNM", "VNM"},
      {"suhh", "SUHH"},
      {"VN", "VNM"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.alias);
    CHECK(g.country_code(c.alias) == std::optional<std::string>(c.want));
  }
  for (std::string_view city : {"Hanoi", "Kazan", "Moscow", "Mexico City", "Latin America"}) {
    CAPTURE(city);
    CHECK_FALSE(g.country_code(city));
  }
}

TEST_CASE("gazetteer: former states carry successor and withdrawal date") {
  const Gazetteer& g = default_gazetteer();
  const struct {
    std::string_view code, successor, withdrawn;
  } cases[] = {
      {"SUHH", "RUS", "1992-08-30"}, {"DDDE", "DEU", "1990-10-30"}, {"CSHH", "CZE", "1993-06-15"},
      {"YUCS", "SRB", "2003-07-23"}, {"BUMM", "MMR", "1989-12-05"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.code);
    const Country* country = g.country(c.code);
    REQUIRE(country);
    CHECK(country->former);
    CHECK(country->successor == std::optional<std::string>(c.successor));
    REQUIRE(country->withdrawn);
    CHECK(to_iso(*country->withdrawn) == c.withdrawn);
  }
  CHECK_FALSE(g.country("RUS")->former);
  CHECK_FALSE(g.country("RUS")->successor);
}

TEST_CASE("gazetteer: a successor in a fact ending before its former state did stands for that state") {
  const Gazetteer& g = default_gazetteer();
  using namespace date;
  const struct {
    std::string_view code;
    year_month_day last_day;
    std::string_view state;
  } cases[] = {
      {"RUS", 1960_y / October / 7, "SUHH"},  {"RUS", 1991_y / December / 25, "SUHH"},
      {"RUS", 1991_y / December / 31, "RUS"}, {"SRB", 1955_y / July / 3, "YUCS"},
      {"SRB", 2004_y / March / 7, "CSXX"},    {"SRB", 2006_y / September / 19, "SRB"},
      {"CZE", 1992_y / December / 31, "CSHH"}, {"CZE", 1993_y / April / 24, "CZE"},
      {"DEU", 1970_y / January / 1, "DEU"},   {"MMR", 1980_y / January / 1, "MMR"},
      {"LAO", 1960_y / January / 1, "LAO"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.code);
    CAPTURE(c.last_day);
    CHECK(g.state_on(std::string(c.code), c.last_day) == c.state);
  }
  CHECK(g.country("SUHH")->ended == std::optional(1991_y / December / 26));
}

TEST_CASE("gazetteer: country_named takes names and demonyms, not codes") {
  const Gazetteer& g = default_gazetteer();
  CHECK(g.country_named("Georgia") == std::optional<std::string>("GEO"));
  CHECK(g.country_named("israel") == std::optional<std::string>("ISR"));
  CHECK(g.country_named("Lao") == std::optional<std::string>("LAO"));
  CHECK_FALSE(g.country_named("GEO"));
  CHECK(g.country_code("GEO") == std::optional<std::string>("GEO"));
  CHECK_FALSE(g.country_named("Stean"));
}

TEST_CASE("gazetteer: display and official names") {
  const Gazetteer& g = default_gazetteer();
  CHECK(g.country_name("LAO") == "Laos");
  CHECK(g.country_name("VNM") == "Vietnam");
  CHECK(g.country_name("SUHH") == "Soviet Union");
  CHECK(g.country_name("COD") == "Democratic Republic of the Congo");
  CHECK(g.country("SUHH")->official_name == "Union of Soviet Socialist Republics");
  CHECK(g.country("VNM")->official_name == "Socialist Republic of Viet Nam");
  CHECK(g.country("ERI")->official_name == "State of Eritrea");
  CHECK_FALSE(g.country_name("XXX"));
}

TEST_CASE("gazetteer: alias kinds come from the TSV and ISO") {
  const Gazetteer& g = default_gazetteer();
  const struct {
    std::string_view code, alias;
    AliasKind kind;
  } cases[] = {
      {"LAO", "Lao", AliasKind::adjective},
      {"RUS", "Russians", AliasKind::demonym},
      {"THA", "Siam", AliasKind::former_name},
      {"LAO", "Lao People's Democratic Republic", AliasKind::name},
      {"CHN", "People's Republic of China", AliasKind::official_name},
      {"SUHH", "USSR", AliasKind::short_name},
  };
  for (const auto& c : cases) {
    CAPTURE(c.alias);
    bool found = false;
    for (const auto& a : g.aliases())
      found = found || (a.code == c.code && a.alias == c.alias && a.kind == c.kind);
    CHECK(found);
  }
}

TEST_CASE("gazetteer: known organisations resolve by name and alias") {
  const Gazetteer& g = default_gazetteer();
  const struct {
    std::string_view alias, name;
  } cases[] = {
      {"ASEAN", "ASEAN"},
      {"Association of Southeast Asian Nations", "ASEAN"},
      {"UN", "United Nations"},
      {"LPRP", "Lao People's Revolutionary Party"},
      {"CPV", "Communist Party of Vietnam"},
      {"EAEU", "Eurasian Economic Union"},
      {"Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.alias);
    const auto i = g.organization_index(c.alias);
    REQUIRE(i);
    CHECK(g.organizations()[*i].name == c.name);
  }
  CHECK(g.organizations()[*g.organization_index("CPV")].country == "VNM");
  CHECK(g.organizations()[*g.organization_index("ASEAN")].kind == "international");
}

TEST_CASE("gazetteer: malformed reference data throws naming file and line") {
  const auto iso1 = embedded("iso-codes/iso_3166-1.json");
  const auto iso3 = embedded("iso-codes/iso_3166-3.json");
  const struct {
    std::string_view aliases, organizations, want;
  } cases[] = {
      {"# c\nXYZ\tname\tNowhere\n", "", "line 2: unknown country code"},
      {"LAO\tnickname\tLaoland\n", "", "line 1: unknown kind"},
      {"LAO\tname\n", "", "line 1: want code"},
      {"SUHH\tsuccessor\tZZZ\n", "", "unknown successor"},
      {"SUHH\tended\t1991\n", "", "line 1: want a former state and a day"},
      {"RUS\tended\t1991-12-26\n", "", "line 1: want a former state and a day"},
      {"", "Foo\t\tclub\t\n", "line 1: unknown kind"},
      {"", "Foo\t\tparty\tXYZ\n", "unknown country"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.want);
    try {
      Gazetteer g(iso1, iso3, c.aliases, c.organizations);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find(c.want) != std::string::npos);
    }
  }
  CHECK_THROWS_AS(Gazetteer("{", iso3, "", ""), Error);
}

TEST_CASE("gazetteer: phrase table matches longest first and keeps alias case") {
  PhraseTable table;
  for (std::string_view p : {"Guinea", "Papua New Guinea", "US", "Turkey"}) table.add(p, {});
  PhraseEntry blocked;
  blocked.blocked = true;
  table.add("New Guinea", blocked);
  const struct {
    std::string_view text;
    std::vector<std::string_view> want;
  } cases[] = {
      {"Papua New Guinea and Guinea", {"Papua New Guinea", "Guinea"}},
      {"the island of New Guinea", {}},
      {"US and us", {"US"}},
      {"a turkey for Turkey", {"Turkey"}},
      {"Papua New\nGuinea", {"Guinea"}},  // a line break is no space inside a name
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const TokenizedText t = tokenize(c.text);
    std::vector<std::string_view> got;
    for (const auto& m : table.match(t)) got.push_back(text_of(c.text, m.span));
    CHECK(got == c.want);
  }
}
