#include "calendar.h"

#include <vector>

namespace annals::gen {
namespace {

using namespace date;

struct Candidate {
  double weight = 0;
  DatePhrase phrase;
};

Dated day_span(year_month_day s, year_month_day e, std::string inferred = "") {
  return {iso(s, Precision::day), s == e ? "" : iso(e, Precision::day), Precision::day,
          std::move(inferred)};
}

Dated at(year_month_day s, Precision p, std::string inferred = "") {
  return {iso(s, p), "", p, std::move(inferred)};
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

std::string publication(const year_month_day& p) {
  return "the publication date " + iso(p, Precision::day) + ", a " + weekday_name(p);
}

int days_between(year_month_day a, year_month_day b) { return (sys_days(b) - sys_days(a)).count(); }

int month_index(year_month_day d) { return int(d.year()) * 12 + int(unsigned(d.month())) - 1; }

// "3-5 June", "June 3-5": a span inside one month, dash as typeset.
std::string same_month_span(year_month_day s, year_month_day e, bool us, const std::string& dash) {
  const std::string d1 = std::to_string(unsigned(s.day())), d2 = std::to_string(unsigned(e.day()));
  return us ? month_name(s.month()) + " " + d1 + dash + d2 : d1 + dash + d2 + " " + month_name(s.month());
}

// "3 to 5 June 2018", "30 July to 1 August", "June 3 to 5, 2018": the month
// once when both days share it, the year once at the end.
std::string from_to(year_month_day s, year_month_day e, bool us, bool with_year) {
  const std::string d1 = std::to_string(unsigned(s.day())), d2 = std::to_string(unsigned(e.day()));
  const std::string y = with_year ? std::to_string(int(e.year())) : "";
  if (s.year() != e.year()) return day_text(s, us, with_year) + " to " + day_text(e, us, with_year);
  if (s.month() == e.month())
    return us ? month_name(s.month()) + " " + d1 + " to " + d2 + (with_year ? ", " + y : "")
              : d1 + " to " + d2 + " " + month_name(s.month()) + (with_year ? " " + y : "");
  return day_text(s, us, false) + " to " + day_text(e, us, with_year);
}

void add_one_day(std::vector<Candidate>& out, const DateStyle& st, year_month_day s) {
  out.push_back({3, {"on " + day_text(s, st.us), day_span(s, s)}});
  if (!st.published) return;
  const year_month_day p = *st.published;
  const int before = days_between(s, p);
  const std::string pub = publication(p);
  if (before >= 1 && before <= 6) {
    const std::string wd = "on " + weekday_name(s);
    out.push_back({4, {wd, day_span(s, s, quoted(wd) + " before " + pub)}});
    out.push_back({0.5, {wd + " (local time)", day_span(s, s, quoted(wd + " (local time)") + " before " + pub)}});
  }
  if (before == 1) out.push_back({1, {"yesterday", day_span(s, s, "'yesterday' before " + pub)}});
  if (before == 0) out.push_back({0.4, {"today", day_span(s, s, "'today': " + pub)}});
  // News prints the year of an event more than a few months back.
  if (s.year() == p.year() && before > 0 && before <= 150) {
    const std::string text = "on " + day_text(s, st.us, false);
    out.push_back({2, {text, day_span(s, s, quoted(text) + " in an article published " + iso(p, Precision::day))}});
  }
  if (s.year() == p.year() - years(1)) {
    const std::string text = "on " + day_text(s, st.us, false) + " last year";
    out.push_back({0.6, {text, day_span(s, s, quoted(text) + " with " + pub)}});
  }
}

void add_span(std::vector<Candidate>& out, const DateStyle& st, year_month_day s, year_month_day e) {
  const bool one_month = s.year() == e.year() && s.month() == e.month();
  out.push_back({3, {"from " + from_to(s, e, st.us, true), day_span(s, e)}});
  if (one_month) {
    const std::string y = std::to_string(int(s.year()));
    out.push_back({1.5, {"on " + same_month_span(s, e, st.us, "-") + (st.us ? ", " : " ") + y, day_span(s, e)}});
    out.push_back({0.5, {"on " + same_month_span(s, e, st.us, "\xE2\x80\x93") + (st.us ? ", " : " ") + y, day_span(s, e)}});
    const std::string between =
        st.us ? "between " + day_text(s, true, false) + " and " + std::to_string(unsigned(e.day())) + ", " + y
              : "between " + std::to_string(unsigned(s.day())) + " and " + day_text(e, false);
    out.push_back({0.7, {between, day_span(s, e)}});
  }
  if (!st.published) return;
  const year_month_day p = *st.published;
  const std::string pub = publication(p);
  if (s.year() == p.year() && e.year() == p.year()) {
    const std::string text = "from " + from_to(s, e, st.us, false);
    out.push_back({3, {text, day_span(s, e, quoted(text) + " in an article published " + iso(p, Precision::day))}});
    if (one_month) {
      const std::string on = "on " + same_month_span(s, e, st.us, "-");
      out.push_back({1, {on, day_span(s, e, quoted(on) + " in an article published " + iso(p, Precision::day))}});
    }
  }
  if (one_month && s.year() == p.year() - years(1)) {
    const std::string on = "on " + same_month_span(s, e, st.us, "-") + " last year";
    out.push_back({0.5, {on, day_span(s, e, quoted(on) + " with " + pub)}});
  }
  if (days_between(s, p) <= 6 && days_between(e, p) >= 1 && weekday_name(s) != weekday_name(e)) {
    const std::string text = "from " + weekday_name(s) + " to " + weekday_name(e);
    out.push_back({1, {text, day_span(s, e, quoted(text) + " before " + pub)}});
  }
}

void add_month(std::vector<Candidate>& out, const DateStyle& st, year_month_day s) {
  const std::string m = month_name(s.month());
  out.push_back({1, {"in " + m + " " + std::to_string(int(s.year())), at(s, Precision::month)}});
  if (!st.published) return;
  const year_month_day p = *st.published;
  const std::string pub = publication(p);
  const int back = month_index(p) - month_index(s);
  if (s.year() == p.year() && back >= 1 && back <= 5)
    out.push_back({1, {"in " + m, at(s, Precision::month, "'in " + m + "' with " + pub)}});
  if (s.year() == p.year() && back >= 1) {
    out.push_back({0.5, {"in " + m + " this year", at(s, Precision::month, "'" + m + " this year' with " + pub)}});
  }
  if (back == 0) out.push_back({0.3, {"earlier this month", at(s, Precision::month, "'earlier this month' with " + pub)}});
  if (back == 1) out.push_back({0.6, {"last month", at(s, Precision::month, "'last month' with " + pub)}});
  if (s.year() == p.year() - years(1))
    out.push_back({0.6, {"in " + m + " last year", at(s, Precision::month, "'" + m + " last year' with " + pub)}});
}

void add_year(std::vector<Candidate>& out, const DateStyle& st, year_month_day s) {
  out.push_back({1, {"in " + std::to_string(int(s.year())), at(s, Precision::year)}});
  if (!st.published) return;
  const year_month_day p = *st.published;
  const std::string pub = publication(p);
  if (s.year() == p.year() - years(1))
    out.push_back({0.7, {"last year", at(s, Precision::year, "'last year' with " + pub)}});
  if (s.year() == p.year() && month_index(p) - month_index(s) >= 2)
    out.push_back({0.4, {"earlier this year", at(s, Precision::year, "'earlier this year' with " + pub)}});
}

}  // namespace

std::string month_name(date::month m) {
  static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  return kMonths[unsigned(m) - 1];
}

std::string weekday_name(date::year_month_day day) {
  static const char* const kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                      "Thursday", "Friday", "Saturday"};
  return kDays[date::weekday(date::sys_days(day)).c_encoding()];
}

std::string day_text(date::year_month_day day, bool us, bool with_year) {
  const std::string d = std::to_string(unsigned(day.day())), m = month_name(day.month());
  const std::string y = std::to_string(int(day.year()));
  if (us) return with_year ? m + " " + d + ", " + y : m + " " + d;
  return with_year ? d + " " + m + " " + y : d + " " + m;
}

std::string iso(date::year_month_day day, Precision precision) {
  char buffer[16];
  if (precision == Precision::year) std::snprintf(buffer, sizeof buffer, "%04d", int(day.year()));
  else if (precision == Precision::month)
    std::snprintf(buffer, sizeof buffer, "%04d-%02u", int(day.year()), unsigned(day.month()));
  else
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(day.year()), unsigned(day.month()),
                  unsigned(day.day()));
  return buffer;
}

DatePhrase date_phrase(Rng& rng, const DateStyle& style, date::year_month_day start,
                       date::year_month_day end, Grain grain) {
  std::vector<Candidate> out;
  if (grain.finest >= Precision::day) {
    if (start == end) add_one_day(out, style, start);
    else add_span(out, style, start, end);
  }
  const bool one_month = start.year() == end.year() && start.month() == end.month();
  if (grain.coarsest <= Precision::month && grain.finest >= Precision::month && one_month)
    add_month(out, style, start);
  if (grain.coarsest <= Precision::year && start.year() == end.year()) add_year(out, style, start);
  if (out.empty()) add_year(out, style, start);  // a span across years told by its first year
  std::vector<double> weights;
  for (const auto& c : out) weights.push_back(c.weight);
  return out[rng.weighted(weights)].phrase;
}

}  // namespace annals::gen
