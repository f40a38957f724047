#include "pipeline/date_matcher.h"

#include <doctest/doctest.h>

#include <string>

using namespace annals;
using namespace annals::date_parse;

namespace {

// "text=y-m-d[..y-m-d][ rel n]" for each match, y/m/d 0 when not printed.
std::string matches(std::string_view text) {
  const Lexed x(text);
  std::string out;
  auto date = [](const Partial& p) {
    return std::to_string(p.y) + "-" + std::to_string(p.m) + "-" + std::to_string(p.d);
  };
  for (const Raw& r : scan(x)) {
    out += out.empty() ? "" : "; ";
    out += std::string(text_of(text, r.span)) + "=" + date(r.start);
    if (r.end) out += ".." + date(*r.end);
    if (r.rel != Rel::none) out += " rel " + std::to_string(int(r.rel)) + " " + std::to_string(r.n);
    if (r.label) out += " label";
  }
  return out;
}

}  // namespace

TEST_CASE("date matcher: scan finds dates as printed, before resolution") {
  const struct { std::string_view text, want; } cases[] = {
      {"Signed on 7 October 1960 in the capital.", "7 October 1960=1960-10-7"},
      {"from 30 July to 1 August", "from 30 July to 1 August=0-7-30..0-8-1"},
      {"January 26–27, 2026", "January 26–27, 2026=2026-1-26..2026-1-27"},
      {"the wars (1945-1975)", "1945-1975=1945-0-0..1975-0-0"},
      {"on Wednesday", "Wednesday=0-0-0 rel 2 3"},
      {"later this year", "later this year=0-0-0 rel 4 0"},
      {"the Laros-2025 drill", "2025=2025-0-0 label"},
      {"in 1991 and 1500 villages", "1991=1991-0-0"},
      {"They may meet in March.", "March=0-3-0"},
      {"No dates here at all.", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(matches(c.text) == c.want);
  }
}

TEST_CASE("date matcher: matches are ordered, apart, and cover their tokens") {
  const std::string text =
      "In 2016, 2017 and 2018 aid flowed; from 30 July to 1 August the president visited "
      "and on Wednesday met the premier (1945-1975 wars) before 3 May.";
  const Lexed x(text);
  const auto raws = scan(x);
  REQUIRE(raws.size() == 7);
  for (std::size_t i = 0; i < raws.size(); ++i) {
    CHECK(raws[i].first < raws[i].next);
    CHECK(raws[i].span.begin == x[raws[i].first].begin);
    CHECK(raws[i].span.end == x[raws[i].next - 1].end);
    if (i > 0) CHECK(raws[i - 1].next <= raws[i].first);
  }
  CHECK(text_of(text, raws[3].quote) == "from 30 July to 1 August");
  CHECK(text_of(text, raws[6].quote) == "3 May");  // "before" is not quoted with it
}

TEST_CASE("date matcher: valid accepts real days, and 29 February until a year says no") {
  CHECK(valid({2024, 2, 29}));
  CHECK(valid({0, 2, 29}));
  CHECK_FALSE(valid({2023, 2, 29}));
  CHECK_FALSE(valid({0, 6, 31}));
  CHECK(valid({0, 12, 0}));
  CHECK_FALSE(valid({0, 13, 0}));
  CHECK_FALSE(valid({0, 0, 5}));
}
