#include "pipeline/entities.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "pipeline/gazetteer.h"
#include "pipeline/org_words.h"
#include "text/word_map.h"

namespace annals {
namespace {

using namespace org_words;

constexpr std::size_t kMaxNameWords = 24;  // a state agency's full name may run to 18

bool in(std::string_view word, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

// A word as written: folded tokens joined by "-", "'", "." without spaces
// ("Lao-Russian", "People’s", "VOV.VN").
struct Word {
  std::size_t first = 0, last = 0;  // tokens
  Span span;
  std::string_view folded;
  bool cap = false;
  // org_words::WordClass bits of `folded`, -1 until first asked: most words
  // (lower case, far from capitals) never are, so looking them all up costs more.
  mutable std::int16_t classes = -1;
};

// Whether the gap [begin, end) of `text` joins two tokens into one word.
bool glue(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= end) return false;
  // Nearly every gap is a space: settle it without decoding.
  const auto b0 = static_cast<unsigned char>(text[begin]);
  if (b0 < 0x80 && b0 != '-' && b0 != '\'' && b0 != '.') return false;
  const std::string_view gap = text.substr(begin, end - begin);
  for (std::size_t pos = 0; pos < gap.size();) {
    const char32_t cp = next_code_point(gap, pos);
    if (!(cp == '-' || cp == '\'' || cp == '.' || cp == 0x2019 || cp == 0x2018 || cp == 0x2011))
      return false;
  }
  return true;
}

bool capital_at(std::string_view s, std::size_t pos) {
  const char c = s[pos];
  if (static_cast<unsigned char>(c) < 0x80) return c >= 'A' && c <= 'Z';
  return starts_upper(s, pos);
}

std::vector<Word> words_of(const TokenizedText& t) {
  // Sized once and filled in place: this runs for every token of the body.
  std::vector<Word> words(t.tokens.size());
  const char* const folded = t.folded.data();
  std::size_t n = 0;
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    const TokenizedText::Token& token = t.tokens[i];
    const Span s = token.source;
    if (n > 0 && glue(t.source, words[n - 1].span.end, s.begin)) {
      Word& w = words[n - 1];
      w.last = i + 1;
      w.span.end = s.end;
      w.folded = t.folded_of(w.first, w.last);
      continue;
    }
    Word& w = words[n++];
    w.first = i;
    w.last = i + 1;
    w.span = s;
    w.folded = std::string_view(folded + token.begin, token.end - token.begin);
    w.cap = capital_at(t.source, s.begin);
  }
  words.resize(n);
  return words;
}

// A stretch of capitalised words and connectors: [first, last) of the words.
struct Range {
  std::size_t first = 0, last = 0;
};

class OrganizationFinder {
 public:
  OrganizationFinder(const Gazetteer& g, const TokenizedText& body,
                     const std::vector<PhraseMatch>& countries)
      : g_(g), text_(body), words_(words_of(text_)), countries_(countries) {}

  OrganizationResult run();

 private:
  const Gazetteer& g_;
  const TokenizedText& text_;
  std::vector<Word> words_;
  const std::vector<PhraseMatch>& countries_;  // ordered by position, disjoint
  std::vector<PhraseMatch> known_matches_;
  OrganizationResult result_;
  std::map<std::size_t, std::size_t> known_;                 // gazetteer index -> result index
  std::map<std::string, std::size_t, std::less<>> by_name_;  // folded name -> result index
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> seen_;  // span, entity
  std::vector<Range> chunks_;  // organizations_in()'s parts of one run

