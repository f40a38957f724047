#include "pipeline/dates.h"

#include "pipeline/date_matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

// Resolution: the dates date_matcher.cc finds, made calendar dates against the
// publication date where the text leaves something out.

namespace annals {
namespace {

using namespace date_parse;

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
  auto got = relative_date(r, *pub);
  if (!got) return std::nullopt;
  std::optional<FuzzyDate> end;
  if (r.from_weekday >= 0) {  // "from Thursday to Sunday": back from the Sunday to the Thursday
    end = got;
    const int span = (r.n - r.from_weekday + 7) % 7;
    got = FuzzyDate{date::year_month_day{date::sys_days{got->day} - date::days{span}}, Precision::day};
  }
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
  const Lexed x(text);
  for (const Raw& r : scan(x))
    if (auto m = resolve(r, text, pub)) out.push_back(std::move(*m));
  return out;
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

}  // namespace annals
