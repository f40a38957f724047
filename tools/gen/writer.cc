#include "writer.h"

#include <algorithm>

#include "annals/error.h"
#include "lexicon.h"

namespace annals::gen {
namespace {

// Evidence marks inside an expanded sentence: the byte, then the span's digit.
constexpr char kOpen = '\x01', kClose = '\x02';

bool marker(char c) { return c == kOpen || c == kClose; }

// The index in `s` of the last character that is not part of a mark, or npos.
std::size_t last_visible(const std::string& s, std::size_t before) {
  std::size_t j = before;
  while (j != std::string::npos && j < s.size()) {
    if (j >= 1 && marker(s[j - 1])) {
      j = j >= 2 ? j - 2 : std::string::npos;
      continue;
    }
    return j;
  }
  return std::string::npos;
}

// Collapses doubled spaces and drops a space before punctuation, so an empty
// slot ("{at}") leaves no trace; marks do not count as characters.
std::string tidy(const std::string& marked) {
  std::string out;
  std::size_t last = std::string::npos;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marker(marked[i]) && i + 1 < marked.size()) {
      out += marked[i];
      out += marked[++i];
      continue;
    }
    const char c = marked[i];
    char prev = last == std::string::npos ? '\0' : out[last];
    if (c == ' ' && (prev == ' ' || prev == '\0')) continue;
    if (std::string_view(",.;:)").find(c) != std::string_view::npos && prev == ' ') {
      out.erase(last, 1);
      last = out.empty() ? std::string::npos : last_visible(out, last - 1);
      prev = last == std::string::npos ? '\0' : out[last];
    }
    if (c == ',' && (prev == ',' || prev == '\0')) continue;
    if (c == '.' && prev == ',') {  // an appositive closing the sentence
      out.erase(last, 1);
      last = out.empty() ? std::string::npos : last_visible(out, last - 1);
    }
    out += c;
    last = out.size() - 1;
  }
  while (last != std::string::npos && out[last] == ' ') {
    out.erase(last, 1);
    last = out.empty() ? std::string::npos : last_visible(out, last - 1);
  }
  return out;
}

std::string trimmed_evidence(std::string text) {
  const auto strip = [](std::string& t) {
    while (!t.empty() && std::string_view(" ,;:").find(t.back()) != std::string_view::npos) t.pop_back();
    std::size_t lead = 0;
    while (lead < t.size() && std::string_view(" ,;:").find(t[lead]) != std::string_view::npos) ++lead;
    t.erase(0, lead);
  };
  strip(text);
  std::size_t words = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && i > 0 && text[i - 1] != ' ' && ++words == 24) {
      text.resize(i);  // a prefix of the span is still a substring of the article
      break;
    }
  }
  strip(text);
  return text;
}

std::string possessive(const std::string& name) {
  return !name.empty() && name.back() == 's' ? name + "'" : name + "'s";
}

std::string lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string the_name(const Nation& n) { return n.the ? "the " + n.name : n.name; }

Json nullable(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

}  // namespace

std::string capitalised(std::string text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (marker(text[i])) {
      ++i;
      continue;
    }
    if (text[i] == '"') continue;  // a sentence opening with a quotation
    if (text[i] >= 'a' && text[i] <= 'z') text[i] = static_cast<char>(text[i] - 'a' + 'A');
    break;
  }
  return text;
}

std::string article_for(std::string_view word) {
  if (word.empty()) return "a";
  const char c = word[0];
  if (c == 'U') return word.starts_with("Uz") ? "an" : "a";
  return std::string_view("AEIOaeio").find(c) != std::string_view::npos ? "an" : "a";
}

Writer::Writer(const World& world, Rng& rng, DateStyle dates, bool plain_names)
    : world_(world), rng_(rng), dates_(std::move(dates)), plain_names_(plain_names) {}

