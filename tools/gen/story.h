#pragma once
// The news an article reports: a plot (a state visit, talks on the sidelines of
// a summit, a phone call, joint exercises, aid, an election, ministers' talks,
// new diplomatic relations) and the dated facts it consists of.

#include <cstdint>
#include <vector>

#include "facts.h"
#include "world.h"

namespace annals::gen {

enum class Plot : std::uint8_t {
  state_visit, sidelines, phone_call, exercise, aid, election, ministers, new_relations
};

struct Story {
  std::uint64_t id = 0;
  Plot plot{};
  const Nation* a = nullptr;  // the side the story follows
  const Nation* b = nullptr;
  std::vector<Fact> facts;    // facts[0] is the news; the others happened with it

  // The latest day among the facts.
  date::year_month_day last_day() const;
};

// Story `id` of `world`: the same facts on every call.
Story make_story(const World& world, std::uint64_t id);

// The story article `index` tells: its own (id = index) or, for about one
// article in five, one that an earlier article told first (`retold` is set).
std::uint64_t story_of(std::uint64_t seed, std::uint64_t index, bool& retold);

}  // namespace annals::gen
