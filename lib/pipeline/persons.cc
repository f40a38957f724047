#include "pipeline/persons.h"

#include "annals/error.h"
#include "embedded.h"
#include "text/text.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace annals {
namespace {

// ---- Reference data ------------------------------------------------------

enum class Level { leader, official, diplomat, academic, honorific };

struct TitleForm {
  std::string folded;  // "deputy prime minister"
  std::string canonical;
  Level level = Level::official;
};

class TitleLexicon {
 public:
  static const TitleLexicon& get() {
    static const TitleLexicon lexicon(embedded("reference/titles.tsv"));
    return lexicon;
  }
  // Forms whose first folded word is `word`, longest first.
  const std::vector<TitleForm>* starting_with(std::string_view word) const {
    auto it = by_first_.find(std::string(word));
    return it == by_first_.end() ? nullptr : &it->second;
  }
  std::optional<Level> level_of(const std::string& canonical) const {
    auto it = levels_.find(canonical);
    return it == levels_.end() ? std::nullopt : std::optional(it->second);
  }

 private:
  explicit TitleLexicon(std::string_view tsv);
  std::unordered_map<std::string, std::vector<TitleForm>> by_first_;
  std::unordered_map<std::string, Level> levels_;
};

Level parse_level(std::string_view s, std::size_t line) {
  if (s == "leader") return Level::leader;
  if (s == "official") return Level::official;
  if (s == "diplomat") return Level::diplomat;
  if (s == "academic") return Level::academic;
  if (s == "honorific") return Level::honorific;
  throw Error("reference/titles.tsv", "line " + std::to_string(line) + ": unknown level");
}

TitleLexicon::TitleLexicon(std::string_view tsv) {
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < tsv.size();) {
    auto nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    const std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#' || line.rfind("form\t", 0) == 0) continue;
    const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (t1 == std::string_view::npos || t2 == std::string_view::npos)
      throw Error("reference/titles.tsv", "line " + std::to_string(line_no) + ": needs 3 columns");
    TitleForm f{fold(line.substr(0, t1)), std::string(line.substr(t1 + 1, t2 - t1 - 1)),
                parse_level(line.substr(t2 + 1), line_no)};
    levels_.emplace(f.canonical, f.level);
    by_first_[f.folded.substr(0, f.folded.find(' '))].push_back(std::move(f));
  }
  for (auto& [word, forms] : by_first_)
    std::stable_sort(forms.begin(), forms.end(), [](const TitleForm& a, const TitleForm& b) {
      return a.folded.size() > b.folded.size();
    });
}

using WordSet = std::unordered_set<std::string_view>;

// Words that end or reject a name: a run holding one names a body, place or
// occasion ("Victory Day", "Ho Chi Minh City", "Days of Russian Culture").
const WordSet kInstitutionWords = {
    "party", "state", "states", "government", "committee", "republic", "kingdom", "union",
    "federation", "council", "assembly", "congress", "parliament", "senate", "ministry",
    "embassy", "agency", "office", "department", "bureau", "commission", "organisation",
    "organization", "association", "associations", "nations", "front", "army", "forces",
    "navy", "bank", "court", "university", "institute", "academy", "school", "college",
    "centre", "center", "foundation", "forum", "summit", "festival", "day", "days", "week",
    "games", "cup", "award", "prize", "palace", "hall", "house", "square", "street", "road",
    "avenue", "bridge", "airport", "station", "museum", "mausoleum", "monument", "temple",
    "pagoda", "city", "province", "district", "region", "county", "island", "islands",
    "river", "lake", "mountain", "mountains", "sea", "ocean", "bay", "gulf", "valley",
    "hotel", "company", "corporation", "group", "times", "post", "news", "press", "radio",
    "television", "magazine", "journal", "daily", "treaty", "agreement", "declaration",
    "charter", "convention", "programme", "program", "war", "revolution", "movement",
    "secretariat", "politburo", "cabinet", "command", "network", "club", "society", "church",
    "conference", "exhibition", "expo", "session", "parade", "culture", "cinema", "era",
    "motors", "electric", "dynamics", "airlines", "airways", "holdings", "staff"};