std::string Writer::say(std::string_view tmpl, const Slots& slots) {
  names_only_ = tmpl.find("{t") != std::string_view::npos;
  std::string marked;
  for (std::size_t i = 0; i < tmpl.size();) {
    if (tmpl.compare(i, 2, "</") == 0 && i + 4 <= tmpl.size() && tmpl[i + 3] == '>') {
      marked += kClose;
      marked += tmpl[i + 2];
      i += 4;
    } else if (tmpl[i] == '<' && i + 3 <= tmpl.size() && tmpl[i + 2] == '>') {
      marked += kOpen;
      marked += tmpl[i + 1];
      i += 3;
    } else if (tmpl[i] == '{') {
      const std::size_t end = tmpl.find('}', i);
      if (end == std::string_view::npos) throw Error("template", std::string(tmpl));
      marked += resolve(tmpl.substr(i + 1, end - i - 1), slots);
      i = end + 1;
    } else {
      marked += tmpl[i++];
    }
  }
  marked = capitalised(tidy(marked));
  std::string text;
  std::array<std::size_t, 4> begin{}, end{};
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marker(marked[i]) && i + 1 < marked.size()) {
      const auto k = std::size_t(marked[i + 1] - '0') % 4;
      (marked[i] == kOpen ? begin : end)[k] = text.size();
      ++i;
      continue;
    }
    text += marked[i];
  }
  for (std::size_t k = 0; k < 4; ++k)
    evidence_[k] = end[k] > begin[k] ? trimmed_evidence(text.substr(begin[k], end[k] - begin[k])) : "";
  return text;
}

std::string Writer::resolve(std::string_view name, const Slots& s) {
  const auto nation_of = [&](char letter) -> const Nation& {
    const Nation* n = letter == 'A' ? s.a : letter == 'B' ? s.b : s.c;
    if (!n) throw Error("template", "no nation for {" + std::string(name) + "}");
    return *n;
  };
  const auto person_of = [&](char digit) -> const Person& {
    const Person* p = digit == '1' ? s.p1 : digit == '2' ? s.p2 : s.p3;
    if (!p) throw Error("template", "no person for {" + std::string(name) + "}");
    return *p;
  };
  if (name == "when") return s.when;
  if (name == "at") return s.at;
  if (name == "X") return s.x;
  if (name == "Y") return s.y;
  if (name == "Z") return s.z;
  if (name == "forum") {
    if (!s.forum) throw Error("template", "no forum");
    return forum(*s.forum);
  }
  if (name.size() == 1) return nation(nation_of(name[0]), 'n');
  if (name.size() == 3 && name.substr(1) == "'s") return nation(nation_of(name[0]), 'p');
  if (name.size() == 4 && name.substr(1) == "adj") return nation(nation_of(name[0]), 'a');
  if (name.size() == 5 && name[0] == 'a' && name.substr(2) == "adj") {
    const std::string adj = nation(nation_of(name[1]), 'a');
    return article_for(adj) + " " + adj;
  }
  if (name.size() == 4 && name.substr(1) == "dem") return nation(nation_of(name[0]), 'd');
  if (name.size() == 2 && (name[0] == 'P' || name[0] == 'p' || name[0] == 's')) {
    const PersonSlot slot = name[0] == 'P' ? PersonSlot::subject
                            : name[0] == 'p' ? PersonSlot::object : PersonSlot::brief;
    return person(person_of(name[1]), slot);
  }
  if (name.size() == 4 && name.substr(2) == "'s")
    return possessive(person(person_of(name[1]), PersonSlot::object));
  if (name.size() == 2 && name[0] == 't') return lower(person_of(name[1]).title);
  if (name.starts_with("he") || name.starts_with("his") || name.starts_with("him")) {
    const bool female = person_of(name.back()).female;
    if (name.starts_with("his")) return female ? "her" : "his";
    if (name.starts_with("him")) return female ? "her" : "him";
    return female ? "she" : "he";
  }
  throw Error("template", "unknown placeholder {" + std::string(name) + "}");
}

std::string Writer::nation(const Nation& n, char form) {
  if (std::find(countries_.begin(), countries_.end(), n.code) == countries_.end())
    countries_.push_back(n.code);
  switch (form) {
    case 'p': return possessive(the_name(n));
    case 'a': return n.adjective.empty() ? n.name : n.adjective;
    case 't': return n.code == "USA" ? "US" : n.adjective.empty() ? n.name : n.adjective;
    case 'd': return n.demonym.empty() ? "the people of " + the_name(n) : n.demonym;
    default: return the_name(n);
  }
}

Writer::PersonEntry* Writer::find(std::uint64_t key) {
  for (auto& e : persons_)
    if (e.key == key) return &e;
  return nullptr;
}

const Writer::PersonEntry* Writer::find(std::uint64_t key) const {
  for (const auto& e : persons_)
    if (e.key == key) return &e;
  return nullptr;
}

bool Writer::was_used(const void* key) const {
  return std::find(used_.begin(), used_.end(), key) != used_.end();
}

bool Writer::introduced(const Person& p) const { return find(p.key) != nullptr; }

