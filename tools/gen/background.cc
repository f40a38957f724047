// tell_background: what an article recalls of the pair's past.

#include <algorithm>

#include "compose.h"
#include "lexicon.h"

namespace annals::gen {
namespace {

using namespace date;

bool before(const Fact& f, year_month_day now, int margin_days) {
  return sys_days(f.end) + days(margin_days) <= sys_days(now);
}

bool same_fact(const Fact& a, const Fact& b) {
  return a.kind == b.kind && a.start == b.start && a.actor == b.actor && a.partner == b.partner;
}

// "This year marks the 60th anniversary of diplomatic relations, established on
// 7 October 1964." Only when the printed publication year makes it a round number.
std::string anniversary(Writer& w, const PairHistory& h) {
  const int years_since = int(w.dates().published->year()) - int(h.established.year());
  const DateStyle absolute{std::nullopt, w.dates().us};
  const DatePhrase when = date_phrase(w.rng(), absolute, h.established, h.established);
  Slots s;
  s.a = h.first;
  s.b = h.second;
  s.when = when.text;
  s.x = ordinal(years_since);
  const std::string sentence = w.say(
      w.rng().chance(0.5)
          ? "This year marks the {X} anniversary of <1>diplomatic relations between {A} and {B}, established {when}</1>."
          : "<1>{A} and {B} established diplomatic relations {when}</1>, and the {X} anniversary falls this year.",
      s);
  GoldEvent ev;
  ev.type = "relations_established";
  ev.cameo = "054";
  ev.date = when.gold;
  ev.actors = {h.first};
  ev.counterparts = {h.second};
  ev.evidence = w.evidence(1);
  w.add_event(ev);
  w.add_relation("diplomatic_relations_established", *h.first, *h.second, when.gold, ev.evidence);
  return sentence;
}

// A passing mention with no date: optional in the gold.
std::string undated(Writer& w, const Story& story) {
  Slots s;
  s.a = story.a;
  s.b = story.b;
  GoldEvent ev;
  ev.required = false;
  if (w.rng().chance(0.5)) {
    s.x = pick_sector(w.rng());
    const std::string sentence =
        w.say("<1>{A} has also provided assistance to {B}</1> in {X} over the years.", s);
    ev.type = "aid";
    ev.cameo = "070";
    ev.actors = {story.a};
    ev.counterparts = {story.b};
    ev.evidence = w.evidence(1);
    w.add_event(ev);
    return sentence;
  }
  const std::string sentence = w.say("Leaders of the two countries have <1>exchanged visits</1> regularly.", s);
  ev.type = "visit";
  ev.cameo = "042";
  ev.actors = {story.a};
  ev.counterparts = {story.b};
  ev.evidence = w.evidence(1);
  w.add_event(ev);
  return sentence;
}

}  // namespace

Paragraphs tell_background(Writer& w, const Story& story, year_month_day now, bool long_form) {
  const PairHistory h = w.world().history(*story.a, *story.b);
  Rng& rng = w.rng();
  const Telling past{{Precision::day, Precision::year}, true, true};
  Paragraphs out;
  std::string roots;
  const auto add = [](std::string& paragraph, const std::string& sentence) {
    if (sentence.empty()) return;
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += sentence;
  };
  if (h.recognition && before(*h.recognition, now, 30) && rng.chance(0.5))
    add(roots, tell(w, *h.recognition, past));
  const bool told_established = std::any_of(story.facts.begin(), story.facts.end(), [](const Fact& f) {
    return f.kind == Kind::relations_established;
  });
  if (!told_established && sys_days(h.established) + days(30) <= sys_days(now) && rng.chance(0.7)) {
    Fact f;
    f.kind = Kind::relations_established;
    f.actor = h.first;
    f.partner = h.second;
    f.start = f.end = h.established;
    f.cameo = "054";
    const int years_since = int(now.year()) - int(h.established.year());
    if (w.dates().published && years_since % 5 == 0 && years_since > 0 && rng.chance(0.7))
      add(roots, anniversary(w, h));
    else
      add(roots, tell(w, f, past));
    if (rng.chance(0.5)) add(roots, filler(w, story, Topic::since));
  }
  if (h.treaty && before(*h.treaty, now, 30) && rng.chance(0.5)) add(roots, tell(w, *h.treaty, past));
  if (h.upgrade && before(*h.upgrade, now, 30) && rng.chance(0.6)) add(roots, tell(w, *h.upgrade, past));
  if (!roots.empty()) {
    add(roots, filler(w, story, Topic::relations));
    out.push_back(roots);
  }

  std::vector<const Fact*> earlier;
  for (const auto& f : h.past) {
    const bool news = std::any_of(story.facts.begin(), story.facts.end(),
                                  [&](const Fact& g) { return same_fact(f, g); });
    if (!news && before(f, now, 7)) earlier.push_back(&f);
  }
  const std::size_t want = std::min<std::size_t>(earlier.size(), long_form ? rng.between(2, 4) : rng.between(1, 3));
  std::string recent;
  for (std::size_t i = 0; i < want; ++i) {
    const std::size_t k = rng.below(earlier.size());
    add(recent, tell(w, *earlier[k], past));
    earlier.erase(earlier.begin() + std::ptrdiff_t(k));
  }
  if (rng.chance(0.25)) add(recent, undated(w, story));
  if (!recent.empty()) out.push_back(recent);

  const Fact& lead = story.facts.front();
  if (lead.kind != Kind::election && lead.actor_person && lead.actor == story.a &&
      lead.actor_person->elected && rng.chance(0.3) &&
      sys_days(lead.actor_person->took_office) + days(30) <= sys_days(now) &&
      lead.actor_person->took_office >= year(1990) / 1 / 1) {
    Fact won;
    won.kind = Kind::election;
    won.actor = story.a;
    won.partner = story.b;
    won.actor_person = lead.actor_person;
    won.start = won.end = lead.actor_person->took_office;
    won.cameo = "000";
    out.push_back(tell(w, won, past));
  }
  return out;
}

}  // namespace annals::gen
