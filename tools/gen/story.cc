#include "story.h"

#include <algorithm>

#include "lexicon.h"

namespace annals::gen {
namespace {

using namespace date;

constexpr double kRetold = 0.2;

year_month_day shifted(year_month_day d, int n) { return year_month_day(sys_days(d) + days(n)); }

std::optional<Person> leader(const World& world, const Nation& n, year_month_day day, std::uint64_t salt) {
  return world.holder(n, world.leading_office(n, salt), sys_days(day));
}

std::optional<Person> minister(const World& world, const Nation& n, year_month_day day) {
  return world.holder(n, Office::foreign_minister, sys_days(day));
}

Fact base(Kind kind, const Nation& actor, const Nation* partner, year_month_day day, const char* cameo) {
  Fact f;
  f.kind = kind;
  f.actor = &actor;
  f.partner = partner;
  f.start = f.end = day;
  f.cameo = cameo;
  return f;
}

void state_visit(const World& world, Story& s, Rng& rng, year_month_day day) {
  const Nation& a = *s.a;
  const Nation& b = *s.b;
  Fact visit = base(Kind::visit, a, &b, day, "042");
  visit.end = shifted(day, rng.between(1, 3));
  visit.place = &b;
  visit.actor_person = leader(world, a, day, s.id);
  visit.extra = pick_visit_kind(rng);
  const year_month_day talks = shifted(day, rng.between(0, 1));
  Fact meeting = base(Kind::meeting, a, &b, talks, "040");
  meeting.place = &b;
  meeting.actor_person = visit.actor_person;
  meeting.partner_person = leader(world, b, talks, s.id + 1);
  s.facts = {visit, meeting};
  if (rng.chance(0.6)) {
    Fact deal = base(Kind::agreement, a, &b, talks, "057");
    deal.place = &b;
    deal.detail = pick_agreement(rng, deal.treaty);
    deal.actor_person = meeting.actor_person;
    deal.partner_person = meeting.partner_person;
    s.facts.push_back(deal);
  }
  if (rng.chance(0.2) && !world.history(a, b).upgrade) {
    Fact up = base(Kind::relations_upgraded, a, &b, talks, "050");
    up.detail = pick_partnership(rng);
    up.actor_person = meeting.actor_person;
    up.partner_person = meeting.partner_person;
    s.facts.push_back(up);
  }
  if (rng.chance(0.25) && meeting.partner_person) {
    // The host's other leader: the head of government when the head of state received, and back.
    const Office other = meeting.partner_person->office == Office::head_of_state
                             ? Office::head_of_government : Office::head_of_state;
    if (auto second = world.holder(b, other, sys_days(visit.end)); second && b.rule.elected_head) {
      Fact m2 = base(Kind::meeting, a, &b, visit.end, "040");
      m2.place = &b;
      m2.actor_person = visit.actor_person;
      m2.partner_person = second;
      s.facts.push_back(m2);
    }
  }
}

void sidelines(const World& world, Story& s, Rng& rng, year_month_day day) {
  const Nation& a = *s.a;
  const Nation& b = *s.b;
  // Leaders of two regions meet at a global gathering, hosted anywhere.
  const bool same_region = a.region == b.region;
  const Forum& forum = same_region ? pick_forum(a.region, rng) : pick_global_forum(rng);
  const Nation& host = same_region ? world.pick_in_region(a.region, rng, {&a}) : world.pick(rng);
  Fact meeting = base(Kind::meeting, a, &b, day, &host == &b ? "040" : "044");
  meeting.place = &host;
  meeting.actor_person = leader(world, a, day, s.id);
  meeting.partner_person = leader(world, b, day, s.id + 1);
  Fact summit = base(Kind::summit, a, &host, shifted(day, -1), "044");
  summit.end = shifted(day, 1);
  summit.place = &host;
  summit.actor_person = meeting.actor_person;
  summit.detail = forum.name;
  summit.extra = forum.acronym;
  summit.note = forum.gathering;
  s.facts = {meeting, summit};
}

void exercise(const World& world, Story& s, Rng& rng, year_month_day day) {
  (void)world;
  Fact f = base(Kind::military_exercise, *s.a, s.b, day, "062");
  f.end = shifted(day, rng.between(4, 13));
  f.place = rng.chance(0.5) ? s.a : s.b;
  f.detail = pick_exercise_name(rng, *s.a, *s.b, int(day.year()));
  s.facts = {f};
}

void aid(const World& world, Story& s, Rng& rng, year_month_day day) {
  (void)world;
  Fact f = base(Kind::aid, *s.a, s.b, day, "073");
  const std::size_t k = rng.weighted({7, 2, 1.5});
  f.cameo = k == 0 ? "073" : k == 1 ? "071" : "072";
  f.detail = pick_aid(rng, f.cameo);
  if (k == 0) f.extra = pick_disaster(rng);
  f.place = s.b;
  s.facts = {f};
}

// An election: the day a leader of `a` took office after winning one, and often
// a call from `b` to congratulate. False when `a` elects no leader then.
bool election(const World& world, Story& s, Rng& rng, year_month_day day) {
  const Nation& a = *s.a;
  for (const Office office : {Office::head_of_state, Office::head_of_government}) {
    auto p = world.holder(a, office, sys_days(day));
    if (!p || !p->elected || p->took_office < year(2016) / 1 / 1) continue;
    Fact f = base(Kind::election, a, s.b, p->took_office, "000");
    f.actor_person = p;
    s.facts = {f};
    if (rng.chance(0.6)) {
      const year_month_day call = shifted(p->took_office, rng.between(1, 3));
      Fact phone = base(Kind::phone_call, *s.b, &a, call, "041");
      phone.actor_person = leader(world, *s.b, call, s.id);
      phone.partner_person = p;
      s.facts.push_back(phone);
    }
    return true;
  }
  return false;
}

void ministers(const World& world, Story& s, Rng& rng, year_month_day day) {
  const Nation& a = *s.a;
  const Nation& b = *s.b;
  Fact visit = base(Kind::visit, b, &a, day, "042");
  visit.end = shifted(day, rng.between(0, 2));
  visit.place = &a;
  visit.actor_person = minister(world, b, day);
  visit.extra = rng.chance(0.6) ? "working" : "official";
  Fact talks = base(Kind::meeting, a, &b, day, "040");
  talks.place = &a;
  talks.actor_person = minister(world, a, day);
  talks.partner_person = visit.actor_person;
  s.facts = {talks, visit};
  if (rng.chance(0.4)) {
    Fact deal = base(Kind::agreement, a, &b, day, "057");
    deal.place = &a;
    deal.detail = pick_agreement(rng, deal.treaty);
    deal.actor_person = talks.actor_person;
    deal.partner_person = talks.partner_person;
    s.facts.push_back(deal);
  }
}

// New relations need a pair whose history has them in the news years.
bool new_relations(const World& world, Story& s, Rng& rng) {
  for (int tries = 0; tries < 300; ++tries) {
    const Nation& a = world.pick(rng);
    const Nation& b = world.pick_partner(a, rng);
    const PairHistory h = world.history(a, b);
    if (h.established < year(2016) / 1 / 1) continue;
    s.a = &a;
    s.b = &b;
    Fact f = base(Kind::relations_established, a, &b, h.established, "054");
    f.actor_person = minister(world, a, h.established);
    f.partner_person = minister(world, b, h.established);
    s.facts = {f};
    return true;
  }
  return false;
}

}  // namespace

date::year_month_day Story::last_day() const {
  year_month_day last = facts.front().end;
  for (const auto& f : facts) last = std::max(last, f.end);
  return last;
}

Story make_story(const World& world, std::uint64_t id) {
  Rng rng(mix(world.seed(), id, 0x5707));
  Story s;
  s.id = id;
  s.plot = static_cast<Plot>(rng.weighted({30, 15, 10, 10, 10, 8, 14, 3}));
  s.a = &world.pick(rng);
  s.b = &world.pick_partner(*s.a, rng);
  const year_month_day day = random_day(rng, year(2016) / 1 / 10, year(2025) / 12 / 20);
  switch (s.plot) {
    case Plot::new_relations:
      if (new_relations(world, s, rng)) return s;
      s.plot = Plot::state_visit;
      state_visit(world, s, rng, day);
      break;
    case Plot::election:
      if (election(world, s, rng, day)) return s;
      s.plot = Plot::phone_call;
      [[fallthrough]];
    case Plot::phone_call: {
      Fact f = base(Kind::phone_call, *s.a, s.b, day, "041");
      f.actor_person = leader(world, *s.a, day, id);
      f.partner_person = leader(world, *s.b, day, id + 1);
      s.facts = {f};
      break;
    }
    case Plot::state_visit: state_visit(world, s, rng, day); break;
    case Plot::sidelines: sidelines(world, s, rng, day); break;
    case Plot::exercise: exercise(world, s, rng, day); break;
    case Plot::aid: aid(world, s, rng, day); break;
    case Plot::ministers: ministers(world, s, rng, day); break;
  }
  return s;
}

std::uint64_t story_of(std::uint64_t seed, std::uint64_t index, bool& retold) {
  Rng rng(mix(seed, index, 0x5709));
  retold = false;
  if (index == 0 || !rng.chance(kRetold)) return index;
  for (int tries = 0; tries < 20; ++tries) {
    const std::uint64_t window = std::min<std::uint64_t>(index, 200);
    const std::uint64_t earlier = index - 1 - rng.below(window);
    Rng probe(mix(seed, earlier, 0x5709));
    if (earlier == 0 || !probe.chance(kRetold)) {
      retold = true;
      return earlier;
    }
  }
  return index;
}

}  // namespace annals::gen