// Capitalised words that open sentences, never names.
const WordSet kStopWords = {
    "the", "this", "that", "these", "those", "a", "an", "in", "on", "at", "by", "for",
    "from", "with", "and", "but", "or", "of", "to", "as", "after", "before", "during",
    "since", "following", "ahead", "although", "while", "when", "where", "if", "it", "its",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
    "meanwhile", "however", "moreover", "also", "both", "each", "all", "some", "many",
    "most", "such", "other", "another", "one", "two", "three", "over", "under", "despite",
    "regarding", "currently", "recently", "later", "earlier", "today", "yesterday",
    "tomorrow", "there", "here", "then", "now", "so", "yet", "not", "no", "only", "even",
    "dear", "according", "speaking", "addressing", "welcoming", "thanks", "please"};

// English function words that cannot sit inside a name ("... Solidarity With Laos").
const WordSet kInnerStopWords = {"the", "of", "and", "with", "for", "from", "in", "on",
                                 "at", "by", "into", "amid", "after", "before", "against"};

const WordSet kMonths = {"january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december",
                         "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                         "oct", "nov", "dec"};
const WordSet kWeekdays = {"monday", "tuesday", "wednesday", "thursday", "friday",
                           "saturday", "sunday"};
const WordSet kRegnalNumbers = {"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"};
const WordSet kParticles = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "del",
                            "della", "der", "den", "des", "van", "von", "dos", "das", "la",
                            "le", "ter", "zu", "y"};
const WordSet kOrdinalWords = {"first", "second", "third", "fourth", "fifth", "sixth",
                               "seventh", "eighth", "ninth", "tenth", "new", "former", "then"};
const WordSet kElectionWords = {"elected", "reelected", "election", "reelection",
                                "appointed", "appointment"};
const WordSet kSeparators = {"and", ",", "-", "\xE2\x80\x93", "\xE2\x80\x94", "&", "/"};

// ---- Tokens --------------------------------------------------------------

struct Token {
  Span span;
  std::string fold;  // fold() of a word; the character itself otherwise; "'s" for a possessive
  bool word = false;
  bool upper = false;
  bool space_before = false;
  bool line_before = false;  // first on its line
};

bool word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp >= 0x0300 && cp <= 0x036F) return true;  // combining marks continue a word
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD || cp == 0xFEFF) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return !(cp >= 0xFE00 && cp <= 0xFF20);
}

bool space_char(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

bool apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

// "People’s", "Laos's": an apostrophe at `pos` (already consumed) followed by a lone s.
bool possessive_s(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || (s[pos] != 's' && s[pos] != 'S')) return false;
  std::size_t p = pos + 1;
  return p >= s.size() || !word_char(next_code_point(s, p));
}

std::vector<Token> tokenize(std::string_view s, std::size_t offset = 0) {
  std::vector<Token> out;
  bool space = true, line = true;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t begin = pos;
    const char32_t cp = next_code_point(s, pos);
    if (space_char(cp)) {
      space = true;
      line = line || cp == '\n';
      continue;
    }
    Token t;
    t.space_before = space;
    t.line_before = line;
    space = line = false;
    if (word_char(cp)) {
      // Apostrophes join "d'Ivoire" and "O’Brien" but not a possessive "’s".
      for (std::size_t p = pos; p < s.size();) {
        const char32_t c = next_code_point(s, p);
        if (word_char(c)) {
          pos = p;
        } else if (apostrophe(c) && p < s.size() && !possessive_s(s, p)) {
          std::size_t q = p;
          if (!word_char(next_code_point(s, q))) break;
          pos = q;
          p = q;
        } else {
          break;
        }
      }
      t.word = true;
      t.upper = starts_upper(s, begin);
      t.fold = fold(s.substr(begin, pos - begin));
    } else if (apostrophe(cp) && possessive_s(s, pos)) {
      ++pos;
      t.fold = "'s";
    } else {
      t.fold = std::string(s.substr(begin, pos - begin));
    }
    t.span = {begin + offset, pos + offset};
    out.push_back(std::move(t));
  }
  return out;
}

