#pragma once
// What happened in the generated world: nations, their office holders, and the
// dated facts between them that articles tell.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "names.h"

namespace annals::gen {

enum class Region : std::uint8_t {
  africa, arab, east_asia, southeast_asia, south_asia, central_asia, eastern_europe,
  western_europe, latin_america, anglo_caribbean, oceania
};

// How a nation is governed: the titles of its offices.
struct Rule {
  std::string head_of_state = "President";
  bool elected_head = true;             // the head of state is elected (not a monarch)
  std::string head_of_government;       // "Prime Minister", "Chancellor"; "" when the head of state governs
  std::string party;                    // ruling party whose leader is General Secretary, or ""
  std::string foreign_minister = "Foreign Minister";
  std::string defence_minister = "Defence Minister";
};

struct Nation {
  std::string code;       // ISO 3166-1 alpha-3
  std::string alpha2;     // ISO 3166-1 alpha-2
  std::string name;       // "Kenya", "Philippines"
  bool the = false;       // written "the Philippines"
  std::string adjective;  // "Kenyan"; "" when the reference data has none
  std::string demonym;    // "Kenyans"; may be ""
  std::string capital;    // "" when not listed
  Region region{};
  NameStyle style{};
  double weight = 1;      // how often the nation is drawn
  Rule rule;
};

enum class Office : std::uint8_t {
  head_of_state, head_of_government, foreign_minister, defence_minister, ambassador
};

struct Person {
  PersonName name;
  bool female = false;
  std::string country;   // the nation served
  Office office{};
  std::string title;     // "President", "Foreign Minister", "Ambassador"
  std::string party;     // the party a General Secretary leads, else ""
  std::string posted_to; // ambassadors: the nation of the posting (code)
  date::year_month_day took_office{};
  bool elected = false;  // took office by winning an election on took_office
  std::uint64_t key = 0; // stable identity within one seed
};

enum class Kind : std::uint8_t {
  visit, meeting, phone_call, summit, agreement, relations_established, recognition,
  relations_upgraded, military_exercise, aid, election
};

// One dated fact. Dates are days; an article states them at whatever precision
// its phrasing allows.
struct Fact {
  Kind kind{};
  date::year_month_day start{}, end{};  // end == start for one day
  const Nation* actor = nullptr;        // who travels, sends, signs, is elected
  const Nation* partner = nullptr;      // the other side; null when there is none
  const Nation* place = nullptr;        // where it happened; null when unknown
  std::optional<Person> actor_person, partner_person;
  std::string detail;  // agreement, exercise name, aid goods, partnership level
  std::string extra;   // visit kind, disaster, summit organisation acronym
  std::string note;    // summits: what the gathering is called ("summit", "session")
  std::string cameo;   // CAMEO code of the gold event
  bool treaty = false; // an agreement that is a treaty (relation treaty_signed)

  bool one_day() const { return start == end; }
};

// The bilateral record of a pair of nations: the same for every article.
struct PairHistory {
  const Nation* first = nullptr;   // the lower code
  const Nation* second = nullptr;
  date::year_month_day established{};
  std::optional<Fact> recognition;  // one recognised the other as a new state
  std::optional<Fact> upgrade;      // detail: the partnership level
  std::optional<Fact> treaty;       // detail: the treaty's name
  std::vector<Fact> past;           // visits, aid, exercises, agreements since the 1990s
};

}  // namespace annals::gen
