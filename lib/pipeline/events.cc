#include "pipeline/events.h"

#include "pipeline/gazetteer.h"
#include "pipeline/phrases.h"
#include "pipeline/tokens.h"
#include "pipeline/triggers.h"
#include "text/text.h"
#include "text/word_map.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace annals {
namespace {

// Words that make a clause a wish, an invitation or a cancelled plan, not an event.
// With them, the words that make a clause a habit, not an event: "have trained
// together regularly". Hash sets, not std::set: every token of a clause is looked up.
const WordSet kModal = {"hope",      "hopes",     "hoped",     "hoping",     "wish",     "wishes",
                        "would",     "could",     "might",     "should",     "invite",   "invited",
                        "invitation", "proposed", "postponed", "cancelled",  "canceled", "if",
                        "unless",    "intends",   "expected",  "regularly",  "routinely", "frequently",
                        "often",     "usually"};
const WordSet kDeterminers = {"the", "this", "that", "his", "her", "their", "its", "these"};
const WordSet kPronouns = {"he", "she", "his", "her", "him"};
// Clause boundaries inside a sentence: dates and sides are read per clause.
constexpr std::string_view kClauseBreaks[] = {", and ", ", but ", "; ", ", while ", ", where ",
                                              ", which ", ", as well as ", " while "};
const WordSet kBilateralTypes = {"visit", "meeting", "summit", "agreement",
                                               "relations_established", "relations_upgraded",
                                               "military_exercise", "aid"};
const WordSet kMeetingFamily = {"visit", "meeting", "summit"};
// Types whose participants are states, not the people who speak of them.
const WordSet kImpersonalTypes = {"aid", "relations_established", "relations_upgraded",
                                                "military_exercise", "agreement"};

constexpr std::size_t kMaxSentenceBytes = 3000;

struct Context {
  const Doc& doc;
  std::vector<std::string> pair;        // main_pair(doc)
  Span lead;                            // the lead line of the body (lead_of), maybe empty
};

// Whether a clause break of kClauseBreaks starts at text[p]. Every break opens
// with ',', ';' or ' ', and no two start at one position. Asked of every byte
// of a sentence with a trigger, so the commonest byte, a space, is let go unless
// "while" follows.
bool clause_break_at(std::string_view text, std::size_t p) {
  const char c = text[p];
  if (c == ' ') return p + 1 < text.size() && text[p + 1] == 'w' && text.substr(p).starts_with(" while ");
  if (c != ',' && c != ';') return false;
  const std::string_view rest = text.substr(p);
  return std::any_of(std::begin(kClauseBreaks), std::end(kClauseBreaks),
                     [&](std::string_view b) { return b[0] == c && rest.starts_with(b); });
}

// One pass over the sentence, in position order, finds the cuts that a search
// for each break in turn followed by a sort would.
void clauses_of(const Doc& doc, Span sentence, std::vector<Span>& out) {
  out.clear();
  const std::string_view text = doc.text(sentence);
  std::size_t start = sentence.begin;
  for (std::size_t p = 0; p < text.size(); ++p) {
    if (!clause_break_at(text, p)) continue;
    const std::size_t c = sentence.begin + p;
    if (c > start) out.push_back({start, c});
    start = c;
  }
  out.push_back({start, sentence.end});
}

Span clause_at(const std::vector<Span>& clauses, std::size_t pos) {
  for (const auto& c : clauses)
    if (pos >= c.begin && pos < c.end) return c;
  return clauses.back();
}

bool inside_organization(const Doc& doc, const Mention& m) {
  // Mentions are ordered by start: an organisation holding m starts at or before it,
  // and names are short, so looking back a few hundred bytes is enough.
  auto it = std::upper_bound(doc.mentions.begin(), doc.mentions.end(), m.span.begin,
                             [](std::size_t pos, const Mention& o) { return pos < o.span.begin; });
  while (it != doc.mentions.begin()) {
    --it;
    if (m.span.begin - it->span.begin > 400) break;
    if (it->kind == EntityKind::organization && it->span.contains(m.span) && !(it->span == m.span)) return true;
  }
  return false;
}

// Mentions whose span starts inside `s`, as an iterator range over doc.mentions.
std::pair<std::vector<Mention>::const_iterator, std::vector<Mention>::const_iterator> mentions_in(const Doc& doc,
                                                                                                    Span s) {
  auto first = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), s.begin,
                                [](const Mention& o, std::size_t pos) { return o.span.begin < pos; });
  auto last = std::lower_bound(first, doc.mentions.end(), s.end,
                               [](const Mention& o, std::size_t pos) { return o.span.begin < pos; });
  return {first, last};
}

// "Vietnam War", "Russian Cinema": a country word that names something else.
bool names_other_thing(const Doc& doc, const Mention& m) {
  const std::string_view after = std::string_view(doc.article.body).substr(m.span.end, 8);
  return after.starts_with(" War");
}

// "the Steel Thunder-2005 exercise": a year glued to a name is part of the name.
bool names_a_thing(const Doc& doc, Span date) {
  const std::string_view body = doc.article.body;
  return date.begin >= 2 && body[date.begin - 1] == '-' &&
         std::isalpha(static_cast<unsigned char>(body[date.begin - 2]));
}

