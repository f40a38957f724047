#include "pipeline/date_lexer.h"

#include "text/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

// One lexer pass, then small pattern functions over the tokens (date_matcher.cc):
// cheaper than a regular expression per pattern over the whole text, and
// lookaround is easy. The lexer reads every byte of every article, so ASCII
// takes a table lookup and each word is told apart as a month, a weekday or a
// possible start of a date once, here.

namespace annals::date_parse {
namespace {

enum class Char : unsigned char { space, line, letter, digit, dash, punct };

constexpr std::array<Char, 128> kAsciiChar = [] {
  std::array<Char, 128> t{};
  for (unsigned c = 0; c < 128; ++c) {
    const bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    t[c] = c == '\n'                                                              ? Char::line
           : c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'         ? Char::space
           : c >= '0' && c <= '9'                                                 ? Char::digit
           : c == '-'                                                             ? Char::dash
           : alpha                                                                ? Char::letter
                                                                                  : Char::punct;
  }
  return t;
}();

Char classify(char32_t c) {
  if (c < 0x80) return kAsciiChar[c];
  if (c == 0xA0 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
      c == 0x3000)
    return Char::space;
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return Char::dash;
  if ((c >= 0x2016 && c <= 0x206F) || c == 0xAB || c == 0xBB || c == 0xB7 ||
      (c >= 0x3001 && c <= 0x303F))
    return Char::punct;
  return Char::letter;
}

// The class of the character at `pos`, advancing `pos` past it.
Char next_char(std::string_view s, std::size_t& pos) {
  const auto b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) {
    ++pos;
    return kAsciiChar[b];
  }
  return classify(next_code_point(s, pos));
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Whether an ASCII byte continues a word (a letter or digit); bytes from 0x80
// are 2, as their character must be decoded to tell.
constexpr std::array<unsigned char, 256> kWordByte = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned c = 0; c < 256; ++c)
    t[c] = c >= 0x80 ? 2 : kAsciiChar[c] == Char::letter || kAsciiChar[c] == Char::digit ? 1 : 0;
  return t;
}();

// The end of the word whose first character ends at `q`: letters and digits follow.
std::size_t word_end(std::string_view s, std::size_t q) {
  const char* const p = s.data();
  const std::size_t n = s.size();
  for (;;) {
    unsigned char k = 0;
    while (q < n && (k = kWordByte[static_cast<unsigned char>(p[q])]) == 1) ++q;
    if (q == n || k == 0) return q;
    std::size_t after = q;
    const Char c = classify(next_code_point(s, after));
    if (c != Char::letter && c != Char::digit) return q;
    q = after;
  }
}

// `s` with A-Z lowercased, eight bytes at a time: the lexer lowercases every
// text it reads. A byte from 0x80 is never a capital and stays as it is.
std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  char* p = out.data();
  const std::size_t n = out.size();
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, p + i, 8);
    const std::uint64_t low7 = x & ~kHigh;
    // The high bit of each byte of `from_a`: low7 >= 'A'; of `past_z`: low7 > 'Z'.
    // No byte carries into the next, as low7 < 0x80.
    const std::uint64_t from_a = low7 + kOnes * (0x80 - 'A');
    const std::uint64_t past_z = low7 + kOnes * (0x80 - 'Z' - 1);
    const std::uint64_t upper = from_a & ~past_z & ~x & kHigh;
    x |= upper >> 2;  // 0x80 >> 2 is 0x20, the case bit
    std::memcpy(p + i, &x, 8);
  }
  for (; i < n; ++i) p[i] = ascii_lower(p[i]);
  return out;
}

bool digit_at(std::string_view s, std::size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}
bool alpha_at(std::string_view s, std::size_t i) {
  const auto c = i < s.size() ? static_cast<unsigned char>(s[i]) : 0u;
  return c < 0x80 && kAsciiChar[c] == Char::letter;
}

// Reads "1960", "48,000", "2.5", "7th" or "1990s" at `pos` into `t`; returns its end.
// A comma joins only groups of three digits, so "7,1960" stays two numbers.
std::size_t read_number(std::string_view s, std::size_t pos, Tok& t) {
  std::size_t p = pos;
  int value = 0;
  for (; digit_at(s, p); ++p)
    if (p - pos < 9) value = value * 10 + (s[p] - '0');
  t.digits = int(p - pos);
  for (;;) {
    if (p < s.size() && s[p] == ',' && digit_at(s, p + 1) && digit_at(s, p + 2) &&
        digit_at(s, p + 3) && !digit_at(s, p + 4)) {
      p += 4;
    } else if (p < s.size() && s[p] == '.' && digit_at(s, p + 1)) {
      for (++p; digit_at(s, p);) ++p;
    } else {
      break;
    }
    t.formatted = true;
  }
  if (!t.formatted && t.digits <= 9) t.value = value;
  std::size_t q = p;
  while (alpha_at(s, q)) ++q;
  t.suffix = s.substr(p, q - p);
  return q;
}

