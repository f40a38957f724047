#include "pipeline/entities.h"

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "pipeline/gazetteer.h"
#include "pipeline/org_words.h"
#include "pipeline/phrases.h"
#include "text/word_map.h"

using namespace annals;

namespace {

Doc doc_of(std::string_view body) {
  Doc doc;
  doc.article.body = std::string(body);
  return doc;
}

struct Found {
  std::string text, code;
  bool adjective = false;
  friend bool operator==(const Found&, const Found&) = default;
};

std::vector<Found> countries_in(std::string_view body) {
  const Doc doc = doc_of(body);
  std::vector<Found> out;
  for (const auto& m : find_countries(doc, default_gazetteer()))
    out.push_back({std::string(doc.text(m.span)), m.country, m.adjective});
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("entities: countries by name, official name, demonym and former name") {
  const struct {
    std::string_view text;
    std::vector<Found> want;
  } cases[] = {
      {"Laos and Russia signed.", {{"Laos", "LAO"}, {"Russia", "RUS"}}},
      {"the Lao PDR and the Russian Federation",
       {{"Lao PDR", "LAO"}, {"Russian Federation", "RUS"}}},
      {"Việt Nam, Viet Nam and Vietnam",
       {{"Việt Nam", "VNM"}, {"Viet Nam", "VNM"}, {"Vietnam", "VNM"}}},
      {"the Socialist Republic of Viet Nam", {{"Socialist Republic of Viet Nam", "VNM"}}},
      {"Lao-Russian talks", {{"Lao", "LAO", true}, {"Russian", "RUS", true}}},
      {"Laos’s history and Russia's help", {{"Laos", "LAO"}, {"Russia", "RUS"}}},
      {"Siamese and Khmer kings", {{"Siamese", "THA", true}, {"Khmer", "KHM", true}}},
      {"the old kingdom of Siam", {{"Siam", "THA"}}},
      {"The Soviet Union, the USSR and Soviet pilots",
       {{"Soviet Union", "SUHH"}, {"USSR", "SUHH"}, {"Soviet", "SUHH", true}}},
      {"East Germany and Czechoslovakia", {{"East Germany", "DDDE"}, {"Czechoslovakia", "CSHH"}}},
      {"Americans and Laotians", {{"Americans", "USA", true}, {"Laotians", "LAO", true}}},
      {"US bombs, U.S. aid and the USA", {{"US", "USA"}, {"U.S.", "USA"}, {"USA", "USA"}}},
      {"the United States of America", {{"United States of America", "USA"}}},
      {"the People's Republic of China and the Republic of China",
       {{"People's Republic of China", "CHN"}, {"Republic of China", "TWN"}}},
      {"Papua New Guinea, Guinea-Bissau and Guinea",
       {{"Papua New Guinea", "PNG"}, {"Guinea-Bissau", "GNB"}, {"Guinea", "GIN"}}},
      {"Niger and Nigeria", {{"Niger", "NER"}, {"Nigeria", "NGA"}}},
      {"South Korea and North Korea", {{"South Korea", "KOR"}, {"North Korea", "PRK"}}},
      {"Türkiye, formerly Turkey", {{"Türkiye", "TUR"}, {"Turkey", "TUR"}}},
      {"In Jordan, talks began. Visiting Chad and Georgia",
       {{"Jordan", "JOR"}, {"Chad", "TCD"}, {"Georgia", "GEO"}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(countries_in(c.text) == c.want);
  }
}

TEST_CASE("entities: cities, common words and given names are not countries") {
  const std::string_view cases[] = {
      "He landed in Hanoi, then flew to Kazan and Moscow.",
      "The mayor of Mexico City spoke on Latin American trade.",
      "let us roast a turkey in china bowls",
      "He met Michael Jordan and Chad Smith.",
      "Michael Jordan said so. Israel Katz agreed.",
      "The island of New Guinea lies north.",
      "Le chef de l'État a reçu hier les représentants des syndicats. Il a dit que la "
      "situation est grave, mais que le gouvernement est prêt à discuter avec eux.",
      "Президент провёл переговоры в Кремле. Mời quý độc giả theo dõi trên trang.",
  };
  for (std::string_view text : cases) {
    CAPTURE(text);
    CHECK(countries_in(text).empty());
  }
}

TEST_CASE("entities: country spans point at the body bytes") {
  const Doc doc = doc_of("Hà Nội và Việt Nam; then Laos.");
  const auto mentions = find_countries(doc, default_gazetteer());
  REQUIRE(mentions.size() == 2);
  CHECK(doc.text(mentions[0].span) == "Việt Nam");
  CHECK(doc.text(mentions[1].span) == "Laos");
  CHECK(mentions[0].kind == EntityKind::country);
}

namespace {

struct OrgWant {
  std::string_view name;
  std::optional<std::string> country;
  std::vector<std::string> aliases;
};

const Organization* org_named(const OrganizationResult& r, std::string_view name) {
  for (const auto& o : r.organizations) {
    if (fold(o.name) == fold(name)) return &o;
    for (const auto& a : o.aliases)
      if (fold(a) == fold(name)) return &o;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("entities: organisations known and found by form") {
  const struct {
    std::string_view text;
    std::vector<OrgWant> want;
  } cases[] = {
      {"Laos joined the Association of Southeast Asian Nations (ASEAN) long ago.",
       {{"ASEAN", std::nullopt, {}}}},
      {"Delegates of the Lao People’s Revolutionary Party (LPRP) came.",
       {{"Lao People's Revolutionary Party", "LAO", {"LPRP"}}}},
      {"She studied at the Siberian Federal University and at the Hungarian Academy of "
       "Sciences.",
       {{"Siberian Federal University", std::nullopt, {}},
        {"Hungarian Academy of Sciences", "HUN", {}}}},
      {"Chile joined the Group of Friends for the Defence of the UN Charter last year.",
       {{"Group of Friends for the Defence of the UN Charter", std::nullopt, {}},
        {"United Nations", std::nullopt, {}}}},
      {"He is Secretary General of the Central Committee of the Communist Party of Vietnam, "
       "Mr Lam said.",
       {{"Central Committee of the Communist Party of Vietnam", "VNM", {}},
        {"Communist Party of Vietnam", "VNM", {}}}},
      {"The Mekong Institute of Applied Studies (MIAS) opened. Later MIAS grew.",
       {{"Mekong Institute of Applied Studies", std::nullopt, {"MIAS"}}}},
      {"The Federal Agency for Trade, Transport and Communications (FATC) met.",
       {{"Federal Agency for Trade, Transport and Communications", std::nullopt, {"FATC"}}}},
      {"The Ministry of Trade, Japan and Kenya agreed.", {{"Ministry of Trade", std::nullopt, {}}}},
      {"Kenya News Agency reported it.", {{"Kenya News Agency", "KEN", {}}}},
      {"The Thai-Japanese Friendship Association met.",
       {{"Thai-Japanese Friendship Association", std::nullopt, {}}}},
      {"Lao Party General Secretary Bounmy spoke.",
       {{"Lao People's Revolutionary Party", "LAO", {}}}},
      {"It ran in the Kalinga newspaper and the online magazine “Northern Review”.",
       {{"Kalinga", std::nullopt, {}}, {"Northern Review", std::nullopt, {}}}},
      {"Leaders met at the BRICS Summit while WHO experts stayed home.",
       {{"BRICS", std::nullopt, {}}, {"World Health Organization", std::nullopt, {}}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Doc doc = doc_of(c.text);
    const auto r = find_organizations(doc, default_gazetteer());
    std::string got;
    for (const auto& o : r.organizations) got += o.name + " | ";
    CAPTURE(got);
    CHECK(r.organizations.size() == c.want.size());
    for (const auto& w : c.want) {
      CAPTURE(w.name);
      const Organization* o = org_named(r, w.name);
      REQUIRE(o);
      CHECK(o->country == w.country);
      for (const auto& a : w.aliases)
        CHECK(std::find(o->aliases.begin(), o->aliases.end(), a) != o->aliases.end());
    }
  }
}

TEST_CASE("entities: an organisation name stops before a date") {
  const struct {
    std::string_view text, name;
  } cases[] = {
      {"She was chosen by the Federal Council on March 3, 2021.", "Federal Council"},
      {"The Defence Ministry on Tuesday denied it.", "Defence Ministry"},
      {"The Budget Committee in May 2020 met.", "Budget Committee"},
      {"The Supreme Court on Friday ruled.", "Supreme Court"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Doc doc = doc_of(c.text);
    const auto r = find_organizations(doc, default_gazetteer());
    REQUIRE(r.organizations.size() == 1);
    CHECK(r.organizations[0].name == c.name);
  }
}

TEST_CASE("entities: a country's possessive states the country of the body it names") {
  const struct {
    std::string_view text;
    std::vector<OrgWant> want;
  } cases[] = {
      // Not stated: the text's other countries do not lend theirs.
      {"Chile and Peru met. The Federal Council approved it.", {{"Federal Council", std::nullopt, {}}}},
      {"Chile's Federal Council approved it.", {{"Federal Council", "CHL", {}}}},
      // A bare use before or after the possessive one is the same body.
      {"The Federal Council met. Later Chile’s Federal Council approved it.",
       {{"Federal Council", "CHL", {}}}},
      // Another state's body of the same name is another organisation.
      {"Chile's Federal Council and Peru's Federal Council met. Peru's Federal Council left.",
       {{"Federal Council", "CHL", {}}, {"Federal Council", "PER", {}}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Doc doc = doc_of(c.text);
    const auto r = find_organizations(doc, default_gazetteer());
    std::string got;
    for (const auto& o : r.organizations) got += o.name + " " + o.country.value_or("-") + " | ";
    CAPTURE(got);
    REQUIRE(r.organizations.size() == c.want.size());
    for (std::size_t i = 0; i < c.want.size(); ++i) {
      CHECK(r.organizations[i].name == c.want[i].name);
      CHECK(r.organizations[i].country == c.want[i].country);
    }
  }
}

TEST_CASE("entities: sentences without organisations yield none") {
  const std::string_view cases[] = {
      "Laos and Vietnam agreed on the Party and the State line.",
      "The Soviet Union recognised Laos. who said so?",
      "Both Parties, States and peoples met in Hanoi.",
      "Le chef de l'État a reçu hier les représentants des syndicats.",
  };
  for (std::string_view text : cases) {
    CAPTURE(text);
    const Doc doc = doc_of(text);
    CHECK(find_organizations(doc, default_gazetteer()).organizations.empty());
  }
}

TEST_CASE("entities: an acronym in brackets makes later bare uses mentions") {
  const Doc doc = doc_of(
      "The Lao People’s Revolutionary Party (LPRP) met; the LPRP later "
      "praised the Polar Research Institute (PRI). PRI staff came.");
  const auto r = find_organizations(doc, default_gazetteer());
  std::map<std::string, std::vector<std::string>> by_org;
  for (const auto& m : r.mentions) {
    CHECK(m.kind == EntityKind::organization);
    by_org[r.organizations[m.entity].name].push_back(std::string(doc.text(m.span)));
  }
  CHECK(by_org["Lao People's Revolutionary Party"] ==
        std::vector<std::string>{"Lao People’s Revolutionary Party", "LPRP", "LPRP"});
  CHECK(by_org["Polar Research Institute"] ==
        std::vector<std::string>{"Polar Research Institute", "PRI", "PRI"});
  for (std::size_t i = 1; i < r.mentions.size(); ++i)
    CHECK(r.mentions[i - 1].span.begin <= r.mentions[i].span.begin);
}

TEST_CASE("entities: seed articles yield every gold country and required organisation") {
  const std::string seeds[] = {"000_8b667b913f1f4dbc", "001_4c47eab0fb83ebe0",
                               "002_4031c5c2d2f7b495", "003_5491a7fb58a6eb31",
                               "004_9bbb147ad7ec8272"};
  for (const auto& seed : seeds) {
    CAPTURE(seed);
    const Doc doc = doc_of(read_file(std::string(ANNALS_SOURCE_DIR) + "/seeds/" + seed + ".txt"));
    const auto gold = nlohmann::json::parse(
        read_file(std::string(ANNALS_SOURCE_DIR) + "/tests/gold/" + seed + ".json"));
    std::set<std::string> codes;
    for (const auto& m : find_countries(doc, default_gazetteer())) codes.insert(m.country);
    for (const auto& code : gold["countries"]) {
      CAPTURE(code.get<std::string>());
      CHECK(codes.contains(code.get<std::string>()));
    }
    const auto r = find_organizations(doc, default_gazetteer());
    for (const auto& o : gold["organizations"]) {
      if (!o["required"].get<bool>()) continue;
      CAPTURE(o["name"].get<std::string>());
      CHECK(org_named(r, o["name"].get<std::string>()));
    }
  }
}

TEST_CASE("entities: the body's tokens are fold()'s words with the bytes they came from") {
  const std::string_view cases[] = {
      "",
      "  ,;  ",
      "Việt Nam’s Prime Minister met U.S. envoys in Hà Nội.",
      "e\xCC\x81tude (re\xCC\x81sume\xCC\x81) ÆSIR Straße \xCC\x81x ПРАВДА, ΑΘΗΝΑ",
      "Lao-Russian ties\n\nVOV.VN - 12 May 2024",
  };
  for (const auto text : cases) {
    CAPTURE(text);
    const TokenizedText t = tokenize(text);
    CHECK(t.folded == fold(text));
    // fold_with_map says where each word of fold(text) came from.
    const Folded f = fold_with_map(text);
    std::vector<Span> want;
    for (std::size_t b = 0; b < f.text.size();) {
      const std::size_t e = std::min(f.text.find(' ', b), f.text.size());
      want.push_back({f.origin[b], f.origin_end[e - 1]});
      b = e + 1;
    }
    REQUIRE(t.tokens.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      CHECK(t.tokens[i].source == want[i]);
      CHECK(t.tokens[i].hash == word_hash(t.folded_of(i, i + 1)));
      CHECK(fold(t.source_of(i)) == t.folded_of(i, i + 1));
    }
  }
}

TEST_CASE("entities: org_words classes answer as the word predicates do") {
  using namespace org_words;
  const struct {
    std::string_view word;
    unsigned want;
  } cases[] = {
      {"ministry", kHead},
      {"of", kConnector | kStop},
      {"the", kConnector | kStop},
      {"meanwhile", kStop},
      {"august", kDate},
      {"president", kTitle},
      {"newspaper", kMediaAfter | kMediaBefore},
      {"daily", kMediaAfter},
      {"journal", kMediaBefore},
      {"laos", 0},
      {"", 0},
      {"Ministry", 0},  // words are folded first
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    const unsigned got = classes(c.word, word_hash(c.word));
    CHECK(got == c.want);
    CHECK(head_word(c.word) == bool(got & kHead));
    CHECK(connector(c.word) == bool(got & kConnector));
    CHECK(stop_word(c.word) == bool(got & kStop));
    CHECK(date_word(c.word) == bool(got & kDate));
    CHECK(title_word(c.word) == bool(got & kTitle));
  }
}

TEST_CASE("entities: words joined by hyphens, apostrophes and dots read as one") {
  const struct {
    std::string_view text, name;
  } cases[] = {
      {"The Lao-Russian Friendship Association met.", "Lao-Russian Friendship Association"},
      {"The People\u2019s Friendship Union met.", "People\u2019s Friendship Union"},
      {"The Asia-Pacific\u2011Region Forum met.", "Asia-Pacific\u2011Region Forum"},
      {"The Asia - Pacific Forum met.", "Pacific Forum"},  // spaced: three words
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Doc doc = doc_of(c.text);
    const auto r = find_organizations(doc, default_gazetteer());
    REQUIRE(r.organizations.size() == 1);
    CHECK(r.organizations[0].name == c.name);
  }
}