std::string Writer::printed_name(const Person& p) const {
  if (const PersonEntry* e = find(p.key)) return e->name;
  const std::string full = p.name.full();
  return plain_names_ ? without_diacritics(full) : full;
}

bool Writer::former(const Person& p) const {
  if (!dates_.published) return false;
  const Nation* posting = p.posted_to.empty() ? nullptr : &world_.nation(p.posted_to);
  const auto now = world_.holder(world_.nation(p.country), p.office,
                                 date::sys_days(*dates_.published), posting);
  return !now || now->key != p.key;
}

std::string Writer::title_of(const Person& p) const {
  const Nation& n = world_.nation(p.country);
  if (p.office == Office::ambassador) {
    const std::string host = the_name(world_.nation(p.posted_to));
    return n.adjective.empty() ? "Ambassador of " + the_name(n) + " to " + host
                               : n.adjective + " Ambassador to " + host;
  }
  return p.title + " of " + the_name(n);
}

std::string Writer::person(const Person& p, PersonSlot slot) {
  if (PersonEntry* e = find(p.key)) {
    if (!e->short_ok) return e->name;
    const auto alias = [&] {
      if (e->short_name != e->name &&
          std::find(e->aliases.begin(), e->aliases.end(), e->short_name) == e->aliases.end())
        e->aliases.push_back(e->short_name);
      return e->short_name;
    };
    const bool titled = p.title.find(" of ") == std::string::npos && p.office != Office::ambassador;
    const bool described = slot != PersonSlot::brief && !names_only_;
    const std::vector<double> w = {5, titled ? 3.0 : 0.0, described ? 0.8 : 0.0};
    switch (rng_.weighted(w)) {
      case 0: return alias();
      case 1: return p.title + " " + alias();
      default: return "the " + nation(world_.nation(p.country), 'a') + " " + lower(p.title);
    }
  }
  PersonEntry fresh;
  fresh.key = p.key;
  fresh.name = printed_name(p);
  fresh.short_name = plain_names_ ? without_diacritics(p.name.short_form()) : p.name.short_form();
  fresh.country = p.country;
  fresh.titles = {title_of(p)};
  for (const auto& other : persons_)
    if (other.short_name == fresh.short_name) fresh.short_ok = false;
  persons_.push_back(std::move(fresh));
  return introduce(p, persons_.back(), slot);
}

std::string Writer::introduce(const Person& p, PersonEntry& entry, PersonSlot slot) {
  const Nation& n = world_.nation(p.country);
  const std::string name = entry.name;
  if (p.office == Office::ambassador) {
    const Nation& host = world_.nation(p.posted_to);
    if (!n.adjective.empty() && rng_.chance(0.6))
      return nation(n, 't') + " Ambassador to " + nation(host, 'n') + " " + name;
    return nation(n, 'p') + " Ambassador to " + nation(host, 'n') + " " + name;
  }
  const bool then = former(p);
  const std::string& t = p.title;
  if (!p.party.empty() && !then && rng_.chance(0.4)) {
    entry.titles.push_back("General Secretary of the " + p.party);
    organization(p.party, "", p.country, true);
    return "General Secretary of the " + p.party + " and " + t + " " + name;
  }
  const std::vector<double> w = {n.adjective.empty() && n.code != "USA" ? 0.0 : 4.0, 2, 2,
                                 slot == PersonSlot::subject ? 1.5 : 0.0};
  switch (rng_.weighted(w)) {
    case 0: return (then ? "then-" : "") + nation(n, 't') + " " + t + " " + name;
    case 1: return (then ? "then-" : "") + t + " " + name + " of " + nation(n, 'n');
    case 2: return nation(n, 'p') + (then ? " then-" : " ") + t + " " + name;
    default: return name + ", " + (then ? "then " : "the ") + t + " of " + nation(n, 'n') + ",";
  }
}

std::string Writer::place(const Nation& n, bool name_nation, std::string& location) {
  const bool cap = !n.capital.empty(), adj = !n.adjective.empty();
  const std::vector<double> w = {cap && !name_nation ? 3.0 : 0.0, cap && adj ? 1.5 : 0.0,
                                 cap ? 1.5 : 0.0, 2.0, cap && adj ? 0.7 : 0.0};
  switch (rng_.weighted(w)) {
    case 0: location = n.capital; return "in " + n.capital;
    case 1: location = n.name; return "in the " + nation(n, 'a') + " capital";
    case 2: location = n.capital + ", " + n.name; return "in " + n.capital + ", " + nation(n, 'n');
    case 3: location = n.name; return "in " + nation(n, 'n');
    default:
      location = n.capital;
      return "in the " + nation(n, 'a') + " capital, " + n.capital + ",";
  }
}

