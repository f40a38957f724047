#include "pipeline/sentences.h"

#include "text/text.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <unordered_set>

namespace annals {
namespace {

// Words that take a period yet rarely end a sentence. The months are here
// because "Jan. 5" is far commoner than a sentence ending "in Jan.".
const std::unordered_set<std::string_view> kAbbreviations = {
    "Mr", "Mrs", "Ms", "Mme", "Mlle", "Messrs", "Dr", "Prof", "Rev", "Hon", "Amb",
    "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Brig", "Sgt", "Cpl", "Pvt",
    "Sen", "Rep", "Gov", "Pres", "Supt", "St", "Mt", "Ft", "Ave", "Blvd", "Jr", "Sr",
    "Vol", "Vols", "Fig", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "e.g", "E.g", "i.e", "I.e", "cf", "Cf", "vs", "Vs",
    "v", "approx", "Approx", "ca", "viz", "al", "Inc", "Ltd", "Co", "Corp", "Bros",
    "Dept", "Univ", "Assn"};

// Words that are abbreviations only before a number: "No. 5", but "He said No."
const std::unordered_set<std::string_view> kNumberAbbreviations = {
    "No", "Nos", "Art", "Arts", "p", "pp", "para"};

// Longer tokens are never abbreviations; the cap keeps look-back constant.
constexpr std::size_t kMaxToken = 32;

char32_t code_point_at(std::string_view s, std::size_t pos, std::size_t& len) {
  std::size_t p = pos;
  const char32_t cp = next_code_point(s, p);
  len = p - pos;
  return cp;
}

// Start of the code point before `pos` (pos > 0).
std::size_t previous(std::string_view s, std::size_t pos) {
  do --pos;
  while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80);
  return pos;
}

constexpr bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f' || cp == '\r' ||
         cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool is_terminal(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

bool is_closer(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
         cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x203A;
}

constexpr bool is_opener(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' || cp == 0x201C ||
         cp == 0x2018 || cp == 0x201E || cp == 0xAB || cp == 0x2039 || cp == 0xBF ||
         cp == 0xA1;
}

constexpr bool is_dash(char32_t cp) { return cp == '-' || cp == 0x2013 || cp == 0x2014; }

// Scripts without case (Hebrew to Mongolian, kana, CJK, Hangul) cannot show a
// sentence start by a capital, so any letter of theirs may begin one.
bool is_caseless_letter(char32_t cp) {
  return (cp >= 0x0590 && cp < 0x1D00) || (cp >= 0x3040 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF);
}

// Eight bytes at a time: the bits of bytes that are zero, exact up to the
// lowest such byte (a borrow may mark bytes above it), which is all
// next_candidate() needs.
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighs = 0x8080808080808080ull;

std::uint64_t zero_bytes(std::uint64_t v) { return (v - kOnes) & ~v & kHighs; }

// The first byte at or after `pos` that may open a terminal mark: '.', '!',
// '?' or any non-ASCII byte (the ellipsis); line.size() if none. Prose runs
// long between them, so whole words of bytes are stepped over at once.
std::size_t next_candidate(std::string_view line, std::size_t pos) {
  if constexpr (std::endian::native == std::endian::little) {
    for (; pos + 8 <= line.size(); pos += 8) {
      std::uint64_t v;
      std::memcpy(&v, line.data() + pos, 8);
      const std::uint64_t hits = zero_bytes(v ^ (kOnes * '.')) | zero_bytes(v ^ (kOnes * '!')) |
                                 zero_bytes(v ^ (kOnes * '?')) | (v & kHighs);
      if (hits != 0) return pos + std::countr_zero(hits) / 8;
    }
  }
  for (; pos < line.size(); ++pos) {
    const auto b = static_cast<unsigned char>(line[pos]);
    if (b >= 0x80 || b == '.' || b == '!' || b == '?') return pos;
  }
  return pos;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  std::size_t len = 0;
  while (pos < s.size() && is_space(code_point_at(s, pos, len))) pos += len;
  return pos;
}

std::size_t trim_back(std::string_view s, std::size_t begin, std::size_t end) {
  std::size_t len = 0;
  while (end > begin) {
    const std::size_t p = previous(s, end);
    if (!is_space(code_point_at(s, p, len))) break;
    end = p;
  }
  return end;
}

// The end-of-sentence marker at `pos`: terminal marks ("?!", "...") and then
// any closing quotes and brackets.
struct Marker {
  std::size_t end = 0;
  bool lone_period = false;  // exactly one '.', the only kind an abbreviation takes
  bool closed = false;       // a quote or bracket closed after the marks
};

Marker read_marker(std::string_view line, std::size_t pos) {
  const std::size_t start = pos;
  std::size_t len = 0;
  while (pos < line.size() && is_terminal(code_point_at(line, pos, len))) pos += len;
  Marker m;
  m.lone_period = pos == start + 1 && line[start] == '.';
  while (pos < line.size() && is_closer(code_point_at(line, pos, len))) {
    pos += len;
    m.closed = true;
  }
  m.end = pos;
  return m;
}

bool starts_sentence(std::string_view line, std::size_t pos) {
  if ((line[pos] >= '0' && line[pos] <= '9') || starts_upper(line, pos)) return true;
  std::size_t len = 0;
  const char32_t cp = code_point_at(line, pos, len);
  if (is_opener(cp) || is_caseless_letter(cp)) return true;
  if (!is_dash(cp)) return false;
  // "— VNS": a dash opens a byline or aside only when a capital follows it.
  const std::size_t next = skip_spaces(line, pos + len);
  return next < line.size() && starts_upper(line, next);
}

// Whether `cp` ends the token before a period, looking back from it.
constexpr bool edge(char32_t cp) { return is_space(cp) || is_opener(cp) || is_dash(cp) || cp == '/'; }

// edge() of every ASCII code point, for token_before()'s common case.
constexpr std::array<bool, 128> kAsciiEdge = [] {
  std::array<bool, 128> table{};
  for (char32_t cp = 0; cp < 128; ++cp) table[cp] = edge(cp);
  return table;
}();

// The word ending at the period `dot`, without leading quotes, brackets or
// a hyphenated prefix; empty when longer than kMaxToken. It starts after a
// '/' too, so "Hanoi/U.S." ends in initials. ("./." needs no rule: "grew./"
// is no abbreviation.)
std::string_view token_before(std::string_view line, std::size_t dot) {
  std::size_t begin = dot;
  std::size_t len = 0;
  while (begin > 0) {
    // An ASCII byte is a whole code point: no need to find its start or decode it.
    const auto b = static_cast<unsigned char>(line[begin - 1]);
    const std::size_t p = b < 0x80 ? begin - 1 : previous(line, begin);
    if (b < 0x80 ? kAsciiEdge[b] : edge(code_point_at(line, p, len))) break;
    if (dot - p > kMaxToken) return {};
    begin = p;
  }
  return line.substr(begin, dot - begin);
}

// "T", "V.V", "U.S": single capitals joined by periods.
bool is_initials(std::string_view token) {
  std::size_t pos = 0;
  std::size_t len = 0;
  while (starts_upper(token, pos)) {
    code_point_at(token, pos, len);
    pos += len;
    if (pos == token.size()) return true;
    if (token[pos] != '.') return false;
    ++pos;
  }
  return false;
}

bool is_abbreviation(std::string_view token, bool before_digit) {
  return is_initials(token) || kAbbreviations.count(token) > 0 ||
         (before_digit && kNumberAbbreviations.count(token) > 0);
}

// Whether the marker read at `pos` ends a sentence inside `line`.
bool ends_sentence(std::string_view line, std::size_t pos, const Marker& m) {
  const std::size_t next = skip_spaces(line, m.end);
  if (next == m.end || next == line.size() || !starts_sentence(line, next)) return false;
  // A closing quote or bracket after "Inc." shows the abbreviation was final.
  if (!m.lone_period || m.closed) return true;
  const bool before_digit = line[next] >= '0' && line[next] <= '9';
  return !is_abbreviation(token_before(line, pos), before_digit);
}

void add_sentence(std::string_view body, std::size_t begin, std::size_t end,
                  std::vector<Span>& out) {
  begin = skip_spaces(body.substr(0, end), begin);
  end = trim_back(body, begin, end);
  if (begin < end) out.push_back({begin, end});
}

void split_line(std::string_view body, std::size_t offset, std::size_t size,
                std::vector<Span>& out) {
  const std::string_view line = body.substr(offset, size);
  std::size_t start = 0;
  std::size_t pos = 0;
  std::size_t len = 0;
  // Only '.', '!', '?' and the ellipsis (E2 80 A6) can end a sentence: step
  // over every other ASCII byte without decoding it.
  while ((pos = next_candidate(line, pos)) < line.size()) {
    if (!is_terminal(code_point_at(line, pos, len))) {
      pos += len;
      continue;
    }
    const Marker m = read_marker(line, pos);
    if (ends_sentence(line, pos, m)) {
      add_sentence(body, offset + start, offset + m.end, out);
      start = m.end;
    }
    pos = m.end;
  }
  add_sentence(body, offset + start, offset + line.size(), out);
}

}  // namespace

std::vector<Span> split_sentences(std::string_view body) {
  std::vector<Span> out;
  std::size_t begin = 0;
  // memchr finds line breaks fast. The next '\n' is kept until passed, so
  // lines broken by '\r' alone do not search to it again and again.
  std::size_t lf = 0;
  bool lf_known = false;
  while (begin < body.size()) {
    if (!lf_known || lf < begin) {
      const void* found = std::memchr(body.data() + begin, '\n', body.size() - begin);
      lf = found ? std::size_t(static_cast<const char*>(found) - body.data()) : body.size();
      lf_known = true;
    }
    std::size_t end = lf;
    if (const void* cr = std::memchr(body.data() + begin, '\r', lf - begin))
      end = std::size_t(static_cast<const char*>(cr) - body.data());
    split_line(body, begin, end - begin, out);
    begin = end + 1;
  }
  return out;
}

}  // namespace annals
