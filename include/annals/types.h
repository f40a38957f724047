#pragma once
// Value types shared by the importer and the query API.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace annals {

// How much of a date the text states. Ordered: a later value knows more.
enum class Precision { unknown, year, month, day };

std::string_view to_string(Precision p);
// "unknown", "year", "month" or "day"; nullopt for anything else.
std::optional<Precision> parse_precision(std::string_view text);

// A date known to the year, the month or the day. `day` is the first day of
// the period it names (2025 -> 2025-01-01, precision year).
struct FuzzyDate {
  date::year_month_day day{};
  Precision precision = Precision::unknown;

  // The last day of the period: 2025 -> 2025-12-31, 2025-07 -> 2025-07-31.
  date::year_month_day last_day() const;
  friend bool operator==(const FuzzyDate&, const FuzzyDate&) = default;
};

FuzzyDate year_only(int year);
FuzzyDate year_month(int year, unsigned month);
FuzzyDate full_date(int year, unsigned month, unsigned day);

// "2025", "2025-07" or "2025-07-30" by precision; "" when unknown.
std::string to_iso(const FuzzyDate& d);
// "YYYY-MM-DD" of the first day, what the database stores; "" when unknown.
std::string to_iso_day(const date::year_month_day& d);
// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<FuzzyDate> parse_iso(std::string_view text);

}  // namespace annals
