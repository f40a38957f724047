#include "pipeline/dates.h"

#include "text/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <set>

namespace annals {
namespace {

// One lexer pass, then small pattern functions over the tokens: cheaper than a
// regular expression per pattern over the whole text, and lookaround is easy.

using Ix = std::ptrdiff_t;

enum class Kind { word, number, dash, punct };

struct Tok {
  std::size_t begin = 0, end = 0;
  Kind kind = Kind::punct;
  bool space_before = true;  // whitespace or the start of the text precedes it
  bool line_before = false;  // a line break precedes it
  bool formatted = false;    // a number with separators: "48,000", "2.5"
  int value = -1;            // a plain number's value
  int digits = 0;
  std::string_view text, suffix;  // suffix: letters glued to a number ("th", "s")
  std::string lower;              // ASCII-lowercased text
};

struct Lexed {
  std::string_view s;
  std::vector<Tok> toks;
  // Out-of-range indices give an empty token, so lookaround needs no bounds checks.
  const Tok& operator[](Ix j) const {
    static const Tok kNone;
    return j >= 0 && std::size_t(j) < toks.size() ? toks[std::size_t(j)] : kNone;
  }
  Ix size() const { return Ix(toks.size()); }
};

enum class Char { space, line, letter, digit, dash, punct };

Char classify(char32_t c) {
  if (c == '\n') return Char::line;
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
      c == 0xFEFF || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000)
    return Char::space;
  if (c >= '0' && c <= '9') return Char::digit;
  if (c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212) return Char::dash;
  if (c < 0x80) return std::isalpha(int(c)) ? Char::letter : Char::punct;
  if ((c >= 0x2016 && c <= 0x206F) || c == 0xAB || c == 0xBB || c == 0xB7 ||
      (c >= 0x3001 && c <= 0x303F))
    return Char::punct;
  return Char::letter;
}

bool digit_at(std::string_view s, std::size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads "1960", "48,000", "2.5", "7th" or "1990s" at `pos` into `t`; returns its end.
// A comma joins only groups of three digits, so "7,1960" stays two numbers.
std::size_t read_number(std::string_view s, std::size_t pos, Tok& t) {
  std::size_t p = pos;
  while (digit_at(s, p)) ++p;
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
  if (!t.formatted && t.digits <= 9) t.value = std::stoi(std::string(s.substr(pos, p - pos)));
  std::size_t q = p;
  while (q < s.size() && std::isalpha(static_cast<unsigned char>(s[q]))) ++q;
  t.suffix = s.substr(p, q - p);
  return q;
}

Lexed lex(std::string_view s) {
  Lexed x{s, {}};
  bool space = true, line = true;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    const Char c = classify(next_code_point(s, pos));
    if (c == Char::space || c == Char::line) {
      space = true;
      line = line || c == Char::line;
      continue;
    }
    Tok t;
    t.begin = start;
    t.space_before = space;
    t.line_before = line;
    space = line = false;
    if (c == Char::letter) {
      t.kind = Kind::word;
      for (std::size_t q = pos; q < s.size(); pos = q) {
        const Char k = classify(next_code_point(s, q));
        if (k != Char::letter && k != Char::digit) break;
      }
    } else if (c == Char::digit) {
      t.kind = Kind::number;
      pos = read_number(s, start, t);
    } else {
      t.kind = c == Char::dash ? Kind::dash : Kind::punct;
    }
    t.end = pos;
    t.text = s.substr(start, pos - start);
    t.lower = ascii_lower(t.text);
    x.toks.push_back(std::move(t));
  }
  return x;
}

// ------------------------------------------------------------------ word lists

using Words = std::initializer_list<std::string_view>;

bool one_of(Words list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
constexpr std::string_view kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday"};  // c_encoding
const Words kOrdinals = {"st", "nd", "rd", "th"};
// Words before a lone year that make it one: "in 1991", "since 2018", "mid-2024".
const Words kYearPreps = {"in",     "since",  "by",     "from",    "until",   "till",
                          "during", "throughout", "before", "after", "early", "late",
                          "circa",  "of",     "for",    "year",    "spring",  "summer",
                          "autumn", "fall",   "winter", "through", "mid",     "pre",
                          "post"};
// Words before a lone month that make it one: "in June", "since May".
const Words kMonthPreps = {"in",     "since",  "by",    "from",  "until", "till",
                           "during", "throughout", "early", "late", "mid", "before",
                           "after",  "of",     "through"};
const Words kDeterminers = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"};
// Nouns after a year that make it one: "2024 elections", "the 1994 Treaty".
const Words kYearNouns = {
    "summit",   "summits",  "games",      "olympics",    "election",     "elections",
    "treaty",   "agreement", "accord",    "accords",     "census",       "budget",
    "war",      "crisis",   "revolution", "constitution", "cup",         "championship",
    "championships", "chairmanship", "presidency", "congress", "conference", "session",
    "season",   "edition",  "plan",       "report",      "protocol",     "visit",
    "flood",    "floods",   "earthquake", "coup",        "uprising",     "referendum",
    "law",      "declaration", "charter", "forum",       "festival",     "exercise",
    "exercises", "talks",   "meeting",    "polls",       "vote",         "deal",
    "pandemic", "outbreak"};
// Capitalised words that number things rather than name a year's event ("No. 1945").
const Words kNumberNames = {"no", "nos", "number", "resolution", "decree", "article", "room",
                            "flight", "route", "highway", "road", "street", "page", "chapter",
                            "section", "item", "model", "unit", "decision", "order", "circular",
                            "directive", "vol", "volume", "issue", "point", "level", "block",
                            "lot", "building", "batch", "case", "file", "code", "bill", "hill",
                            "height", "platform", "gate", "terminal", "box", "division",
                            "brigade", "regiment", "battalion", "squadron", "class", "type",
                            "phase", "grade", "ward", "zone", "km", "pm", "am"};
// Words before a number that make it a quantity: "some 2000 soldiers".
const Words kQuantity = {"about", "around", "some", "nearly", "almost", "over", "under",
                         "approximately", "roughly", "only", "just", "more", "less", "than",
                         "exactly", "total", "least", "up", "to", "and", "or", "with", "all"};
// Plural-looking words that may follow a year: "in 2011 was ...".
const Words kNotPlural = {"was", "has", "is", "as", "this", "its", "his", "thus", "across",
                          "plus", "unless", "whereas", "perhaps", "always", "towards", "afterwards"};
const Words kFunctionWords = {"of", "to", "and", "or", "in", "on", "at", "for", "with", "by",
                              "the", "a", "an", "is", "was", "were", "be", "been", "that",
                              "which", "when", "as", "from", "this", "last", "next", "will"};
const Words kFeastWords = {"ash", "good", "black", "holy", "maundy", "cyber", "easter",
                           "shrove", "palm", "bloody", "super", "the", "every", "each"};
const Words kAbbreviations = {"mr", "mrs", "ms", "dr", "st", "no", "gen", "col", "lt", "sen",
                              "rep", "prof", "jr", "sr", "vs", "mt", "ft", "jan", "feb", "mar",
                              "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};

// ------------------------------------------------------------------ atoms

bool capitalised(const Tok& t) { return t.kind == Kind::word && starts_upper(t.text); }

// The month a token names ("October", "Oct.", "Sept"), 0 if none; `next` is the token
// after it. A month must be capitalised, which keeps out "may" the verb.
unsigned month_at(const Lexed& x, Ix j, Ix& next) {
  const Tok& t = x[j];
  if (!capitalised(t)) return 0;
  next = j + 1;
  for (unsigned m = 1; m <= 12; ++m)
    if (t.lower == kMonths[m - 1]) return m;
  unsigned m = t.lower == "sept" ? 9 : 0;
  for (unsigned k = 1; k <= 12 && m == 0; ++k)
    if (k != 5 && t.lower == kMonths[k - 1].substr(0, 3)) m = k;
  if (m == 0) return 0;
  // An abbreviation counts with its full stop ("Oct.") or a number after it ("Oct 7").
  if (x[j + 1].text == "." && !x[j + 1].space_before) next = j + 2;
  else if (x[j + 1].kind != Kind::number) return 0;
  return m;
}

int weekday_at(const Lexed& x, Ix j) {
  if (!capitalised(x[j])) return -1;
  for (int w = 0; w < 7; ++w)
    if (x[j].lower == kWeekdays[w]) return w;
  return -1;
}

unsigned day_at(const Lexed& x, Ix j) {
  const Tok& t = x[j];
  if (t.kind != Kind::number || t.formatted || t.digits > 2 || t.value < 1 || t.value > 31)
    return 0;
  if (!t.suffix.empty() && !one_of(kOrdinals, ascii_lower(t.suffix))) return 0;
  return unsigned(t.value);
}

int year_at(const Lexed& x, Ix j) {
  const Tok& t = x[j];
  if (t.kind != Kind::number || t.formatted || t.digits != 4 || !t.suffix.empty()) return 0;
  return t.value >= 1000 && t.value <= 2199 ? t.value : 0;
}

// A lowercase plural noun after a number makes it a count: "in 1500 villages",
// "of 2000 people".
bool counts_something(const Lexed& x, Ix j) {
  const Tok& n = x[j + 1];
  if (n.kind != Kind::word || capitalised(n)) return false;
  if (one_of({"people", "men", "women", "children", "personnel", "staff", "police", "troops"},
             n.lower))
    return true;
  return n.lower.size() > 3 && n.lower.back() == 's' && !one_of(kNotPlural, n.lower) &&
         !one_of(kYearNouns, n.lower) &&
         !one_of(kYearNouns, std::string_view(n.lower).substr(0, n.lower.size() - 1));
}

// ------------------------------------------------------------------ raw matches

// A date as printed: y == 0 when no year is printed, m/d == 0 when not stated.
struct Partial {
  int y = 0;
  unsigned m = 0, d = 0;
};

bool valid(const Partial& p) {
  if (p.m == 0) return p.d == 0;
  if (p.d == 0) return p.m <= 12;
  const date::year y{p.y ? p.y : 2000};  // a leap year: "29 February" waits for its year
  return (y / date::month{p.m} / date::day{p.d}).ok();
}

bool later(const Partial& a, const Partial& b) {
  return std::tie(a.y, a.m, a.d) > std::tie(b.y, b.m, b.d);
}

enum class Rel { none, days, weekday_before, weekday_after, years, months, month_before,
                 month_after };

// A match before resolution. For relative phrases `n` is the offset, or the weekday
// (Rel::weekday_*), and `start` may carry a month ("September this year", "last May").
struct Raw {
  Ix first = 0, next = 0;  // tokens [first, next)
  Span span, quote;        // quote: the span with a preposition before it ("on 9 May")
  Partial start;
  std::optional<Partial> end;
  Rel rel = Rel::none;
  int n = 0;
  bool label = false;  // a year that is part of a name ("Laros-2025") or beside "this year"
};

Raw make_raw(const Lexed& x, Ix first, Ix next) {
  Raw r;
  r.first = first;
  r.next = next;
  r.span = {x[first].begin, x[next - 1].end};
  r.quote = r.span;
  if (one_of({"on", "in", "at", "since", "from", "by", "until", "during", "of"}, x[first - 1].lower))
    r.quote.begin = x[first - 1].begin;
  return r;
}

struct Point {
  Partial p;
  Ix next = 0;
};

// "[,] 1960" after a day or month; advances `next` past it.
int trailing_year(const Lexed& x, Ix& next) {
  const Ix k = x[next].text == "," ? next + 1 : next;
  const int y = year_at(x, k);
  if (y) next = k + 1;
  return y;
}

// "7 October 1960", "9 May", "7th of October".
std::optional<Point> day_month(const Lexed& x, Ix j) {
  const unsigned d = day_at(x, j);
  Ix k = x[j + 1].lower == "of" ? j + 2 : j + 1, next = 0;
  const unsigned m = d ? month_at(x, k, next) : 0;
  if (!m) return std::nullopt;
  Point p{{0, m, d}, next};
  p.p.y = trailing_year(x, p.next);
  return p;
}

// "October 7, 1960", "January 26", "December 1975", "October of 1960".
std::optional<Point> month_first(const Lexed& x, Ix j) {
  Ix k = 0;
  const unsigned m = month_at(x, j, k);
  // A day before the month means "31 June 2024" failed: "June 2024" is not what it says.
  if (!m || day_at(x, j - 1)) return std::nullopt;
  Point p{{0, m, 0}, k};
  if (const unsigned d = day_at(x, k)) {
    p.p.d = d;
    p.next = k + 1;
    p.p.y = trailing_year(x, p.next);
    return p;
  }
  p.next = x[k].lower == "of" ? k + 1 : k;
  p.p.y = trailing_year(x, p.next);
  if (p.p.y == 0) return std::nullopt;
  return p;
}

// A day or month date, optionally after a weekday ("Wednesday, 23 October").
std::optional<Point> point(const Lexed& x, Ix j) {
  Ix k = j;
  if (weekday_at(x, k) >= 0) k = x[k + 1].text == "," ? k + 2 : k + 1;
  auto p = day_month(x, k);
  if (!p) p = month_first(x, k);
  if (!p || !valid(p->p) || (k != j && p->p.d == 0)) return std::nullopt;
  return p;
}

// One end of a range: a point, or a bare day, month or year.
std::optional<Point> endpoint(const Lexed& x, Ix j) {
  if (auto p = point(x, j)) return p;
  if (const unsigned d = day_at(x, j)) {
    Point p{{0, 0, d}, j + 1};
    p.p.y = trailing_year(x, p.next);
    return p;
  }
  Ix k = 0;
  if (const unsigned m = month_at(x, j, k)) return Point{{0, m, 0}, k};
  if (const int y = year_at(x, j)) return Point{{y, 0, 0}, j + 1};
  return std::nullopt;
}

bool year_suffix(const Lexed& x, Ix k, int& n, Ix& next);

// Lends each end of a range what the other states: "26-27 January", "January 26–27",
// "30 July to 1 August 2025". False when the pair is not a range.
bool combine(Partial& a, Partial& b) {
  if (b.m == 0 && b.y == 0) {  // "January 26–27[, 2026]"
    if (a.m == 0 || a.d == 0 || b.d <= a.d) return false;
    b.m = a.m;
  } else if (b.m == 0 && b.d > 0) {
    if (a.m == 0 || a.d == 0 || b.d <= a.d || a.y) return false;
    b.m = a.m;
    a.y = b.y;
  } else if (a.m == 0 && a.y == 0) {  // "26-27 January", "from 5 to 7 May"
    if (b.m == 0 || b.d <= a.d) return false;
    a.m = b.m;
  }
  if (a.y == 0 && b.y > 0) a.y = b.y - (a.m > b.m ? 1 : 0);
  else if (b.y == 0 && a.y > 0) b.y = a.y + (b.m < a.m ? 1 : 0);
  if ((a.m == 0) != (b.m == 0) && (a.y == 0 || b.y == 0)) return false;
  return valid(a) && valid(b) && (a.y == 0 || !later(a, b));
}

std::optional<Raw> range_of(const Lexed& x, Ix first, Point a, Ix connector, bool lenient) {
  auto b = endpoint(x, connector + 1);
  if (!b || !combine(a.p, b->p)) return std::nullopt;
  // "1945-1975" needs no context, but "from 1200 to 1800 troops" is a count.
  if (a.p.m == 0 && (counts_something(x, b->next - 1) || (!lenient && a.p.y < 1800)))
    return std::nullopt;
  // "November 3-4 last year": a yearless range moved by a following year phrase.
  Ix next = b->next;
  int n = 0;
  const bool relative = a.p.y == 0 && b->p.y == 0 && year_suffix(x, next, n, next);
  Raw r = make_raw(x, first, next);
  r.start = a.p;
  r.end = b->p;
  if (relative) r.rel = Rel::years, r.n = n;
  return r;
}

// "from 30 July to 1 August", "between 2010 and 2015".
std::optional<Raw> range_with_words(const Lexed& x, Ix i) {
  const bool from = x[i].lower == "from", between = x[i].lower == "between";
  if (!from && !between) return std::nullopt;
  const auto a = endpoint(x, i + 1);
  if (!a) return std::nullopt;
  const Tok& c = x[a->next];
  const bool joins = c.kind == Kind::dash ||
                     (from ? one_of({"to", "until", "till", "through"}, c.lower) : c.lower == "and");
  return joins ? range_of(x, i, *a, a->next, true) : std::nullopt;
}

// "26-27 January 2026", "January 26–27, 2026", "1945-1975", "2020-21".
std::optional<Raw> range_with_dash(const Lexed& x, Ix i) {
  const auto a = endpoint(x, i);
  if (!a || x[a->next].kind != Kind::dash) return std::nullopt;
  if (auto r = range_of(x, i, *a, a->next, false)) return r;
  const Tok& b = x[a->next + 1];  // "2020-21": the second year by its last two digits
  if (a->p.m || !a->p.y || b.kind != Kind::number || b.digits != 2 || !b.suffix.empty() ||
      b.formatted || b.space_before || x[a->next].space_before || a->p.y % 100 >= b.value)
    return std::nullopt;
  Raw r = make_raw(x, i, a->next + 2);
  r.start = a->p;
  r.end = Partial{a->p.y / 100 * 100 + b.value, 0, 0};
  return r;
}

// "[of] this/last/next year" after a yearless date: sets the offset and the end token.
bool year_suffix(const Lexed& x, Ix k, int& n, Ix& next) {
  if (x[k].lower == "of") ++k;
  const std::string& w = x[k].lower;
  if (x[k + 1].lower != "year" || !one_of({"this", "last", "next"}, w)) return false;
  n = w == "this" ? 0 : w == "last" ? -1 : 1;
  next = k + 2;
  return true;
}

// "7 October 1960", "on 9 May", "9 May this year".
std::optional<Raw> single_point(const Lexed& x, Ix i) {
  const auto p = point(x, i);
  if (!p) return std::nullopt;
  Ix next = p->next;
  int n = 0;
  const bool relative = p->p.y == 0 && year_suffix(x, next, n, next);
  Raw r = make_raw(x, i, next);
  r.start = p->p;
  if (relative) r.rel = Rel::years, r.n = n;
  return r;
}

// "2024-10-24", "2024/10/24", and "24/10/2024" when only one reading is a date.
std::optional<Raw> numeric_date(const Lexed& x, Ix i) {
  auto part = [&](Ix k) {
    const Tok& t = x[k];
    const bool ok = t.kind == Kind::number && !t.space_before && !t.formatted &&
                    t.suffix.empty() && t.digits <= 2;
    return ok ? unsigned(t.value) : 0u;
  };
  const Tok& s1 = x[i + 1];
  if (s1.space_before || (s1.text != "-" && s1.text != "/") || x[i + 3].text != s1.text ||
      x[i + 3].space_before)
    return std::nullopt;
  Partial p;
  if (const int y = year_at(x, i)) {
    p = {y, part(i + 2), part(i + 4)};
  } else {
    const Tok& t = x[i];
    const unsigned a = t.kind == Kind::number && t.digits <= 2 && t.suffix.empty() ? t.value : 0;
    const unsigned b = part(i + 2);
    const int yy = x[i + 4].space_before ? 0 : year_at(x, i + 4);
    if (!a || !b || !yy) return std::nullopt;
    if (a > 12 && b <= 12) p = {yy, b, a};
    else if (b > 12 && a <= 12) p = {yy, a, b};
    else if (a == b) p = {yy, a, a};
    else return std::nullopt;  // "05/06/2024": May or June?
  }
  if (p.m == 0 || p.d == 0 || !valid(p)) return std::nullopt;
  Raw r = make_raw(x, i, i + 5);
  r.start = p;
  return r;
}

// "yesterday", "later this year", "last month", "last May", "next Monday".
std::optional<Raw> relative(const Lexed& x, Ix i) {
  const std::string& w = x[i].lower;
  if (one_of({"yesterday", "today", "tomorrow"}, w)) {
    Raw r = make_raw(x, i, i + 1);
    r.rel = Rel::days;
    r.n = w == "yesterday" ? -1 : w == "today" ? 0 : 1;
    return r;
  }
  const Ix k = one_of({"later", "earlier", "early", "late"}, w) ? i + 1 : i;
  const std::string& which = x[k].lower;
  if (!one_of({"this", "last", "next"}, which)) return std::nullopt;
  if (k == i && one_of({"the", "past", "a"}, x[i - 1].lower)) return std::nullopt;  // "the last year"
  const int n = which == "this" ? 0 : which == "last" ? -1 : 1;
  Raw r = make_raw(x, i, k + 2);
  r.n = n;
  Ix after = 0;
  if (x[k + 1].lower == "year") r.rel = Rel::years;
  else if (x[k + 1].lower == "month") r.rel = Rel::months;
  else if (k != i) return std::nullopt;
  else if (const unsigned m = month_at(x, k + 1, after)) {
    r = make_raw(x, i, after);
    r.start.m = m;
    r.rel = n < 0 ? Rel::month_before : n > 0 ? Rel::month_after : Rel::years;
  } else if (const int wd = weekday_at(x, k + 1); wd >= 0 && n != 0) {
    r.rel = n < 0 ? Rel::weekday_before : Rel::weekday_after;
    r.n = wd;
  } else {
    return std::nullopt;
  }
  return r;
}

// "on Wednesday", "Wednesday (local time)": the one just past. Not "Good Friday".
std::optional<Raw> weekday_alone(const Lexed& x, Ix i) {
  const int wd = weekday_at(x, i);
  if (wd < 0 || one_of(kFeastWords, x[i - 1].lower)) return std::nullopt;
  Raw r = make_raw(x, i, i + 1);
  r.rel = Rel::weekday_before;
  r.n = wd;
  return r;
}

// "in June", "mid-May", "his May visit", "September this year".
std::optional<Raw> month_alone(const Lexed& x, Ix i) {
  Ix next = 0, after = 0;
  const unsigned m = month_at(x, i, next);
  if (!m) return std::nullopt;
  int n = 0;
  if (year_suffix(x, next, n, after)) {
    Raw r = make_raw(x, i, after);
    r.start.m = m;
    r.rel = Rel::years;
    r.n = n;
    return r;
  }
  const Tok& p = x[i - 1];
  const Tok& f = x[next];
  const bool context =
      (p.kind == Kind::word && one_of(kMonthPreps, p.lower)) ||
      (p.kind == Kind::dash && !x[i].space_before && x[i - 2].lower == "mid") ||
      (one_of(kDeterminers, p.lower) && f.kind == Kind::word && !capitalised(f) &&
       !one_of(kFunctionWords, f.lower));
  if (!context) return std::nullopt;
  Raw r = make_raw(x, i, next);
  r.start.m = m;
  return r;
}

// Whether the word before a year names the event it belongs to: "Laros-2025", "Expo 2030".
bool names_event(const Tok& w) {
  const auto is = [&](std::string_view name) { return w.lower == name; };
  if (std::any_of(std::begin(kMonths), std::end(kMonths), is) ||
      std::any_of(std::begin(kWeekdays), std::end(kWeekdays), is) || one_of(kAbbreviations, w.lower))
    return false;  // "31 June 2024" is a bad date, not an event named "June"
  return capitalised(w) && !one_of(kYearPreps, w.lower) && !one_of(kDeterminers, w.lower) &&
         !one_of(kNumberNames, w.lower) && !one_of(kQuantity, w.lower) &&
         !one_of(kFunctionWords, w.lower) && !one_of({"as", "and", "or"}, w.lower);
}

// A lone year in a date-like context: "in 1991", "as early as 1960", "the 1994 Treaty",
// "Laros-2025", "(2019)", "2016, 2017 and 2018". Counts are not years: "some 2000 troops".
std::optional<Raw> year_alone(const Lexed& x, Ix i) {
  const int y = year_at(x, i);
  if (!y) return std::nullopt;
  const Tok &p = x[i - 1], &pp = x[i - 2], &n = x[i + 1];
  const bool glued = p.kind == Kind::dash && !x[i].space_before && !p.space_before;
  bool label = (glued || p.kind == Kind::word) && names_event(glued ? pp : p);
  label = label || ((p.text == "(" || p.text == ",") && pp.lower == "year" &&
                    x[i - 3].lower == "this");  // "this year (2025)"
  // "Expo 2031 opens" and "by the end of 2023 ties" are not counts.
  const bool period = p.lower == "of" && one_of({"end", "beginning", "start", "middle", "half",
                                                 "spring", "summer", "autumn", "winter"},
                                                pp.lower);
  if (!label && !period && counts_something(x, i)) return std::nullopt;
  const bool context =
      label || (p.kind == Kind::word && one_of(kYearPreps, p.lower)) ||
      (glued && one_of(kYearPreps, pp.lower)) ||
      (p.lower == "as" && one_of({"early", "late", "back", "recently", "soon"}, pp.lower)) ||
      ((one_of({"and", "or"}, p.lower) || p.text == ",") && year_at(x, i - 2)) ||
      (p.text == "(" && n.text == ")") ||
      ((n.text == "'" || n.text == "\u2019") && x[i + 2].lower == "s") ||
      (n.kind == Kind::word && one_of(kYearNouns, n.lower)) ||
      (one_of(kDeterminers, p.lower) && capitalised(n));
  if (!context) return std::nullopt;
  Raw r = make_raw(x, i, i + 1);
  r.start.y = y;
  r.label = label;
  return r;
}

// Leftmost-longest matching over the tokens: ranges beat their parts.
std::vector<Raw> scan(const Lexed& x) {
  using Matcher = std::optional<Raw> (*)(const Lexed&, Ix);
  static constexpr Matcher kMatchers[] = {range_with_words, range_with_dash, single_point,
                                          numeric_date,     relative,        weekday_alone,
                                          month_alone,      year_alone};
  std::vector<Raw> out;
  for (Ix i = 0; i < x.size();) {
    std::optional<Raw> best;
    for (Matcher m : kMatchers)
      if (auto r = m(x, i); r && (!best || r->span.end > best->span.end)) best = std::move(r);
    if (!best) {
      ++i;
      continue;
    }
    i = best->next;
    out.push_back(std::move(*best));
  }
  return out;
}

// ------------------------------------------------------------------ resolution

FuzzyDate fuzzy(const Partial& p) {
  if (p.d) return full_date(p.y, p.m, p.d);
  if (p.m) return year_month(p.y, p.m);
  return year_only(p.y);
}

// Days between two periods; 0 when they overlap.
long gap(const FuzzyDate& a, const FuzzyDate& b) {
  const date::sys_days a0{a.day}, a1{a.last_day()}, b0{b.day}, b1{b.last_day()};
  if (a1 < b0) return (b0 - a1).count();
  if (b1 < a0) return (a0 - b1).count();
  return 0;
}

// The year for a yearless date: the publication year, or with a finer publication
// date the year that puts the date nearest it (earlier on a tie: news reports the past).
std::optional<int> nearest_year(Partial p, const FuzzyDate& pub) {
  const int py = int(pub.day.year());
  if (pub.precision == Precision::year) return py;
  std::optional<int> best;
  long best_gap = 0;
  for (int y : {py - 1, py, py + 1}) {
    p.y = y;
    if (!valid(p)) continue;
    if (const long g = gap(fuzzy(p), pub); !best || g < best_gap) best = y, best_gap = g;
  }
  return best;
}

std::optional<DateMention> resolve_absolute(const Raw& r, std::string_view quote,
                                            const std::optional<FuzzyDate>& pub) {
  DateMention out;
  out.span = r.span;
  Partial a = r.start;
  std::optional<Partial> b = r.end;
  if (a.y == 0) {
    if (!pub || pub->precision == Precision::unknown) return std::nullopt;
    const auto y = nearest_year(a, *pub);
    if (!y) return std::nullopt;
    a.y = *y;
    if (b && b->y == 0) b->y = a.y + (std::tie(b->m, b->d) < std::tie(a.m, a.d) ? 1 : 0);
    out.inferred_from =
        pub->precision == Precision::year
            ? fmt::format("'{}' has no year: publication year {}", quote, a.y)
            : fmt::format("'{}' has no year: the one nearest publication {}", quote, to_iso(*pub));
  }
  if (!valid(a) || (b && !valid(*b))) return std::nullopt;
  out.start = fuzzy(a);
  if (b) out.end = fuzzy(*b);
  return out;
}

Precision needed(Rel rel) {
  switch (rel) {
    case Rel::days: case Rel::weekday_before: case Rel::weekday_after: return Precision::day;
    case Rel::months: case Rel::month_before: case Rel::month_after: return Precision::month;
    default: return Precision::year;
  }
}

std::optional<FuzzyDate> relative_date(const Raw& r, const FuzzyDate& pub) {
  namespace d = date;
  const d::sys_days day{pub.day};
  const int py = int(pub.day.year());
  const unsigned pm = unsigned(pub.day.month());
  switch (r.rel) {
    case Rel::days: return FuzzyDate{d::year_month_day{day + d::days{r.n}}, Precision::day};
    case Rel::weekday_before:
    case Rel::weekday_after: {
      const d::weekday want{unsigned(r.n)}, have{day};
      const auto back = (have - want).count(), ahead = (want - have).count();
      const d::sys_days on = r.rel == Rel::weekday_before ? day - d::days{back ? back : 7}
                                                          : day + d::days{ahead ? ahead : 7};
      return FuzzyDate{d::year_month_day{on}, Precision::day};
    }
    case Rel::months: {
      const d::year_month t = pub.day.year() / pub.day.month() + d::months{r.n};
      return year_month(int(t.year()), unsigned(t.month()));
    }
    case Rel::month_before: return year_month(py - (r.start.m < pm ? 0 : 1), r.start.m);
    case Rel::month_after: return year_month(py + (r.start.m > pm ? 0 : 1), r.start.m);
    case Rel::years: {
      Partial p = r.start;
      p.y = py + r.n;
      return valid(p) ? std::optional(fuzzy(p)) : std::nullopt;
    }
    case Rel::none: break;
  }
  return std::nullopt;
}

std::optional<DateMention> resolve(const Raw& r, std::string_view text,
                                   const std::optional<FuzzyDate>& pub) {
  const std::string_view quote = text_of(text, r.quote);
  if (r.rel == Rel::none) return resolve_absolute(r, quote, pub);
  if (!pub || pub->precision < needed(r.rel)) return std::nullopt;
  const auto got = relative_date(r, *pub);
  if (!got) return std::nullopt;
  std::optional<FuzzyDate> end;
  if (r.end && r.rel == Rel::years) {  // "November 3-4 last year": both ends move
    Raw e = r;
    e.start = *r.end;
    end = relative_date(e, *pub);
  }
  const char* how = r.rel == Rel::weekday_before ? "before"
                    : r.rel == Rel::weekday_after ? "after" : "relative to";
  return DateMention{r.span, *got, end,
                     fmt::format("'{}' {} publication {}", quote, how, to_iso(*pub))};
}

std::vector<DateMention> resolve_all(std::string_view text, const std::optional<FuzzyDate>& pub) {
  std::vector<DateMention> out;
  for (const Raw& r : scan(lex(text)))
    if (auto m = resolve(r, text, pub)) out.push_back(std::move(*m));
  return out;
}

// ------------------------------------------------------------------ publication year

using Sentence = std::pair<Ix, Ix>;  // tokens [first, second)

// Sentences as token ranges: a line break, or ". ! ?" before a space and a word that
// is not lowercase, unless the full stop ends an abbreviation ("Oct.", "T.").
std::vector<Sentence> sentences(const Lexed& x) {
  std::vector<Sentence> out;
  Ix begin = 0;
  for (Ix j = 0; j < x.size(); ++j) {
    const Tok &t = x[j], &n = x[j + 1], &w = x[j - 1];
    const bool abbreviation =
        t.text == "." && w.kind == Kind::word &&
        ((w.text.size() == 1 && capitalised(w)) || one_of(kAbbreviations, w.lower));
    const bool stop = one_of({".", "!", "?"}, t.text) && n.space_before && !abbreviation &&
                      !(n.kind == Kind::word && !capitalised(n));
    if (stop || n.line_before || j + 1 == x.size()) {
      out.push_back({begin, j + 1});
      begin = j + 1;
    }
  }
  return out;
}

// The years the text prints in a sentence, with the token each starts at.
std::vector<std::pair<Ix, int>> years_in(const std::vector<Raw>& raws, Sentence s) {
  std::vector<std::pair<Ix, int>> out;
  for (const Raw& r : raws) {
    if (r.rel != Rel::none || r.first < s.first || r.next > s.second) continue;
    if (r.start.y) out.push_back({r.first, r.start.y});
    if (r.end && r.end->y && r.end->y != r.start.y) out.push_back({r.first, r.end->y});
  }
  return out;
}

// The one year every candidate agrees on; nullopt when none or they disagree.
std::optional<InferredYear> agreed(const std::vector<InferredYear>& found) {
  for (const auto& f : found)
    if (f.year != found.front().year) return std::nullopt;
  return found.empty() ? std::nullopt : std::optional(found.front());
}

// Rule 1: "59 years since ... 1962", "the 65th anniversary of ... 1960".
std::optional<InferredYear> by_elapsed_years(const Lexed& x, const std::vector<Raw>& raws,
                                             const std::vector<Sentence>& sents) {
  std::vector<InferredYear> found;
  for (const Sentence& s : sents) {
    for (Ix j = s.first; j < s.second; ++j) {
      const Tok& t = x[j];
      if (t.kind != Kind::number || t.formatted || t.value < 1 || t.value > 999) continue;
      Ix after = 0;
      if (t.suffix.empty() && x[j + 1].lower == "years" &&
          one_of({"since", "ago"}, x[j + 2].lower))
        after = j + 3;
      else if (one_of(kOrdinals, ascii_lower(t.suffix)) && x[j + 1].lower == "anniversary")
        after = j + 2;
      else
        continue;
      // The anchor must be the sentence's only year, and come after the phrase, so
      // "in 2020, the 60th anniversary" (the year of the celebration) does not count.
      const auto years = years_in(raws, s);
      if (years.empty() || std::any_of(years.begin(), years.end(), [&](const auto& y) {
            return y.second != years.front().second || y.first < after;
          }))
        continue;
      const int anchor = years.front().second;
      found.push_back({anchor + t.value,
                       fmt::format("'{}' with {} in the same sentence ({} + {})",
                                   x.s.substr(t.begin, x[after - 1].end - t.begin), anchor,
                                   anchor, t.value)});
    }
  }
  return agreed(found);
}

// Rule 2: "Later this year, ... the Laros-2025 exercises".
std::optional<InferredYear> by_named_year(const Lexed& x, const std::vector<Raw>& raws,
                                          const std::vector<Sentence>& sents) {
  std::vector<InferredYear> found;
  for (const Sentence& s : sents) {
    Ix this_year = -1;
    for (Ix j = s.first; j + 1 < s.second && this_year < 0; ++j)
      if (x[j].lower == "this" && x[j + 1].lower == "year") this_year = j;
    if (this_year < 0) continue;
    const auto years = years_in(raws, s);
    const auto label = std::find_if(raws.begin(), raws.end(), [&](const Raw& r) {
      return r.label && r.first >= s.first && r.next <= s.second;
    });
    if (label == raws.end() || std::any_of(years.begin(), years.end(), [&](const auto& y) {
          return y.second != label->start.y;
        }))
      continue;
    const Ix name = label->first - (x[label->first - 1].kind == Kind::dash ? 2 : 1);
    found.push_back({label->start.y,
                     fmt::format("'this year' in a sentence naming '{}'",
                                 x.s.substr(x[name].begin, label->span.end - x[name].begin))});
  }
  return agreed(found);
}

// Whether the printed date or range `r` covers month `m`, day `d`.
bool covers(const Raw& r, unsigned m, unsigned d) {
  if (r.start.d == 0) return false;
  if (!r.end || r.end->y != r.start.y || r.end->d == 0) return r.start.m == m && r.start.d == d;
  const auto md = std::tie(m, d);
  return std::tie(r.start.m, r.start.d) <= md && md <= std::tie(r.end->m, r.end->d);
}

// Rule 3: "on January 26" in the body, "January 26–27, 2026" in a teaser.
std::optional<InferredYear> by_matching_day(std::string_view text, const std::vector<Raw>& raws) {
  std::vector<InferredYear> found;
  for (const Raw& bare : raws) {
    if (bare.rel != Rel::none || bare.start.y || bare.start.d == 0) continue;
    std::set<int> years;
    const Raw* full = nullptr;
    for (const Raw& r : raws)
      if (r.rel == Rel::none && r.start.y && covers(r, bare.start.m, bare.start.d))
        years.insert(r.start.y), full = &r;
    if (years.size() != 1) continue;
    found.push_back({*years.begin(), fmt::format("'{}' has no year; the text prints it as '{}'",
                                                 text_of(text, bare.quote),
                                                 text_of(text, full->span))});
  }
  return agreed(found);
}

}  // namespace

std::optional<DateMention> resolve_date(std::string_view phrase,
                                        std::optional<FuzzyDate> published) {
  auto longest = [](std::vector<DateMention> found) -> std::optional<DateMention> {
    const auto it = std::max_element(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.span.size() < b.span.size();
    });
    return it == found.end() ? std::nullopt : std::optional(*it);
  };
  if (auto got = longest(resolve_all(phrase, published))) return got;
  // A phrase handed in alone is known to be a date, so give a bare "1994" or "June"
  // the context it lacks.
  const std::string with_context = "in " + std::string(phrase);
  auto got = longest(resolve_all(with_context, published));
  if (!got) return std::nullopt;
  got->span.begin -= 3;
  got->span.end -= 3;
  return got;
}

std::vector<DateMention> find_dates(std::string_view body, std::optional<FuzzyDate> published) {
  return resolve_all(body, published);
}

std::vector<DateMention> normalize_dates(const Doc& doc) {
  return find_dates(doc.article.body, doc.article.published);
}

std::optional<InferredYear> infer_publication_year(std::string_view text) {
  const Lexed x = lex(text);
  const std::vector<Raw> raws = scan(x);
  const std::vector<Sentence> sents = sentences(x);
  if (auto y = by_elapsed_years(x, raws, sents)) return y;
  if (auto y = by_named_year(x, raws, sents)) return y;
  return by_matching_day(text, raws);
}

}  // namespace annals
