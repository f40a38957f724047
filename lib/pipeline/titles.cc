#include "pipeline/titles.h"

#include "pipeline/gazetteer.h"

#include <algorithm>

namespace annals::person_parse {
namespace {

Affiliation affiliation_of(const Doc& doc, const Mention& m) {
  Affiliation a;
  if (m.kind == EntityKind::country) {
    a.country = m.country;
  } else if (m.entity < doc.organizations.size()) {
    a.organization = doc.organizations[m.entity].name;
    a.country = doc.organizations[m.entity].country;
  }
  return a;
}

struct Phrase {
  Affiliation of;
  std::size_t end = 0;
};

// What follows "of"/"at"/"to" at token k: "the Lao People's Revolutionary Party
// (LPRP)", "the 12th Central Committee of the ...", "Laos". Mentions give the
// country and organisation; a capitalised run without one is an organisation
// named by its text. A run that goes on past the last mention or institution
// word ("... Democratic Republic Thongloun Sisoulith") stops there: the rest is
// the name the title introduces.
std::optional<Phrase> parse_of(const Scan& s, std::size_t k) {
  if (s.is(k, "the")) ++k;
  if (ordinal_at(s, k) && s.starts[k] < 0) ++k;  // "the 12th", but "New Zealand" is a name
  const std::size_t begin = k;
  if (k >= s.size() || s.tok[k].line_before) return std::nullopt;
  Phrase p;
  std::size_t last_anchor = k, mentions = 0, raw = 0;  // raw: tokens outside mentions
  std::optional<Affiliation> only_org;
  while (k < s.size() && !(k > begin && s.tok[k].line_before)) {
    if (const int mi = s.starts[k]; mi >= 0) {
      const Affiliation a = affiliation_of(s.doc, s.doc.mentions[mi]);
      p.of.country = p.of.country ? p.of.country : a.country;
      only_org = mentions++ == 0 && a.organization ? std::optional(a) : std::nullopt;
      k = last_anchor = std::max(s.mention_end[mi], k + 1);
    } else if ((s.cap(k) && s.covered[k] < 0) || (k > begin && s.is(k, "'s")) ||
               (k > begin && s.is(k, "-") && s.glued(k) && s.glued(k + 1) && s.cap(k + 1))) {
      if (s.in(kInstitutionWords, k)) last_anchor = k + 1;
      ++k;
    } else {
      break;
    }
  }
  if (k == begin) return std::nullopt;
  if (last_anchor > begin) k = last_anchor;
  raw = std::size_t(std::count(s.covered.begin() + long(begin), s.covered.begin() + long(k), -1));
  if (s.is(k, "(") && s.cap(k + 1) && s.is(k + 2, ")")) k += 3;  // "(LPRP)"
  const std::size_t own_end = k;
  if (s.is(k, "of") || s.is(k, "for")) {
    if (auto inner = parse_of(s, k + 1)) {
      p.of.country = p.of.country ? p.of.country : inner->of.country;
      k = inner->end;
      raw += 1;  // "Central Committee of the ...": the whole phrase names the body
    }
  }
  if (raw > 0 || mentions > 1)
    p.of.organization = std::string(s.text(begin, s.is(k - 1, ")") && k == own_end ? k - 3 : k));
  else if (only_org)
    p.of.organization = only_org->organization;
  p.end = k;
  return p;
}

// One title with its country or organisation: "Lao Foreign Minister",
// "Russia's President", "ASEAN Secretary-General", "President of the Lao
// People's Democratic Republic", "Lao Ambassador to Vietnam", "PhD in History".
std::optional<Group> parse_group(const Scan& s, std::size_t k) {
  Group g;
  if (k < s.size() && s.starts[k] >= 0) {
    const Mention& m = s.doc.mentions[s.starts[k]];
    std::size_t e = s.mention_end[s.starts[k]];
    if (m.kind == EntityKind::country && !m.adjective) {
      if (!s.possessive(e)) return std::nullopt;
      ++e;
      // "Japan's then-Prime Minister", "Russia's former President"
      if (ordinal_at(s, e) && title_at(s, e + 1)) ++e;
      else if (ordinal_at(s, e) && s.is(e + 1, "-") && s.glued(e + 1) && title_at(s, e + 2)) e += 2;
    }
    if (!title_at(s, e)) return std::nullopt;
    g.of = affiliation_of(s.doc, m);
    k = e;
  }
  const auto t = title_at(s, k);
  if (!t) return std::nullopt;
  g.title = t->form->canonical;
  g.level = t->form->level;
  k = t->end;
  if (g.level == Level::honorific || g.level == Level::academic)
    if (s.is(k, ".") && s.glued(k)) ++k;  // "Mr.", "Ph.D."
  if (g.level == Level::honorific) {
    g.end = k;
    return g;
  }
  if (s.is(k, "of") || s.is(k, "at") || s.is(k, "for")) {
    if (auto p = parse_of(s, k + 1)) g.of.fill(p->of), k = p->end;
  }
  if (g.level == Level::diplomat && s.is(k, "to")) {
    // The posting, not the envoy's own state. A country that is also a given name
    // ("Ambassador to Georgia Freda Lane") is not a mention before a capitalised
    // word, yet after "Ambassador to" it is the posting.
    if (s.cap(k + 1) && s.starts[k + 1] < 0 && default_gazetteer().country_named(s.tok[k + 1].fold)) k += 2;
    else if (auto p = parse_of(s, k + 1)) k = p->end;
  }
  if (g.level == Level::academic && s.is(k, "in") && s.cap(k + 1)) {
    std::size_t e = k + 1;
    while (s.cap(e) && s.covered[e] < 0) ++e;
    g.title += " in " + std::string(s.text(k + 1, e));
    k = e;
  }
  g.end = k;
  return g;
}

}  // namespace

bool ordinal_at(const Scan& s, std::size_t k) {
  if (k >= s.size() || !s.tok[k].word) return false;
  const std::string_view f = s.tok[k].fold;
  if (s.in(kOrdinalWords, k)) return true;
  if (f.size() < 3 || f[0] < '0' || f[0] > '9') return false;
  const std::string_view tail = f.substr(f.size() - 2);
  return tail == "st" || tail == "nd" || tail == "rd" || tail == "th";
}

std::optional<Chain> parse_chain(const Scan& s, std::size_t k) {
  // Most tokens start no group (a mention or a title): say so before building one.
  if (k >= s.size() || (s.starts[k] < 0 && !s.has_title(k))) return std::nullopt;
  Chain c;
  c.end = k;
  while (auto g = parse_group(s, c.end)) {
    c.end = g->end;
    c.groups.push_back(std::move(*g));
    if (c.end + 1 < s.size() && s.in(kSeparators, c.end) && !s.tok[c.end + 1].line_before &&
        parse_group(s, c.end + 1)) {
      ++c.end;
      continue;
    }
    const auto next = parse_group(s, c.end);
    if (!next || next->level != Level::honorific || s.tok[c.end].line_before) break;
  }
  if (c.groups.empty()) return std::nullopt;
  // "Lao Party General Secretary and State President": the state holds for both posts.
  for (std::size_t i = 1; i < c.groups.size(); ++i)
    if (!c.groups[i].of.country) c.groups[i].of.country = c.groups[i - 1].of.country;
  return c;
}

std::vector<Position> positions_of(const Chain& c, Span evidence) {
  std::vector<Position> out;
  for (const Group& g : c.groups) {
    if (g.level == Level::honorific) continue;
    Position p;
    p.title = g.title;
    p.organization = g.of.organization;
    p.country = g.of.country;
    p.evidence = evidence;
    out.push_back(std::move(p));
  }
  return out;
}

void merge_position(std::vector<Position>& into, const Position& p) {
  for (Position& q : into) {
    if (q.title != p.title || (q.organization && p.organization && *q.organization != *p.organization) ||
        (q.country && p.country && *q.country != *p.country))
      continue;
    if (!q.organization) q.organization = p.organization;
    if (!q.country) q.country = p.country;
    if (!q.start) q.start = p.start;
    return;
  }
  into.push_back(p);
}

}  // namespace annals::person_parse
