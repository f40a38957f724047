#pragma once
// Finding the dates English news text states and resolving them to calendar
// dates, against the publication date where the text leaves something out.

#include "pipeline/doc.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

// The date `phrase` states ("7 October 1960", "in June", "on Wednesday", "the 1994
// Treaty"), resolved against `published`: the longest date found in it, span relative to
// `phrase`. A lone year or month ("1994", "June") counts as a date here. nullopt when
// the phrase holds no date or it cannot be resolved (no year known, or a weekday or
// "yesterday" without a day-precision publication date).
std::optional<DateMention> resolve_date(std::string_view phrase,
                                        std::optional<FuzzyDate> published);

// Every date stated in `body`, ordered by span.begin and non-overlapping (the longest
// match wins): full dates, months, years in a date-like context, ranges ("from 30 July to
// 1 August", "1945-1975") and phrases relative to `published` ("on Wednesday", "later this
// year"). A date missing its year takes the year that puts it nearest `published`;
// `inferred_from` then says so. Dates that cannot be resolved are left out: no date is
// made up. Decades and centuries are not dates here.
std::vector<DateMention> find_dates(std::string_view body, std::optional<FuzzyDate> published);

// find_dates() over doc.article.body with doc.article.published.
std::vector<DateMention> normalize_dates(const Doc& doc);

// For an article that prints no publication date: the year it must have been written in,
// and a readable reason. `text` is the whole raw article, teasers included. The first
// rule that gives one consistent answer wins:
//  1. "59 years since ... 1962", "N years ago ... YEAR", "the 65th anniversary of ... 1960"
//     with that one year in the same sentence: YEAR + N;
//  2. "this year" in a sentence whose only year belongs to a name ("Laros-2025",
//     "Expo 2030") or stands beside it ("this year (2025)");
//  3. a day and month printed without a year ("on January 26") that the text also prints
//     with one ("January 26–27, 2026").
// nullopt when nothing makes the year certain.
struct InferredYear {
  int year = 0;
  std::string reason;
};
std::optional<InferredYear> infer_publication_year(std::string_view text);

}  // namespace annals