struct Sides {
  std::vector<std::string> before, after;  // country codes in text order
  std::vector<std::size_t> persons_before, persons_after;
};

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}
void add_unique(std::vector<std::size_t>& v, std::size_t s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

Sides sides(const Doc& doc, Span clause, Span trigger) {
  Sides s;
  const auto [first, last] = mentions_in(doc, clause);
  for (auto it = first; it != last; ++it) {
    const Mention& m = *it;
    if (!clause.contains(m.span)) continue;
    const bool before = m.span.end <= trigger.begin;
    if (m.kind == EntityKind::country) {
      if (inside_organization(doc, m) || names_other_thing(doc, m)) continue;
      add_unique(before ? s.before : s.after, m.country);
    } else if (m.kind == EntityKind::person) {
      add_unique(before ? s.persons_before : s.persons_after, m.entity);
    }
  }
  return s;
}

std::optional<std::size_t> first_person_in(const Doc& doc, Span s) {
  const auto [first, last] = mentions_in(doc, s);
  for (auto it = first; it != last; ++it)
    if (it->kind == EntityKind::person && s.contains(it->span)) return it->entity;
  return std::nullopt;
}

// The date a trigger's clause gives it: one inside the trigger phrase ("the 1994
// Treaty"), else the nearest after it ("met ... on Friday"), else the nearest before
// ("In 2018, ... sent aid"): a date before the verb often belongs to a relative
// clause ("Ruto, who was elected in 2022, arrived on Friday").
const DateMention* nearest_date(const Doc& doc, Span clause, Span trigger) {
  const DateMention *inside = nullptr, *after = nullptr, *before = nullptr;
  // Dates are ordered by start: only those starting inside the clause can lie in it.
  const auto from = std::lower_bound(doc.dates.begin(), doc.dates.end(), clause.begin,
                                     [](const DateMention& d, std::size_t pos) { return d.span.begin < pos; });
  for (auto it = from; it != doc.dates.end() && it->span.begin < clause.end; ++it) {
    const DateMention& d = *it;
    if (!clause.contains(d.span) || names_a_thing(doc, d.span)) continue;
    if (d.span.overlaps(trigger) || trigger.contains(d.span)) inside = inside ? inside : &d;
    else if (d.span.begin >= trigger.end) after = after ? after : &d;
    else before = &d;
  }
  return inside ? inside : after ? after : before;
}

bool modal(const std::vector<Token>& tokens, const std::vector<Span>& clauses, Span clause) {
  // Words are compared as string_views: std::string == "literal" measures the
  // literal at run time, and this reads every token of every sentence with a trigger.
  for (const auto& t : tokens) {
    if (!clause.contains(t.span)) continue;
    if (kModal.contains(t.folded)) return true;
    if (std::string_view(t.folded) == "may" && !t.upper) return true;
  }
  // "had initially planned to visit ..., but the trip was postponed": the plan's
  // clause has no modal word itself.
  bool planned = false, called_off = false;
  for (const auto& t : tokens) {
    const std::string_view w = t.folded;
    planned |= w == "planned" || w == "plans" || w == "planning";
    called_off |= w == "postponed" || w == "cancelled" || w == "canceled";
  }
  (void)clauses;
  return planned && called_off;
}

std::string location_after(const Doc& doc, const std::vector<Token>& tokens, std::size_t from, Span clause) {
  for (std::size_t i = from; i + 1 < tokens.size() && tokens[i].span.end <= clause.end; ++i) {
    if (tokens[i].folded != "in" || !tokens[i + 1].upper) continue;
    std::size_t j = i + 1;
    while (j + 1 < tokens.size() && tokens[j + 1].upper && tokens[j + 1].span.end <= clause.end &&
           tokens[j + 1].span.begin - tokens[j].span.end <= 2)
      ++j;
    const Span place{tokens[i + 1].span.begin, tokens[j].span.end};
    const bool is_date = std::any_of(doc.dates.begin(), doc.dates.end(), [&](const DateMention& d) {
      return d.span.overlaps(place);
    });
    std::string_view text = doc.text(place);
    if (is_date || text.find('(') != std::string_view::npos) continue;
    return std::string(text);
  }
  return "";
}

}  // namespace

std::vector<std::string> main_pair(const Doc& doc) {
  std::map<std::string, int> counts;
  for (const auto& m : doc.mentions)
    if (m.kind == EntityKind::country && !inside_organization(doc, m)) ++counts[m.country];
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [code, n] : counts) ranked.push_back({-n, code});
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < 2; ++i) out.push_back(ranked[i].second);
  return out;
}

