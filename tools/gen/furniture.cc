// Headlines and page furniture.

#include "compose.h"
#include "lexicon.h"

namespace annals::gen {
namespace {

std::string plain_name(const Nation& n, char form) {
  if (form == 'a' && !n.adjective.empty()) return n.adjective;
  return n.the ? "the " + n.name : n.name;
}

std::string fill(std::string_view tmpl, const Nation& a, const Nation& b, const Namer& name,
                 const std::string& extra = "") {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size();) {
    if (tmpl.compare(i, 3, "{A}") == 0) out += name(a, 'n'), i += 3;
    else if (tmpl.compare(i, 3, "{B}") == 0) out += name(b, 'n'), i += 3;
    else if (tmpl.compare(i, 6, "{Aadj}") == 0) out += name(a, 'a'), i += 6;
    else if (tmpl.compare(i, 6, "{Badj}") == 0) out += name(b, 'a'), i += 6;
    else if (tmpl.compare(i, 3, "{X}") == 0) out += extra, i += 3;
    else out += tmpl[i++];
  }
  return capitalised(out);
}

const std::vector<std::string_view>& headlines_of(Plot plot) {
  static const std::vector<std::vector<std::string_view>> k = {
      {"{Aadj} leader arrives in {B} for {X} visit", "{A} and {B} pledge closer ties during state visit",
       "{A}, {B} sign deals as leaders meet", "{Aadj} {X} visit to {B} opens new chapter in ties",
       "{Badj} leader hosts {Aadj} counterpart"},
      {"{Aadj}, {Badj} leaders meet on summit sidelines", "{A} and {B} hold talks at regional summit",
       "Leaders of {A} and {B} meet on the margins of summit"},
      {"{Aadj}, {Badj} leaders discuss ties in phone call", "{A} and {B} leaders talk by phone"},
      {"{A} and {B} hold joint military drills", "{Aadj}, {Badj} troops wrap up joint exercise",
       "{A}, {B} stage joint exercise"},
      {"{A} sends aid to {B}", "{A} delivers relief supplies to {B}", "{Aadj} aid arrives in {B}"},
      {"{A} elects new leader", "{B} congratulates {Aadj} leader on election win",
       "New {Aadj} leader takes office"},
      {"{Aadj} and {Badj} foreign ministers hold talks", "{A}, {B} foreign ministers meet",
       "Top diplomats of {A} and {B} discuss cooperation"},
      {"{A} and {B} establish diplomatic relations", "{A}, {B} open diplomatic ties"},
  };
  return k[static_cast<std::size_t>(plot)];
}

}  // namespace

std::string headline(const Story& story, Rng& rng, const Namer& name) {
  if (rng.chance(0.15)) {
    static const std::string_view kGeneric[] = {"{A}-{B} relations: a partnership on the rise",
                                                "{A} and {B} reaffirm friendship",
                                                "Why {B} matters to {A}"};
    return fill(rng.pick(kGeneric), *story.a, *story.b, name);
  }
  const std::string kind = story.facts.front().extra.empty() ? "official" : story.facts.front().extra;
  return fill(rng.pick(headlines_of(story.plot)), *story.a, *story.b, name, kind);
}

std::string related_headline(const World& world, Rng& rng) {
  const Nation& a = world.pick(rng);
  const Nation& b = world.pick_partner(a, rng);
  const auto plot = static_cast<Plot>(rng.below(8));
  return fill(rng.pick(headlines_of(plot)), a, b, plain_name, "official");
}

std::vector<std::string> navigation_lines(Rng& rng) {
  static const std::string_view kLines[] = {
      "Home | World | Politics | Business | Opinion", "EN|FR|ES|RU", "Follow us on:", "Menu",
      "Search", "Share this article", "Facebook | X | Email | WhatsApp", "Listen to this article",
      "Home > News > International", "Subscribe to our newsletter"};
  std::vector<std::string> out;
  const int n = rng.between(1, 3);
  for (int i = 0; i < n; ++i) out.emplace_back(rng.pick(kLines));
  return out;
}

std::string photo_line(Writer& w, const Story& story) {
  Rng& rng = w.rng();
  const Fact& f = story.facts.front();
  if (f.actor_person && f.partner_person && w.introduced(*f.actor_person) &&
      w.introduced(*f.partner_person) && rng.chance(0.6)) {
    const auto token = [](std::string text) {
      for (char& c : text)
        if (c == ' ') c = '_';
      return text;
    };
    return token(f.actor_person->title) + "_" + token(f.actor_person->name.family) + "_and_" +
           token(f.partner_person->title) + "_" + token(f.partner_person->name.family) + ".jpg";
  }
  static const std::string_view kOthers[] = {"IMG_{N}.jpg", "talks-{N}.jpg", "DSC{N}.JPG",
                                             "Photo: handout", "(Photo: courtesy of the foreign ministry)"};
  std::string out(rng.pick(kOthers));
  if (const auto at = out.find("{N}"); at != std::string::npos)
    out.replace(at, 3, std::to_string(rng.between(1000, 9999)));
  return out;
}

std::string comment_notice(Rng& rng) {
  static const std::string_view kNotices[] = {
      "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
      "Leave a comment\nYour email address will not be published. Required fields are marked *",
      "Comments are closed.",
      "Write a comment\nThis site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply."};
  return std::string(rng.pick(kNotices));
}

std::vector<std::string> related_block(const World& world, Rng& rng) {
  static const std::string_view kTitles[] = {"Related", "Related news", "More on this topic",
                                             "Read more", "You may also like"};
  std::vector<std::string> out = {std::string(rng.pick(kTitles))};
  const int n = rng.between(2, 4);
  for (int i = 0; i < n; ++i) out.push_back(related_headline(world, rng));
  return out;
}

}  // namespace annals::gen