bool all_upper_word(std::string_view text) {
  std::size_t letters = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp >= '0' && cp <= '9') continue;
    if (!starts_upper(text, at)) return false;
    ++letters;
  }
  return letters >= 2;
}

// ---- The article as tokens with its country and organisation mentions -----

struct Scan {
  const Doc& doc;
  const TitleLexicon& titles = TitleLexicon::get();
  std::vector<Token> tok;
  std::vector<int> covered;  // token -> longest mention over it, or -1
  std::vector<int> starts;   // token -> longest mention starting at it, or -1
  std::vector<std::size_t> mention_end;  // mention -> token after it
  std::vector<bool> headline;  // token on a title-cased line ("Putin Meets Xi")

  explicit Scan(const Doc& d);
  std::size_t size() const { return tok.size(); }
  bool is(std::size_t k, std::string_view f) const { return k < tok.size() && tok[k].fold == f; }
  bool cap(std::size_t k) const { return k < tok.size() && tok[k].word && tok[k].upper; }
  bool glued(std::size_t k) const { return k < tok.size() && !tok[k].space_before; }
  std::string_view text(std::size_t b, std::size_t e) const {
    return doc.text({tok[b].span.begin, tok[e - 1].span.end});
  }
};

Scan::Scan(const Doc& d) : doc(d), tok(tokenize(d.article.body)) {
  covered.assign(tok.size(), -1);
  starts.assign(tok.size(), -1);
  mention_end.assign(d.mentions.size(), 0);
  auto longer = [&](int cur, std::size_t mi) {
    return cur < 0 || d.mentions[mi].span.size() > d.mentions[cur].span.size();
  };
  for (std::size_t mi = 0; mi < d.mentions.size(); ++mi) {
    const Mention& m = d.mentions[mi];
    if (m.kind == EntityKind::person) continue;
    auto t = std::size_t(std::partition_point(tok.begin(), tok.end(), [&](const Token& x) {
                           return x.span.end <= m.span.begin;
                         }) - tok.begin());
    if (t < tok.size() && tok[t].span.begin >= m.span.begin && longer(starts[t], mi))
      starts[t] = int(mi);
    for (; t < tok.size() && tok[t].span.begin < m.span.end; ++t)
      if (longer(covered[t], mi)) covered[t] = int(mi);
    mention_end[mi] = t;
  }
  headline.assign(tok.size(), false);
  for (std::size_t b = 0, e; b < tok.size(); b = e) {
    std::size_t long_words = 0, lower = 0;
    for (e = b; e < tok.size() && (e == b || !tok[e].line_before); ++e)
      if (tok[e].word && tok[e].fold.size() >= 4 && !(tok[e].fold[0] >= '0' && tok[e].fold[0] <= '9'))
        ++long_words, lower += tok[e].upper ? 0 : 1;
    const std::string& last = tok[e - 1].fold;
    const bool closed = last == "." || last == "!" || last == "?" || last == ":";
    if (long_words >= 3 && lower == 0 && !closed) std::fill(headline.begin() + b, headline.begin() + e, true);
  }
}

struct TitleMatch {
  const TitleForm* form = nullptr;
  std::size_t end = 0;
};