namespace {

const WordSet kOfficialWords = {
    "delegation", "delegations", "leader", "leaders", "president", "minister", "side", "government",
    "officials", "official", "envoy", "king", "queen", "premier", "chancellor", "secretary", "chairman",
    "ambassador", "emperor", "prince", "general"};
// Words a guest can be named by after "received" or "welcomed", besides official words.
const WordSet kGuestWords = {"counterpart", "counterparts", "guest", "guests", "host",
                                           "him", "them", "visitor", "visitors", "envoys", "ambassadors",
                                           "representatives", "delegates", "mission"};
// Words that may stand between "received"/"welcomed" and the guest: "received by",
// "warmly welcomed the visiting", "received on Monday".
const WordSet kGuestLead = {"the", "a", "an", "his", "her", "their", "its", "visiting",
                                          "high", "level", "senior", "top", "foreign", "by", "warmly",
                                          "cordially", "officially", "on", "in", "at", "today", "then"};

struct Candidate {
  Event event;
  const Trigger* trigger = nullptr;
  std::size_t sentence = 0;
  bool anaphoric = false;
  bool suppressed = false;
};

Participant country_of(Role r, const std::string& code) {
  Participant p;
  p.role = r;
  p.kind = EntityKind::country;
  p.country = code;
  return p;
}
Participant person_of(Role r, std::size_t index) {
  Participant p;
  p.role = r;
  p.kind = EntityKind::person;
  p.entity = index;
  return p;
}

void add_participant(Event& e, const Participant& p) {
  for (const auto& q : e.participants)
    if (q.kind == p.kind && q.country == p.country && q.entity == p.entity) return;
  e.participants.push_back(p);
}

std::vector<std::string> countries_of(const Event& e) {
  std::vector<std::string> out;
  for (const auto& p : e.participants)
    if (p.kind == EntityKind::country) add_unique(out, p.country);
  return out;
}

std::set<std::size_t> persons_of(const Event& e) {
  std::set<std::size_t> out;
  for (const auto& p : e.participants)
    if (p.kind == EntityKind::person) out.insert(p.entity);
  return out;
}

// The lead: the first line of the body that reads like prose (12+ words).
// Worked out once per article: a body of one long line would make it quadratic.
Span lead_of(const Doc& doc) {
  const std::string_view body = doc.article.body;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const auto words = std::count(body.begin() + long(start), body.begin() + long(end), ' ');
    if (words >= 11) return {start, end};
    start = end + 1;
  }
  return {};
}

// A line of its own without closing punctuation is a headline or a heading: it
// restates the story in the present tense ("Leaders hold talks at summit").
bool headline(const Doc& doc, Span sentence) {
  const std::string_view body = doc.article.body;
  std::string_view t = doc.text(sentence);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\r')) t.remove_suffix(1);
  if (t.empty() || std::string_view(".!?:;\"')").find(t.back()) != std::string_view::npos) return false;
  if (static_cast<unsigned char>(t.back()) >= 0x80) return false;  // a closing quote mark or other
  const bool line_start = sentence.begin == 0 || body[sentence.begin - 1] == '\n';
  std::size_t end = sentence.begin + t.size();
  while (end < body.size() && (body[end] == ' ' || body[end] == '\r')) ++end;
  return line_start && (end == body.size() || body[end] == '\n');
}

// Sets `out` to the words of fold(text) (the tokens' `folded`), viewing `buffer`.
// An ASCII sentence, most of them, folds byte for byte by kAsciiFold (the table
// fold_words reads for ASCII), its words the runs of bytes that fold to
// something; any other sentence goes through fold_words.
void folded_words(std::string_view text, std::string& buffer, std::vector<std::string_view>& out) {
  out.clear();
  if (buffer.size() < text.size()) buffer.resize(text.size());
  char* const folded = buffer.data();
  const char* const p = text.data();
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    // A run of separators, then a word; any byte from 0x80 hands the sentence to fold_words.
    unsigned char b = 0;
    while (i < n && (b = static_cast<unsigned char>(p[i])) < 0x80 && !kAsciiFold[b]) ++i;
    if (i == n) break;
    if (b >= 0x80) {
      out.clear();
      fold_words(text, folded, [&](std::size_t from, std::size_t to, std::size_t, std::size_t) {
        out.emplace_back(folded + from, to - from);
      });
      return;
    }
    const std::size_t first = i;
    char f = 0;
    while (i < n && (b = static_cast<unsigned char>(p[i])) < 0x80 && (f = kAsciiFold[b]) != 0) folded[i++] = f;
    out.emplace_back(folded + first, i - first);
  }
}

bool is_lead(const Context& ctx, Span sentence) {
  return sentence.begin >= ctx.lead.begin && sentence.begin < ctx.lead.end;
}

// The subject of the most recent earlier sentence that names a person.
std::optional<std::size_t> previous_subject(const Doc& doc, std::size_t sentence) {
  for (std::size_t i = sentence; i-- > 0;)
    if (auto p = first_person_in(doc, doc.sentences[i])) return p;
  return std::nullopt;
}

