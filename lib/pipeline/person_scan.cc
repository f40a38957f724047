#include "pipeline/person_scan.h"

#include "annals/error.h"
#include "embedded.h"
#include "text/fold_loop.h"
#include "text/text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace annals::person_parse {
namespace {

Level parse_level(std::string_view s, std::size_t line) {
  if (s == "leader") return Level::leader;
  if (s == "official") return Level::official;
  if (s == "diplomat") return Level::diplomat;
  if (s == "academic") return Level::academic;
  if (s == "honorific") return Level::honorific;
  throw Error("reference/titles.tsv", "line " + std::to_string(line) + ": unknown level");
}

// ASCII letters and digits: the word characters of nearly all of an English
// text, told by one look-up.
constexpr auto kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (char c = '0'; c <= '9'; ++c) t[std::size_t(c)] = true;
  for (char c = 'a'; c <= 'z'; ++c) t[std::size_t(c)] = true;
  for (char c = 'A'; c <= 'Z'; ++c) t[std::size_t(c)] = true;
  return t;
}();
bool ascii_alnum(char c) { return kAsciiAlnum[static_cast<unsigned char>(c)]; }

bool word_char(char32_t cp) {
  if (cp < 0x80) return ascii_alnum(char(cp));
  if (cp >= 0x0300 && cp <= 0x036F) return true;  // combining marks continue a word
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD || cp == 0xFEFF) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return !(cp >= 0xFE00 && cp <= 0xFF20);
}

// The ASCII characters space_char() accepts, told by one look-up.
constexpr auto kAsciiSpace = [] {
  std::array<bool, 128> t{};
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[std::size_t(c)] = true;
  return t;
}();

// kAsciiFold for every byte: the fold of an ASCII letter or digit, else 0.
constexpr auto kWordFold = [] {
  std::array<char, 256> t{};
  for (std::size_t c = 0; c < 128; ++c) t[c] = kAsciiFold[c];
  return t;
}();

bool space_char(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

// next_code_point with ASCII, nearly every character, decoded in line.
char32_t next_char(std::string_view s, std::size_t& pos) {
  const auto b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) {
    ++pos;
    return b;
  }
  return next_code_point(s, pos);
}

bool apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

// "People’s", "Laos's": an apostrophe at `pos` (already consumed) followed by a lone s.
bool possessive_s(std::string_view s, std::size_t pos) {
  if (pos >= s.size() || (s[pos] != 's' && s[pos] != 'S')) return false;
  std::size_t p = pos + 1;
  return p >= s.size() || !word_char(next_code_point(s, p));
}

// The end of the word whose first character ends at `pos`. Apostrophes join
// "d'Ivoire" and "O’Brien" but not a possessive "’s". `ascii` stays true while
// the word is ASCII letters and digits only.
std::size_t word_end(std::string_view s, std::size_t pos, bool& ascii) {
  while (true) {
    // ASCII letters and digits, nearly all of an English text, need no decoding.
    while (pos < s.size() && ascii_alnum(s[pos])) ++pos;
    if (pos == s.size() || (static_cast<unsigned char>(s[pos]) < 0x80 && s[pos] != '\'')) return pos;
    std::size_t p = pos;
    const char32_t c = next_code_point(s, p);
    if (word_char(c)) {
      pos = p;
    } else if (apostrophe(c) && p < s.size() && !possessive_s(s, p)) {
      if (!word_char(next_code_point(s, p))) return pos;
      pos = p;
    } else {
      return pos;
    }
    ascii = false;
  }
}

// word_hash(string_view(p, n)), reading the bytes in whole eight-byte words:
// p[n, n + 8) must be readable. A token's fold is written into a buffer with
// that room, so the hash needs no byte loop and no call to memcpy.
std::uint64_t fold_hash(const char* p, std::size_t n) {
  if constexpr (std::endian::native != std::endian::little) {
    return word_hash({p, n});
  } else {
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;  // as word_hash
    std::uint64_t h = n * kMul;
    for (; n >= 8; p += 8, n -= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      h = (std::rotl(h, 5) ^ w) * kMul;
    }
    if (n > 0) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      w &= ~std::uint64_t(0) >> (64 - 8 * n);  // the n bytes word_hash copies into a zeroed word
      h = (std::rotl(h, 5) ^ w) * kMul;
    }
    return h ^ (h >> 29);
  }
}

// Writes fold(word) at `out` and returns its size. fold() never lengthens a
// text, so `room` bytes (word.size() or more) always hold it; were they ever
// too few, the fold goes to `spill`, `spilled` points at it and 0 is returned.
std::size_t write_fold(std::string_view word, char* out, std::size_t room, std::string*& spilled,
                       std::vector<std::unique_ptr<std::string>>& spill) {
  std::string f = fold(word);
  if (f.size() <= room) {
    std::memcpy(out, f.data(), f.size());
    return f.size();
  }
  spilled = spill.emplace_back(std::make_unique<std::string>(std::move(f))).get();
  return 0;
}

