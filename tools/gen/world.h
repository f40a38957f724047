#pragma once
// The generated world: every current ISO 3166-1 country as a Nation, the people
// who hold its offices at any date, and the bilateral history of any pair. All of
// it is a pure function of the seed, computed on demand, so nothing accumulates
// while a corpus is written.

#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "calendar.h"
#include "facts.h"
#include "random.h"

namespace annals {
class Gazetteer;
}

namespace annals::gen {

class World {
 public:
  // Nations from the gazetteer's current countries, with the generator's own
  // reference tables (regions, capitals, forms of government, weights).
  World(const Gazetteer& gazetteer, std::uint64_t seed);

  std::uint64_t seed() const { return seed_; }
  const std::vector<Nation>& nations() const { return nations_; }
  // The nation with alpha-3 `code`; throws Error for an unknown code.
  const Nation& nation(std::string_view code) const;
  // A nation drawn by weight: large states come up far more often.
  const Nation& pick(Rng& rng) const;
  // A partner for `a`: from its region half the time, never `a` itself.
  const Nation& pick_partner(const Nation& a, Rng& rng) const;
  // A nation of `region` (by weight) other than those in `except`; any nation
  // when the region has no other.
  const Nation& pick_in_region(Region region, Rng& rng,
                               const std::vector<const Nation*>& except) const;

  // Who holds `office` in `nation` on `day`: invented, and the same person for
  // every call within one term. `posting` is the host nation for ambassadors.
  // nullopt when the nation has no such office (a president who also governs).
  std::optional<Person> holder(const Nation& nation, Office office, date::sys_days day,
                               const Nation* posting = nullptr) const;
  // The office that leads for `nation` abroad on the day: the head of
  // government where there is one (half the time in republics), else the head of state.
  Office leading_office(const Nation& nation, std::uint64_t salt) const;

  // The bilateral record of `a` and `b` (in either order): the same every call.
  PairHistory history(const Nation& a, const Nation& b) const;

  // True when no token of `name` could be read as a country, an organisation or
  // a title word.
  bool usable_name(const PersonName& name) const;

  // The gold code of `nation` in a fact dated `date`: the former state it
  // continued when the whole period precedes that state's end (Russia in 1960 is
  // SUHH; tests/gold/README.md); its own code otherwise or when undated.
  std::string code_on(const Nation& nation, const Dated& date) const;

 private:
  const Gazetteer& gazetteer_;
  std::uint64_t seed_;
  std::unordered_set<std::string> reserved_;  // folded words of country and organisation names
  std::vector<Nation> nations_;
  std::vector<double> cumulative_;  // running total of weights, for pick()
  std::unordered_map<std::string, std::size_t> by_code_;

  std::vector<Fact> past_events(const Nation& a, const Nation& b, int from_year, Rng& rng) const;
  Fact past_event(const Nation& a, const Nation& b, date::year_month_day day, Rng& rng) const;
};

// A day drawn uniformly from [from, to].
date::year_month_day random_day(Rng& rng, date::year_month_day from, date::year_month_day to);

}  // namespace annals::gen