std::optional<std::size_t> actor_person(const Doc& doc, const std::vector<Token>& tokens, std::size_t sentence,
                                        Span clause, Span trigger, const Sides& in_clause, const Sides& whole) {
  // "X met Y during his first official visit": "his" is the subject's.
  const std::size_t k = token_at(tokens, trigger.begin);
  for (std::size_t back = 1; back <= 3 && back <= k; ++back) {
    const std::string& w = tokens[k - back].folded;
    if (w != "his" && w != "her") continue;
    if (auto subject = first_person_in(doc, doc.sentences[sentence]); subject && whole.persons_before.size() > 1)
      return subject;
    break;
  }
  if (!in_clause.persons_before.empty()) return in_clause.persons_before.back();
  // A later clause ("..., where he attended") is about the sentence's subject.
  if (!whole.persons_before.empty() && clause.begin > doc.sentences[sentence].begin)
    return first_person_in(doc, doc.sentences[sentence]);
  if (!whole.persons_before.empty()) return whole.persons_before.back();
  const bool pronoun = std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
    return t.span.end <= trigger.begin && kPronouns.count(t.folded);
  });
  if (pronoun) {
    if (auto p = previous_subject(doc, sentence)) return p;
    return first_person_in(doc, doc.sentences[sentence]);
  }
  // "Ahead of his visit ..., President X said": the subject follows a fronted phrase.
  if (!whole.persons_after.empty() && trigger.begin - doc.sentences[sentence].begin < 40)
    return whole.persons_after.front();
  return std::nullopt;
}

// An official actor: a person, or an official word before the trigger or in it
// ("sent a delegation to").
bool official(const std::vector<Token>& tokens, Span clause, Span trigger, bool has_person) {
  if (has_person) return true;
  return std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
    return clause.contains(t.span) && t.span.end <= trigger.end && kOfficialWords.count(t.folded);
  });
}

// A guest after token `after`: "received Prime Minister X", "welcomed the visiting
// delegation", "was received by the host", but not "welcomed efforts to ..." or
// "received relief supplies".
bool guest_follows(const std::vector<Token>& tokens, std::size_t after) {
  for (std::size_t i = after; i < tokens.size() && i < after + 5; ++i) {
    const std::string& w = tokens[i].folded;
    if (tokens[i].upper || kOfficialWords.count(w) || kGuestWords.count(w)) return true;
    if (!kGuestLead.count(w)) return false;
  }
  return false;
}

// Countries named after "from" in an aid clause: the givers ("Laos received relief
// supplies from Bahrain", "a shipment of rice from Japan arrived in China").
std::vector<std::string> givers(const Doc& doc, const std::vector<Token>& tokens, Span clause) {
  std::vector<std::string> out;
  const auto [first, last] = mentions_in(doc, clause);
  for (auto it = first; it != last; ++it) {
    if (it->kind != EntityKind::country || it->adjective || !clause.contains(it->span)) continue;
    std::size_t k = token_at(tokens, it->span.begin);
    if (k >= 1 && tokens[k - 1].folded == "the") --k;
    if (k >= 1 && k <= tokens.size() && tokens[k - 1].folded == "from") add_unique(out, it->country);
  }
  return out;
}

void assign_sides(const Doc& doc, Candidate& c, const Sides& s, std::optional<std::size_t> actor,
                  Span clause, std::size_t trigger_end, const std::vector<std::string>& from) {
  Event& e = c.event;
  const Trigger& t = *c.trigger;
  if (e.type == "aid" && !from.empty()) {  // the giver is named after "from"; the rest receive
    for (const auto& code : from) add_participant(e, country_of(Role::actor, code));
    for (const auto* side : {&s.before, &s.after})
      for (const auto& code : *side)
        if (std::find(from.begin(), from.end(), code) == from.end())
          add_participant(e, country_of(Role::counterpart, code));
    return;
  }
  std::vector<std::size_t> counterparts = s.persons_after;
  if (actor) counterparts.erase(std::remove(counterparts.begin(), counterparts.end(), *actor), counterparts.end());
  if (actor) add_participant(e, person_of(Role::actor, *actor));
  for (auto p : counterparts) add_participant(e, person_of(Role::counterpart, p));
  auto person_country = [&](std::size_t p) { return doc.persons[p].country; };
  const bool symmetric = t.has("symmetric");
  if (e.type == "election") {  // the elected person and their state, nobody else
    e.participants.erase(std::remove_if(e.participants.begin(), e.participants.end(),
                                        [](const Participant& p) { return p.role != Role::actor; }),
                         e.participants.end());
    if (actor && person_country(*actor)) add_participant(e, country_of(Role::actor, *person_country(*actor)));
    else if (!s.before.empty()) add_participant(e, country_of(Role::actor, s.before.back()));
    return;
  }
  if (e.type == "visit" && !t.has("host")) {
    // Actor: the traveller's side; counterpart: the destination named after the trigger.
    if (actor && person_country(*actor)) add_participant(e, country_of(Role::actor, *person_country(*actor)));
    else
      for (const auto& code : s.before) add_participant(e, country_of(Role::actor, code));
    for (const auto& code : s.after) {
      if (actor && person_country(*actor) == code) continue;
      add_participant(e, country_of(Role::counterpart, code));
      return;
    }
    // "visited Tokyo": the destination is the country of the first place named after it.
    for (const auto& place : doc.places) {
      if (place.span.begin < trigger_end || !clause.contains(place.span)) continue;
      if (!(actor && person_country(*actor) == place.country))
        add_participant(e, country_of(Role::counterpart, place.country));
      break;
    }
    return;  // fill_from_pair gives a traveller of unknown country the pair's other member
  }
  if (t.has("recognition")) {
    // "After the dissolution of X, A recognised B": the recogniser stands next to the verb.
    if (!s.before.empty()) add_participant(e, country_of(Role::actor, s.before.back()));
    if (!s.after.empty()) add_participant(e, country_of(Role::counterpart, s.after.front()));
    return;
  }
  for (const auto& code : s.before) add_participant(e, country_of(Role::actor, code));
  if (actor && person_country(*actor)) add_participant(e, country_of(Role::actor, *person_country(*actor)));
  for (const auto& code : s.after) add_participant(e, country_of(symmetric ? Role::actor : Role::counterpart, code));
  for (auto p : counterparts)
    if (person_country(p)) add_participant(e, country_of(symmetric ? Role::actor : Role::counterpart, *person_country(p)));
}