// What a word spells, for the words that matter to dates: months in full or
// short, weekdays, and the words a date pattern starts with ("from 30 July",
// "last May", "yesterday"). Found by hashing the word's first eight bytes and
// length, as the lexer asks this of every word.
struct Name {
  std::string_view word;
  unsigned month = 0, month_short = 0;
  int weekday = -1;
};

class NameTable {
 public:
  NameTable() {
    for (unsigned m = 1; m <= 12; ++m) {
      slot(kMonths[m - 1]).month = m;
      if (m != 5) slot(kMonths[m - 1].substr(0, 3)).month_short = m;
    }
    slot("sept").month_short = 9;
    for (int d = 0; d < 7; ++d) slot(kWeekdays[d]).weekday = d;
    for (std::string_view w : {"from", "between", "yesterday", "today", "tomorrow", "later",
                               "earlier", "early", "late", "this", "last", "next"})
      slot(w);
  }
  // The name `w` (lowercase) is, or nullptr.
  const Name* find(std::string_view w) const {
    if (w.size() < 3 || w.size() > 9) return nullptr;  // "sep" .. "wednesday"
    for (std::size_t i = hash(w);; i = (i + 1) % kSlots) {
      if (slots_[i].word.empty()) return nullptr;
      if (slots_[i].word == w) return &slots_[i];
    }
  }

 private:
  static constexpr std::size_t kSlots = 128;  // over twice the names
  // The first two bytes, the last and the length: no loop over the word.
  static std::size_t hash(std::string_view w) {
    const std::uint32_t key = std::uint32_t(static_cast<unsigned char>(w[0])) |
                              std::uint32_t(static_cast<unsigned char>(w[1])) << 8 |
                              std::uint32_t(static_cast<unsigned char>(w.back())) << 16 |
                              std::uint32_t(w.size()) << 24;
    return std::size_t((key * 0x9E3779B1u) >> 25);
  }
  Name& slot(std::string_view w) {
    std::size_t i = hash(w);
    while (!slots_[i].word.empty() && slots_[i].word != w) i = (i + 1) % kSlots;
    slots_[i].word = w;
    return slots_[i];
  }
  std::array<Name, kSlots> slots_{};
};

// Sets what the word `t` spells (see NameTable).
void name_word(Tok& t) {
  static const NameTable kNames;
  if (const Name* n = kNames.find(t.lower)) {
    t.month = n->month;
    t.month_short = n->month_short;
    t.weekday = n->weekday;
    t.may_start = true;
  }
}

}  // namespace

bool one_of(Words list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Only words and number suffixes hold letters, and only tokens are read in
// lower_, so lowercasing the whole text at once gives the tokens that
// lowercasing word by word would.
Lexed::Lexed(std::string_view s) : s_(s), lower_(ascii_lowered(s)) {
  const std::string_view lower = lower_;
  toks_.reserve(s.size() / 5);
  bool space = true, line = true;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    const Char c = next_char(s, pos);
    if (c == Char::space || c == Char::line) {
      space = true;
      line = line || c == Char::line;
      continue;
    }
    Tok& t = toks_.emplace_back();  // filled in place: a Tok is a dozen words
    t.begin = start;
    t.space_before = space;
    t.line_before = line;
    space = line = false;
    if (c == Char::letter) {
      t.kind = Kind::word;
      pos = word_end(s, pos);
    } else if (c == Char::digit) {
      t.kind = Kind::number;
      t.may_start = true;
      pos = read_number(s, start, t);
    } else {
      t.kind = c == Char::dash ? Kind::dash : Kind::punct;
    }
    t.end = pos;
    t.text = std::string_view(s.data() + start, pos - start);
    t.lower = std::string_view(lower.data() + start, pos - start);
    if (t.kind == Kind::word) name_word(t);
  }
}

bool capitalised(const Tok& t) { return t.kind == Kind::word && starts_upper(t.text); }

unsigned month_at(const Lexed& x, Ix j, Ix& next) {
  const Tok& t = x[j];
  if (!(t.month || t.month_short) || !capitalised(t)) return 0;
  next = j + 1;
  if (t.month) return t.month;
  if (x[j + 1].text == "." && !x[j + 1].space_before) next = j + 2;
  else if (x[j + 1].kind != Kind::number) return 0;
  return t.month_short;
}

int weekday_at(const Lexed& x, Ix j) { return capitalised(x[j]) ? x[j].weekday : -1; }

unsigned day_at(const Lexed& x, Ix j) {
  const Tok& t = x[j];
  if (t.kind != Kind::number || t.formatted || t.digits > 2 || t.value < 1 || t.value > 31)
    return 0;
  if (!t.suffix.empty() && !one_of(kOrdinals, t.lower.substr(t.lower.size() - t.suffix.size())))
    return 0;
  return unsigned(t.value);
}

int year_at(const Lexed& x, Ix j) {
  const Tok& t = x[j];
  if (t.kind != Kind::number || t.formatted || t.digits != 4 || !t.suffix.empty()) return 0;
  return t.value >= 1000 && t.value <= 2199 ? t.value : 0;
}

}  // namespace annals::date_parse
