// Sentences that state no dated fact: talks, quotes, figures, plans, analysis.
// Some mention a visit or an invitation without it being an event, as news does.

#include <vector>

#include "compose.h"
#include "lexicon.h"
#include "lines.h"
#include "names.h"

namespace annals::gen {
namespace {

// The story's two leading people, when it has them.
const Person* lead_person(const Story& s) {
  for (const auto& f : s.facts)
    if (f.actor_person && f.actor == s.a) return &*f.actor_person;
  return nullptr;
}

const Person* partner_person(const Story& s) {
  for (const auto& f : s.facts) {
    if (f.partner_person && f.partner == s.b) return &*f.partner_person;
    if (f.actor_person && f.actor == s.b) return &*f.actor_person;
  }
  return nullptr;
}

}  // namespace

std::string filler(Writer& w, const Story& story, Topic topic) {
  const Person* lead = lead_person(story);
  const Person* partner = partner_person(story);
  std::vector<const Line*> usable;
  for (const auto& line : lines_of(topic))
    if ((!(line.needs & kLead) || lead) && (!(line.needs & kPartner) || partner)) usable.push_back(&line);
  // No sentence twice in one article: "" once the topic is used up.
  std::vector<const Line*> unused;
  for (const Line* line : usable)
    if (!w.was_used(line->text.data())) unused.push_back(line);
  if (unused.empty()) return "";
  const Line& line = *w.rng().pick(unused);
  w.mark_used(line.text.data());
  if (!line.org.empty()) w.organization(std::string(line.org), "", "", true);
  Slots s;
  s.a = story.a;
  s.b = story.b;
  s.p1 = lead;
  s.p2 = partner;
  const auto sectors = pick_sectors(w.rng(), 3);
  s.x = sectors[0];
  s.y = sectors[1];
  const bool number = topic == Topic::economy || topic == Topic::aid || topic == Topic::election;
  s.z = number ? std::to_string(w.rng().between(2, 9)) : sectors[2];
  return w.say(line.text, s);
}

std::string sentences(Writer& w, const Story& story, Topic topic, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    const std::string line = filler(w, story, topic);
    if (line.empty()) break;
    out += (out.empty() ? "" : " ") + line;
  }
  return out;
}

std::string ambassador_line(Writer& w, const Story& story, date::year_month_day day) {
  static const std::string_view kLines[] = {
      "{P3} said the two countries were entering a new stage of cooperation.",
      "{P3} told reporters that both sides wanted quick, practical results.",
      "According to {p3}, several new projects are being prepared.",
  };
  const bool from_b = w.rng().chance(0.5);
  const Nation& home = from_b ? *story.b : *story.a;
  const Nation& host = from_b ? *story.a : *story.b;
  const auto envoy = w.world().holder(home, Office::ambassador, date::sys_days(day), &host);
  if (!envoy) return "";
  Slots s;
  s.a = story.a;
  s.b = story.b;
  s.p3 = &*envoy;
  return w.say(w.rng().pick(kLines), s);
}

std::string heading(Rng& rng) {
  static const std::string_view kHeadings[] = {
      "A partnership with history", "Trade and investment", "Security ties", "What comes next",
      "Looking ahead", "Old friends, new agenda", "Beyond the handshakes", "The economic dimension",
      "A region in flux", "Building on the past"};
  return std::string(rng.pick(kHeadings));
}

std::string analyst_quote(Writer& w, const Story& story) {
  static const std::string_view kInstitutes[] = {
      "Institute of International Relations", "Centre for Strategic Studies",
      "Institute for Foreign Policy Studies", "Centre for Regional Security Studies",
      "Institute of World Economy and Politics"};
  static const std::string_view kRoles[] = {"a senior fellow", "a researcher", "director",
                                            "a professor of international relations"};
  static const std::string_view kQuotes[] = {
      "Both capitals see this relationship as a hedge against uncertainty elsewhere",
      "The symbolism matters, but the test is what happens to trade and investment",
      "There is a genuine convergence of interests, especially on {X}",
      "{A} needs partners it can rely on, and {B} has proved to be one"};
  Rng& rng = w.rng();
  const Nation& home = rng.chance(0.5) ? *story.a : *story.b;
  PersonName name;
  for (int tries = 0; tries < 50; ++tries) {
    name = invent_name(home.style, rng);
    if (w.world().usable_name(name)) break;
  }
  const std::string full = without_diacritics(name.full());
  const std::string institute(rng.pick(kInstitutes));
  const std::string role(rng.pick(kRoles));
  const std::string city = home.capital.empty() ? "" : " in " + home.capital;
  Slots s;
  s.a = story.a;
  s.b = story.b;
  s.x = pick_sector(rng);
  std::vector<std::string_view> fresh;
  for (const auto q : kQuotes)
    if (!w.was_used(q.data())) fresh.push_back(q);
  if (fresh.empty()) return "";
  const std::string_view chosen = rng.pick(fresh);
  w.mark_used(chosen.data());
  const std::string quote = w.say(chosen, s);
  w.extra_person(full, home.code, {role + " at the " + institute}, true);
  w.organization(institute, "", home.code, false);
  return "\"" + quote + ",\" said " + full + ", " + role + " at the " + institute + city + ".";
}

}  // namespace annals::gen