// "met ... in Kazan, Russia", "in the Serbian capital": the country of the venue
// is where, not who.
void drop_location_countries(const Doc& doc, const std::vector<Token>& tokens, const Candidate& c, Sides& s,
                             Span clause) {
  if (c.event.type != "meeting" && c.event.type != "summit") return;
  const auto [first, last] = mentions_in(doc, clause);
  std::vector<std::string> venues, parties;  // a country named both ways stays a party:
  // "officials of Cuba and Guyana held consultations in Guyana"
  for (auto it = first; it != last; ++it) {
    const Mention& m = *it;
    if (m.kind != EntityKind::country || !clause.contains(m.span)) continue;
    const std::size_t k = token_at(tokens, m.span.begin);
    if (k < 1 || k >= tokens.size()) continue;
    std::size_t next = k;  // the token after the mention
    while (next < tokens.size() && tokens[next].span.begin < m.span.end) ++next;
    const bool venue =
        m.adjective ? k >= 2 && tokens[k - 2].folded == "in" && tokens[k - 1].folded == "the" &&
                          next < tokens.size() && tokens[next].folded == "capital"
                    : tokens[k - 1].folded == "in" ||
                          (k >= 2 && tokens[k - 2].folded == "in" && tokens[k - 1].upper &&
                           doc.article.body.substr(tokens[k - 1].span.end, 1) == ",");
    add_unique(venue ? venues : parties, m.country);
  }
  for (const auto& code : venues) {
    if (std::find(parties.begin(), parties.end(), code) != parties.end()) continue;
    for (auto* side : {&s.before, &s.after}) side->erase(std::remove(side->begin(), side->end(), code), side->end());
  }
}

void fill_from_pair(const Context& ctx, Candidate& c) {
  if (!kBilateralTypes.count(c.event.type)) return;
  auto have = countries_of(c.event);
  for (const auto& code : ctx.pair) {
    if (have.size() >= 2) break;
    if (std::find(have.begin(), have.end(), code) != have.end()) continue;
    const bool has_actor = std::any_of(c.event.participants.begin(), c.event.participants.end(),
                                       [](const Participant& p) { return p.kind == EntityKind::country && p.role == Role::actor; });
    const bool symmetric = c.trigger->has("symmetric") || !has_actor;
    add_participant(c.event, country_of(symmetric ? Role::actor : Role::counterpart, code));
    have.push_back(code);
  }
}

void date_event(const Context& ctx, Candidate& c, Span sentence, Span clause, Span trigger,
                const std::vector<Candidate>& previous) {
  const Doc& doc = ctx.doc;
  const DateMention* d = nearest_date(doc, clause, trigger);
  if (!d) {
    const DateMention* s = nearest_date(doc, sentence, trigger);
    if (s && s->span.end <= clause.begin) d = s;  // a fronted "In 2018, ..." scopes the sentence
  }
  if (d) {
    c.event.start = d->start;
    c.event.end = d->end;
    c.event.date_inferred_from = d->inferred_from;
    return;
  }
  if (c.trigger->has("multilateral") && c.trigger->pattern.front().front() == "represented") {
    // "X represented him": the occasion is the one the previous sentence names.
    for (const auto& p : previous) {
      if (!p.event.start) continue;
      c.event.start = p.event.start;
      c.event.end = p.event.end;
      c.event.date_inferred_from = "the occasion named in the previous sentence";
      for (const auto& part : p.event.participants)
        if (part.kind == EntityKind::country) add_participant(c.event, country_of(Role::counterpart, part.country));
      return;
    }
  }
  const auto& pub = doc.article.published;
  if (c.anaphoric || !pub || pub->precision < Precision::month || !is_lead(ctx, sentence)) return;
  c.event.start = FuzzyDate{pub->day.year() / pub->day.month() / 1, Precision::month};
  c.event.date_inferred_from = "not stated; told in the lead of an article published " + to_iso(*pub);
}

std::string evidence_text_span(const Doc& doc, Span clause, Span& out) {
  out = clause;
  // Trim the ", and " / "; " that opens a later clause.
  const std::string_view t = doc.text(clause);
  std::size_t skip = 0;
  while (skip < t.size() && (t[skip] == ',' || t[skip] == ';' || t[skip] == ' ')) ++skip;
  out.begin += skip;
  return std::string(doc.text(out));
}

