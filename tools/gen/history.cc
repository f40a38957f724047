// World::history: the bilateral record of a pair, drawn from a generator seeded
// by the pair alone, so every article about the pair tells the same past.

#include <algorithm>

#include "lexicon.h"
#include "world.h"

namespace annals::gen {
namespace {

using namespace date;

year_month_day in_year(Rng& rng, int y) { return random_day(rng, year(y) / 1 / 1, year(y) / 12 / 31); }

year_month_day plus_days(year_month_day d, int n) { return year_month_day(sys_days(d) + days(n)); }

int first_year_of(std::string_view code) {
  // Recognition of states born after 1945 (a short list; others count as older).
  static const std::vector<std::pair<std::string_view, int>> kYears = {
      {"SSD", 2011}, {"TLS", 2002}, {"MNE", 2006}, {"ERI", 1993}, {"SVK", 1993}, {"CZE", 1993},
      {"UKR", 1991}, {"BLR", 1991}, {"MDA", 1991}, {"KAZ", 1991}, {"UZB", 1991}, {"TKM", 1991},
      {"KGZ", 1991}, {"TJK", 1991}, {"ARM", 1991}, {"AZE", 1991}, {"GEO", 1991}, {"EST", 1991},
      {"LVA", 1991}, {"LTU", 1991}, {"HRV", 1992}, {"SVN", 1992}, {"BIH", 1992}, {"MKD", 1993},
      {"NAM", 1990}, {"PLW", 1994}};
  for (const auto& [c, y] : kYears)
    if (c == code) return y;
  return 0;
}

}  // namespace

PairHistory World::history(const Nation& a, const Nation& b) const {
  const Nation& first = a.code < b.code ? a : b;
  const Nation& second = &first == &a ? b : a;
  Rng rng(mix(seed_, hash_of(first.code), hash_of(second.code), 0x4157));
  PairHistory h;
  h.first = &first;
  h.second = &second;
  const int new_state = std::max(first_year_of(first.code), first_year_of(second.code));
  int y = 0;
  const double x = rng.unit();
  const bool major_pair = std::min(first.weight, second.weight) >= 3;
  if (new_state) y = new_state + (rng.chance(0.6) ? 0 : rng.between(1, 4));
  else if (major_pair) y = rng.between(1945, 1975);  // large states found each other early
  else if (x < 0.6) y = rng.between(1950, 1979);
  else if (x < 0.85) y = rng.between(1980, 1999);
  else if (x < 0.97) y = rng.between(2000, 2015);
  else y = rng.between(2016, 2025);
  // Most states of Africa, the Caribbean and the Pacific became independent from 1960 on.
  const auto floor_of = [](const Nation& n) {
    if (n.region == Region::africa && n.weight < 3) return 1960;
    if (n.region == Region::anglo_caribbean && n.code != "USA" && n.code != "CAN") return 1962;
    if (n.region == Region::oceania && n.code != "AUS" && n.code != "NZL") return 1970;
    return 1945;
  };
  y = std::max({y, floor_of(first), floor_of(second)});
  h.established = in_year(rng, y);

  if (new_state && rng.chance(0.6)) {
    const bool first_is_new = first_year_of(first.code) >= first_year_of(second.code);
    Fact f;
    f.kind = Kind::recognition;
    f.actor = first_is_new ? &second : &first;
    f.partner = first_is_new ? &first : &second;
    f.start = f.end = random_day(rng, year(new_state) / 1 / 1, h.established);
    f.cameo = "054";
    h.recognition = f;
  }
  if (rng.chance(0.45)) {
    const int lo = std::max(int(h.established.year()) + 8, 1998);
    if (lo <= 2025) {
      Fact f;
      f.kind = Kind::relations_upgraded;
      f.actor = &first;
      f.partner = &second;
      f.start = f.end = in_year(rng, rng.between(lo, 2025));
      f.detail = pick_partnership(rng);
      f.cameo = "050";
      h.upgrade = f;
    }
  }
  if (rng.chance(0.3)) {
    const int lo = int(h.established.year()) + 1;
    if (lo <= 2020) {
      Fact f;
      f.kind = Kind::agreement;
      f.actor = &first;
      f.partner = &second;
      f.start = f.end = in_year(rng, rng.between(lo, 2020));
      f.detail = "the " + pick_treaty(rng);
      f.treaty = true;
      f.cameo = "057";
      h.treaty = f;
    }
  }
  h.past = past_events(first, second, std::max(1995, int(h.established.year()) + 1), rng);
  return h;
}

std::vector<Fact> World::past_events(const Nation& a, const Nation& b, int from_year, Rng& rng) const {
  std::vector<Fact> out;
  if (from_year > 2025) return out;
  const int count = rng.between(3, 6);
  for (int i = 0; i < count; ++i)
    out.push_back(past_event(a, b, in_year(rng, rng.between(from_year, 2025)), rng));
  std::sort(out.begin(), out.end(), [](const Fact& x, const Fact& y) { return x.start < y.start; });
  return out;
}

Fact World::past_event(const Nation& a, const Nation& b, year_month_day day, Rng& rng) const {
  const bool swap = rng.chance(0.5);
  const Nation& x = swap ? b : a;
  const Nation& y = swap ? a : b;
  Fact f;
  f.actor = &x;
  f.partner = &y;
  f.start = f.end = day;
  const auto leader = [&](const Nation& n) {
    return holder(n, leading_office(n, rng.next()), sys_days(day));
  };
  switch (rng.weighted({40, 10, 15, 15, 20})) {
    case 0:
      f.kind = Kind::visit;
      f.end = plus_days(day, rng.between(1, 3));
      f.place = &y;
      f.actor_person = leader(x);
      f.extra = pick_visit_kind(rng);
      f.cameo = "042";
      break;
    case 1:
      f.kind = Kind::meeting;
      f.place = &y;
      f.actor_person = holder(x, Office::foreign_minister, sys_days(day));
      f.partner_person = holder(y, Office::foreign_minister, sys_days(day));
      f.cameo = "040";
      break;
    case 2: {
      f.kind = Kind::aid;
      const std::size_t k = rng.weighted({6, 2, 2});
      f.cameo = k == 0 ? "073" : k == 1 ? "071" : "072";
      f.detail = pick_aid(rng, f.cameo);
      if (k == 0) f.extra = pick_disaster(rng);
      f.place = &y;
      break;
    }
    case 3:
      f.kind = Kind::military_exercise;
      f.actor = &a;
      f.partner = &b;
      f.end = plus_days(day, rng.between(4, 13));
      f.place = rng.chance(0.5) ? &a : &b;
      f.detail = pick_exercise_name(rng, a, b, int(day.year()));
      f.cameo = "062";
      break;
    default:
      f.kind = Kind::agreement;
      f.place = &y;
      f.detail = pick_agreement(rng, f.treaty);
      f.actor_person = holder(x, Office::foreign_minister, sys_days(day));
      f.partner_person = holder(y, Office::foreign_minister, sys_days(day));
      f.cameo = "057";
      break;
  }
  return f;
}

}  // namespace annals::gen