  std::string_view gap(std::size_t a, std::size_t b) const {  // between words a and b
    return text_of(text_.source, {words_[a].span.end, words_[b].span.begin});
  }
  // Whether word `word` is of class `c`, looked up on first asking.
  bool is(std::size_t word, WordClass c) const {
    const Word& w = words_[word];
    return ((w.classes < 0 ? classify(w) : w.classes) & c) != 0;
  }
  std::int16_t classify(const Word& w) const;
  bool joinable(std::size_t a) const;
  bool comma(std::size_t a) const;
  std::optional<std::size_t> list_end(std::size_t last) const;
  std::vector<Range> runs() const;
  void organizations_in(Range run);
  std::optional<Range> assemble(Range run, const std::vector<Range>& chunks, std::size_t k) const;
  std::optional<std::size_t> truncate_after_country(Range chunk) const;
  void add_candidate(Range r, std::string kind);
  std::size_t found_by_form(std::string_view name, std::string kind,
                            std::optional<std::string> country, bool stated);
  void add_media_runs(const std::vector<Range>& runs);
  void add_bracket_aliases();
  std::size_t from_gazetteer(std::size_t index);
  void mention(Span span, std::size_t entity);
  std::optional<std::string> single_country(Span span) const;
  std::optional<std::string> possessive_country(std::size_t word) const;
  bool country_covers(Span span) const;
};

// The first match in `matches` (ordered by position, disjoint) that starts at or
// after `pos`: the country and organisation matches are searched, not scanned.
std::vector<PhraseMatch>::const_iterator starting_from(const std::vector<PhraseMatch>& matches,
                                                       std::size_t pos) {
  return std::lower_bound(matches.begin(), matches.end(), pos,
                          [](const PhraseMatch& m, std::size_t p) { return m.span.begin < p; });
}

// Sets and returns the classes of `w`, one of words_.
std::int16_t OrganizationFinder::classify(const Word& w) const {
  // A one-token word's hash is its token's: tokenize() hashed the same folded bytes.
  const std::uint64_t hash = w.last - w.first == 1 ? text_.tokens[w.first].hash : word_hash(w.folded);
  return w.classes = classes(w.folded, hash);
}

bool OrganizationFinder::joinable(std::size_t a) const {
  const std::string_view g = gap(a, a + 1);
  if (g.size() == 1) return g[0] == ' ' || g[0] == '\t';
  return g.find_first_not_of(" \t") == std::string_view::npos || g == " & ";
}

bool OrganizationFinder::comma(std::size_t a) const {
  const std::string_view g = gap(a, a + 1);
  return g.starts_with(",") && g.substr(1).find_first_not_of(' ') == std::string_view::npos &&
         g.size() > 1;
}

// "... for the Study of Southeast Asia, Australia and Oceania of the ...": a list
// of names inside a name, accepted only when "and <Name>" closes it and "of",
// "for" or "(" follows, so "the Ministry of Trade, Russia and China agreed" stays apart.
std::optional<std::size_t> OrganizationFinder::list_end(std::size_t last) const {
  bool after_and = false;
  for (std::size_t k = last; k + 1 < words_.size();) {
    if (!comma(k) && !joinable(k)) return std::nullopt;
    const Word& next = words_[++k];
    if (next.folded == "and") {
      if (after_and) return std::nullopt;
      after_and = true;
      continue;
    }
    if (!next.cap) return std::nullopt;
    if (!after_and) continue;
    while (k + 1 < words_.size() && joinable(k) && words_[k + 1].cap) ++k;
    if (k + 1 < words_.size() && joinable(k) && in(words_[k + 1].folded, {"of", "for"})) return k;
    const std::string_view rest = text_.source.substr(words_[k].span.end);
    const std::size_t open = rest.find_first_not_of(' ');
    return open != std::string_view::npos && rest[open] == '(' ? std::optional(k) : std::nullopt;
  }
  return std::nullopt;
}

std::vector<Range> OrganizationFinder::runs() const {
  std::vector<Range> out;
  for (std::size_t i = 0; i < words_.size();) {
    if (!words_[i].cap) {
      ++i;
      continue;
    }
    std::size_t j = i;   // last word taken
    bool inner = false;  // a connector seen: inside "X of Y"
    while (j + 1 < words_.size()) {
      const Word& next = words_[j + 1];
      if (joinable(j) && !is(j + 1, kDate) && (next.cap || is(j + 1, kConnector))) {
        inner = inner || !next.cap;
        ++j;
      } else if (inner && comma(j) && words_[j].cap) {
        const auto end = list_end(j);
        if (!end) break;
        j = *end;
      } else {
        break;
      }
    }
    while (j > i && !words_[j].cap) --j;
    std::size_t first = i;
    while (first < j && is(first, kStop)) ++first;
    out.push_back({first, j + 1});
    i = j + 1;
  }
  return out;
}

// The word range of the organisation whose head sits in chunks[k], or nullopt.
std::optional<Range> OrganizationFinder::assemble(Range run, const std::vector<Range>& chunks,
                                                  std::size_t k) const {
  const Range head_chunk = chunks[k];
  std::optional<std::size_t> head;
  for (std::size_t w = head_chunk.first; w < head_chunk.last; ++w)
    if (is(w, kHead)) head = w;
  if (!head) return std::nullopt;
  std::size_t first = head_chunk.first;
  while (first < *head && is(first, kTitle) && *head - first >= 2) ++first;
  if (*head + 1 < head_chunk.last) return Range{first, *head + 1};  // "Party General Secretary"
  std::size_t last = head_chunk.last;
  for (std::size_t c = k + 1; c < chunks.size(); ++c) {
    const Range chunk = chunks[c];
    // No organisation's name runs this long; a longer run is a list or garbage,
    // and reading no further keeps assembling from every chunk linear.
    if (chunk.last - first > kMaxNameWords) break;
    bool has_and = false;
    for (std::size_t w = chunks[c - 1].last; w < chunk.first; ++w)
      has_and = has_and || words_[w].folded == "and";
    const bool has_comma = chunk.first > run.first && comma(chunk.first - 1);
    if (has_and || has_comma) {
      // "Ministry of Culture and Tourism", not "Party and President Thongloun".
      if (c == k + 1) break;
      bool blocked = false;
      for (std::size_t w = chunk.first; w < chunk.last; ++w)
        blocked = blocked || is(w, WordClass(kHead | kTitle));
      if (blocked && !has_comma) break;
    }
    std::size_t end = chunk.first;
    while (end < chunk.last && !is(end, kTitle)) ++end;
    if (end == chunk.first) break;
    if (const auto cut = truncate_after_country({chunk.first, end})) end = *cut;
    last = end;
    if (end < chunk.last) break;
  }
  return Range{first, last};
}

// "of Laos Saleumxay Kommasith": a country name opening a part ends the name there.
std::optional<std::size_t> OrganizationFinder::truncate_after_country(Range chunk) const {
  const auto it = starting_from(countries_, words_[chunk.first].span.begin);
  if (it == countries_.end() || it->span.begin != words_[chunk.first].span.begin) return std::nullopt;
  const PhraseMatch& m = *it;
  const auto kind = AliasKind(m.entry->kind);
  if (kind == AliasKind::adjective || kind == AliasKind::demonym) return std::nullopt;
  for (std::size_t w = chunk.first; w < chunk.last; ++w)
    if (words_[w].span.end == m.span.end)
      return w + 1 < chunk.last ? std::optional(w + 1) : std::nullopt;
  return std::nullopt;
}

void OrganizationFinder::organizations_in(Range run) {
  std::vector<Range>& chunks = chunks_;  // a member: reused for every run, not allocated
  chunks.clear();
  for (std::size_t w = run.first; w < run.last;) {
    if (is(w, kConnector)) {
      ++w;
      continue;
    }
    std::size_t end = w + 1;
    while (end < run.last && !is(end, kConnector) && !comma(end - 1)) ++end;
    chunks.push_back({w, end});
    w = end;
  }
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    const auto r = assemble(run, chunks, k);
    if (!r) continue;
    std::string_view head;
    std::string_view before;
    for (std::size_t w = r->first; w < r->last; ++w)
      if (is(w, kHead)) {
        head = words_[w].folded;
        before = w > r->first ? words_[w - 1].folded : std::string_view();
        if (w + 1 < r->last && is(w + 1, kConnector)) break;
      }
    add_candidate(*r, kind_of(head, before));
  }
}