std::optional<Candidate> build(const Context& ctx, const std::vector<Token>& tokens, std::size_t sentence_index,
                               const std::vector<Span>& clauses, const TriggerHit& hit,
                               const std::vector<Candidate>& previous) {
  const Doc& doc = ctx.doc;
  const Span sentence = doc.sentences[sentence_index];
  const Span trigger{tokens[hit.first].span.begin, tokens[hit.last].span.end};
  const Span clause = clause_at(clauses, trigger.begin);
  Candidate c;
  c.trigger = hit.trigger;
  c.sentence = sentence_index;
  Event& e = c.event;
  e.type = hit.trigger->type;
  e.cameo = hit.trigger->cameo;
  e.plover_category = hit.trigger->plover_category;
  e.plover_mode = hit.trigger->plover_mode;
  c.anaphoric = hit.trigger->has("noun") && hit.first > 0 && kDeterminers.count(tokens[hit.first - 1].folded);
  // "signed the pact": the object points back to an agreement already told.
  if (e.type == "agreement" && hit.last > hit.first && kDeterminers.count(tokens[hit.last - 1].folded) &&
      (tokens[hit.last - 1].folded == "the" || tokens[hit.last - 1].folded == "this"))
    c.anaphoric = true;
  c.suppressed = modal(tokens, clauses, clause);
  const Sides s = sides(doc, clause, trigger);
  const Sides whole = sides(doc, sentence, trigger);
  const bool personal = !kImpersonalTypes.count(e.type);
  const auto actor = personal ? actor_person(doc, tokens, sentence_index, clause, trigger, s, whole) : std::nullopt;
  // "the visit" points back to a visit already judged official.
  if (hit.trigger->has("official") && !c.anaphoric && !official(tokens, clause, trigger, actor.has_value()))
    return std::nullopt;
  if (hit.trigger->has("guest") && !guest_follows(tokens, hit.last + 1)) return std::nullopt;
  Sides sides_used = s;
  if (!personal) sides_used.persons_before.clear(), sides_used.persons_after.clear();
  drop_location_countries(doc, tokens, c, sides_used, clause);
  const auto from = e.type == "aid" ? givers(doc, tokens, clause) : std::vector<std::string>{};
  assign_sides(doc, c, sides_used, actor, clause, trigger.end, from);
  date_event(ctx, c, sentence, clause, trigger, previous);
  if (c.anaphoric && e.start) c.anaphoric = false;  // "his May visit" is a statement of its own
  fill_from_pair(ctx, c);
  e.location = location_after(doc, tokens, hit.last + 1, clause);
  if (e.location.empty() && e.type == "visit")
    for (const auto& p : e.participants)
      if (p.kind == EntityKind::country && p.role == Role::counterpart)
        e.location = default_gazetteer().country_name(p.country).value_or("");
  Span ev;
  e.summary = evidence_text_span(doc, clause, ev);
  e.evidence.push_back(ev);
  return c;
}

}  // namespace

