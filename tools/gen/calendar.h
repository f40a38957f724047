#pragma once
// How an article states a date: printed in full ("on 7 October 1960"), without
// its year ("from 30 July to 1 August"), relative to the publication date ("on
// Wednesday", "last year"), or only to the month or year. Each phrase comes with
// the date a careful reader records from it.

#include <date/date.h>

#include <optional>
#include <string>

#include "annals/types.h"
#include "random.h"

namespace annals::gen {

// The date as the gold file records it.
struct Dated {
  std::string start, end;  // ISO at `precision`; "" when absent
  Precision precision = Precision::unknown;
  std::string inferred;    // how it was worked out, when the sentence does not print it whole
};

struct DatePhrase {
  std::string text;  // "on Wednesday", "in June 2018", "from 3 to 5 March"
  Dated gold;
};

struct DateStyle {
  // The publication date the article prints; relative phrases need it.
  std::optional<date::year_month_day> published;
  bool us = false;  // "July 30, 2025" rather than "30 July 2025"
};

// How exact a phrase may be: `finest` the most, `coarsest` the least.
struct Grain {
  Precision finest = Precision::day, coarsest = Precision::year;
};

// A phrase for the days [start, end] (equal for one day), as an article
// published on style.published (or with no printed date) would say it.
DatePhrase date_phrase(Rng& rng, const DateStyle& style, date::year_month_day start,
                       date::year_month_day end, Grain grain = {});

// "30 July 2025" / "July 30, 2025"; without the year when `with_year` is false.
std::string day_text(date::year_month_day day, bool us, bool with_year = true);
// "July"
std::string month_name(date::month m);
// "Wednesday"
std::string weekday_name(date::year_month_day day);
// "2025-07-30", "2025-07", "2025"
std::string iso(date::year_month_day day, Precision precision);

}  // namespace annals::gen