// The longest title starting at token k; "Secretary-General" and "Ph.D." match
// across their glued punctuation.
std::optional<TitleMatch> match_title(const std::vector<Token>& tok, const TitleLexicon& lex,
                                      std::size_t k) {
  if (k >= tok.size() || !tok[k].word) return std::nullopt;
  const std::string& f = tok[k].fold;
  const auto* forms = lex.starting_with(std::string_view(f).substr(0, f.find(' ')));
  if (!forms) return std::nullopt;
  for (const TitleForm& form : *forms) {
    std::string acc = f;
    std::size_t j = k + 1;
    while (acc.size() < form.folded.size() && j < tok.size()) {
      if ((tok[j].fold == "-" || tok[j].fold == ".") && !tok[j].space_before && j + 1 < tok.size() &&
          !tok[j + 1].space_before)
        ++j;
      if (j >= tok.size() || !tok[j].word) break;
      acc += ' ' + tok[j++].fold;
    }
    if (acc == form.folded) return TitleMatch{&form, j};
  }
  return std::nullopt;
}

std::optional<TitleMatch> title_at(const Scan& s, std::size_t k) {
  return match_title(s.tok, s.titles, k);
}

// ---- Names ----------------------------------------------------------------

struct Part {
  std::string fold;
  bool initial = false;
  friend bool operator==(const Part&, const Part&) = default;
};

struct Name {
  std::size_t begin = 0, end = 0;  // tokens
  std::vector<Part> parts;
  std::vector<std::size_t> part_end;  // token after each part
};

enum class NameMode {
  anchored,  // right after a title: "General Secretary To Lam"
  loose,     // no title before it: sentence openers are not names
  known,     // looking for forms of persons already found: longer runs allowed
};

bool initial_at(const Scan& s, std::size_t j) {
  if (!s.cap(j) || !s.is(j + 1, ".") || !s.glued(j + 1)) return false;
  std::size_t p = s.tok[j].span.begin;
  next_code_point(s.doc.article.body, p);
  return p == s.tok[j].span.end;
}

bool name_word(const Scan& s, std::size_t j, bool first, NameMode mode) {
  const Token& t = s.tok[j];
  if (s.covered[j] >= 0 || kWeekdays.count(t.fold) || kInstitutionWords.count(t.fold)) return false;
  if (first && kMonths.count(t.fold)) return false;
  if (first ? mode == NameMode::loose && kStopWords.count(t.fold) : kInnerStopWords.count(t.fold))
    return false;
  const std::string_view text = s.doc.text(t.span);
  if (!first && kRegnalNumbers.count(t.fold)) return true;  // "Elizabeth II"
  if (all_upper_word(text) && text.size() <= 5) return false;  // an acronym: "LPRP"
  return !title_at(s, j);
}

// "bin Salman", "al-Assad", "von der Leyen": lowercase particles before a capitalised part.
bool particle_before_name(const Scan& s, std::size_t j) {
  const std::size_t from = j;
  for (; j < s.size() && s.tok[j].word && !s.tok[j].upper && kParticles.count(s.tok[j].fold); ++j)
    if (s.is(j + 1, "-") && s.glued(j + 1)) ++j;
  return j > from && s.cap(j) && !s.tok[j].line_before;
}

// A name starting at token k: capitalised words, initials ("V.V."), hyphenated
// parts and lowercase particles ("bin", "van") between capitalised words.
std::optional<Name> parse_name(const Scan& s, std::size_t k, NameMode mode) {
  Name n{k, k, {}, {}};
  std::size_t j = k, words = 0;
  while (j < s.size() && (j == k || !s.tok[j].line_before)) {
    if (initial_at(s, j)) {
      n.parts.push_back({s.tok[j].fold, true});
      j += 2;
    } else if (s.cap(j) && name_word(s, j, n.parts.empty(), mode)) {
      Part p{s.tok[j].fold, false};
      for (++j; s.is(j, "-") && s.glued(j) && s.glued(j + 1) && s.cap(j + 1); j += 2)
        p.fold += ' ' + s.tok[j + 1].fold;  // "Jean-Claude"
      n.parts.push_back(std::move(p));
      ++words;
    } else if (!n.parts.empty() && particle_before_name(s, j)) {
      n.parts.push_back({s.tok[j].fold, false});
      j += s.is(j + 1, "-") ? 2 : 1;  // "al-Assad"
    } else {
      break;
    }
    n.part_end.push_back(j);
  }
  while (!n.parts.empty() && n.parts.back().initial) n.parts.pop_back(), n.part_end.pop_back();
  if (n.parts.empty() || words == 0 || words > (mode == NameMode::known ? 8u : 4u)) return std::nullopt;
  n.end = n.part_end.back();
  // "Ho Chi Minh City", "Victory Day": the run names a place or an occasion.
  if (s.cap(n.end) && kInstitutionWords.count(s.tok[n.end].fold) && !s.tok[n.end].line_before)
    return std::nullopt;
  return n;
}