namespace {

bool same_countries(const Event& a, const Event& b) {
  auto x = countries_of(a), y = countries_of(b);
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  return x == y;
}

// A visit goes one way: A's trip to B and B's to A are two visits.
bool same_direction(const Event& a, const Event& b) {
  if (a.type != "visit") return true;
  const auto travellers = [](const Event& e) {
    std::vector<std::string> out;
    for (const auto& p : e.participants)
      if (p.kind == EntityKind::country && p.role == Role::actor) add_unique(out, p.country);
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto x = travellers(a), y = travellers(b);
  return x.empty() || y.empty() || x == y;
}

bool dates_overlap(const Event& a, const Event& b) {
  if (!a.start || !b.start) return false;
  const auto a_last = (a.end ? *a.end : *a.start).last_day();
  const auto b_last = (b.end ? *b.end : *b.start).last_day();
  return a.start->day <= b_last && b.start->day <= a_last;
}

// Days between the periods of two dated events (0 when they overlap).
long days_apart(const Event& a, const Event& b) {
  const date::sys_days a0 = a.start->day, a1 = (a.end ? *a.end : *a.start).last_day();
  const date::sys_days b0 = b.start->day, b1 = (b.end ? *b.end : *b.start).last_day();
  if (a1 < b0) return (b0 - a1).count();
  if (b1 < a0) return (a0 - b1).count();
  return 0;
}

// Two statements name different people of one country as taking part ("met Xi",
// "met Li"): different events, even when the same host speaks in both.
bool persons_conflict(const Doc& doc, const Event& a, const Event& b) {
  std::map<std::string, std::pair<std::set<std::size_t>, std::set<std::size_t>>> by_country;
  for (auto x : persons_of(a))
    if (doc.persons[x].country) by_country[*doc.persons[x].country].first.insert(x);
  for (auto y : persons_of(b))
    if (doc.persons[y].country) by_country[*doc.persons[y].country].second.insert(y);
  for (const auto& entry : by_country) {
    // Named, not a structured binding: clang 14 cannot capture one in a lambda.
    const auto& xs = entry.second.first;
    const auto& ys = entry.second.second;
    if (xs.empty() || ys.empty()) continue;
    const bool shared = std::any_of(xs.begin(), xs.end(), [&](std::size_t x) { return ys.count(x) != 0; });
    if (!shared) return true;
  }
  return false;
}

bool shares_person(const Event& a, const Event& b) {
  const auto pa = persons_of(a), pb = persons_of(b);
  return std::any_of(pa.begin(), pa.end(), [&](std::size_t p) { return pb.count(p) != 0; });
}

void absorb(Event& into, const Event& from) {
  for (const auto& p : from.participants) add_participant(into, p);
  into.evidence.insert(into.evidence.end(), from.evidence.begin(), from.evidence.end());
  if (from.start && (!into.start || from.start->precision > into.start->precision)) {
    into.start = from.start;
    into.end = from.end;
    into.date_inferred_from = from.date_inferred_from;
  } else if (from.start && from.start->precision == Precision::day && into.start->precision == Precision::day) {
    // Two days of one visit or summit: the event covers both.
    const FuzzyDate into_end = into.end ? *into.end : *into.start;
    const FuzzyDate from_end = from.end ? *from.end : *from.start;
    if (from.start->day < into.start->day) into.start = from.start;
    const FuzzyDate last = from_end.day > into_end.day ? from_end : into_end;
    into.end = last.day > into.start->day ? std::optional(last) : std::nullopt;
  }
  if (into.location.empty()) into.location = from.location;
}

// Whether statement `b` tells the same event as `a`, within one article.
bool same_event(const Doc& doc, const Event& a, const Event& b) {
  if (a.type != b.type || !same_countries(a, b) || !same_direction(a, b)) return false;
  if (!a.start && !b.start) return true;
  if (!kMeetingFamily.count(a.type)) return false;
  if (persons_conflict(doc, a, b)) return false;
  // A visit or summit lasts days: statements of adjacent days tell the same one.
  const bool spans_days = a.type == "summit" || a.type == "visit";
  if (a.start && b.start) return dates_overlap(a, b) || (spans_days && days_apart(a, b) <= 3);
  return shares_person(a, b);  // an undated retelling by the same person
}

// A dated event's countries as they were then: "Russia" in a fact of 1960, named
// or supplied by the article's pair, is the Soviet Union. The whole period must
// precede the end: "recognised the Russian Federation in 1991" is Russia.
void anachronisms(Candidate& c) {
  if (!c.event.start) return;
  const auto last = c.event.end ? c.event.end->last_day() : c.event.start->last_day();
  Event then;  // its participants, each once: "Soviet and Russian officials" in 1990 are one party
  for (Participant p : c.event.participants) {
    if (p.kind == EntityKind::country) p.country = default_gazetteer().state_on(p.country, last);
    add_participant(then, p);
  }
  c.event.participants = std::move(then.participants);
}

// An undated visit or meeting told by someone who takes part in a dated one with
// the same countries happened then ("pleased to pay a State visit" beside "received
// ... on January 26"); statements of the same event then merge.
void inherit_dates(const Doc& doc, std::vector<Event>& events) {
  // An event with a dated neighbour in its own sentence takes that date below instead.
  std::set<std::size_t> dated_sentences;
  for (const auto& d : events)
    if (d.start)
      for (const auto& sp : d.evidence) dated_sentences.insert(doc.sentence_at(sp.begin));
  auto dated_beside = [&](const Event& e) { return dated_sentences.count(doc.sentence_at(e.evidence.front().begin)) != 0; };
  for (auto& e : events) {
    if (e.start || !kMeetingFamily.count(e.type) || dated_beside(e)) continue;
    for (const auto& d : events) {
      if (!d.start || !kMeetingFamily.count(d.type) || !same_countries(e, d) || !shares_person(e, d)) continue;
      e.start = d.start;
      e.end = d.end;
      e.date_inferred_from = "not stated; during the " + d.type + " of " + to_iso(*d.start) + " with the same participants";
      break;
    }
  }
  // "He also met Li Qiang, and the two witnessed the signing of agreements": an
  // undated act told in the same sentence as a dated one shares its date.
  for (auto& e : events) {
    if (e.start) continue;
    const std::size_t here = doc.sentence_at(e.evidence.front().begin);
    for (const auto& d : events) {
      if (!d.start || &d == &e) continue;
      const bool same_sentence = std::any_of(d.evidence.begin(), d.evidence.end(), [&](const Span& s) {
        return doc.sentence_at(s.begin) == here;
      });
      if (!same_sentence) continue;
      e.start = d.start;
      e.end = d.end;
      e.date_inferred_from = "not stated; told in the same sentence as the " + d.type + " of " + to_iso(*d.start);
      break;
    }
  }
  for (std::size_t i = 0; i < events.size(); ++i)
    for (std::size_t j = i + 1; j < events.size();) {
      if (same_event(doc, events[i], events[j])) {
        absorb(events[i], events[j]);
        events.erase(events.begin() + j);
      } else {
        ++j;
      }
    }
}

}  // namespace


std::vector<Event> extract_events(const Doc& doc) {
  Context ctx{doc, main_pair(doc), lead_of(doc)};
  const auto& triggers = default_trigger_index();
  std::vector<Event> events;
  std::vector<Candidate> previous;
  std::vector<Token> tokens;  // of the sentence at hand; the storage serves them all
  std::vector<Span> clauses;
  std::string buffer;                  // the folded sentence at hand
  std::vector<std::string_view> words;  // its words, in buffer
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const Span sentence = doc.sentences[i];
    // The headline restates the lead; its facts come from the body.
    if (doc.article.title && doc.text(sentence) == doc.article.title->value) continue;
    if (headline(doc, sentence)) continue;
    // A "sentence" of thousands of bytes is a table, a dump or text without
    // punctuation, not prose a fact can be read from; skipping it keeps the stage linear.
    if (sentence.size() > kMaxSentenceBytes) continue;
    // Most sentences state no event: their folded words, seen first, say so
    // without the tokens (strings, spans, case) the events need.
    folded_words(doc.text(sentence), buffer, words);
    if (!has_trigger(words, triggers)) {
      previous.clear();
      continue;
    }
    tokenize_into(doc.article.body, sentence, tokens);
    const std::vector<TriggerHit> hits = find_triggers(tokens, triggers);
    // Most sentences state no event: only those with a trigger are cut into clauses.
    if (!hits.empty()) clauses_of(doc, sentence, clauses);
    std::vector<Candidate> here;
    for (const auto& hit : hits) {
      auto c = build(ctx, tokens, i, clauses, hit, previous);
      if (!c) continue;
      // One event per type per clause: "visited ... and held talks" is two, "met ... met" one.
      const Span clause = clause_at(clauses, tokens[hit.first].span.begin);
      const bool dup = std::any_of(here.begin(), here.end(), [&](const Candidate& h) {
        return h.event.type == c->event.type && clause.contains(h.event.evidence.front());
      });
      if (!dup) here.push_back(std::move(*c));
    }
    for (auto& c : here) {
      if (c.suppressed) continue;
      anachronisms(c);
      if (c.anaphoric) {
        auto it = std::find_if(events.rbegin(), events.rend(), [&](const Event& e) { return e.type == c.event.type; });
        // "The visit comes amid ..." after talks told as a meeting points back to them.
        if (it == events.rend() && kMeetingFamily.count(c.event.type))
          it = std::find_if(events.rbegin(), events.rend(), [&](const Event& e) { return kMeetingFamily.count(e.type) != 0; });
        if (it != events.rend()) {
          it->evidence.push_back(c.event.evidence.front());
          continue;
        }
      }
      auto same = std::find_if(events.begin(), events.end(), [&](const Event& e) { return same_event(doc, e, c.event); });
      if (same != events.end()) absorb(*same, c.event);
      else events.push_back(std::move(c.event));
    }
    previous = std::move(here);
  }
  inherit_dates(doc, events);
  return events;
}