// The token after the words of `folded` starting at token k, their folds
// joined by spaces; a "-" or "." glued on both sides may sit between two of
// them ("Secretary-General", "Ph.D."). 0 when the words differ. Compared in
// place: no string is built for the many forms tried at a common first word.
std::size_t form_end(const std::vector<Token>& tok, std::size_t k, std::string_view folded) {
  if (!folded.starts_with(tok[k].fold)) return 0;
  folded.remove_prefix(tok[k].fold.size());
  std::size_t j = k + 1;
  while (!folded.empty() && j < tok.size()) {
    if ((tok[j].fold == "-" || tok[j].fold == ".") && !tok[j].space_before && j + 1 < tok.size() &&
        !tok[j + 1].space_before)
      ++j;
    if (j >= tok.size() || !tok[j].word) break;
    const std::string_view f = tok[j++].fold;
    if (folded[0] != ' ' || !folded.substr(1).starts_with(f)) return 0;
    folded.remove_prefix(1 + f.size());
  }
  return folded.empty() ? j : 0;
}

}  // namespace

namespace {

// The words of every WordList, each with the bits of the lists holding it.
WordMap<std::uint64_t>& list_words() {
  static WordMap<std::uint64_t> words;
  return words;
}
int list_count = 0;
bool lists_sealed = false;  // word_info() is built: no list may be added

// A table for tokenize()'s one look-up per token: open addressing at a load of
// at most 1/4, each slot's hash and word kept in the slot, so that a word in
// no list, most tokens, costs a probe or two and no string compare.
class InfoTable {
 public:
  explicit InfoTable(const WordMap<WordInfo>& words) {
    std::size_t size = 16;
    while (size < 4 * words.size()) size *= 2;
    slots_.resize(size);
    mask_ = size - 1;
    for (const auto& [word, info] : words.items()) {
      const std::uint64_t h = word_hash(word);
      std::size_t i = h & mask_;
      while (slots_[i].info) i = (i + 1) & mask_;
      slots_[i] = {h, word, &info};
    }
  }
  // The info of the word `w` whose word_hash is `hash`, or nullptr.
  const WordInfo* find(std::string_view w, std::uint64_t hash) const {
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.info) return nullptr;
      if (s.hash == hash && same(s.word, w)) return s.info;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view word;
    const WordInfo* info = nullptr;  // nullptr: an empty slot
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;

  // a == b for short words, without a call to memcmp.
  static bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
};

// Each word of a list or first word of a title with what they say of it,
// built at the first tokenize(), after every list has registered.
const InfoTable& word_info() {
  static const WordMap<WordInfo> words = [] {
    WordMap<WordInfo> t;
    for (const auto& [word, bits] : list_words().items()) t.insert(word).lists = bits;
    for (const auto& [word, forms] : TitleLexicon::get().first_words()) t.insert(word).titles = &forms;
    lists_sealed = true;
    return t;
  }();
  static const InfoTable table(words);
  return table;
}

}  // namespace

WordList::WordList(std::initializer_list<std::string_view> words) {
  if (list_count >= 64 || lists_sealed) throw Error("WordList", "more than 64 lists, or one made after use");
  bit_ = std::uint64_t(1) << list_count++;
  for (const std::string_view w : words) list_words().insert(w, 0) |= bit_;
}

bool WordList::contains(std::string_view w) const {
  const std::uint64_t* bits = list_words().find(w);
  return bits && (*bits & bit_) != 0;
}

const TitleLexicon& TitleLexicon::get() {
  static const TitleLexicon lexicon(embedded("reference/titles.tsv"));
  return lexicon;
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
    by_first_.insert(f.folded.substr(0, f.folded.find(' '))).push_back(std::move(f));
  }
  for (auto& [word, forms] : by_first_.items())
    std::stable_sort(forms.begin(), forms.end(), [](const TitleForm& a, const TitleForm& b) {
      return a.folded.size() > b.folded.size();
    });
}

