#include "pipeline/persons.h"

#include "pipeline/names.h"
#include "pipeline/person_scan.h"
#include "text/text.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace annals;

namespace {

// A stand-in for the country and organisation stages: phrases marked as mentions
// wherever they occur as whole words, longest first, never overlapping.
struct Known {
  std::string_view text;
  std::string_view code;  // country code, or organisation name when org
  bool adjective = false;
  bool org = false;
  std::string_view org_country = "";
};

const Known kKnown[] = {
    {"Lao People’s Revolutionary Party", "Lao People’s Revolutionary Party", false, true, "LAO"},
    {"LPRP", "Lao People’s Revolutionary Party", false, true, "LAO"},
    {"Communist Party of Vietnam", "Communist Party of Vietnam", false, true, "VNM"},
    {"CPV", "Communist Party of Vietnam", false, true, "VNM"},
    {"Russian Academy of Sciences", "Russian Academy of Sciences", false, true, "RUS"},
    {"ASEAN", "ASEAN", false, true, ""},
    {"United Nations", "United Nations", false, true, ""},
    {"Lao People’s Democratic Republic", "LAO"},
    {"Lao PDR", "LAO"},
    {"Laos", "LAO"},
    {"Lao", "LAO", true},
    {"Laotian", "LAO", true},
    {"Russian Federation", "RUS"},
    {"Russia", "RUS"},
    {"Russian", "RUS", true},
    {"Vietnam", "VNM"},
    {"Việt Nam", "VNM"},
    {"Vietnamese", "VNM", true},
    {"United States", "USA"},
    {"New Zealand", "NZL"},
    {"Soviet Union", "SUHH"},
    {"USSR", "SUHH"},
    {"China", "CHN"},
    {"Chinese", "CHN", true},
    {"Cambodia", "KHM"},
    {"Thai", "THA", true},
    {"Khmer", "KHM", true},
    {"French", "FRA", true},
    {"Japanese", "JPN", true},
    {"Cambodian", "KHM", true},
    {"Philippine", "PHL", true},
};

bool word_byte(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  return std::isalnum(c) || (c >= 0x80 && c != 0xE2);
}

Doc make_doc(std::string body) {
  Doc doc;
  doc.article.body = std::move(body);
  const std::string_view b = doc.article.body;
  std::vector<Known> known(std::begin(kKnown), std::end(kKnown));
  std::stable_sort(known.begin(), known.end(),
                   [](const Known& x, const Known& y) { return x.text.size() > y.text.size(); });
  for (const Known& k : known) {
    for (auto at = b.find(k.text); at != std::string_view::npos; at = b.find(k.text, at + 1)) {
      const Span sp{at, at + k.text.size()};
      if ((at > 0 && word_byte(b, at - 1)) || (sp.end < b.size() && word_byte(b, sp.end))) continue;
      if (std::any_of(doc.mentions.begin(), doc.mentions.end(),
                      [&](const Mention& m) { return m.span.overlaps(sp); }))
        continue;
      Mention m;
      m.span = sp;
      if (k.org) {
        auto it = std::find_if(doc.organizations.begin(), doc.organizations.end(),
                               [&](const Organization& o) { return o.name == k.code; });
        if (it == doc.organizations.end()) {
          Organization o;
          o.name = std::string(k.code);
          if (!k.org_country.empty()) o.country = std::string(k.org_country);
          doc.organizations.push_back(o);
          it = doc.organizations.end() - 1;
        }
        m.kind = EntityKind::organization;
        m.entity = std::size_t(it - doc.organizations.begin());
      } else {
        m.country = std::string(k.code);
        m.adjective = k.adjective;
      }
      doc.mentions.push_back(m);
    }
  }
  std::sort(doc.mentions.begin(), doc.mentions.end(),
            [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
  // Sentences: lines, cut after ". " before a capital.
  std::size_t start = 0;
  for (std::size_t i = 0; i <= b.size(); ++i) {
    const bool line = i == b.size() || b[i] == '\n';
    const bool stop = i + 2 < b.size() && b[i] == '.' && b[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(b[i + 2])) &&
                      !(i >= 2 && b[i - 2] == ' ') && !(i >= 1 && std::isupper(static_cast<unsigned char>(b[i - 1])) && (i < 2 || !std::isalpha(static_cast<unsigned char>(b[i - 2]))));
    if (line || stop) {
      const std::size_t end = stop ? i + 1 : i;
      if (end > start) doc.sentences.push_back({start, end});
      start = stop ? i + 2 : i + 1;
    }
  }
  return doc;
}

const Person* person_named(const PersonResult& r, std::string_view name) {
  for (const Person& p : r.persons)
    if (fold(p.name) == fold(name)) return &p;
  return nullptr;
}

std::vector<std::string> titles_of(const Person& p) {
  std::vector<std::string> out;
  for (const Position& pos : p.positions) out.push_back(pos.title);
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "|") + s;
  return out;
}

std::string names(const PersonResult& r) {
  std::vector<std::string> v;
  for (const Person& p : r.persons) v.push_back(p.name);
  return joined(v);
}

}  // namespace

TEST_CASE("persons: a title before a name introduces the person, its post and its country") {
  const struct {
    std::string_view text, name, country, titles;
  } cases[] = {
      {"Russian Foreign Minister Sergey Lavrov arrived in Hanoi.", "Sergey Lavrov", "RUS", "Foreign Minister"},
      {"Talks began after Lao President Khamla Vongsa landed.", "Khamla Vongsa", "LAO", "President"},
      {"Prime Minister Phạm Văn Đồng spoke on Monday.", "Phạm Văn Đồng", "", "Prime Minister"},
      {"The paper quoted President Ho Chi Minh at length.", "Ho Chi Minh", "", "President"},
      {"State President Lương Cường received the guests.", "Lương Cường", "", "President"},
      {"Party General Secretary To Lam chaired it.", "To Lam", "", "General Secretary"},
      {"Later, Vietnamese General Secretary To Lam spoke.", "To Lam", "VNM", "General Secretary"},
      {"Lao Party General Secretary and State President Khamla Vongsa arrived.", "Khamla Vongsa", "LAO",
       "General Secretary|President"},
      {"They sent a special envoy-Foreign Minister Le Van Hoa- to Laos.", "Le Van Hoa", "",
       "Special Envoy|Foreign Minister"},
      {"That was said by Lao Ambassador to Vietnam Somsak Inthavong today.", "Somsak Inthavong", "LAO",
       "Ambassador"},
      {"Deputy Prime Minister Jane Roe resigned.", "Jane Roe", "", "Deputy Prime Minister"},
      {"Minister of Foreign Affairs Ana Lima replied.", "Ana Lima", "", "Foreign Minister"},
      {"Russia’s President Ivan Petrov phoned.", "Ivan Petrov", "RUS", "President"},
      {"CPV General Secretary Nguyen Van Linh said so.", "Nguyen Van Linh", "VNM", "General Secretary"},
      {"ASEAN Secretary-General Kao Kim Hourn opened it.", "Kao Kim Hourn", "", "Secretary General"},
      {"He thanked Mr. John Smith warmly.", "John Smith", "", ""},
      {"Crown Prince Mohammed bin Salman hosted them.", "Mohammed bin Salman", "", "Crown Prince"},
      {"President Bashar al-Assad replied.", "Bashar al-Assad", "", "President"},
      {"President Ursula von der Leyen replied.", "Ursula von der Leyen", "", "President"},
      {"Former president Jean-Claude Dupont wrote.", "Jean-Claude Dupont", "", "President"},
      {"Chinese Premier Li Qiang met Japanese Emperor Naruhito.", "Li Qiang", "CHN", "Premier"},
      {"Chinese Premier Li Qiang met Japanese Emperor Naruhito.", "Naruhito", "JPN", "Emperor"},
      {"Queen Elizabeth II opened it.", "Elizabeth II", "", "Queen"},
      {"Talks with Colonel Nguyen Van Tuan ended.", "Nguyen Van Tuan", "", "Colonel"},
      {"Speaker of the National Assembly Tran Thanh Man opened it.", "Tran Thanh Man", "", "Speaker"},
      {"Later the United States' President John Roe spoke.", "John Roe", "USA", "President"},
      {"Russia's then-Prime Minister Ivan Petrov arrived.", "Ivan Petrov", "RUS", "Prime Minister"},
      {"China's former President Li Wei wrote.", "Li Wei", "CHN", "President"},
      {"Lao Ambassador to New Zealand Somsak Inthavong spoke.", "Somsak Inthavong", "LAO", "Ambassador"},
      {"Russian Ambassador to Israel Ivan Petrov spoke.", "Ivan Petrov", "RUS", "Ambassador"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = find_persons(make_doc(std::string(c.text)));
    CAPTURE(names(r));
    const Person* p = person_named(r, c.name);
    REQUIRE(p);
    CHECK(p->name == c.name);
    CHECK(p->country.value_or("") == c.country);
    CHECK(joined(titles_of(*p)) == c.titles);
  }
}

TEST_CASE("persons: a title with 'of' takes its country or organisation from the phrase") {
  const struct {
    std::string_view text, name, country, title, organization;
  } cases[] = {
      {"President of the Lao People’s Democratic Republic Khamla Vongsa visited Moscow.", "Khamla Vongsa",
       "LAO", "President", ""},
      {"General Secretary of the Lao People’s Revolutionary Party (LPRP) and President Khamla Vongsa came.",
       "Khamla Vongsa", "LAO", "General Secretary", "Lao People’s Revolutionary Party"},
      {"Secretary General of the Central Committee of the Communist Party of Vietnam Nguyen Van An spoke.",
       "Nguyen Van An", "VNM", "Secretary General", "Central Committee of the Communist Party of Vietnam"},
      {"Chairman of the Central Bank Ivan Petrov said rates would hold.", "Ivan Petrov", "", "Chairman",
       "Central Bank"},
      {"The President of Laos Khamla Vongsa smiled.", "Khamla Vongsa", "LAO", "President", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = find_persons(make_doc(std::string(c.text)));
    CAPTURE(names(r));
    REQUIRE(r.persons.size() == 1);
    const Person& p = r.persons[0];
    CHECK(p.name == c.name);
    CHECK(p.country.value_or("") == c.country);
    REQUIRE(!p.positions.empty());
    CHECK(p.positions[0].title == c.title);
    CHECK(p.positions[0].organization.value_or("") == c.organization);
  }
}

TEST_CASE("persons: apposition, credits and 'as' give the titles after the name") {
  const struct {
    std::string_view text, name, country, titles;
  } cases[] = {
      {"Khamla Vongsa, General Secretary of the Lao People’s Revolutionary Party, visited Hanoi.",
       "Khamla Vongsa", "LAO", "General Secretary"},
      {"This was the President of the Lao People’s Democratic Republic, Secretary General of the Lao "
       "People’s Revolutionary Party, Khamla Vongsa.",
       "Khamla Vongsa", "LAO", "President|Secretary General"},
      {"In May, Khamla Vongsa, Lao Party General Secretary and State President, paid a visit.",
       "Khamla Vongsa", "LAO", "General Secretary|President"},
      {"Anna Petrova, PhD in History, Senior Researcher at the Russian Academy of Sciences", "Anna Petrova",
       "RUS", "PhD in History|Senior Researcher"},
      {"Markets moved after the election of John Smith as the 47th president of the United States.",
       "John Smith", "USA", "President"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = find_persons(make_doc(std::string(c.text)));
    CAPTURE(names(r));
    REQUIRE(r.persons.size() == 1);
    CHECK(r.persons[0].name == c.name);
    CHECK(r.persons[0].country.value_or("") == c.country);
    CHECK(joined(titles_of(r.persons[0])) == c.titles);
  }
}

TEST_CASE("persons: a byline or author line yields a person without a post") {
  const struct {
    std::string_view text, name;
  } cases[] = {
      {"Friends in need\n\nAnna Petrova, May 29, 2024\n\nThe text begins here.", "Anna Petrova"},
      {"Friends in need\nBy John Smith\nThe text begins here.", "John Smith"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = find_persons(make_doc(std::string(c.text)));
    REQUIRE(r.persons.size() == 1);
    CHECK(r.persons[0].name == c.name);
    CHECK(r.persons[0].positions.empty());
  }
}

TEST_CASE("persons: short forms resolve to the full name, before or after it") {
  const struct {
    std::string_view text, name, aliases;
    std::size_t mentions;
  } cases[] = {
      {"Lao President Khamla Vongsa arrived. President Khamla praised the hosts. Then Vongsa left.",
       "Khamla Vongsa", "Khamla|Vongsa", 3},
      {"President Khamla praised the hosts. Lao President Khamla Vongsa was in a good mood.", "Khamla Vongsa",
       "Khamla", 2},
      {"Prime Minister Phạm Văn Đồng met them. Đồng also said more. By then Pham Van Dong was tired.",
       "Phạm Văn Đồng", "Đồng", 3},
      {"Russian President Ivan Petrov came. Later I.V. Petrov and I. Petrov were quoted.", "Ivan Petrov",
       "I.V. Petrov|I. Petrov", 3},
      {"President Luong Cuong received them. State President Lương Cường said so.", "Luong Cuong", "", 2},
      {"Ksenia MURATSHINA, PhD in History\nKsenia Muratshina, May 2024", "Ksenia Muratshina", "", 2},
      {"President Khamla spoke. Khamla Vongsa, the host, smiled. Khamla left.", "Khamla Vongsa", "Khamla", 3},
      {"Prime Minister Noh Hyun-hyuk arrived. Noh said the talks went well.", "Noh Hyun-hyuk", "Noh", 2},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Doc doc = make_doc(std::string(c.text));
    const auto r = find_persons(doc);
    CAPTURE(names(r));
    REQUIRE(r.persons.size() == 1);
    CHECK(r.persons[0].name == c.name);
    CHECK(joined(r.persons[0].aliases) == c.aliases);
    CHECK(r.mentions.size() == c.mentions);
  }
}

TEST_CASE("persons: a lone family name goes to a person seen under it before one it only begins") {
  const Doc doc = make_doc(
      "Premier Fang Mingchen spoke. Premier Fang left. \"It matters,\" said Fang Xiaohua, a senior fellow. "
      "Fang was elected premier in 2019.");
  const auto r = find_persons(doc);
  CAPTURE(names(r));
  REQUIRE(r.persons.size() == 2);
  REQUIRE_FALSE(r.mentions.empty());
  CHECK(doc.text(r.mentions.back().span) == "Fang");
  CHECK(r.persons[r.mentions.back().entity].name == "Fang Mingchen");
}

TEST_CASE("persons: mentions are the names only, ordered, each pointing at its person") {
  const Doc doc = make_doc(
      "Lao President Khamla Vongsa met Russian President Ivan Petrov. Petrov praised Khamla Vongsa, "
      "and Vongsa thanked Petrov.");
  const auto r = find_persons(doc);
  REQUIRE(r.persons.size() == 2);
  CHECK(r.persons[0].name == "Khamla Vongsa");
  CHECK(r.persons[1].name == "Ivan Petrov");
  const std::vector<std::pair<std::string_view, std::size_t>> want = {
      {"Khamla Vongsa", 0}, {"Ivan Petrov", 1}, {"Petrov", 1}, {"Khamla Vongsa", 0}, {"Vongsa", 0}, {"Petrov", 1}};
  REQUIRE(r.mentions.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    CHECK(doc.text(r.mentions[i].span) == want[i].first);
    CHECK(r.mentions[i].kind == EntityKind::person);
    CHECK(r.mentions[i].entity == want[i].second);
  }
}

TEST_CASE("persons: 'elected' and 'election as' add a position to the person last named") {
  const Doc doc = make_doc(
      "Lao President Khamla Vongsa visited Hanoi. It was his first trip after Khamla Vongsa was elected "
      "General Secretary of the Lao People’s Revolutionary Party. The host congratulated Khamla Vongsa on "
      "his re-election as Chairman of the Veterans Committee.");
  const auto r = find_persons(doc);
  REQUIRE(r.persons.size() == 1);
  const Person& p = r.persons[0];
  CHECK(joined(titles_of(p)) == "President|General Secretary|Chairman");
  REQUIRE(p.positions.size() == 3);
  CHECK(p.positions[1].organization.value_or("") == "Lao People’s Revolutionary Party");
  CHECK(doc.text(p.positions[1].evidence).find("elected General Secretary") == 0);
  CHECK(p.positions[2].organization.value_or("") == "Veterans Committee");
}

TEST_CASE("persons: capitalised runs, bare titles and other languages introduce no one") {
  const std::string_view cases[] = {
      "In 2016, Vientiane hosted the Days of Russian Culture in Laos festival.",
      "He had planned to attend the Victory Day celebrations in May.",
      "The Prime Minister said the talks had gone well.",
      "Prime Minister",
      "President of the Lao People’s Democratic Republic",
      "Lao President Highlights Special Solidarity With Vietnam",
      "Delegates laid wreaths at the Ho Chi Minh Mausoleum on Monday.",
      "The United Nations General Assembly voted on Friday.",
      "Laos took over as the ASEAN Chair in January.",
      "Vietnamese President highlights special solidarity with Laos",
      "Chủ tịch nước Lương Cường tiếp Tổng Bí thư Thongloun Sisoulith tại Hà Nội.",
      "Mời quý độc giả theo dõi VOV.VN trên\nViết bình luận",
      "Russia and Laos\nSome history of our relationship\nFollow us on:",
      "After talks with the President, Laos and Cambodia signed a deal.",
      "General Motors and General Electric signed a deal.",
      "President Putin Meets Chinese Leader",
      "The Lao leader was welcomed by the Vietnamese State leader.",
  };
  for (const auto text : cases) {
    CAPTURE(text);
    const auto r = find_persons(make_doc(std::string(text)));
    CHECK(names(r) == "");
    CHECK(r.mentions.empty());
  }
}

TEST_CASE("persons: a description resolves to the last fitting person before it") {
  const Doc doc = make_doc(
      "Lao President Khamla Vongsa met Vietnamese Prime Minister Pham Van Dong and Russian Foreign Minister "
      "Ivan Petrov. The Lao leader thanked the Vietnamese leader. The President smiled at the Prime Minister "
      "and the Foreign Minister. The Chinese leader was absent. The two leaders agreed.");
  const auto r = find_persons(doc);
  REQUIRE(r.persons.size() == 3);
  auto span_of = [&](std::string_view phrase) {
    const auto at = doc.article.body.find(phrase);
    REQUIRE(at != std::string::npos);
    return Span{at, at + phrase.size()};
  };
  const struct {
    std::string_view description;
    std::optional<std::size_t> want;
  } cases[] = {
      {"The Lao leader", 0},     {"the Vietnamese leader", 1}, {"The President", 0},
      {"the Prime Minister", 1}, {"the Foreign Minister", 2},   {"The Chinese leader", std::nullopt},
      {"The two leaders", std::nullopt},
  };
  for (const auto& c : cases) {
    CAPTURE(c.description);
    CHECK(resolve_description(doc, r, span_of(c.description)) == c.want);
  }
  // Nobody is named before the first sentence.
  CHECK(resolve_description(doc, r, Span{0, 3}) == std::nullopt);
}

TEST_CASE("persons: a person of unknown country fits a country only when no one else does") {
  const Doc doc = make_doc(
      "President Tran Van Ba received Lao President Khamla Vongsa. Then Party General Secretary Do Muoi "
      "spoke. The Vietnamese leader listened, and the Lao leader nodded.");
  const auto r = find_persons(doc);
  REQUIRE(r.persons.size() == 3);
  const auto at = doc.article.body.find("The Vietnamese leader");
  CHECK(resolve_description(doc, r, {at, at + 21}) == 2);  // the last leader of unknown country
  const auto lao = doc.article.body.find("the Lao leader");
  CHECK(resolve_description(doc, r, {lao, lao + 14}) == 1);
}

namespace {

bool gold_match(const nlohmann::json& gold, const Person& p) {
  std::vector<std::string> forms{gold["name"].get<std::string>()};
  for (const auto& a : gold["aliases"]) forms.push_back(a.get<std::string>());
  std::vector<std::string> mine{p.name};
  mine.insert(mine.end(), p.aliases.begin(), p.aliases.end());
  for (const auto& g : forms)
    for (const auto& m : mine) {
      const std::string a = " " + fold(g) + " ", b = " " + fold(m) + " ";
      const bool two_tokens = std::count(a.begin(), a.end(), ' ') >= 3 && std::count(b.begin(), b.end(), ' ') >= 3;
      if (a == b || (two_tokens && (a.find(b) != std::string::npos || b.find(a) != std::string::npos))) return true;
    }
  return false;
}

}  // namespace

TEST_CASE("persons: on the seed articles, every required gold person is found and nothing else") {
  namespace fs = std::filesystem;
  const fs::path root = ANNALS_SOURCE_DIR;
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(root / "seeds")) {
    const fs::path gold_path = root / "tests" / "gold" / entry.path().filename().replace_extension(".json");
    if (!fs::exists(gold_path)) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const auto gold = nlohmann::json::parse(std::ifstream(gold_path));
    const auto r = find_persons(make_doc(text.str()));
    CAPTURE(entry.path().filename().string());
    CAPTURE(names(r));
    for (const auto& g : gold["persons"]) {
      if (!g["required"].get<bool>()) continue;
      CAPTURE(g["name"].get<std::string>());
      const auto it = std::find_if(r.persons.begin(), r.persons.end(), [&](const Person& p) { return gold_match(g, p); });
      REQUIRE(it != r.persons.end());
      if (!g["country"].is_null() && it->country) CHECK(*it->country == g["country"].get<std::string>());
    }
    for (const Person& p : r.persons) {
      CAPTURE(p.name);
      CHECK(std::any_of(gold["persons"].begin(), gold["persons"].end(),
                        [&](const nlohmann::json& g) { return gold_match(g, p); }));
    }
    ++checked;
  }
  CHECK(checked == 5);
}

TEST_CASE("persons: a state named once holds for every post joined to it") {
  const struct {
    std::string_view text, name, countries;
  } cases[] = {
      {"Lao Party General Secretary and State President Khamla Vongsa arrived.", "Khamla Vongsa", "LAO|LAO"},
      {"General Secretary of the LPRP and President Khamla Vongsa arrived.", "Khamla Vongsa", "LAO|LAO"},
      {"King Norodom Sihamoni of Cambodia flew in.", "Norodom Sihamoni", "KHM"},
      {"Prime Minister Hun Manet of Cambodia met them.", "Hun Manet", "KHM"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = find_persons(make_doc(std::string(c.text)));
    REQUIRE(r.persons.size() == 1);
    CHECK(r.persons[0].name == c.name);
    std::vector<std::string> countries;
    for (const Position& p : r.persons[0].positions) countries.push_back(p.country.value_or("-"));
    CHECK(joined(countries) == c.countries);
  }
}

TEST_CASE("persons: truncated and odd input yields nothing") {
  const std::string_view cases[] = {
      "", "President", "President ,", "Mr.", "V.", "V.V.", "President of the", "(", "President of the (",
      "General Secretary of the Lao", "President T.", "Lao President\nKhamla Vongsa", "President,\nKhamla Vongsa",
      "\xE2\x80\x99s President", "President -", "elected President", "Days of Russian Culture, May 2024",
  };
  for (const auto text : cases) {
    CAPTURE(text);
    CHECK(names(find_persons(make_doc(std::string(text)))) == "");
  }
}

TEST_CASE("persons: a relational noun after a possessive introduces a name without a post") {
  const struct {
    std::string_view text, name, country, titles;
  } cases[] = {
      {"She took over from her father Arjun Mehta in May.", "Arjun Mehta", "", ""},
      {"He thanked his predecessor, Lena Holm, for her work.", "Lena Holm", "", ""},
      {"The minister's deputy Tom Lind spoke next.", "Tom Lind", "", ""},
      {"Her late husband Omar Haddad founded it.", "Omar Haddad", "", ""},
      {"Mori then met her Russian counterpart Oleg Ivanov.", "Oleg Ivanov", "RUS", ""},
      {"He greeted his Chinese counterpart, Foreign Minister Zhou Lan, warmly.", "Zhou Lan", "CHN",
       "Foreign Minister"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = find_persons(make_doc(std::string(c.text)));
    CAPTURE(names(r));
    REQUIRE(r.persons.size() == 1);
    CHECK(r.persons[0].name == c.name);
    CHECK(r.persons[0].country.value_or("") == c.country);
    CHECK(joined(titles_of(r.persons[0])) == c.titles);
  }
}

TEST_CASE("persons: a plural relational noun introduces every name joined to it") {
  const auto r = find_persons(make_doc("She greeted her counterparts Ann Berg, Tom Lind and Eva Holm."));
  CHECK(names(r) == "Ann Berg|Tom Lind|Eva Holm");
}

TEST_CASE("persons: a relational noun does not make a name of one word, a date or a country") {
  const std::string_view cases[] = {
      "His wife Marta smiled.",
      "They met their counterparts Monday.",
      "Laos and its counterpart Vietnam agreed.",
      "The father Tom Lind was not named by a possessive.",
  };
  for (const auto& text : cases) {
    CAPTURE(text);
    CHECK(find_persons(make_doc(std::string(text))).persons.empty());
  }
}

TEST_CASE("persons: a one-word name after a relational noun joins a person found elsewhere") {
  const auto r = find_persons(make_doc("Prime Minister Marta Lind arrived. Her son Tom and Lind's deputy Eva Holm followed."));
  CHECK(names(r) == "Marta Lind|Eva Holm");
}

TEST_CASE("persons: a country before joined titles holds for each name") {
  const struct {
    std::string_view text, name, country, title_country;
  } cases[] = {
      {"Japanese Foreign Minister Aiko Mori and Defence Minister Ken Sato signed.", "Ken Sato", "JPN", "JPN"},
      {"Lao President Khamla Vongsa, Prime Minister Sone Douang and Foreign Minister Bounmy Keo met.",
       "Bounmy Keo", "LAO", "LAO"},
      {"Lao President Khamla Vongsa, Prime Minister Sone Douang and Foreign Minister Bounmy Keo met.",
       "Sone Douang", "LAO", "LAO"},
      // "between" names two sides; the second name's state is not the first one's.
      {"Talks between Chinese President Li Wen and Prime Minister Hun Dara ended.", "Hun Dara", "", ""},
      // Not joined by "and" or a comma.
      {"Japanese Foreign Minister Aiko Mori met Defence Minister Ken Sato.", "Ken Sato", "", ""},
      // A title with its own organisation keeps it.
      {"Japanese Foreign Minister Aiko Mori and ASEAN Secretary-General Kao Kim Hourn met.", "Kao Kim Hourn",
       "", ""},
      // A country the article states for the person wins over the shared one.
      {"Japanese Foreign Minister Aiko Mori and Prime Minister Hun Dara met. Cambodian Prime Minister Hun "
       "Dara left.",
       "Hun Dara", "KHM", "KHM"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.name);
    const auto r = find_persons(make_doc(std::string(c.text)));
    CAPTURE(names(r));
    const Person* p = person_named(r, c.name);
    REQUIRE(p);
    CHECK(p->country.value_or("") == c.country);
    REQUIRE(p->positions.size() == 1);
    CHECK(p->positions[0].country.value_or("") == c.title_country);
  }
}

TEST_CASE("persons: a generational or regnal suffix stays in the name and short forms drop it") {
  const struct {
    std::string_view text, name, aliases;
  } cases[] = {
      {"President Ferdinand Cruz Jr. spoke first. Cruz later left.", "Ferdinand Cruz Jr.", "Cruz"},
      {"They met President Ferdinand Cruz Jr. Cruz smiled.", "Ferdinand Cruz Jr.", "Cruz"},
      {"Senator Ann Berg Sr., a veteran, spoke. Berg left.", "Ann Berg Sr.", "Berg"},
      {"King Charles III came. Charles smiled.", "Charles III", "Charles"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = find_persons(make_doc(std::string(c.text)));
    CAPTURE(names(r));
    REQUIRE(r.persons.size() == 1);
    CHECK(r.persons[0].name == c.name);
    CHECK(joined(r.persons[0].aliases) == c.aliases);
  }
}

TEST_CASE("persons: a quoted speaker described after the name is a person of unknown country") {
  const struct {
    std::string_view text, name, titles;
  } cases[] = {
      {"\"Trade will follow,\" said Marta Olsen, a researcher at the Nordic Policy Institute.", "Marta Olsen",
       "Researcher"},
      {"\"It is a start,\" says Tomas Berg, a senior fellow at a think tank in Oslo.", "Tomas Berg", "Senior Fellow"},
      {"\"Both sides gain,\" noted Ines Duarte, a professor of economics.", "Ines Duarte", "Professor"},
      {"The deal is fragile, according to Karl Weiss, an analyst.", "Karl Weiss", "Analyst"},
      {"\"Wait and see,\" added Lee Min-jun, director at a policy centre in Busan.", "Lee Min-jun", "Director"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = find_persons(make_doc(std::string(c.text)));
    CAPTURE(names(r));
    REQUIRE(r.persons.size() == 1);
    CHECK(r.persons[0].name == c.name);
    CHECK(!r.persons[0].country);
    CHECK(joined(titles_of(r.persons[0])) == c.titles);
  }
}

TEST_CASE("persons: after 'said', a name needs a described post to count") {
  const std::string_view cases[] = {
      "\"We agree,\" said Marta Olsen, who declined to give details.",
      "\"We agree,\" said Marta Olsen.",
      "The ministry said Monday, a holiday, was quiet.",
      "\"Good,\" said Blue Harbour, a shipping firm in Oslo.",
  };
  for (const auto text : cases) {
    CAPTURE(text);
    CHECK(names(find_persons(make_doc(std::string(text)))) == "");
  }
}

TEST_CASE("persons: a lowercase syllable after a hyphen stays in a given name") {
  const struct {
    std::string_view text, name;
  } cases[] = {
      {"Foreign Minister Park Ji-won met the press.", "Park Ji-won"},
      {"President Kim Jong-un spoke.", "Kim Jong-un"},
      {"Ahn Seo-yeon, then Foreign Minister of Vietnam, spoke.", "Ahn Seo-yeon"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = find_persons(make_doc(std::string(c.text)));
    CAPTURE(names(r));
    REQUIRE(r.persons.size() == 1);
    CHECK(r.persons[0].name == c.name);
  }
}

TEST_CASE("persons: the scan folds each word as fold() does, ASCII or not") {
  const std::string_view cases[] = {
      "President O’Brien met Côte d'Ivoire’s envoy, McDONALD2024 and x'y.",
      "Ærø Straße ÉLYSÉE e\u0301cole Москва ΑΘΗΝΑ Tô Lâm\u00a0spoke\u200bhere",
      "Laos's People’s Party; Oʼbrien; 12th-century SECRETARY-general ZAPATERO",
  };
  for (const auto text : cases) {
    for (const person_parse::Token& t : person_parse::tokenize(text)) {
      const std::string_view word = text.substr(t.span.begin, t.span.size());
      CAPTURE(word);
      if (t.word) CHECK(t.fold == fold(word));
      if (t.word) CHECK(t.upper == starts_upper(text, t.span.begin));
      CHECK(t.hash == word_hash(t.fold));
    }
  }
  // An apostrophe joins the parts of a word; a possessive stands alone.
  std::vector<std::string> folds;
  for (const person_parse::Token& t : person_parse::tokenize("Côte d'Ivoire’s O’Brien, Laos's")) folds.emplace_back(t.fold);
  CHECK(folds == std::vector<std::string>{"cote", "d ivoire", "'s", "o brien", ",", "laos", "'s"});
}

TEST_CASE("persons: a title matches whole words, across glued hyphens and dots only") {
  const struct {
    std::string_view text, title;  // canonical title at the first token, "" for none
    std::size_t end = 0;           // token after it
  } cases[] = {
      {"Deputy Prime Minister Pham", "Deputy Prime Minister", 3},
      {"Secretary-General Guterres", "Secretary General", 3},
      {"vice-president Kim", "Vice President", 3},
      {"Ph.D. in History", "PhD", 3},
      {"Secretary - General Guterres", ""},  // a spaced dash joins no title
      {"Prime Ministerial talks", ""},        // "Minister" is not "Ministerial"
      {"Vice Foreign Ministers met", ""},
      {"Deputy Prime", ""},  // the text ends inside the title
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto tok = person_parse::tokenize(c.text);
    const auto t = person_parse::match_title(tok.list, person_parse::TitleLexicon::get(), 0);
    CHECK((t ? t->form->canonical : "") == c.title);
    if (t) CHECK(t->end == c.end);
  }
}

TEST_CASE("persons: a token's info says which word lists and title forms its fold is in") {
  const std::string_view text =
      "The Ministry of Foreign Affairs said in May that President Jean-Claude van Damme, "
      "Secretary-General and bin Salman met on Tuesday – Ambassador Jr / the ninth Ph.D. & Côte d'Ivoire";
  const struct {
    const person_parse::WordList* list;
    const char* name;
  } lists[] = {{&person_parse::kInstitutionWords, "institution"}, {&person_parse::kStopWords, "stop"},
               {&person_parse::kInnerStopWords, "inner stop"},    {&person_parse::kMonths, "months"},
               {&person_parse::kWeekdays, "weekdays"},            {&person_parse::kNameSuffixes, "suffixes"},
               {&person_parse::kParticles, "particles"},          {&person_parse::kOrdinalWords, "ordinals"},
               {&person_parse::kElectionWords, "election"},       {&person_parse::kSeparators, "separators"}};
  const auto& lex = person_parse::TitleLexicon::get();
  for (const person_parse::Token& t : person_parse::tokenize(text)) {
    CAPTURE(t.fold);
    for (const auto& l : lists) {
      CAPTURE(l.name);
      CHECK(l.list->contains(t.fold) == (t.info && (t.info->lists & l.list->bit()) != 0));
    }
    if (!t.spaced) CHECK((t.info ? t.info->titles : nullptr) == lex.starting_with(t.fold));
  }
}

TEST_CASE("persons: tokens keep their folds when moved, and hash words of any length as word_hash does") {
  const std::string_view text = "Ab abcdefg ABCDEFGH abcdefghi ABCDEFGHIJKLMNOP abcdefghijklmnopq , Straße's";
  auto moved = person_parse::tokenize(text);
  const person_parse::Tokens tokens = std::move(moved);
  std::vector<std::string> folds;
  for (const person_parse::Token& t : tokens) {
    folds.emplace_back(t.fold);
    CHECK(t.hash == word_hash(t.fold));
  }
  CHECK(folds == std::vector<std::string>{"ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop",
                                          "abcdefghijklmnopq", ",", "strasse", "'s"});
}

TEST_CASE("persons: parse_name into a reused Name finds what parse_name returns") {
  const Doc doc = make_doc(
      "By Anna Maria Lind\nPresident Jean-Claude van der Berg Jr. met V.V. Putin and Kim Jong-un "
      "in Ho Chi Minh City. The Victory Day parade in Hanoi drew Ahn Seo-yeon and T. Sisoulith.");
  const person_parse::Scan s(doc);
  person_parse::Name reused;
  std::size_t names = 0;
  for (const auto mode : {person_parse::NameMode::anchored, person_parse::NameMode::loose,
                          person_parse::NameMode::known}) {
    for (std::size_t k = 0; k < s.size(); ++k) {
      CAPTURE(k);
      const auto fresh = person_parse::parse_name(s, k, mode);
      REQUIRE(person_parse::parse_name(s, k, mode, reused) == fresh.has_value());
      if (!fresh) continue;
      ++names;
      CHECK(reused.begin == fresh->begin);
      CHECK(reused.end == fresh->end);
      CHECK(reused.parts == fresh->parts);
      CHECK(reused.part_end == fresh->part_end);
    }
  }
  CHECK(names > 10);
}
