#include "pipeline/date_matcher.h"

#include <algorithm>
#include <tuple>

// Small pattern functions over the tokens. Each takes the token it may start
// at and returns the match, so the scan can keep the longest.

namespace annals::date_parse {
namespace {

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
         !one_of(kYearNouns, n.lower.substr(0, n.lower.size() - 1));
}

bool later(const Partial& a, const Partial& b) {
  return std::tie(a.y, a.m, a.d) > std::tie(b.y, b.m, b.d);
}

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
  const auto joined = [&](const Tok& c) {
    return c.kind == Kind::dash || (from ? one_of({"to", "until", "till", "through"}, c.lower) : c.lower == "and");
  };
  // "from Thursday to Sunday": the days up to the last such Sunday before publication.
  if (const int first = weekday_at(x, i + 1), last = weekday_at(x, i + 3);
      first >= 0 && last >= 0 && first != last && joined(x[i + 2])) {
    Raw r = make_raw(x, i, i + 4);
    r.rel = Rel::weekday_before;
    r.n = last;
    r.from_weekday = first;
    return r;
  }
  const auto a = endpoint(x, i + 1);
  if (!a) return std::nullopt;
  return joined(x[a->next]) ? range_of(x, i, *a, a->next, true) : std::nullopt;
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
  const std::string_view w = x[k].lower;
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
  const std::string_view w = x[i].lower;
  if (one_of({"yesterday", "today", "tomorrow"}, w)) {
    Raw r = make_raw(x, i, i + 1);
    r.rel = Rel::days;
    r.n = w == "yesterday" ? -1 : w == "today" ? 0 : 1;
    return r;
  }
  const Ix k = one_of({"later", "earlier", "early", "late"}, w) ? i + 1 : i;
  const std::string_view which = x[k].lower;
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

}  // namespace

bool valid(const Partial& p) {
  if (p.m == 0) return p.d == 0;
  if (p.d == 0) return p.m <= 12;
  const date::year y{p.y ? p.y : 2000};  // a leap year: "29 February" waits for its year
  return (y / date::month{p.m} / date::day{p.d}).ok();
}

std::vector<Raw> scan(const Lexed& x) {
  using Matcher = std::optional<Raw> (*)(const Lexed&, Ix);
  static constexpr Matcher kMatchers[] = {range_with_words, range_with_dash, single_point,
                                          numeric_date,     relative,        weekday_alone,
                                          month_alone,      year_alone};
  std::vector<Raw> out;
  for (Ix i = 0; i < x.size();) {
    // Every matcher starts at a number, a month or weekday name, or one of a
    // few words (Tok::may_start); most tokens are none of these.
    if (!x[i].may_start) {
      ++i;
      continue;
    }
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

}  // namespace annals::date_parse