// Words that end or reject a name: a run holding one names a body, place or
// occasion ("Victory Day", "Ho Chi Minh City", "Days of Russian Culture").
const WordList kInstitutionWords = {
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
const WordList kStopWords = {
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
const WordList kInnerStopWords = {"the", "of", "and", "with", "for", "from", "in", "on",
                                  "at", "by", "into", "amid", "after", "before", "against"};

const WordList kMonths = {"january", "february", "march", "april", "may", "june", "july",
                          "august", "september", "october", "november", "december",
                          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                          "oct", "nov", "dec"};
const WordList kWeekdays = {"monday", "tuesday", "wednesday", "thursday", "friday",
                            "saturday", "sunday"};
// "Elizabeth II", "Ferdinand Marcos Jr.": a part after a name's last one, not
// what a short form of the name ends in.
const WordList kNameSuffixes = {"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii",
                                "jr", "sr"};
const WordList kParticles = {"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "del",
                             "della", "der", "den", "des", "van", "von", "dos", "das", "la",
                             "le", "ter", "zu", "y"};
const WordList kOrdinalWords = {"first", "second", "third", "fourth", "fifth", "sixth",
                                "seventh", "eighth", "ninth", "tenth", "new", "former", "then"};
const WordList kElectionWords = {"elected", "reelected", "election", "reelection",
                                 "appointed", "appointment"};
const WordList kSeparators = {"and", ",", "-", "\xE2\x80\x93", "\xE2\x80\x94", "&", "/"};

Tokens tokenize(std::string_view s, std::size_t offset) {
  const InfoTable& info = word_info();
  Tokens out;
  // Every fold is at most as long as its text ("'s" included), so s.size()
  // bytes hold them all; 8 more let fold_hash read whole words at the end.
  out.folds_ = std::make_unique<char[]>(s.size() + 8);
  char* const folds = out.folds_.get();
  std::size_t used = 0;
  std::vector<Token>& list = out.list;
  list.reserve(s.size() / 5);
  bool space = true, line = true;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t begin = pos;
    const char32_t cp = next_char(s, pos);
    if (cp < 0x80 ? kAsciiSpace[cp] : space_char(cp)) {
      space = true;
      line = line || cp == '\n';
      continue;
    }
    Token& t = list.emplace_back();
    t.space_before = space;
    t.line_before = line;
    space = line = false;
    char* const at = folds + used;
    std::size_t n = 0;
    std::string* spilled = nullptr;
    bool general = false;  // folded by fold(): may hold a space ("d'Ivoire")
    if (cp < 0x80 && kAsciiFold[cp]) {
      // ASCII letters and digits, nearly every word: lowercased, which is
      // their fold, as they are read.
      t.word = true;
      t.upper = cp >= 'A' && cp <= 'Z';
      at[n++] = kAsciiFold[cp];
      const char* p = s.data() + pos;
      const char* const end = s.data() + s.size();
      for (char f; p < end && (f = kWordFold[static_cast<unsigned char>(*p)]); ++p) at[n++] = f;
      pos = std::size_t(p - s.data());
      bool ascii = true;
      // The word may go on past a non-ASCII character or an apostrophe: "Jose\u0301", "O'Brien".
      if (p < end && (static_cast<unsigned char>(*p) >= 0x80 || *p == '\'')) pos = word_end(s, pos, ascii);
      general = !ascii;
      if (general) n = write_fold(s.substr(begin, pos - begin), at, s.size() - used, spilled, out.spill_);
    } else if (word_char(cp)) {
      bool ascii = false;
      pos = word_end(s, pos, ascii);
      t.word = true;
      t.upper = starts_upper(s, begin);
      general = true;
      n = write_fold(s.substr(begin, pos - begin), at, s.size() - used, spilled, out.spill_);
    } else if (apostrophe(cp) && possessive_s(s, pos)) {
      ++pos;
      at[0] = '\'', at[1] = 's', n = 2;
    } else {
      n = pos - begin;
      for (std::size_t i = 0; i < n; ++i) at[i] = s[begin + i];  // a byte or a few: no memcpy call
    }
    t.span = {begin + offset, pos + offset};
    if (spilled) {
      t.fold = *spilled;
      t.hash = word_hash(t.fold);
    } else {
      t.fold = {at, n};
      t.hash = fold_hash(at, n);
      used += n;
    }
    t.spaced = general && t.fold.find(' ') != std::string_view::npos;
    t.info = info.find(t.fold, t.hash);
  }
  return out;
}

bool all_upper_word(std::string_view text) {
  std::size_t letters = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t at = pos;
    if (const char c = text[pos]; static_cast<unsigned char>(c) < 0x80) {  // as below, without decoding
      ++pos;
      if (c >= '0' && c <= '9') continue;
      if (c < 'A' || c > 'Z') return false;
      ++letters;
      continue;
    }
    const char32_t cp = next_code_point(text, pos);
    if (cp >= '0' && cp <= '9') continue;
    if (!starts_upper(text, at)) return false;
    ++letters;
  }
  return letters >= 2;
}

Scan::Scan(const Doc& d) : doc(d), tokens(tokenize(d.article.body)) {
  title_.resize(tok.size());
  for (std::size_t k = 0; k < tok.size(); ++k)
    if (const Token& t = tok[k]; t.spaced || (t.info && t.info->titles))  // else no title starts at k
      if (const auto m = match_title(tok, titles, k)) title_[k] = *m;
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
    const std::string_view last = tok[e - 1].fold;
    const bool closed = last == "." || last == "!" || last == "?" || last == ":";
    if (long_words >= 3 && lower == 0 && !closed) std::fill(headline.begin() + b, headline.begin() + e, true);
  }
}

std::optional<TitleMatch> match_title(const std::vector<Token>& tok, const TitleLexicon& lex,
                                      std::size_t k) {
  if (k >= tok.size() || !tok[k].word) return std::nullopt;
  const std::string_view f = tok[k].fold;
  // The token's info holds the forms of the one lexicon; "d ivoire": forms are
  // listed by the first word.
  const auto* forms = tok[k].spaced ? lex.starting_with(f.substr(0, f.find(' ')))
                                    : tok[k].info ? tok[k].info->titles : nullptr;
  if (!forms) return std::nullopt;
  for (const TitleForm& form : *forms)
    if (const std::size_t end = form_end(tok, k, form.folded)) return TitleMatch{&form, end};
  return std::nullopt;
}

}  // namespace annals::person_parse