// True when `shorter` is a short form of `full`: a single part of it (only its
// last part unless `any_part`), or initials and parts ending in its last part
// ("T. Sisoulith", "V.V. Putin", "Minh Chính").
bool short_form_of(const std::vector<Part>& shorter, const std::vector<Part>& full, bool any_part) {
  if (shorter == full || shorter.empty() || full.size() < 2 || shorter.back().initial) return false;
  if (shorter.size() == 1)
    return any_part ? std::find(full.begin(), full.end(), shorter[0]) != full.end()
                    : shorter[0] == full.back();
  if (shorter.back().fold != full.back().fold) return false;
  std::size_t at = 0, words = 0;
  for (std::size_t i = 0; i + 1 < shorter.size(); ++i) {
    const Part& p = shorter[i];
    if (p.initial) {
      if (i == 0 && full[0].fold.rfind(p.fold, 0) != 0) return false;
      continue;
    }
    while (at + 1 < full.size() && full[at].fold != p.fold) ++at;
    if (at + 1 >= full.size()) return false;
    ++at, ++words;
  }
  return words + 1 < full.size() || shorter.size() != words + 1;
}

// ---- Titles with what they belong to --------------------------------------

struct Affiliation {
  std::optional<std::string> country, organization;
  void fill(const Affiliation& o) {
    if (!country) country = o.country;
    if (!organization) organization = o.organization;
  }
};

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