std::string Writer::forum(const Fact& summit) {
  const std::string& name = summit.detail;
  const std::string& acronym = summit.extra;
  const bool known = std::any_of(orgs_.begin(), orgs_.end(), [&](const OrgEntry& o) { return o.name == name; });
  std::string base = name;
  if (known && !acronym.empty()) {
    base = acronym;
    organization(name, acronym, "", true);
  } else if (!known && !acronym.empty() && rng_.chance(0.3)) {
    base = name + " (" + acronym + ")";
    organization(name, acronym, "", true);
  } else {
    organization(name, "", "", true);
  }
  if (summit.note.empty()) return base;
  if (summit.note == "summit" && !known && rng_.chance(0.3))
    return ordinal(rng_.between(2, 45)) + " " + base + " summit";
  return base + " " + summit.note;
}

void Writer::organization(const std::string& name, const std::string& alias,
                          const std::string& country, bool required) {
  for (auto& o : orgs_) {
    if (o.name != name) continue;
    if (!alias.empty() && std::find(o.aliases.begin(), o.aliases.end(), alias) == o.aliases.end())
      o.aliases.push_back(alias);
    o.required = o.required || required;
    return;
  }
  orgs_.push_back({name, alias.empty() ? std::vector<std::string>{} : std::vector{alias}, country, required});
}

void Writer::extra_person(const std::string& name, const std::string& country,
                          const std::vector<std::string>& titles, bool required) {
  PersonEntry e;
  e.key = hash_of(name) | 1;
  e.name = name;
  e.short_name = name;
  e.titles = titles;
  e.country = country;
  e.required = required;
  persons_.push_back(std::move(e));
}

void Writer::add_event(const GoldEvent& ev) {
  Json e;
  e["type"] = ev.type;
  e["cameo"] = nullable(ev.cameo);
  const bool dated = ev.date.precision != Precision::unknown;
  e["date"] = {{"start", dated ? nullable(ev.date.start) : Json(nullptr)},
               {"end", dated ? nullable(ev.date.end) : Json(nullptr)},
               {"precision", std::string(to_string(ev.date.precision))}};
  const auto side = [&](const std::vector<const Nation*>& nations, const std::vector<const Person*>& people) {
    Json codes = Json::array(), names = Json::array();
    for (const Nation* n : nations) codes.push_back(world_.code_on(*n, ev.date));
    for (const Person* p : people) names.push_back(printed_name(*p));
    return Json{{"countries", codes}, {"persons", names}};
  };
  e["actors"] = side(ev.actors, ev.actor_persons);
  e["counterparts"] = side(ev.counterparts, ev.counterpart_persons);
  e["location"] = nullable(ev.location);
  e["evidence"] = ev.evidence;
  e["required"] = ev.required;
  if (!ev.date.inferred.empty()) e["date_inferred_from"] = ev.date.inferred;
  events_.push_back(std::move(e));
}

void Writer::add_relation(const std::string& kind, const Nation& a, const Nation& b,
                          const Dated& date, const std::string& evidence, bool required) {
  relations_.push_back({{"kind", kind},
                        {"countries", {world_.code_on(a, date), world_.code_on(b, date)}},
                        {"date", nullable(date.start)},
                        {"precision", std::string(to_string(date.precision))},
                        {"evidence", evidence},
                        {"required", required}});
}

Json Writer::gold(Json source) const {
  Json out;
  out["source"] = std::move(source);
  out["countries"] = countries_;
  Json persons = Json::array();
  for (const auto& p : persons_)
    persons.push_back({{"name", p.name},
                       {"aliases", p.aliases},
                       {"country", nullable(p.country)},
                       {"titles", p.titles},
                       {"required", p.required}});
  out["persons"] = std::move(persons);
  Json orgs = Json::array();
  for (const auto& o : orgs_)
    orgs.push_back({{"name", o.name}, {"aliases", o.aliases}, {"country", nullable(o.country)},
                    {"required", o.required}});
  out["organizations"] = std::move(orgs);
  out["events"] = events_;
  out["relations"] = relations_;
  return out;
}

std::vector<std::string> Writer::evidence_texts() const {
  std::vector<std::string> out;
  for (const auto& e : events_) out.push_back(e["evidence"].get<std::string>());
  for (const auto& r : relations_) out.push_back(r["evidence"].get<std::string>());
  return out;
}

}  // namespace annals::gen
