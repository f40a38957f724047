#pragma once
// The date stage's view of a text: one lexer pass into word, number, dash and
// punctuation tokens, and the atoms every date pattern is built from (a
// month, a weekday, a day, a year at a token). Internal to
// lib/pipeline/date_matcher.cc, dates.cc and publication_year.cc.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace annals::date_parse {

using Ix = std::ptrdiff_t;  // a token index; may run off either end (see Lexed)

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
  std::string_view lower;         // text with A-Z lowercased
  unsigned month = 0;             // the month the word spells in full ("may", "october")
  unsigned month_short = 0;       // the month it abbreviates ("oct", "sept")
  int weekday = -1;               // the weekday it spells, Sunday = 0
  bool may_start = false;         // a date pattern may start here (see lex)
};

// The tokens of a text, lexed on construction. Out-of-range indices give an
// empty token, so lookaround needs no bounds checks. Neither copied nor moved:
// every Tok::lower views lower_.
class Lexed {
 public:
  explicit Lexed(std::string_view text);
  Lexed(const Lexed&) = delete;
  Lexed& operator=(const Lexed&) = delete;

  const Tok& operator[](Ix j) const {
    static const Tok kNone;
    return j >= 0 && std::size_t(j) < toks_.size() ? toks_[std::size_t(j)] : kNone;
  }
  Ix size() const { return Ix(toks_.size()); }
  std::string_view text() const { return s_; }

 private:
  std::string_view s_;
  std::string lower_;  // s_ with A-Z lowercased
  std::vector<Tok> toks_;
};

// ------------------------------------------------------------------ word lists

using Words = std::initializer_list<std::string_view>;

// True when `w` is in `list`.
bool one_of(Words list, std::string_view w);

inline constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",
                                               "may",     "june",     "july",      "august",
                                               "september", "october", "november", "december"};
inline constexpr std::string_view kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                 "thursday", "friday", "saturday"};  // c_encoding
inline const Words kOrdinals = {"st", "nd", "rd", "th"};
// Words a full stop follows without ending a sentence ("Oct.", "Mr.").
inline const Words kAbbreviations = {
    "mr", "mrs", "ms", "dr", "st", "no", "gen", "col", "lt", "sen",
    "rep", "prof", "jr", "sr", "vs", "mt", "ft", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};

// ------------------------------------------------------------------ atoms

// True for a word whose first letter is a capital.
bool capitalised(const Tok& t);

// The month token j names ("October", "Oct.", "Sept"), 0 if none; `next` gets
// the token after it. A month must be capitalised, which keeps out "may" the
// verb; an abbreviation counts with its full stop ("Oct.") or a number after it.
unsigned month_at(const Lexed& x, Ix j, Ix& next);

// The weekday token j names, capitalised (Sunday = 0); -1 if none.
int weekday_at(const Lexed& x, Ix j);

// The day of the month token j is ("7", "7th"), 0 if none.
unsigned day_at(const Lexed& x, Ix j);

// The year token j is (four digits, 1000 to 2199), 0 if none.
int year_at(const Lexed& x, Ix j);

}  // namespace annals::date_parse
