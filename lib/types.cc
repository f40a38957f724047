#include "annals/types.h"

#include <charconv>

#include <fmt/format.h>

namespace annals {

std::string_view to_string(Precision p) {
  switch (p) {
    case Precision::year: return "year";
    case Precision::month: return "month";
    case Precision::day: return "day";
    case Precision::unknown: break;
  }
  return "unknown";
}

std::optional<Precision> parse_precision(std::string_view text) {
  for (auto p : {Precision::unknown, Precision::year, Precision::month, Precision::day})
    if (to_string(p) == text) return p;
  return std::nullopt;
}

date::year_month_day FuzzyDate::last_day() const {
  using namespace date;
  switch (precision) {
    case Precision::year: return day.year() / December / 31;
    case Precision::month: return year_month_day(day.year() / day.month() / last);
    default: return day;
  }
}

FuzzyDate year_only(int year) {
  return {date::year{year} / 1 / 1, Precision::year};
}
FuzzyDate year_month(int year, unsigned month) {
  return {date::year{year} / date::month{month} / 1, Precision::month};
}
FuzzyDate full_date(int year, unsigned month, unsigned day) {
  return {date::year{year} / date::month{month} / date::day{day}, Precision::day};
}

std::string to_iso_day(const date::year_month_day& d) {
  return fmt::format("{:04}-{:02}-{:02}", int(d.year()), unsigned(d.month()),
                     unsigned(d.day()));
}

std::string to_iso(const FuzzyDate& d) {
  const std::string full = to_iso_day(d.day);
  switch (d.precision) {
    case Precision::year: return full.substr(0, 4);
    case Precision::month: return full.substr(0, 7);
    case Precision::day: return full;
    case Precision::unknown: break;
  }
  return "";
}

std::optional<FuzzyDate> parse_iso(std::string_view text) {
  auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    if (pos + len > text.size()) return std::nullopt;
    int v = 0;
    auto [p, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, v);
    if (ec != std::errc() || p != text.data() + pos + len) return std::nullopt;
    return v;
  };
  const auto y = number(0, 4);
  if (!y) return std::nullopt;
  if (text.size() == 4) return year_only(*y);
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  const auto m = number(5, 2);
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  if (text.size() == 7) return year_month(*y, *m);
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  const auto d = number(8, 2);
  if (!d) return std::nullopt;
  FuzzyDate out = full_date(*y, *m, *d);
  if (!out.day.ok()) return std::nullopt;
  return out;
}

}  // namespace annals