bool ordinal_at(const Scan& s, std::size_t k) {
  if (k >= s.size() || !s.tok[k].word) return false;
  const std::string& f = s.tok[k].fold;
  if (kOrdinalWords.count(f)) return true;
  if (f.size() < 3 || f[0] < '0' || f[0] > '9') return false;
  const std::string_view tail = std::string_view(f).substr(f.size() - 2);
  return tail == "st" || tail == "nd" || tail == "rd" || tail == "th";
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
  if (ordinal_at(s, k)) ++k;
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
      if (kInstitutionWords.count(s.tok[k].fold)) last_anchor = k + 1;
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

struct Group {
  std::string title;  // canonical
  Level level = Level::official;
  Affiliation of;
  std::size_t end = 0;
};

// One title with its country or organisation: "Lao Foreign Minister",
// "Russia's President", "ASEAN Secretary-General", "President of the Lao
// People's Democratic Republic", "Lao Ambassador to Vietnam", "PhD in History".
std::optional<Group> parse_group(const Scan& s, std::size_t k) {
  Group g;
  if (k < s.size() && s.starts[k] >= 0) {
    const Mention& m = s.doc.mentions[s.starts[k]];
    std::size_t e = s.mention_end[s.starts[k]];
    if (m.kind == EntityKind::country && !m.adjective) {
      if (!s.is(e, "'s")) return std::nullopt;
      ++e;
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
    if (auto p = parse_of(s, k + 1)) k = p->end;  // the posting, not the envoy's own state
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

struct Chain {
  std::vector<Group> groups;
  std::size_t end = 0;
};

// Titles joined by "and", commas or dashes: "Lao Party General Secretary and
// State President", "special envoy-Foreign Minister", "President Mr".
std::optional<Chain> parse_chain(const Scan& s, std::size_t k) {
  Chain c;
  c.end = k;
  while (auto g = parse_group(s, c.end)) {
    c.end = g->end;
    c.groups.push_back(std::move(*g));
    if (c.end + 1 < s.size() && kSeparators.count(s.tok[c.end].fold) && !s.tok[c.end + 1].line_before &&
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

// ---- Finding persons ------------------------------------------------------

const WordSet kPlacePrepositions = {"in", "to", "from", "at", "near", "via", "into"};
constexpr std::size_t kNone = std::size_t(-1);

// One place a person's name occurs.
struct Sighting {
  Name name;
  Span span;  // the name in the body
  std::vector<Position> positions;
  bool weak = false;      // on a title-cased line: counts only for a person found elsewhere
  std::size_t intro = 0;  // token where the introducing phrase starts
  std::size_t person = kNone;
};

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

class Finder {
 public:
  explicit Finder(const Doc& doc) : s_(doc) {}
  PersonResult run() {
    titled_names();
    appositions();
    bylines();
    cluster();
    known_forms();
    elections();
    return build();
  }

 private:
  Span span(std::size_t b, std::size_t e) const { return {s_.tok[b].span.begin, s_.tok[e - 1].span.end}; }
  void add(const Name& n, std::vector<Position> positions, bool weak, std::size_t intro);
  std::optional<Name> name_before(std::size_t c) const;
  std::size_t pick(const Sighting& x, bool any_part) const;
  std::size_t widen(const Sighting& x);
  void assign(std::size_t sighting, std::size_t person);
  void titled_names();
  void appositions();
  void bylines();
  void cluster();
  void known_forms();
  void elections();
  PersonResult build() const;

  Scan s_;
  std::vector<Sighting> seen_;
  std::vector<std::vector<Part>> full_;           // person -> the name that defines it
  std::vector<std::vector<std::size_t>> members_;  // person -> its sightings
};

void Finder::add(const Name& n, std::vector<Position> positions, bool weak, std::size_t intro) {
  const Span sp = span(n.begin, n.end);
  for (Sighting& x : seen_)
    if (x.span == sp) {
      x.positions.insert(x.positions.end(), positions.begin(), positions.end());
      x.weak = x.weak && weak;
      return;
    }
  seen_.push_back({n, sp, std::move(positions), weak, intro, kNone});
}

// "Lao President Thongloun Sisoulith", "General Secretary of the ... and
// President Thongloun Sisoulith", "the President of X, Secretary General of Y,
// Thongloun Sisoulith".
void Finder::titled_names() {
  for (std::size_t i = 0; i < s_.size();) {
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
    add(*n, std::move(positions), s_.headline[i], i);
    i = n->end;
  }
}

// The name of two or more parts that ends right before token c.
std::optional<Name> Finder::name_before(std::size_t c) const {
  for (std::size_t b = c > 10 ? c - 10 : 0; b < c; ++b) {
    auto n = parse_name(s_, b, NameMode::loose);
    if (!n || n->end != c) continue;
    if (n->parts.size() < 2 || (b > 0 && kPlacePrepositions.count(s_.tok[b - 1].fold))) return std::nullopt;
    return n;
  }
  return std::nullopt;
}

// "Thongloun Sisoulith, Lao Party General Secretary and State President, ...",
// "Ksenia Muratshina, PhD in History, Senior Researcher at ...", "the election
// of Donald Trump as the 47th president of the United States".
void Finder::appositions() {
  for (std::size_t c = 1; c < s_.size(); ++c) {
    const bool as = s_.is(c, "as");
    if (!as && !s_.is(c, ",")) continue;
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

// "By Jane Doe" on a line of its own; "Jane Doe, May 29, 2024" opening a line.
void Finder::bylines() {
  for (std::size_t i = 0; i < s_.size(); ++i) {
    if (!s_.tok[i].line_before) continue;
    const bool by = s_.is(i, "by");
    const auto n = parse_name(s_, by ? i + 1 : i, NameMode::loose);
    if (!n || n->parts.size() < 2) continue;
    const std::size_t k = n->end;
    const bool line_end = k == s_.size() || s_.tok[k].line_before;
    const bool dated = s_.is(k, ",") && k + 1 < s_.size() && !s_.tok[k + 1].line_before &&
                       s_.tok[k + 1].word &&
                       (kMonths.count(s_.tok[k + 1].fold) || (s_.tok[k + 1].fold[0] >= '0' && s_.tok[k + 1].fold[0] <= '9'));
    if ((by && line_end) || dated) add(*n, {}, false, i);
  }
}

void Finder::assign(std::size_t sighting, std::size_t person) {
  if (person == full_.size()) {
    full_.push_back(seen_[sighting].name.parts);
    members_.emplace_back();
  }
  seen_[sighting].person = person;
  members_[person].push_back(sighting);
}

// The person whose name `x` is, or is a short form of; among several, the one
// seen last before `x`, else the first seen after it. kNone if none.
std::size_t Finder::pick(const Sighting& x, bool any_part) const {
  std::size_t best = kNone, best_before = 0, best_after = kNone;
  for (std::size_t p = 0; p < full_.size(); ++p) {
    bool fits = short_form_of(x.name.parts, full_[p], any_part);
    std::size_t before = 0, after = kNone;
    for (std::size_t m : members_[p]) {
      const Sighting& y = seen_[m];
      fits = fits || y.name.parts == x.name.parts;
      if (y.span.begin < x.span.begin) before = std::max(before, y.span.end);
      else after = std::min(after, y.span.begin);
    }
    if (!fits) continue;
    if (before > 0 ? before > best_before : best_before == 0 && after < best_after)
      best = p, best_before = before, best_after = after;
  }
  return best;
}

// A person known by one word only ("President Khamla") takes a later or
// earlier run of up to four parts holding that word as its full name
// ("Khamla Vongsa, the host, ...").
std::size_t Finder::widen(const Sighting& x) {
  const auto& parts = x.name.parts;
  if (s_.headline[x.name.begin] || parts.size() < 2 || parts.size() > 4 || kStopWords.count(parts[0].fold)) return kNone;
  for (std::size_t p = 0; p < full_.size(); ++p)
    if (full_[p].size() == 1 && std::find(parts.begin(), parts.end(), full_[p][0]) != parts.end()) {
      full_[p] = parts;
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
  for (std::size_t i : order) {
    const Sighting& x = seen_[i];
    const bool shorter = std::any_of(seen_.begin(), seen_.end(), [&](const Sighting& y) {
      return !y.weak && short_form_of(x.name.parts, y.name.parts, true);
    });
    if (x.weak || shorter) {
      later.push_back(i);
      continue;
    }
    const auto same = std::find(full_.begin(), full_.end(), x.name.parts);
    assign(i, std::size_t(same - full_.begin()));
  }
  for (std::size_t i : later) {
    const std::size_t p = pick(seen_[i], true);
    if (p != kNone) assign(i, p);
    else if (!seen_[i].weak) assign(i, full_.size());
  }
}

// Every other occurrence of a found person's name or short form: "Chính",
// "T. Sisoulith", "Thongloun" after "President Thongloun".
void Finder::known_forms() {
  std::vector<bool> taken(s_.size(), false);
  for (const Sighting& x : seen_)
    if (x.person != kNone) std::fill(taken.begin() + long(x.name.begin), taken.begin() + long(x.name.end), true);
  for (std::size_t i = 0; i < s_.size();) {
    const auto run = taken[i] ? std::nullopt : parse_name(s_, i, NameMode::known);
    std::size_t next = i + 1;
    for (std::size_t len = run ? run->parts.size() : 0; len > 0; --len) {
      Sighting x;
      x.name = *run;
      x.name.parts.resize(len);
      x.name.part_end.resize(len);
      x.name.end = run->part_end[len - 1];
      if (x.name.parts.back().initial || std::find(taken.begin() + long(i), taken.begin() + long(x.name.end), true) !=
                                             taken.begin() + long(x.name.end))
        continue;
      x.span = span(i, x.name.end);
      std::size_t p = pick(x, false);
      if (p == kNone) p = widen(x);
      if (p == kNone) continue;
      seen_.push_back(std::move(x));
      assign(seen_.size() - 1, p);
      next = seen_.back().name.end;
      break;
    }
    i = next;
  }
}

// "was elected Lao Party General Secretary", "his continued election as
// General Secretary of ...": a position of the person last named before.
void Finder::elections() {
  for (std::size_t k = 0; k < s_.size(); ++k) {
    if (!kElectionWords.count(s_.tok[k].fold)) continue;
    std::size_t j = k + 1;
    if (s_.is(j, "as")) ++j;
    if (s_.is(j, "the")) ++j;
    if (ordinal_at(s_, j)) ++j;
    const auto chain = parse_chain(s_, j);
    if (!chain || parse_name(s_, chain->end, NameMode::anchored)) continue;
    const std::size_t here = s_.doc.sentence_at(s_.tok[k].span.begin);
    std::size_t who = kNone;
    for (std::size_t i = 0; i < seen_.size(); ++i) {
      const Sighting& x = seen_[i];
      const std::size_t there = s_.doc.sentence_at(x.span.begin);
      if (x.person == kNone || x.span.end > s_.tok[k].span.begin || !(there == here || there + 1 == here)) continue;
      if (who == kNone || x.span.begin > seen_[who].span.begin) who = i;
    }
    if (who == kNone) continue;
    auto positions = positions_of(*chain, span(k, chain->end));
    std::vector<const DateMention*> dated;
    for (const DateMention& d : s_.doc.dates)
      if (s_.doc.sentence_at(d.span.begin) == here) dated.push_back(&d);
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
      if (std::find(folded.begin(), folded.end(), fold(form)) == folded.end()) {
        folded.push_back(fold(form));
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
    out.persons.push_back(std::move(person));
  }
  std::sort(out.mentions.begin(), out.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace

PersonResult find_persons(const Doc& doc) { return Finder(doc).run(); }

std::optional<std::size_t> resolve_description(const Doc& doc, const PersonResult& persons,
                                               Span description) {
  const TitleLexicon& lex = TitleLexicon::get();
  const auto tok = tokenize(doc.text(description), description.begin);
  std::optional<std::string> country;
  for (const Mention& m : doc.mentions)
    if (m.kind == EntityKind::country && description.contains(m.span) && !country) country = m.country;
  std::optional<std::string> title;
  bool leader = false;
  for (std::size_t k = 0; k < tok.size(); ++k) {
    if (tok[k].fold == "leaders" || tok[k].fold == "two" || tok[k].fold == "both") return std::nullopt;
    leader = leader || tok[k].fold == "leader";
    if (const auto t = match_title(tok, lex, k); t && !title && t->form->level != Level::honorific)
      title = t->form->canonical;
  }
  if (!country && !title && !leader) return std::nullopt;
  auto has_title = [&](const Person& p) {
    return std::any_of(p.positions.begin(), p.positions.end(), [&](const Position& pos) {
      if (title) return pos.title == *title;
      return !leader || lex.level_of(pos.title) == Level::leader;
    });
  };
  // 2: the country fits; 1: the person's country is unknown.
  auto country_fit = [&](const Person& p) {
    if (!country) return 2;
    if (p.country == country) return 2;
    const bool any = std::any_of(p.positions.begin(), p.positions.end(),
                                 [&](const Position& pos) { return pos.country == country; });
    return any ? 2 : (p.country ? 0 : 1);
  };
  std::size_t best = kNone, best_at = 0;
  int best_fit = 0;
  for (const Mention& m : persons.mentions) {
    if (m.span.end > description.begin || m.entity >= persons.persons.size()) continue;
    const Person& p = persons.persons[m.entity];
    const int fit = has_title(p) ? country_fit(p) : 0;
    if (fit > best_fit || (fit == best_fit && fit > 0 && m.span.begin >= best_at))
      best = m.entity, best_at = m.span.begin, best_fit = fit;
  }
  return best == kNone ? std::nullopt : std::optional(best);
}

}  // namespace annals
