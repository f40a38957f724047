#pragma once
// Titles with the state or organisation they belong to ("Lao Foreign Minister",
// "General Secretary of the ... and State President"), in the person stage's
// token view, and the positions they give. Internal to lib/pipeline/persons.cc.

#include "pipeline/person_scan.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace annals::person_parse {

struct Affiliation {
  std::optional<std::string> country, organization;
  void fill(const Affiliation& o) {
    if (!country) country = o.country;
    if (!organization) organization = o.organization;
  }
};

struct Group {
  std::string title;  // canonical
  Level level = Level::official;
  Affiliation of;
  std::size_t end = 0;  // token after the group
};

struct Chain {
  std::vector<Group> groups;
  std::size_t end = 0;  // token after the chain
};

// True when token k is an ordinal ("12th", "first", "new", "former").
bool ordinal_at(const Scan& s, std::size_t k);

// The titles starting at token k, joined by "and", commas or dashes ("Lao Party
// General Secretary and State President", "special envoy-Foreign Minister",
// "President Mr"), each with its country or organisation ("Russia's President",
// "President of the Lao People's Democratic Republic", "Lao Ambassador to
// Vietnam"); a state named once holds for the posts after it. nullopt when no
// title starts at k.
std::optional<Chain> parse_chain(const Scan& s, std::size_t k);

// The posts of a chain, honorifics left out, each with `evidence`.
std::vector<Position> positions_of(const Chain& c, Span evidence);

// Adds `p` to `into`, or completes the entry with the same title whose country
// and organisation do not contradict it.
void merge_position(std::vector<Position>& into, const Position& p);

}  // namespace annals::person_parse