void OrganizationFinder::add_candidate(Range r, std::string kind) {
  // "Cambodia's National Assembly" is the National Assembly, of Cambodia.
  const auto stated = r.last - r.first >= 3 ? possessive_country(r.first) : std::nullopt;
  if (stated) ++r.first;
  if (r.last - r.first < 2) return;  // "the Party"
  const Span span{words_[r.first].span.begin, words_[r.last - 1].span.end};
  if (country_covers(span)) return;  // "Soviet Union"
  if (r.last - r.first == 2 && words_[r.last - 1].folded == "party") {
    // "Lao Party", "Vietnamese Party": the country's one known party, else nothing.
    const Span adjective{span.begin, words_[r.first].span.end};
    const auto code = country_covers(adjective) ? single_country(adjective) : std::nullopt;
    std::optional<std::size_t> only;
    std::size_t parties = 0;
    for (std::size_t i = 0; code && i < g_.organizations().size(); ++i)
      if (g_.organizations()[i].kind == "party" && g_.organizations()[i].country == code)
        ++parties, only = i;
    if (parties == 1) mention(span, from_gazetteer(*only));
    return;
  }
  const std::string_view name = text_of(text_.source, span);
  if (const auto known = g_.organization_index(name)) return mention(span, from_gazetteer(*known));
  mention(span, found_by_form(name, std::move(kind), stated ? stated : single_country(span), bool(stated)));
}

