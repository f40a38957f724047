#include "pipeline/date_lexer.h"

#include <doctest/doctest.h>

#include <string>

using namespace annals::date_parse;

namespace {

// "kind:text" for each token.
std::string kinds(const Lexed& x) {
  std::string out;
  for (Ix j = 0; j < x.size(); ++j) {
    static constexpr char kKind[] = {'w', 'n', 'd', 'p'};
    ((out += out.empty() ? "" : " ") += kKind[int(x[j].kind)]) += ":";
    out += x[j].text;
  }
  return out;
}

}  // namespace

TEST_CASE("date lexer: words, numbers, dashes and punctuation") {
  const struct { std::string_view text, want; } cases[] = {
      {"On 7 October 1960,", "w:On n:7 w:October n:1960 p:,"},
      {"48,000 troops and 2.5 metres", "n:48,000 w:troops w:and n:2.5 w:metres"},
      {"7,1960", "n:7 p:, n:1960"},
      {"the 1990s, 7th and COVID-19", "w:the n:1990s p:, n:7th w:and w:COVID d:- n:19"},
      {"26–27 Jan.", "n:26 d:– n:27 w:Jan p:."},
      {"Hà Nội’s «port»", "w:Hà w:Nội p:’ w:s p:« w:port p:»"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Lexed x(c.text);
    CHECK(kinds(x) == c.want);
  }
}

TEST_CASE("date lexer: tokens keep offsets, spacing, numbers and names") {
  const Lexed x("Mid-May\n 12th Sept. 2024 yesterday");
  REQUIRE(x.size() == 8);
  CHECK(x[0].lower == "mid");
  CHECK(x[2].month == 5);
  CHECK_FALSE(x[2].space_before);
  CHECK(x[3].line_before);
  CHECK(x[3].value == 12);
  CHECK(x[3].suffix == "th");
  CHECK(x[4].month_short == 9);
  CHECK(x[4].month == 0);
  CHECK(x[6].value == 2024);
  CHECK(x[6].digits == 4);
  CHECK(x[7].may_start);
  CHECK_FALSE(x[0].may_start);
  CHECK(x[6].may_start);  // every number
  CHECK(x.text().substr(x[4].begin, x[4].end - x[4].begin) == "Sept");
  CHECK(x[-1].text.empty());  // off either end: an empty token
  CHECK(x[8].text.empty());
  CHECK(Lexed("").size() == 0);
}

TEST_CASE("date lexer: month, weekday, day and year atoms") {
  const Lexed x("Monday may May Oct. Oct 7 Oct, 31st 32 07 1999 2200 1999s");
  Ix next = 0;
  CHECK(weekday_at(x, 0) == 1);
  CHECK(month_at(x, 1, next) == 0);  // the verb
  CHECK(month_at(x, 2, next) == 5);
  CHECK(next == 3);
  CHECK(month_at(x, 3, next) == 10);  // with its full stop
  CHECK(next == 5);
  CHECK(month_at(x, 5, next) == 10);  // before a number
  CHECK(month_at(x, 7, next) == 0);   // neither
  CHECK(day_at(x, 9) == 31);
  CHECK(day_at(x, 10) == 0);
  CHECK(day_at(x, 11) == 7);
  CHECK(year_at(x, 12) == 1999);
  CHECK(year_at(x, 13) == 0);
  CHECK(year_at(x, 14) == 0);
  CHECK(weekday_at(Lexed("monday"), 0) == -1);
  CHECK(capitalised(x[0]));
  CHECK_FALSE(capitalised(x[1]));
}

TEST_CASE("date lexer: every token's lower is its text with A-Z lowercased") {
  const std::string_view cases[] = {
      "On 7TH OCTOBER 1960, the UN-Backed Talks (Phase II) Began",
      "Hà NỘI, 12Th Sept.; COVID-19 and 1990S: «PORT» x2Y",
      "ABC\tDEF\nGHI-JKL 3RD",
      // Bytes beside A and Z ('@', '[', '`', '{') and capitals across eight-byte blocks.
      "@AZ[`az{ QWERTYUIOPASDFGHJKLZXCVBNM 12ABCDEFGHIJ ÀÉÎ Ωmega 2024AD Zz",
  };
  for (const auto text : cases) {
    CAPTURE(text);
    const Lexed x(text);
    for (Ix j = 0; j < x.size(); ++j) {
      std::string want(x[j].text);
      for (char& c : want)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
      CHECK(x[j].lower == want);
    }
  }
}

TEST_CASE("date lexer: each month, abbreviation, weekday and date opener is named in any case") {
  const struct { std::string_view word; unsigned month, month_short; int weekday; bool may_start; } cases[] = {
      {"January", 1, 0, -1, true},  {"FEBRUARY", 2, 0, -1, true}, {"march", 3, 0, -1, true},
      {"April", 4, 0, -1, true},    {"May", 5, 0, -1, true},      {"June", 6, 0, -1, true},
      {"July", 7, 0, -1, true},     {"August", 8, 0, -1, true},   {"September", 9, 0, -1, true},
      {"October", 10, 0, -1, true}, {"November", 11, 0, -1, true}, {"December", 12, 0, -1, true},
      {"Jan", 0, 1, -1, true},      {"SEP", 0, 9, -1, true},      {"Sept", 0, 9, -1, true},
      {"dec", 0, 12, -1, true},     {"Sunday", 0, 0, 0, true},    {"WEDNESDAY", 0, 0, 3, true},
      {"Saturday", 0, 0, 6, true},  {"from", 0, 0, -1, true},     {"Yesterday", 0, 0, -1, true},
      {"next", 0, 0, -1, true},     {"Mayor", 0, 0, -1, false},   {"the", 0, 0, -1, false},
      {"Octobers", 0, 0, -1, false}, {"ma", 0, 0, -1, false},     {"Wednesdays", 0, 0, -1, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    const Lexed x(c.word);
    REQUIRE(x.size() == 1);
    CHECK(x[0].month == c.month);
    CHECK(x[0].month_short == c.month_short);
    CHECK(x[0].weekday == c.weekday);
    CHECK(x[0].may_start == c.may_start);
  }
}
