#include "pipeline/persons.h"

#include "pipeline/names.h"
#include "pipeline/person_scan.h"
#include "pipeline/titles.h"
#include "text/text.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace annals {
namespace {

using namespace person_parse;

const WordList kPlacePrepositions = {"in", "to", "from", "at", "near", "via", "into"};
// Nouns that name a person by a tie to another ("his father", "her counterpart").
const WordList kRelationalNouns = {
    "father",      "mother",      "son",         "sons",        "daughter",    "daughters",
    "wife",        "husband",     "spouse",      "widow",       "widower",     "brother",
    "brothers",    "sister",      "sisters",     "uncle",       "aunt",        "nephew",
    "niece",       "cousin",      "grandfather", "grandmother", "grandson",    "granddaughter",
    "predecessor", "predecessors", "successor",  "successors",  "deputy",      "deputies",
    "counterpart", "counterparts"};
const WordList kPossessives = {"his", "her", "their", "its", "our", "my", "your", "'s"};
// Words between a possessive and a relational noun: "his late father", "her former deputy".
const WordList kRelationModifiers = {"late",   "former",  "elder",    "older",    "younger",
                                     "eldest", "oldest",  "youngest", "new",      "outgoing",
                                     "incoming", "then",  "first",    "second",   "only"};
// Verbs that attribute a quotation: `"...," said Jane Roe, a researcher at ...`.
const WordList kSpeechVerbs = {"said", "says", "added", "adds", "noted", "notes", "explained",
                               "argued", "argues", "observed", "commented", "wrote", "warned", "stressed"};
// "according to Jane Roe": a list, so that Scan::in tests it without comparing strings.
const WordList kAccording = {"according"};
// The marks after a name that open a description of it: "Jane Roe, a researcher
// at ...", "the election of Donald Trump as the 47th president".
const WordList kAppositionMarks = {",", "as"};
constexpr std::size_t kNone = std::size_t(-1);

// One place a person's name occurs.
struct Sighting {
  Name name;
  Span span;  // the name in the body
  std::vector<Position> positions;
  bool weak = false;      // on a title-cased line: counts only for a person found elsewhere
  std::size_t intro = 0;  // token where the introducing phrase starts
  std::size_t person = kNone;
  std::optional<std::string> country;  // stated without a post: "his Russian counterpart X"
  std::optional<std::string> shared;   // from a title joined to this one: "Lao A and B"
};

class Finder {
 public:
  explicit Finder(const Doc& doc) : s_(doc) {}
  PersonResult run() {
    titled_names();
    appositions();
    speakers();
    relatives();
    bylines();
    cluster();
    known_forms();
    elections();
    return build();
  }

 private:
  Span span(std::size_t b, std::size_t e) const { return {s_.tok[b].span.begin, s_.tok[e - 1].span.end}; }
  Sighting& add(const Name& n, std::vector<Position> positions, bool weak, std::size_t intro);
  std::optional<std::string> joined_country(std::size_t prev_end, std::size_t k, const Chain& c) const;
  std::optional<std::size_t> relation_at(std::size_t k, std::optional<std::string>& country) const;
  void add_related(std::size_t k, bool plural, std::size_t intro, std::optional<std::string> country);
  std::optional<Name> name_before(std::size_t c) const;
  std::size_t pick(const std::vector<Part>& parts, Span at, bool any_part) const;
  std::size_t widen(const Name& n);
  void assign(std::size_t sighting, std::size_t person);
  void titled_names();
  void appositions();
  void speakers();
  void relatives();
  void bylines();
  void cluster();
  void known_forms();
  void elections();
  std::optional<std::string> unstated_country(const std::vector<std::size_t>& sightings) const;
  PersonResult build() const;
  mutable Name scratch_;  // parse_name's storage for the many tries that find no name