// The result index of the organisation `name` of `country`, added when new. A
// country stated by a possessive completes an entry without one; a different
// one makes another state's body of the same name.
std::size_t OrganizationFinder::found_by_form(std::string_view name, std::string kind,
                                              std::optional<std::string> country, bool stated) {
  std::string key = fold(name);
  auto it = by_name_.find(key);
  if (it != by_name_.end() && stated) {
    auto& known = result_.organizations[it->second].country;
    if (!known) known = country;
    if (known != country) it = by_name_.find(key += "|" + *country);
  }
  if (it != by_name_.end()) return it->second;
  Organization org;
  org.name = std::string(name);
  org.kind = std::move(kind);
  org.country = std::move(country);
  by_name_.emplace(key, result_.organizations.size());
  result_.organizations.push_back(std::move(org));
  return result_.organizations.size() - 1;
}

// "Pasaxon newspaper", "the online magazine “New Eastern Outlook”".
void OrganizationFinder::add_media_runs(const std::vector<Range>& runs) {
  for (const Range& r : runs) {
    if (is(r.first, kStop)) continue;
    bool media = false;
    if (r.last < words_.size() && joinable(r.last - 1))
      media = is(r.last, kMediaAfter) && !words_[r.last].cap;
    if (r.first > 0 && !words_[r.first - 1].cap) {
      const std::string_view g = gap(r.first - 1, r.first);
      media = media || (is(r.first - 1, kMediaBefore) &&
                        g.find_first_of(",.;") == std::string_view::npos);
    }
    if (media && !country_covers({words_[r.first].span.begin, words_[r.last - 1].span.end})) {
      if (r.last - r.first == 1) {
        const Span span = words_[r.first].span;
        if (const auto known = g_.organization_index(text_of(text_.source, span))) {
          mention(span, from_gazetteer(*known));
          continue;
        }
        Organization org;
        org.name = std::string(text_of(text_.source, span));
        org.kind = "media";
        const auto [it, added] = by_name_.emplace(fold(org.name), result_.organizations.size());
        if (added) result_.organizations.push_back(std::move(org));
        mention(span, it->second);
      } else {
        add_candidate(r, "media");
      }
    }
  }
}