namespace {

// The event types some trigger of `index` marks as a relation milestone: an
// event of another type yields no relation whatever trigger stated it, so its
// sentence need not be read again.
WordMap<bool> relation_types(const TriggerIndex& index) {
  WordMap<bool> types;
  for (const Trigger& t : index.triggers())
    if (t.has("recognition") || t.has("diplomatic") || t.has("treaty") || t.has("upgrade")) types.insert(t.type, true);
  return types;
}

}  // namespace

std::vector<Relation> extract_relations(const Doc& doc) {
  std::vector<Relation> out;
  const auto& triggers = default_trigger_index();
  static const WordMap<bool> kRelationTypes = relation_types(triggers);
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    if (!kRelationTypes.contains(e.type)) continue;
    // The relation kind follows the trigger that stated the event first.
    tokenize_into(doc.article.body, doc.sentences[doc.sentence_at(e.evidence.front().begin)], tokens);
    const Trigger* t = nullptr;
    for (const auto& hit : find_triggers(tokens, triggers))
      if (hit.trigger->type == e.type && e.evidence.front().contains(Span{tokens[hit.first].span.begin, tokens[hit.last].span.end}))
        t = hit.trigger;
    if (!t) continue;
    std::string kind;
    if (t->has("recognition")) kind = "recognition";
    else if (t->has("diplomatic")) kind = "diplomatic_relations_established";
    else if (t->has("treaty")) kind = "treaty_signed";
    else if (t->has("upgrade")) kind = "relations_upgraded";
    else continue;
    std::vector<std::string> actors, counterparts;
    for (const auto& p : e.participants) {
      if (p.kind != EntityKind::country) continue;
      add_unique(p.role == Role::counterpart ? counterparts : actors, p.country);
    }
    std::vector<std::string> all = actors;
    for (const auto& c : counterparts) add_unique(all, c);
    if (all.size() != 2) continue;
    Relation r;
    r.kind = kind;
    r.a = all[0];
    r.b = all[1];
    r.date = e.start;
    r.evidence = e.evidence.front();
    r.event = i;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace annals
