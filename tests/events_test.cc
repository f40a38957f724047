// Events and relations from short articles of our own, run through the whole
// pipeline (analyse) so the stage sees real mentions and dates.

#include "annals/error.h"
#include "pipeline/analyse.h"
#include "pipeline/article.h"
#include "pipeline/events.h"
#include "pipeline/gazetteer.h"
#include "pipeline/tokens.h"
#include "pipeline/triggers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace annals;

namespace {

Doc run(const std::string& text) { return analyse(clean_article("t.txt", text), default_gazetteer()); }

std::set<std::string> countries(const Event& e) {
  std::set<std::string> out;
  for (const auto& p : e.participants)
    if (p.kind == EntityKind::country) out.insert(p.country);
  return out;
}

const Event* find(const Doc& d, const std::string& type) {
  auto it = std::find_if(d.events.begin(), d.events.end(), [&](const Event& e) { return e.type == type; });
  return it == d.events.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("events: typed events with countries and dates from one sentence") {
  const struct {
    std::string text, type, cameo, start;
    std::set<std::string> countries;
  } cases[] = {
      {"date 2023-05-10\n\nPeruvian President Dina Boluarte paid a state visit to Brazil from 3 to 5 May 2023.",
       "visit", "042", "2023-05-03", {"PER", "BRA"}},
      {"date 2022-03-02\n\nGhana and Togo established diplomatic relations on 12 June 1961, officials recalled.",
       "relations_established", "054", "1961-06-12", {"GHA", "TGO"}},
      {"date 2021-11-20\n\nIndonesian and Australian troops held joint military exercises in Darwin in August.",
       "military_exercise", "062", "2021-08", {"IDN", "AUS"}},
      {"date 2020-02-01\n\nIn 2019, Norway sent humanitarian aid to Mozambique after the cyclone.",
       "aid", "073", "2019", {"NOR", "MOZ"}},
      {"date 2024-04-12\n\nChilean Foreign Minister Alberto van Klaveren met with Argentine Foreign Minister Diana Mondino on Wednesday.",
       "meeting", "040", "2024-04-10", {"CHL", "ARG"}},
      {"date 2015-06-01\n\nMexico and Canada signed an agreement on labour mobility in 2014.",
       "agreement", "057", "2014", {"MEX", "CAN"}},
      {"date 2012-01-09\n\nThe relationship between Turkey and Qatar was elevated to a strategic partnership in 2010.",
       "relations_upgraded", "050", "2010", {"TUR", "QAT"}},
      {"date 2021-06-20\n\nKenyan President Juma Otieno held talks with Swazi Prime Minister Sipho Dlamini in the "
       "Zimbabwean capital on June 11.",
       "meeting", "040", "2021-06-11", {"KEN", "SWZ"}},
      {"date 2019-04-23\n\nFrom Thursday to Sunday, Ghana sent a delegation to the United States.", "visit", "042",
       "2019-04-18", {"GHA", "USA"}},
      // A country named as a party and as the venue stays a party (the article's pair is another).
      {"date 2021-03-01\n\nLaos and Japan signed a deal in 2019. Laos thanked Japan. Japan thanked Laos. "
       "On January 20, 2001, officials of Cuba and Guyana held consultations in Guyana.",
       "meeting", "040", "2001-01-20", {"CUB", "GUY"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Doc d = run(c.text);
    const Event* e = find(d, c.type);
    REQUIRE(e);
    CHECK(e->cameo == c.cameo);
    REQUIRE(e->start);
    CHECK(to_iso(*e->start) == c.start);
    CHECK(countries(*e) == c.countries);
  }
}

TEST_CASE("events: common phrasings of established ties, signings, visits, aid, polls and drills") {
  const struct {
    std::string text, type, start;
    std::set<std::string> countries;
  } cases[] = {
      {"date 2020-05-01\n\nDiplomatic relations between Bosnia and Herzegovina and Norway were established on 4 May 1995.",
       "relations_established", "1995-05-04", {"BIH", "NOR"}},
      {"date 2020-05-01\n\nChile and Peru set up diplomatic relations on 2 March 1931.",
       "relations_established", "1931-03-02", {"CHL", "PER"}},
      {"date 2020-05-01\n\nKenya and Ghana have maintained diplomatic relations since 1965.",
       "relations_established", "1965", {"KEN", "GHA"}},
      {"date 2020-05-01\n\nThey marked 40 years of diplomatic relations between Nepal and Egypt, established in June 1980.",
       "relations_established", "1980-06", {"NPL", "EGY"}},
      {"date 2020-05-01\n\nIn 1961, Cuba and Mali formally opened diplomatic relations.",
       "relations_established", "1961", {"CUB", "MLI"}},
      {"date 2020-05-01\n\nNorway was among the first countries to recognise Slovenia, on 15 January 1992.",
       "relations_established", "1992-01-15", {"NOR", "SVN"}},
      {"date 2020-05-01\n\nThe ministers of Fiji and Samoa inked a memorandum on fisheries on 3 April 2019.",
       "agreement", "2019-04-03", {"FJI", "WSM"}},
      {"date 2020-05-01\n\nEnvoys of Oman and Kenya put their signatures to an accord on shipping on 9 May 2018.",
       "agreement", "2018-05-09", {"OMN", "KEN"}},
      {"date 2020-05-01\n\nThe leaders of Peru and Chile witnessed the signing of a joint action plan on 12 May 2018.",
       "agreement", "2018-05-12", {"PER", "CHL"}},
      {"date 2020-05-01\n\nA convention on double taxation between Latvia and Georgia was signed in Riga in 2016.",
       "agreement", "2016", {"LVA", "GEO"}},
      {"date 2020-05-01\n\nIn March 2017, Hungary sent a delegation to Mongolia.", "visit", "2017-03", {"HUN", "MNG"}},
      {"date 2020-05-01\n\nOn 2 May 2019, Polish President Jan Nowak sat down with Czech President Petr Dvorak.",
       "meeting", "2019-05-02", {"POL", "CZE"}},
      {"date 2020-05-01\n\nCanada provided emergency assistance, including tents and water, to Haiti on 14 January 2010.",
       "aid", "2010-01-14", {"CAN", "HTI"}},
      {"date 2020-05-01\n\nOn 9 April 2015, Qatar airlifted blankets and medicines to Nepal.", "aid", "2015-04-09",
       {"QAT", "NPL"}},
      {"date 2020-05-01\n\nFiji received 300 tonnes of rice from Japan in March 2016.", "aid", "2016-03", {"FJI", "JPN"}},
      {"date 2020-05-01\n\nChileans went to the polls on 19 December 2021, electing Gabriel Boric as president.",
       "election", "2021-12-19", {"CHL"}},
      {"date 2020-05-01\n\nIn June 2018, troops from Ghana and Togo trained together near Lome.", "military_exercise",
       "2018-06", {"GHA", "TGO"}},
      {"date 2020-05-01\n\nPeru and Chile agreed on 3 May 2019 to lift their ties to a strategic partnership.",
       "relations_upgraded", "2019-05-03", {"PER", "CHL"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Doc d = run(c.text);
    const Event* e = find(d, c.type);
    REQUIRE(e);
    REQUIRE(e->start);
    CHECK(to_iso(*e->start) == c.start);
    CHECK(countries(*e) == c.countries);
  }
}

TEST_CASE("events: aid named with 'from' has the giver as actor") {
  const Doc d = run("date 2020-05-01\n\nLaos received relief supplies from Vietnam on 3 August 2018.");
  const Event* e = find(d, "aid");
  REQUIRE(e);
  for (const auto& p : e->participants) {
    if (p.kind != EntityKind::country) continue;
    CAPTURE(p.country);
    CHECK((p.role == Role::actor) == (p.country == "VNM"));
  }
}

TEST_CASE("events: statements, expectations, habits and headlines are not events") {
  const struct {
    std::string text, type;
  } cases[] = {
      {"date 2024-01-05\n\nThe ministers of Peru and Chile met on Monday. They welcomed efforts to end the dispute.",
       "meeting_count_1"},
      {"date 2024-01-05\n\nThe Peruvian president is expected to pay a return visit to Chile next year.", "visit"},
      {"date 2024-01-05\n\nThe armies of Ghana and Togo have trained together regularly in recent years.",
       "military_exercise"},
      {"date 2024-01-05\n\nPeru and Chile hold talks at regional summit\n\nBy Ana Ruiz\n\nTrade grew in 2023.",
       "meeting"},
      {"date 2024-01-05\n\nBolivia received medical supplies from Peru on Monday.", "meeting"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Doc d = run(c.text);
    if (c.type == "meeting_count_1") {
      CHECK(std::count_if(d.events.begin(), d.events.end(), [](const Event& e) { return e.type == "meeting"; }) == 1);
      continue;
    }
    CHECK(find(d, c.type) == nullptr);
  }
}

TEST_CASE("events: 'received' and 'welcomed' make a meeting only with a guest after them") {
  const char* texts[] = {
      "date 2024-01-05\n\nPeruvian President Ana Ruiz received Chilean Foreign Minister Juan Soto on Monday.",
      "date 2024-01-05\n\nChilean Foreign Minister Juan Soto was received by Peruvian President Ana Ruiz on Monday.",
      "date 2024-01-05\n\nPeruvian President Ana Ruiz warmly welcomed the visiting Chilean delegation on Monday.",
  };
  for (const char* t : texts) {
    CAPTURE(t);
    CHECK(find(run(t), "meeting") != nullptr);
  }
}

TEST_CASE("triggers: '**' bridges up to twelve words, '*' up to three") {
  const auto t = parse_triggers("x\t-\t-\t-\t-\tties ** established\ny\t-\t-\t-\t-\tties * set\n");
  auto tokens_of = [](const std::string& s) { return tokenize(s, Span{0, s.size()}); };
  const std::string near = "ties between a b c d e f were established";
  const std::string far = "ties a b c d e f g h i j k l m established";
  CHECK(find_triggers(tokens_of(near), t).size() == 1);
  CHECK(find_triggers(tokens_of(far), t).empty());
  CHECK(find_triggers(tokens_of("ties a b c set"), t).size() == 1);
  CHECK(find_triggers(tokens_of("ties a b c d set"), t).empty());
}

TEST_CASE("events: wishes, invitations and called-off plans are not events") {
  const char* texts[] = {
      "date 2024-01-05\n\nThe Malian leader expressed his hope to welcome the Senegalese President on a state visit to Mali.",
      "date 2024-01-05\n\nPresident Ana Lopez had planned to visit Spain in March, but the trip was postponed.",
      "date 2024-01-05\n\nIn 2023, more than 20,000 German tourists visited Namibia.",
  };
  for (const char* t : texts) {
    CAPTURE(t);
    CHECK(find(run(t), "visit") == nullptr);
  }
}

TEST_CASE("events: 'the visit' adds evidence to the visit already told") {
  const Doc d = run(
      "date 2023-10-02\n\nMongolian President Ukhnaagiin Khurelsukh paid an official visit to India from "
      "12 to 14 September. The visit strengthened the partnership between Mongolia and India.");
  const auto visits = std::count_if(d.events.begin(), d.events.end(), [](const Event& e) { return e.type == "visit"; });
  CHECK(visits == 1);
  const Event* v = find(d, "visit");
  REQUIRE(v);
  CHECK(v->evidence.size() == 2);
}

TEST_CASE("events: a summit told on two days is one event covering both") {
  const Doc d = run(
      "date 2024-02-19\n\nSenegalese President Macky Sall arrived in Addis Ababa on Friday to attend the summit. "
      "On Saturday, he met the Ethiopian Prime Minister Abiy Ahmed on the sidelines of the summit.");
  const auto summits = std::count_if(d.events.begin(), d.events.end(), [](const Event& e) { return e.type == "summit"; });
  CHECK(summits == 1);
}

TEST_CASE("events: two meetings with different people of one country stay apart") {
  const Doc d = run(
      "date 2023-09-16\n\nCambodian Prime Minister Hun Manet met Chinese President Xi Jinping in Beijing on Friday. "
      "He also met Chinese Premier Li Qiang on Friday.");
  const auto meetings = std::count_if(d.events.begin(), d.events.end(), [](const Event& e) { return e.type == "meeting"; });
  CHECK(meetings == 2);
}

TEST_CASE("events: relations before 1991 with the pair's successor state go to the USSR") {
  const Doc d = run(
      "date 2021-03-01\n\nRussia and Mongolia have a long friendship. "
      "The two countries established diplomatic relations on 27 November 1921.");
  const Event* e = find(d, "relations_established");
  REQUIRE(e);
  CHECK(countries(*e) == std::set<std::string>{"MNG", "SUHH"});
  REQUIRE(d.relations.size() == 1);
  CHECK(d.relations[0].kind == "diplomatic_relations_established");
}

TEST_CASE("events: a named successor stands for the state that existed through the whole dated period") {
  const struct {
    std::string_view text, type;
    std::set<std::string> countries;
  } cases[] = {
      {"Russia and Laos established diplomatic relations on 7 October 1960.", "relations_established",
       {"LAO", "SUHH"}},
      {"Laos recognised the Russian Federation as its successor state in 1991.", "relations_established",
       {"LAO", "RUS"}},
      {"Germany and Serbia established diplomatic relations on 3 July 1955.", "relations_established",
       {"DEU", "YUCS"}},
      {"Russia and Serbia signed an agreement on energy on March 7, 2004.", "agreement", {"CSXX", "RUS"}},
      {"Mozambique and Serbia signed an agreement on farming on 19 September 2006.", "agreement",
       {"MOZ", "SRB"}},
      {"Lithuania and Czechia established diplomatic ties on April 24, 1993.", "relations_established",
       {"CZE", "LTU"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Doc d = run("date 2021-03-01\n\n" + std::string(c.text));
    const Event* e = find(d, std::string(c.type));
    REQUIRE(e);
    CHECK(countries(*e) == c.countries);
  }
}

TEST_CASE("events: visits in opposite directions stay two visits") {
  const Doc d = run(
      "date 2018-03-01\n\nFiji's Prime Minister Ana Tolo began an official visit to Samoa last year. "
      "Samoa's Prime Minister Ioane Lemalu arrived in Suva, Fiji on February 19, 2017 for an official visit.");
  std::size_t visits = 0;
  for (const Event& e : d.events) visits += e.type == "visit";
  CHECK(visits == 2);
}

TEST_CASE("events: a state named twice for one date is one participant") {
  const Doc d = run("date 2021-03-01\n\nSoviet and Russian officials held talks in Minsk on 6 May 1990.");
  const Event* e = find(d, "meeting");
  REQUIRE(e);
  const auto n = std::count_if(e->participants.begin(), e->participants.end(),
                               [](const Participant& p) { return p.kind == EntityKind::country; });
  CHECK(n == 1);
  CHECK(countries(*e) == std::set<std::string>{"SUHH"});
}

TEST_CASE("events: recognition is a relation between the recogniser and the recognised") {
  const Doc d = run("date 2007-03-01\n\nAfter long talks, Costa Rica recognised Montenegro in 2006.");
  REQUIRE(d.relations.size() == 1);
  CHECK(d.relations[0].kind == "recognition");
  CHECK(d.relations[0].a == "CRI");
}

TEST_CASE("events: a non-English paragraph yields no events") {
  const Doc d = run("date 2024-01-05\n\nLe président a effectué une visite officielle au Sénégal en mai.");
  CHECK(d.events.empty());
}

TEST_CASE("triggers: a malformed table row is refused") {
  CHECK_THROWS_AS(parse_triggers("visit\t042\tCONSULT\n"), Error);
  const auto t = parse_triggers("visit\t042\tCONSULT\tvisit\tofficial\tpaid * visit/visits\n");
  REQUIRE(t.size() == 1);
  CHECK(t[0].pattern.size() == 3);
  CHECK(t[0].has("official"));
}

TEST_CASE("events: tokenize_into gives the tokens tokenize gives, reusing the vector") {
  const std::string body =
      "Intro. Việt Nam’s Prime Minister met U.S. envoys in Hà Nội on 12 May 2024.  "
      "Lao-Russian ties ... e\xCC\x81tude (re\xCC\x81sume\xCC\x81) ÆSIR Straße! "
      "\xCC\x81" "Crème brûlée, ПРАВДА and ΑΘΗΝΑ; done";
  const Span spans[] = {{0, body.size()}, {7, 74}, {0, 6}, {74, body.size()}, {75, 90}, {3, 3},
                        {body.size() - 4, body.size()}};
  std::vector<Token> reused;
  for (const Span s : spans) {
    CAPTURE(s.begin);
    CAPTURE(s.end);
    const auto want = tokenize(body, s);
    tokenize_into(body, s, reused);
    REQUIRE(reused.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      CAPTURE(i);
      CHECK(reused[i].folded == want[i].folded);
      CHECK(reused[i].span == want[i].span);
      CHECK(reused[i].upper == want[i].upper);
    }
  }
}
