#include "pipeline/dates.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace annals;

namespace {

// "1960-10-07", "1945..1975": a mention's dates at their precision.
std::string show(const DateMention& m) {
  return to_iso(m.start) + (m.end ? ".." + to_iso(*m.end) : "");
}

std::string show(const std::optional<DateMention>& m) { return m ? show(*m) : "none"; }

// Each date find_dates sees in `body`, as "text=dates".
std::vector<std::string> found(std::string_view body, std::optional<FuzzyDate> published) {
  std::vector<std::string> out;
  for (const auto& m : find_dates(body, published))
    out.push_back(std::string(text_of(body, m.span)) + "=" + show(m));
  return out;
}

std::string read_seed(const std::string& name) {
  std::ifstream in(std::string(ANNALS_SOURCE_DIR) + "/seeds/" + name);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const FuzzyDate kThursday = full_date(2024, 10, 24);

}  // namespace

TEST_CASE("dates: printed dates resolve without the publication date") {
  const struct { std::string_view phrase, want; } cases[] = {
      {"7 October 1960", "1960-10-07"},
      {"October 7, 1960", "1960-10-07"},
      {"Oct. 7, 1960", "1960-10-07"},
      {"Sept 5 1962", "1962-09-05"},
      {"on 9 May 2024", "2024-05-09"},
      {"the 7th of October 1960", "1960-10-07"},
      {"Wednesday, 23 October 2024", "2024-10-23"},
      {"2024-10-24", "2024-10-24"},
      {"24/10/2024", "2024-10-24"},
      {"10/24/2024", "2024-10-24"},
      {"December 1975", "1975-12"},
      {"in May 2024", "2024-05"},
      {"in 1991", "1991"},
      {"since 2018", "2018"},
      {"the 1994 Treaty", "1994"},
      {"the Laros-2025 exercises", "2025"},
      {"Expo 2030", "2030"},
      {"by mid-2024", "2024"},
      {"as early as 1960", "1960"},
      {"1994", "1994"},
      {"by the end of 2023 ties improved", "2023"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.phrase);
    const auto got = resolve_date(c.phrase, std::nullopt);
    CHECK(show(got) == c.want);
    if (got) CHECK(got->inferred_from.empty());
  }
}

TEST_CASE("dates: precision follows what is printed") {
  using namespace date;
  const auto day = resolve_date("5 September 1962", std::nullopt);
  REQUIRE(day);
  CHECK(day->start == FuzzyDate{1962_y / 9 / 5, Precision::day});
  const auto month = resolve_date("September 1962", std::nullopt);
  REQUIRE(month);
  CHECK(month->start.precision == Precision::month);
  const auto year = resolve_date("in 1962", std::nullopt);
  REQUIRE(year);
  CHECK(year->start.precision == Precision::year);
}

TEST_CASE("dates: ranges are one mention with a start and an end") {
  const struct { std::string_view phrase, want; } cases[] = {
      {"from 30 July to 1 August 2025", "2025-07-30..2025-08-01"},
      {"from 30 December to 2 January 2025", "2024-12-30..2025-01-02"},
      {"from July 30 to August 1, 2025", "2025-07-30..2025-08-01"},
      {"on January 26–27, 2026", "2026-01-26..2026-01-27"},
      {"26-27 January 2026", "2026-01-26..2026-01-27"},
      {"between 10 and 12 May 2023", "2023-05-10..2023-05-12"},
      {"30 July – 1 August 2025", "2025-07-30..2025-08-01"},
      {"1945-1975", "1945..1975"},
      {"the wars (1945–1975)", "1945..1975"},
      {"between 2010 and 2015", "2010..2015"},
      {"from 2018 to 2020", "2018..2020"},
      {"from May to July 2024", "2024-05..2024-07"},
      {"the 2020-21 season", "2020..2021"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.phrase);
    CHECK(show(resolve_date(c.phrase, std::nullopt)) == c.want);
  }
}

TEST_CASE("dates: a missing year comes from the publication date") {
  const struct { std::string_view phrase; FuzzyDate published; std::string_view want; } cases[] = {
      {"on 9 May", full_date(2024, 5, 29), "2024-05-09"},
      {"on January 26", year_only(2026), "2026-01-26"},
      {"In June", year_only(2021), "2021-06"},
      {"from 30 July to 1 August", year_only(2025), "2025-07-30..2025-08-01"},
      {"June 28-29", year_only(2019), "2019-06-28..2019-06-29"},
      {"on 28 December", full_date(2025, 1, 10), "2024-12-28"},  // nearest, not 2025
      {"on 3 January", full_date(2024, 12, 20), "2025-01-03"},
      {"in June", full_date(2021, 1, 5), "2021-06"},
      {"in November", full_date(2021, 1, 5), "2020-11"},
      {"mid-May", year_only(2022), "2022-05"},
      {"his May visit", year_only(2022), "2022-05"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.phrase);
    const auto got = resolve_date(c.phrase, c.published);
    CHECK(show(got) == c.want);
    if (got) CHECK_FALSE(got->inferred_from.empty());
  }
}

TEST_CASE("dates: without a publication date nothing is made up") {
  for (std::string_view phrase :
       {"on 9 May", "in June", "from 30 July to 1 August", "on Wednesday", "yesterday",
        "later this year", "last month", "September this year"}) {
    CAPTURE(phrase);
    CHECK_FALSE(resolve_date(phrase, std::nullopt));
  }
  CHECK(found("He arrived on 9 May and left on Wednesday, later this year.", std::nullopt).empty());
}

TEST_CASE("dates: relative phrases resolve against the publication day") {
  const struct { std::string_view phrase, want; } cases[] = {
      {"on Wednesday", "2024-10-23"},
      {"Wednesday (local time)", "2024-10-23"},
      {"on Thursday", "2024-10-17"},  // strictly before the publication day
      {"on Friday", "2024-10-18"},
      {"last Friday", "2024-10-18"},
      {"next Monday", "2024-10-28"},
      {"yesterday", "2024-10-23"},
      {"today", "2024-10-24"},
      {"tomorrow", "2024-10-25"},
      {"this year", "2024"},
      {"Later this year", "2024"},
      {"last year", "2023"},
      {"next year's elections", "2025"},
      {"last month", "2024-09"},
      {"earlier this month", "2024-10"},
      {"next month", "2024-11"},
      {"in September this year", "2024-09"},
      {"in March next year", "2025-03"},
      {"on 9 May last year", "2023-05-09"},
      {"last December", "2023-12"},
      {"next March", "2025-03"},
      {"from Monday to Wednesday", "2024-10-21..2024-10-23"},
      {"from Saturday to Tuesday", "2024-10-19..2024-10-22"},
      {"between Monday and Tuesday", "2024-10-21..2024-10-22"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.phrase);
    const auto got = resolve_date(c.phrase, kThursday);
    CHECK(show(got) == c.want);
    if (got) CHECK_FALSE(got->inferred_from.empty());
  }
  const auto wednesday = resolve_date("on Wednesday", kThursday);
  REQUIRE(wednesday);
  CHECK(wednesday->inferred_from == "'on Wednesday' before publication 2024-10-24");
}

TEST_CASE("dates: relative phrases need a fine enough publication date") {
  const struct { std::string_view phrase; FuzzyDate published; } cases[] = {
      {"on Wednesday", year_only(2024)},
      {"on Wednesday", year_month(2024, 10)},
      {"yesterday", year_month(2024, 10)},
      {"last month", year_only(2024)},
      {"last week", kThursday},  // too vague to date
      {"over the last year", kThursday},
      {"Good Friday", kThursday},
  };
  for (const auto& c : cases) {
    CAPTURE(c.phrase);
    CHECK_FALSE(resolve_date(c.phrase, c.published));
  }
  CHECK(show(resolve_date("this year", year_only(2024))) == "2024");
}

TEST_CASE("dates: numbers that are not years are not dates") {
  const std::string_view bodies[] = {
      "More than 48,000 tourists came.",
      "Munitions lie 2.5 metres deep.",
      "The 45th General Assembly (AIPA-45) met.",
      "Under Resolution No. 1945 and Decree 2010 the plan went ahead.",
      "In the 1990s and the 21st century trade grew.",
      "A COVID-19 infection delayed the 12th Congress.",
      "Some 2000 soldiers took part, in 1500 villages.",
      "He said 2024 was good.",  // no date-like context
      "The vote was 05/06/2024.",  // day and month could be swapped
      "He was born in a village of 2000 people.",
      "The meeting on 31 June 2024 and the one on 29 February 2023 never happened.",
      "They may meet in March or march in May.",
  };
  for (std::string_view body : bodies) {
    CAPTURE(body);
    const auto got = found(body, std::nullopt);
    if (body.find("March") != std::string_view::npos) {
      CHECK(found(body, year_only(2020)) == std::vector<std::string>{"March=2020-03", "May=2020-05"});
      continue;
    }
    CHECK(got.empty());
  }
}

TEST_CASE("dates: find_dates gives ordered, non-overlapping spans into the body") {
  const std::string body =
      "Ties date from 7 October 1960. In 2016, 2017 and 2018 aid flowed; from 30 July to "
      "1 August the president visited, and on Wednesday he met the premier (1945-1975 wars).";
  const auto got = found(body, kThursday);
  const std::vector<std::string> want = {
      "7 October 1960=1960-10-07", "2016=2016", "2017=2017", "2018=2018",
      "from 30 July to 1 August=2024-07-30..2024-08-01", "Wednesday=2024-10-23",
      "1945-1975=1945..1975"};
  CHECK(got == want);
  const auto mentions = find_dates(body, kThursday);
  for (std::size_t i = 1; i < mentions.size(); ++i)
    CHECK(mentions[i - 1].span.end <= mentions[i].span.begin);
}

TEST_CASE("dates: spans are byte offsets even after multi-byte characters") {
  const std::string body = "Việt Nam – Lào signed it on 5 September 1962 in Hà Nội.";
  const auto got = find_dates(body, std::nullopt);
  REQUIRE(got.size() == 1);
  CHECK(text_of(body, got[0].span) == "5 September 1962");
}

TEST_CASE("dates: seed articles give the dates their gold files expect") {
  const std::string lao = read_seed("000_8b667b913f1f4dbc.txt");
  const auto dates = found(lao, year_only(2025));
  for (std::string_view want :
       {"from 30 July to 1 August=2025-07-30..2025-08-01", "7 October 1960=1960-10-07",
        "1994=1994", "May=2025-05", "2025=2025", "Later this year=2025"}) {
    CAPTURE(want);
    CHECK(std::count(dates.begin(), dates.end(), want) == 1);
  }
  for (const auto& d : dates) CHECK(d.find("48") == std::string::npos);
  const std::string kazan = read_seed("004_9bbb147ad7ec8272.txt");
  const auto met = found(kazan, kThursday);
  CHECK(std::count(met.begin(), met.end(), "Wednesday=2024-10-23") == 1);
  CHECK(std::count(met.begin(), met.end(), "September this year=2024-09") == 1);
}

TEST_CASE("dates: a yearless range followed by 'last year' moves back a year") {
  using namespace date;
  const auto published = annals::full_date(2024, 7, 9);
  const auto got = annals::resolve_date("on November 3-4 last year", published);
  REQUIRE(got);
  CHECK(got->start == annals::full_date(2023, 11, 3));
  REQUIRE(got->end);
  CHECK(*got->end == annals::full_date(2023, 11, 4));
}
