#pragma once
// One article being written: sentences expanded from templates, every nation,
// person and organisation they mention, and the gold facts that go with them.

#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "calendar.h"
#include "facts.h"
#include "world.h"

namespace annals::gen {

using Json = nlohmann::ordered_json;

// What a template's placeholders stand for.
struct Slots {
  const Nation* a = nullptr;
  const Nation* b = nullptr;
  const Nation* c = nullptr;
  const Person* p1 = nullptr;
  const Person* p2 = nullptr;
  const Person* p3 = nullptr;
  std::string when, at, x, y, z;  // pre-rendered phrases
  const Fact* forum = nullptr;    // a summit, for {forum}
};

// A gold event as the Writer records it.
struct GoldEvent {
  std::string type, cameo;  // cameo "" is written null
  Dated date;
  std::vector<const Nation*> actors, counterparts;
  std::vector<const Person*> actor_persons, counterpart_persons;
  std::string location;  // "" is written null
  std::string evidence;
  bool required = true;
};

enum class PersonSlot { subject, object, brief };

class Writer {
 public:
  Writer(const World& world, Rng& rng, DateStyle dates, bool plain_names);

  Rng& rng() { return rng_; }
  const World& world() const { return world_; }
  const DateStyle& dates() const { return dates_; }

  // Expands `tmpl`. Placeholders: {A} {B} {C} names ("the Philippines"), {A's}
  // possessives, {Aadj} adjectives, {aAadj} with "a"/"an", {Adem} demonyms;
  // {P1}..{P3} a person as subject (first mention: with title and nation),
  // {p1}..{p3} as object, {s1}..{s3} brief, {p1's} possessive, {he1} {his1}
  // {him1} pronouns; {when} {at} {X} {Y} {Z} the slots' phrases; {forum} the
  // summit's gathering. <1>..</1> (up to 3) mark evidence, read by evidence().
  // The first letter is capitalised and stray spaces before punctuation removed.
  std::string say(std::string_view tmpl, const Slots& slots);
  // The text of evidence span `i` of the last say(), trimmed, at most 24 words.
  const std::string& evidence(int i) const { return evidence_[std::size_t(i)]; }

  // A mention of `n`: 'n' name, 'p' possessive, 'a' adjective (name when none),
  // 't' adjective before a title ("US"), 'd' demonym. Registers the nation.
  std::string nation(const Nation& n, char form);
  // A mention of `p` in `slot`; the first one introduces title and nation.
  std::string person(const Person& p, PersonSlot slot);
  // "in Nairobi", "in the Kenyan capital", "in Nairobi, Kenya", "in Kenya";
  // `location` receives the gold location. `name_nation` rules out the bare capital.
  std::string place(const Nation& n, bool name_nation, std::string& location);
  // "African Union summit", "37th AU summit", "East Asia Summit"; registers the organisation.
  std::string forum(const Fact& summit);
  // Registers an organisation the text names.
  void organization(const std::string& name, const std::string& alias, const std::string& country,
                    bool required);
  // Registers a person who is not an office holder (author, analyst).
  void extra_person(const std::string& name, const std::string& country,
                    const std::vector<std::string>& titles, bool required);

  // Whether the template at `key` was used in this article already; and marking it.
  bool was_used(const void* key) const;
  void mark_used(const void* key) { used_.push_back(key); }

  // The name the gold gives `p`: as printed in this article.
  std::string printed_name(const Person& p) const;
  bool introduced(const Person& p) const;

  void add_event(const GoldEvent& event);
  void add_relation(const std::string& kind, const Nation& a, const Nation& b, const Dated& date,
                    const std::string& evidence, bool required = true);

  // The gold file: `source` first, then what was registered.
  Json gold(Json source) const;
  // Every evidence string recorded so far, for checking against the final text.
  std::vector<std::string> evidence_texts() const;

 private:
  struct PersonEntry {
    std::uint64_t key = 0;
    std::string name, short_name;
    std::vector<std::string> aliases, titles;
    std::string country;
    bool required = true, short_ok = true;
  };
  struct OrgEntry {
    std::string name;
    std::vector<std::string> aliases;
    std::string country;
    bool required = true;
  };

  const World& world_;
  Rng& rng_;
  DateStyle dates_;
  bool plain_names_;
  std::vector<std::string> countries_;
  std::vector<PersonEntry> persons_;
  std::vector<OrgEntry> orgs_;
  Json events_ = Json::array(), relations_ = Json::array();
  std::array<std::string, 4> evidence_;
  std::vector<const void*> used_;
  bool names_only_ = false;  // the template states a title itself: no "the Kenyan president"

  std::string resolve(std::string_view name, const Slots& slots);
  std::string introduce(const Person& p, PersonEntry& entry, PersonSlot slot);
  std::string title_of(const Person& p) const;
  bool former(const Person& p) const;
  PersonEntry* find(std::uint64_t key);
  const PersonEntry* find(std::uint64_t key) const;
};

// "the Philippines" -> "The Philippines": the first letter in upper case.
std::string capitalised(std::string text);
// "a" or "an" before `word`.
std::string article_for(std::string_view word);

}  // namespace annals::gen