// "Lao People’s Revolutionary Party (LPRP)", "ASEAN Inter-Parliamentary Assembly
// (AIPA-45)": the bracketed word is an alias of the name just before it; later
// bare uses of it mention the same organisation.
void OrganizationFinder::add_bracket_aliases() {
  std::map<std::size_t, std::vector<std::pair<Span, std::size_t>>> ending;  // end -> mentions
  for (const auto& m : result_.mentions) ending[m.span.end].push_back({m.span, m.entity});
  std::map<std::string, std::size_t, std::less<>> aliases;  // alias -> result index
  const std::string_view body = text_.source;
  for (auto& [end, found] : ending) {
    std::size_t open = end;
    while (open < body.size() && body[open] == ' ') ++open;
    if (open >= body.size() || body[open] != '(') continue;
    const std::size_t close = body.find(')', open);
    if (close == std::string_view::npos || close - open > 40) continue;
    std::string_view alias = body.substr(open + 1, close - open - 1);
    if (alias.empty() || alias.find(' ') != std::string_view::npos || !starts_upper(alias))
      continue;
    const std::size_t dash = alias.find('-');
    if (dash != std::string_view::npos && dash + 1 < alias.size() &&
        alias.substr(dash + 1).find_first_not_of("0123456789") == std::string_view::npos)
      alias = alias.substr(0, dash);  // "AIPA-45": the 45th session of AIPA
    const bool acronym =
        fold(alias).size() >= 2 &&
        std::none_of(alias.begin(), alias.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    std::optional<std::pair<Span, std::size_t>> best;
    for (const auto& [span, entity] : found) {
      const std::string_view name = text_of(body, span);
      if (acronym && fold(name).front() != fold(alias).front()) continue;
      if (!best || span.size() > best->first.size()) best = {span, entity};
    }
    if (!best) continue;
    Organization& org = result_.organizations[best->second];
    const std::string folded = fold(alias);
    bool present = fold(org.name) == folded;
    for (const auto& a : org.aliases) present = present || fold(a) == folded;
    if (!present) org.aliases.emplace_back(alias);
    aliases.emplace(std::string(alias), best->second);
  }
  // Most articles bracket no alias: then no word can be one.
  for (std::size_t i = 0; !aliases.empty() && i < words_.size(); ++i) {
    const Word& w = words_[i];
    std::string_view written = text_of(body, w.span);
    const std::size_t dash = written.find('-');
    if (dash != std::string_view::npos) written = written.substr(0, dash);
    const auto it = aliases.find(written);
    if (it != aliases.end()) mention({w.span.begin, w.span.begin + written.size()}, it->second);
  }
}

std::size_t OrganizationFinder::from_gazetteer(std::size_t index) {
  const auto it = known_.find(index);
  if (it != known_.end()) return it->second;
  const Organization& org = g_.organizations()[index];
  const auto named = by_name_.find(fold(org.name));
  const std::size_t at = named != by_name_.end() ? named->second : result_.organizations.size();
  if (at == result_.organizations.size()) {
    result_.organizations.push_back(org);
    by_name_.emplace(fold(org.name), at);
  }
  known_.emplace(index, at);
  return at;
}

void OrganizationFinder::mention(Span span, std::size_t entity) {
  if (!seen_.emplace(span.begin, span.end, entity).second) return;
  Mention m;
  m.span = span;
  m.kind = EntityKind::organization;
  m.entity = entity;
  result_.mentions.push_back(m);
}

// The one country named inside `span`; failing any, the one country of the
// known bodies inside it ("Party Central Committee of the CPV" -> VNM).
std::optional<std::string> OrganizationFinder::single_country(Span span) const {
  std::set<std::string> codes;
  for (auto it = starting_from(countries_, span.begin); it != countries_.end() && it->span.begin < span.end; ++it)
    if (span.contains(it->span)) codes.insert(g_.countries()[it->entry->target].code);
  if (codes.empty())
    for (auto it = starting_from(known_matches_, span.begin);
         it != known_matches_.end() && it->span.begin < span.end; ++it)
      if (span.contains(it->span) && span != it->span)
        if (const auto& c = g_.organizations()[it->entry->target].country) codes.insert(*c);
  if (codes.size() != 1) return std::nullopt;
  return *codes.begin();
}

// The country of a word "<country name>'s" ("Cambodia's", "Japan’s"), or nullopt.
std::optional<std::string> OrganizationFinder::possessive_country(std::size_t word) const {
  const Word& w = words_[word];
  if (w.last - w.first < 2 || text_.folded_of(w.last - 1, w.last) != "s") return std::nullopt;
  const auto it = starting_from(countries_, w.span.begin);
  if (it == countries_.end() || it->first != w.first || it->last != w.last - 1) return std::nullopt;
  const auto kind = AliasKind(it->entry->kind);
  if (kind == AliasKind::adjective || kind == AliasKind::demonym) return std::nullopt;
  return g_.countries()[it->entry->target].code;
}

// Matches are disjoint, so only the last one starting at or before `span` can hold it.
bool OrganizationFinder::country_covers(Span span) const {
  auto it = std::upper_bound(countries_.begin(), countries_.end(), span.begin,
                             [](std::size_t p, const PhraseMatch& m) { return p < m.span.begin; });
  return it != countries_.begin() && std::prev(it)->span.contains(span);
}

OrganizationResult OrganizationFinder::run() {
  known_matches_ = g_.match_organizations(text_);
  for (const auto& m : known_matches_) mention(m.span, from_gazetteer(m.entry->target));
  const std::vector<Range> all = runs();
  for (const Range& r : all) organizations_in(r);
  add_media_runs(all);
  add_bracket_aliases();
  std::sort(
      result_.mentions.begin(), result_.mentions.end(), [](const Mention& a, const Mention& b) {
        return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
      });
  return std::move(result_);
}

}  // namespace

std::vector<Mention> find_countries(const Doc& doc, const Gazetteer& g) {
  return find_countries(doc, g, g.match_countries(tokenize(doc.article.body)));
}

std::vector<Mention> find_countries(const Doc& doc, const Gazetteer& g,
                                    const std::vector<PhraseMatch>& countries) {
  std::vector<Mention> out;
  out.reserve(countries.size());
  for (const auto& m : countries) {
    Mention mention;
    mention.span = m.span;
    mention.kind = EntityKind::country;
    mention.country = g.countries()[m.entry->target].code;
    const auto kind = AliasKind(m.entry->kind);
    mention.adjective = kind == AliasKind::demonym || kind == AliasKind::adjective;
    // "U.S." keeps its last dot.
    const std::string_view body = doc.article.body;
    if (m.span.end < body.size() && body[m.span.end] == '.' && m.span.size() >= 3 &&
        body[m.span.end - 2] == '.')
      ++mention.span.end;
    out.push_back(std::move(mention));
  }
  return out;
}

OrganizationResult find_organizations(const Doc& doc, const Gazetteer& g) {
  const TokenizedText body = tokenize(doc.article.body);
  return find_organizations(doc, g, body, g.match_countries(body));
}

OrganizationResult find_organizations(const Doc&, const Gazetteer& g, const TokenizedText& body,
                                      const std::vector<PhraseMatch>& countries) {
  return OrganizationFinder(g, body, countries).run();
}

}  // namespace annals
