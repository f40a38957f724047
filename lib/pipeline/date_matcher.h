#pragma once
// Finding dates in the tokens of a text, before they are resolved: "7 October
// 1960", "January 26–27", "1945-1975", "on Wednesday", "later this year", a
// year in a date-like context ("in 1991", "the 1994 Treaty"). Internal to
// lib/pipeline/dates.cc and publication_year.cc.

#include "pipeline/date_lexer.h"
#include "pipeline/doc.h"

#include <optional>
#include <vector>

namespace annals::date_parse {

// A date as printed: y == 0 when no year is printed, m/d == 0 when not stated.
struct Partial {
  int y = 0;
  unsigned m = 0, d = 0;
};

// True when `p` can be a date: a real day of its month (of a leap year when
// the year is not printed), or a month or year alone.
bool valid(const Partial& p);

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
  int from_weekday = -1;  // "from Thursday to Sunday": the first day's weekday; `n` is the last's
};

// The dates in `x`, leftmost-longest: at each token the longest match wins
// (ranges beat their parts) and the next search starts after it. Ordered by
// position, never overlapping.
std::vector<Raw> scan(const Lexed& x);

}  // namespace annals::date_parse