  Scan s_;
  std::vector<Sighting> seen_;
  std::vector<std::vector<Part>> full_;           // person -> the name that defines it
  std::vector<std::vector<std::size_t>> members_;  // person -> its sightings
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> by_span_;  // add()ed span -> sighting
  // For pick(), so that it looks only at persons a name can belong to:
  std::vector<std::multiset<std::pair<std::size_t, std::size_t>>> spans_;  // person -> member spans
  std::vector<std::size_t> longest_;  // person -> its longest member span
  std::unordered_map<std::string, std::vector<std::size_t>> by_part_;  // fold of a full_ part -> persons
  std::unordered_map<std::string, std::vector<std::size_t>> by_member_;  // key_of(member name) -> persons
  std::unordered_set<std::string> member_last_;  // fold of the last part of each member name
  void index_full(std::size_t person);
};

void add_once(std::vector<std::size_t>& v, std::size_t x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

Sighting& Finder::add(const Name& n, std::vector<Position> positions, bool weak, std::size_t intro) {
  const Span sp = span(n.begin, n.end);
  const auto [at, added] = by_span_.emplace(std::pair(sp.begin, sp.end), seen_.size());
  if (!added) {
    Sighting& x = seen_[at->second];
    x.positions.insert(x.positions.end(), positions.begin(), positions.end());
    x.weak = x.weak && weak;
    return x;
  }
  seen_.push_back({n, sp, std::move(positions), weak, intro, kNone, std::nullopt, std::nullopt});
  return seen_.back();
}

// "Japanese Foreign Minister A and Defence Minister B": a chain with neither
// country nor organisation, joined by "and" or a comma to the titled name that
// ends at `prev_end`, shares that name's country. Not after "between", which
// names two sides ("talks between Chinese President A and Prime Minister B").
std::optional<std::string> Finder::joined_country(std::size_t prev_end, std::size_t k,
                                                  const Chain& c) const {
  if (prev_end == kNone || seen_.empty() || prev_end >= k) return std::nullopt;
  const bool comma = s_.is(prev_end, ",");
  const std::size_t gap = k - prev_end;
  const bool joined = (gap == 1 && (comma || s_.is(prev_end, "and"))) ||
                      (gap == 2 && comma && s_.is(prev_end + 1, "and"));
  if (!joined) return std::nullopt;
  for (const Group& g : c.groups)
    if (g.of.country || g.of.organization) return std::nullopt;
  const std::size_t sentence = s_.doc.sentence_at(s_.tok[k].span.begin);
  for (std::size_t j = k; j-- > 0 && s_.doc.sentence_at(s_.tok[j].span.begin) == sentence;)
    if (s_.is(j, "between")) return std::nullopt;
  const Sighting& prev = seen_.back();
  for (const Position& p : prev.positions)
    if (p.country) return p.country;
  return prev.shared;
}

// "Lao President Thongloun Sisoulith", "General Secretary of the ... and
// President Thongloun Sisoulith", "the President of X, Secretary General of Y,
// Thongloun Sisoulith".
void Finder::titled_names() {
  std::size_t prev_end = kNone;  // token after the last titled name
  for (std::size_t i = 0; i < s_.size();) {
    if (s_.starts[i] < 0 && !s_.has_title(i)) {  // most tokens: no chain starts there (see parse_chain)
      ++i;
      continue;
    }
    const auto c = parse_chain(s_, i);
    std::optional<Name> n;
    if (c && c->end < s_.size() && !s_.tok[c->end].line_before) {
      n = parse_name(s_, c->end, NameMode::anchored);
      if (!n && s_.is(c->end, ",") && c->end + 1 < s_.size() && !s_.tok[c->end + 1].line_before)
        n = parse_name(s_, c->end + 1, NameMode::loose);
      if (n && n->begin > c->end && n->parts.size() < 2) n.reset();  // "..., Australia"
    }
    if (!n) {
      ++i;
      continue;
    }
    auto positions = positions_of(*c, span(i, n->end));
    // "King Norodom Sihamoni of Cambodia"
    const std::size_t of = n->end + 1 + (s_.is(n->end + 1, "the") ? 1 : 0);
    if (s_.is(n->end, "of") && of < s_.size() && s_.starts[of] >= 0 &&
        s_.doc.mentions[s_.starts[of]].kind == EntityKind::country)
      for (Position& p : positions)
        if (!p.country) p.country = s_.doc.mentions[s_.starts[of]].country;
    auto shared = joined_country(prev_end, i, *c);
    add(*n, std::move(positions), s_.headline[i], i).shared = std::move(shared);
    prev_end = i = n->end;
  }
}

// The name of two or more parts that ends right before token c.
std::optional<Name> Finder::name_before(std::size_t c) const {
  for (std::size_t b = c > 10 ? c - 10 : 0; b < c; ++b) {
    if (!s_.cap(b)) continue;  // no name starts there
    Name& n = scratch_;
    if (!parse_name(s_, b, NameMode::loose, n) || n.end != c) continue;
    if (n.parts.size() < 2 || (b > 0 && s_.in(kPlacePrepositions, b - 1))) return std::nullopt;
    return n;
  }
  return std::nullopt;
}

// "Thongloun Sisoulith, Lao Party General Secretary and State President, ...",
// "Ksenia Muratshina, PhD in History, Senior Researcher at ...", "the election
// of Donald Trump as the 47th president of the United States".
void Finder::appositions() {
  for (std::size_t c = 1; c < s_.size(); ++c) {
    if (!s_.in(kAppositionMarks, c)) continue;
    const bool as = s_.is(c, "as");
    const auto n = name_before(c);
    if (!n) continue;
    std::size_t k = c + 1;
    if (s_.is(k, "the")) ++k;
    if (ordinal_at(s_, k)) ++k;
    const auto chain = k < s_.size() && !s_.tok[k].line_before ? parse_chain(s_, k) : std::nullopt;
    if (!chain) continue;
    auto positions = positions_of(*chain, span(n->begin, chain->end));
    const bool titles_a_name = std::any_of(seen_.begin(), seen_.end(),
                                           [&](const Sighting& x) { return x.intro == k; });
    if (positions.empty() || titles_a_name) continue;
    add(*n, std::move(positions), as && s_.headline[c], n->begin);
  }
}

// `"...," said Jane Roe, a researcher at the Institute of ...`, "according to
// Jane Roe, a professor of law": a quoted speaker described after the name,
// with no title before it. The description must hold a title ("researcher",
// "senior fellow", "director"); the person's country stays unknown.
void Finder::speakers() {
  for (std::size_t k = 0; k + 1 < s_.size(); ++k) {
    std::size_t at = k + 1;
    if (s_.in(kAccording, k) && s_.is(k + 1, "to")) ++at;
    else if (!s_.in(kSpeechVerbs, k)) continue;
    if (at >= s_.size() || s_.tok[at].line_before) continue;
    const auto n = parse_name(s_, at, NameMode::loose);
    if (!n || n->parts.size() < 2 || !s_.is(n->end, ",")) continue;
    std::size_t j = n->end + 1;
    if (s_.is(j, "a") || s_.is(j, "an") || s_.is(j, "the")) ++j;
    if (ordinal_at(s_, j)) ++j;  // "a former diplomat"
    const auto chain = j < s_.size() && !s_.tok[j].line_before ? parse_chain(s_, j) : std::nullopt;
    if (!chain) continue;
    auto positions = positions_of(*chain, span(n->begin, chain->end));
    if (positions.empty()) continue;
    add(*n, std::move(positions), s_.headline[at], n->begin);
  }
}

// The token after a relational noun that a possessive introduces ("his father",
// "Manalo's counterpart", "her Russian counterpart", "his late father") at token
// k, or nullopt; `country` gets the adjective's country when one stands between.
std::optional<std::size_t> Finder::relation_at(std::size_t k, std::optional<std::string>& country) const {
  if (!s_.in(kPossessives, k)) return std::nullopt;
  std::size_t j = k + 1;
  for (std::size_t extra = 0; extra < 3 && j < s_.size(); ++extra) {
    if (s_.in(kRelationModifiers, j)) {
      ++j;
    } else if (const int mi = s_.starts[j]; mi >= 0 && s_.doc.mentions[mi].kind == EntityKind::country &&
                                           s_.doc.mentions[mi].adjective) {
      country = s_.doc.mentions[mi].country;
      j = s_.mention_end[mi];
    } else {
      break;
    }
  }
  if (j >= s_.size() || !s_.tok[j].word || !s_.in(kRelationalNouns, j)) return std::nullopt;
  return j;
}

// "succeeding his father Hun Sen", "her predecessor, Jane Roe", "Manalo's
// counterpart Kim Lee", "his counterparts Ann Berg and Tom Lind": the name after
// a relational noun is a person; it states no post. A one-word name ("his wife
// Anna") counts only for a person found elsewhere.
void Finder::relatives() {
  for (std::size_t k = 0; k < s_.size(); ++k) {
    if (!s_.in(kPossessives, k)) continue;  // relation_at's first test, before a country is made
    std::optional<std::string> country;
    const auto noun = relation_at(k, country);
    if (!noun) continue;
    const bool plural = s_.tok[*noun].fold.back() == 's';  // "counterparts", "deputies"
    add_related(*noun + 1, plural, k, country);
  }
}

// Adds the name at token k (after an optional comma and titles) and, when
// `plural`, the names joined to it by "and" or commas.
void Finder::add_related(std::size_t k, bool plural, std::size_t intro,
                         std::optional<std::string> country) {
  for (bool first = true;; first = false) {
    const bool comma = s_.is(k, ",");
    if (comma) ++k;
    if (!first && s_.is(k, "and")) ++k;
    else if (!first && !comma) return;
    if (k >= s_.size() || s_.tok[k].line_before) return;
    if (const auto chain = parse_chain(s_, k)) k = chain->end;  // "his counterpart, Foreign Minister X"
    const auto n = k < s_.size() && !s_.tok[k].line_before
                       ? parse_name(s_, k, comma ? NameMode::loose : NameMode::anchored)
                       : std::nullopt;
    if (!n) return;
    Sighting& x = add(*n, {}, n->parts.size() < 2 || s_.headline[k], intro);
    if (!x.country) x.country = country;
    if (!plural) return;
    k = n->end;
  }
}

// "By Jane Doe" on a line of its own; "Jane Doe, May 29, 2024" opening a line.
void Finder::bylines() {
  for (std::size_t i = 0; i < s_.size(); ++i) {
    if (!s_.tok[i].line_before) continue;
    const bool by = s_.is(i, "by");
    const Name& n = scratch_;
    if (!parse_name(s_, by ? i + 1 : i, NameMode::loose, scratch_) || n.parts.size() < 2) continue;
    const std::size_t k = n.end;
    const bool line_end = k == s_.size() || s_.tok[k].line_before;
    const bool dated = s_.is(k, ",") && k + 1 < s_.size() && !s_.tok[k + 1].line_before &&
                       s_.tok[k + 1].word &&
                       (s_.in(kMonths, k + 1) || (s_.tok[k + 1].fold[0] >= '0' && s_.tok[k + 1].fold[0] <= '9'));
    if ((by && line_end) || dated) add(n, {}, false, i);
  }
}

void Finder::assign(std::size_t sighting, std::size_t person) {
  if (person == full_.size()) {
    full_.push_back(seen_[sighting].name.parts);
    members_.emplace_back();
    spans_.emplace_back();
    longest_.push_back(0);
    index_full(person);
  }
  seen_[sighting].person = person;
  members_[person].push_back(sighting);
  const Span sp = seen_[sighting].span;
  spans_[person].emplace(sp.begin, sp.end);
  longest_[person] = std::max(longest_[person], sp.size());
  add_once(by_member_[key_of(seen_[sighting].name.parts)], person);
  member_last_.insert(seen_[sighting].name.parts.back().fold);
}

void Finder::index_full(std::size_t person) {
  for (const Part& p : full_[person]) add_once(by_part_[p.fold], person);
}

// The person whose name `parts` (found at `at`) is, or is a short form of;
// among several, the one seen last before `at`, else the first seen after it.
// kNone if none. Only persons whose name holds the last part (every short form
// ends in one) or who were seen under this very name are looked at.
std::size_t Finder::pick(const std::vector<Part>& parts, Span at, bool any_part) const {
  const auto by_part = by_part_.find(parts.back().fold);
  // A member with this very name ends in the same part: with neither, no person
  // fits, and no key or list need be built.
  if (by_part == by_part_.end() && !member_last_.count(parts.back().fold)) return kNone;
  std::vector<std::size_t> candidates;
  if (by_part != by_part_.end()) candidates = by_part->second;
  const auto by_member = by_member_.find(key_of(parts));
  if (by_member != by_member_.end())
    candidates.insert(candidates.end(), by_member->second.begin(), by_member->second.end());
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  const auto member = [&](std::size_t p) {
    return by_member != by_member_.end() &&
           std::find(by_member->second.begin(), by_member->second.end(), p) != by_member->second.end();
  };
  const auto fits = [&](std::size_t p) { return short_form_of(parts, full_[p], any_part) || member(p); };
  // A lone family name first ("Fang" for "Fang Mingchen") is the weakest fit: a
  // person seen under this very name, or whose name ends in it, comes first.
  const auto strong = [&](std::size_t p) { return member(p) || !family_name_form(parts, full_[p]); };
  const bool any_strong =
      std::any_of(candidates.begin(), candidates.end(), [&](std::size_t p) { return fits(p) && strong(p); });
  std::size_t best = kNone, best_before = 0, best_after = kNone;
  for (std::size_t p : candidates) {
    if (!fits(p) || (any_strong && !strong(p))) continue;
    // The latest end of a member starting before `at`, the first start of one at or after it.
    const auto& spans = spans_[p];
    auto it = spans.lower_bound({at.begin, 0});
    const std::size_t after = it == spans.end() ? kNone : it->first;
    std::size_t before = 0;
    while (it != spans.begin()) {
      --it;
      if (it->first + longest_[p] <= before) break;  // no earlier member can end later
      before = std::max(before, it->second);
    }
    if (before > 0 ? before > best_before : best_before == 0 && after < best_after)
      best = p, best_before = before, best_after = after;
  }
  return best;
}

// A person known by one word only ("President Khamla") takes a later or
// earlier run of up to four parts holding that word as its full name
// ("Khamla Vongsa, the host, ...").
std::size_t Finder::widen(const Name& n) {
  const auto& parts = n.parts;
  if (s_.headline[n.begin] || parts.size() < 2 || parts.size() > 4 || kStopWords.contains(parts[0].fold)) return kNone;
  for (std::size_t p = 0; p < full_.size(); ++p)
    if (full_[p].size() == 1 && std::find(parts.begin(), parts.end(), full_[p][0]) != parts.end()) {
      full_[p] = parts;
      index_full(p);
      return p;
    }
  return kNone;
}

// Full forms make the persons; short forms join the person they shorten,
// whether they come before or after it.
void Finder::cluster() {
  std::vector<std::size_t> order(seen_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return seen_[a].span.begin < seen_[b].span.begin; });
  std::vector<std::size_t> later;
  ShortFormIndex strong;
  for (const Sighting& y : seen_)
    if (!y.weak) strong.add(y.name.parts);
  for (std::size_t i : order) {
    const Sighting& x = seen_[i];
    const bool shorter = strong.shortens_any(x.name.parts);
    if (x.weak || shorter) {
      later.push_back(i);
      continue;
    }
    const auto same = std::find(full_.begin(), full_.end(), x.name.parts);
    assign(i, std::size_t(same - full_.begin()));
  }
  for (std::size_t i : later) {
    const std::size_t p = pick(seen_[i].name.parts, seen_[i].span, true);
    if (p != kNone) assign(i, p);
    else if (!seen_[i].weak) assign(i, full_.size());
  }
}

// Every other occurrence of a found person's name or short form: "Chính",
// "T. Sisoulith", "Thongloun" after "President Thongloun".
void Finder::known_forms() {
  if (full_.empty()) return;  // no person for a form to be of: pick() and widen() find none
  std::vector<char> taken(s_.size(), 0);  // bytes, not vector<bool>: read at every token
  for (const Sighting& x : seen_)
    if (x.person != kNone) std::fill(taken.begin() + long(x.name.begin), taken.begin() + long(x.name.end), 1);
  for (std::size_t i = 0; i < s_.size();) {
    Name& n = scratch_;
    const bool run = !taken[i] && s_.cap(i) && parse_name(s_, i, NameMode::known, n);
    std::size_t next = i + 1;
    // The run, then ever shorter prefixes of it: "Khamla Vongsa Pheng", "Khamla Vongsa", ...
    for (; run && !n.parts.empty(); n.parts.pop_back(), n.part_end.pop_back()) {
      n.end = n.part_end.back();
      if (n.parts.back().initial ||
          std::find(taken.begin() + long(i), taken.begin() + long(n.end), 1) != taken.begin() + long(n.end))
        continue;
      const Span sp = span(i, n.end);
      std::size_t p = pick(n.parts, sp, false);
      if (p == kNone) p = widen(n);
      if (p == kNone) continue;
      next = n.end;
      seen_.push_back({std::move(n), sp, {}, false, 0, kNone, std::nullopt, std::nullopt});
      assign(seen_.size() - 1, p);
      break;
    }
    i = next;
  }
}

// "was elected Lao Party General Secretary", "his continued election as
// General Secretary of ...": a position of the person last named before.
void Finder::elections() {
  // Sightings by position, looked up by binary search: a scan of all of them
  // for each election word made one long document quadratic.
  std::vector<std::size_t> by_begin;
  for (std::size_t k = 0; k < s_.size(); ++k) {
    if (!s_.in(kElectionWords, k)) continue;
    std::size_t j = k + 1;
    if (s_.is(j, "as")) ++j;
    if (s_.is(j, "the")) ++j;
    if (ordinal_at(s_, j)) ++j;
    const auto chain = parse_chain(s_, j);
    if (!chain || parse_name(s_, chain->end, NameMode::anchored)) continue;
    if (by_begin.size() != seen_.size()) {
      by_begin.resize(seen_.size());
      for (std::size_t i = 0; i < seen_.size(); ++i) by_begin[i] = i;
      std::stable_sort(by_begin.begin(), by_begin.end(),
                       [&](std::size_t a, std::size_t b) { return seen_[a].span.begin < seen_[b].span.begin; });
    }
    const std::size_t at = s_.tok[k].span.begin;
    const std::size_t here = s_.doc.sentence_at(at);
    // The last person named before the word, in its sentence or the one before.
    std::size_t who = kNone;
    auto it = std::lower_bound(by_begin.begin(), by_begin.end(), at,
                               [&](std::size_t i, std::size_t pos) { return seen_[i].span.begin < pos; });
    while (it != by_begin.begin()) {
      const Sighting& x = seen_[*--it];
      const std::size_t there = s_.doc.sentence_at(x.span.begin);
      if (there + 1 < here) break;
      if (x.person == kNone || x.span.end > at || !(there == here || there + 1 == here)) continue;
      if (who == kNone || x.span.begin > seen_[who].span.begin) who = *it;
      break;
    }
    if (who == kNone) continue;
    auto positions = positions_of(*chain, span(k, chain->end));
    const Span sentence = here < s_.doc.sentences.size() ? s_.doc.sentences[here] : Span{};
    std::vector<const DateMention*> dated;
    for (auto d = std::lower_bound(s_.doc.dates.begin(), s_.doc.dates.end(), sentence.begin,
                                   [](const DateMention& m, std::size_t pos) { return m.span.begin < pos; });
         d != s_.doc.dates.end() && d->span.begin < sentence.end; ++d)
      if (s_.doc.sentence_at(d->span.begin) == here) dated.push_back(&*d);
    for (Position& p : positions)
      if (dated.size() == 1) p.start = dated[0]->start;
    auto& into = seen_[who].positions;
    into.insert(into.end(), positions.begin(), positions.end());
  }
}

bool shouting(std::string_view name) {
  const auto t = tokenize(name);
  return std::any_of(t.begin(), t.end(), [&](const Token& x) {
    return x.word && all_upper_word(name.substr(x.span.begin, x.span.size())) && x.span.size() > 1;
  });
}

// A country the article gives a person without a post: one stated beside a
// name ("his Russian counterpart X"), else the one shared from joined titles
// when all such sightings agree.
std::optional<std::string> Finder::unstated_country(const std::vector<std::size_t>& sightings) const {
  for (std::size_t m : sightings)
    if (seen_[m].country) return seen_[m].country;
  std::optional<std::string> shared;
  for (std::size_t m : sightings) {
    const auto& s = seen_[m].shared;
    if (s && shared && *s != *shared) return std::nullopt;
    if (s) shared = s;
  }
  return shared;
}

PersonResult Finder::build() const {
  std::vector<std::size_t> order(full_.size());
  std::vector<std::size_t> first(full_.size(), kNone);
  for (std::size_t p = 0; p < full_.size(); ++p) {
    order[p] = p;
    for (std::size_t m : members_[p]) first[p] = std::min(first[p], seen_[m].span.begin);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return first[a] < first[b]; });
  PersonResult out;
  for (std::size_t p : order) {
    auto ms = members_[p];
    std::sort(ms.begin(), ms.end(), [&](std::size_t a, std::size_t b) { return seen_[a].span.begin < seen_[b].span.begin; });
    // The fullest form: most words, then not in capitals, then the first.
    auto words = [&](std::size_t m) {
      const auto& ps = seen_[m].name.parts;
      return std::count_if(ps.begin(), ps.end(), [](const Part& x) { return !x.initial; });
    };
    std::size_t best = ms[0];
    for (std::size_t m : ms)
      if (words(m) > words(best) ||
          (words(m) == words(best) && shouting(s_.doc.text(seen_[best].span)) && !shouting(s_.doc.text(seen_[m].span))))
        best = m;
    Person person;
    person.name = std::string(s_.doc.text(seen_[best].span));
    std::vector<std::string> folded{fold(person.name)};
    std::vector<std::pair<std::size_t, const Position*>> positions;
    for (std::size_t m : ms) {
      const std::string form(s_.doc.text(seen_[m].span));
      if (std::string key = fold(form); std::find(folded.begin(), folded.end(), key) == folded.end()) {
        folded.push_back(std::move(key));
        person.aliases.push_back(form);
      }
      for (const Position& pos : seen_[m].positions) positions.emplace_back(pos.evidence.begin, &pos);
      out.mentions.push_back({seen_[m].span, EntityKind::person, "", out.persons.size(), false});
    }
    std::stable_sort(positions.begin(), positions.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [at, pos] : positions) merge_position(person.positions, *pos);
    for (const Position& pos : person.positions)
      if (!person.country && pos.country) person.country = pos.country;
    if (!person.country && (person.country = unstated_country(ms)))
      for (Position& pos : person.positions)
        if (!pos.country && !pos.organization) pos.country = person.country;
    out.persons.push_back(std::move(person));
  }
  std::sort(out.mentions.begin(), out.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace

PersonResult find_persons(const Doc& doc) { return Finder(doc).run(); }

}  // namespace annals
