// Events and relations from short articles of our own, run through the whole
// pipeline (analyse) so the stage sees real mentions and dates.

#include "annals/error.h"
#include "pipeline/analyse.h"
#include "pipeline/article.h"
#include "pipeline/events.h"
#include "pipeline/gazetteer.h"
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
