// tell_story: the news paragraphs of each plot.

#include <initializer_list>

#include "compose.h"

namespace annals::gen {
namespace {

using namespace date;

std::string joined(std::initializer_list<std::string> sentences) {
  std::string out;
  for (const auto& s : sentences) {
    if (s.empty()) continue;
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

// Talks on the sidelines of a summit and the summit itself in one sentence. The
// summit's own days are not stated, so the gold dates it by the meeting's month.
std::string sidelines_sentence(Writer& w, const Fact& meeting, const Fact& summit, const Telling& news) {
  static const std::string_view kForms[] = {
      "<1>{P1} met {p2} {when}</1> on the sidelines of <2>the {forum} {at}</2>.",
      "<1>{P1} held talks with {p2} {when} on the sidelines of</1> <2>the {forum} {at}</2>.",
      "On the sidelines of <2>the {forum} {at}</2>, <1>{p1} met {p2} {when}</1>.",
      "<1>{P1} and {p2} met {when}</1> <2>while in {C} to attend the {forum}</2>.",
  };
  const std::string_view form = w.rng().pick(kForms);
  const DatePhrase when = date_phrase(w.rng(), w.dates(), meeting.start, meeting.start, news.grain);
  Slots s;
  s.a = meeting.actor;
  s.b = meeting.partner;
  s.c = summit.place;
  s.p1 = &*meeting.actor_person;
  s.p2 = &*meeting.partner_person;
  s.when = when.text;
  s.forum = &summit;
  std::string location = summit.place->name;
  if (form.find("{at}") != std::string_view::npos) s.at = w.place(*summit.place, true, location);
  const std::string sentence = w.say(form, s);

  GoldEvent talks;
  talks.type = "meeting";
  talks.cameo = meeting.cameo;
  talks.date = when.gold;
  talks.actors = {meeting.actor};
  talks.counterparts = {meeting.partner};
  talks.actor_persons = {s.p1};
  talks.counterpart_persons = {s.p2};
  talks.location = location;
  talks.evidence = w.evidence(1);
  talks.required = news.required;
  w.add_event(talks);

  GoldEvent gathering;
  gathering.type = "summit";
  gathering.cameo = "044";
  const Precision p = std::min(when.gold.precision, Precision::month);
  gathering.date = {iso(meeting.start, p), "", p,
                    "the summit's own days are not stated; dated by the talks on its sidelines (" +
                        when.gold.start + ")"};
  gathering.actors = {summit.actor};
  gathering.actor_persons = {s.p1};
  gathering.location = location;
  gathering.evidence = w.evidence(2);
  gathering.required = news.required;
  w.add_event(gathering);
  return sentence;
}

Paragraphs state_visit(Writer& w, const Story& s, const Telling& news) {
  Paragraphs out;
  out.push_back(joined({tell(w, s.facts[0], news), w.rng().chance(0.5) ? filler(w, s, Topic::talks) : ""}));
  out.push_back(joined({tell(w, s.facts[1], news), filler(w, s, Topic::talks)}));
  out.push_back(filler(w, s, Topic::quote));
  for (std::size_t i = 2; i < s.facts.size(); ++i) {
    const Fact& f = s.facts[i];
    if (f.kind == Kind::agreement) out.push_back(joined({tell(w, f, news), filler(w, s, Topic::economy)}));
    else out.push_back(tell(w, f, news));
  }
  out.push_back(joined({filler(w, s, Topic::region), filler(w, s, Topic::visit)}));
  return out;
}

Paragraphs sidelines(Writer& w, const Story& s, const Telling& news) {
  Paragraphs out;
  if (w.rng().chance(0.6)) {
    out.push_back(joined({sidelines_sentence(w, s.facts[0], s.facts[1], news), filler(w, s, Topic::talks)}));
  } else {
    out.push_back(joined({tell(w, s.facts[0], news), filler(w, s, Topic::talks)}));
    out.push_back(tell(w, s.facts[1], news));
  }
  out.push_back(joined({filler(w, s, Topic::quote), filler(w, s, Topic::region)}));
  return out;
}

Paragraphs single(Writer& w, const Story& s, const Telling& news, Topic topic) {
  Paragraphs out;
  out.push_back(joined({tell(w, s.facts[0], news), filler(w, s, topic)}));
  for (std::size_t i = 1; i < s.facts.size(); ++i) out.push_back(tell(w, s.facts[i], news));
  out.push_back(joined({filler(w, s, topic), filler(w, s, Topic::quote)}));
  return out;
}

Paragraphs ministers(Writer& w, const Story& s, const Telling& news) {
  Paragraphs out;
  const bool visit_first = w.rng().chance(0.5);
  out.push_back(tell(w, s.facts[visit_first ? 1 : 0], news));
  out.push_back(joined({tell(w, s.facts[visit_first ? 0 : 1], news), filler(w, s, Topic::talks)}));
  for (std::size_t i = 2; i < s.facts.size(); ++i) out.push_back(tell(w, s.facts[i], news));
  out.push_back(joined({filler(w, s, Topic::quote), filler(w, s, Topic::visit)}));
  return out;
}

}  // namespace

Paragraphs tell_story(Writer& w, const Story& s, const Telling& news) {
  switch (s.plot) {
    case Plot::state_visit: return state_visit(w, s, news);
    case Plot::sidelines: return sidelines(w, s, news);
    case Plot::phone_call: return single(w, s, news, Topic::talks);
    case Plot::exercise: return single(w, s, news, Topic::exercise);
    case Plot::aid: return single(w, s, news, Topic::aid);
    case Plot::election: return single(w, s, news, Topic::election);
    case Plot::ministers: return ministers(w, s, news);
    case Plot::new_relations: return single(w, s, news, Topic::relations);
  }
  return {};
}

}  // namespace annals::gen
