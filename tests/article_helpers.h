#pragma once
// Checks and sample paragraphs shared by the tests of the article stage:
// article_test.cc, article_rules_test.cc and article_meta_test.cc.

#include "pipeline/article.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace annals::article_testing {

// The reason `line` (a raw span) was removed for, or "" when it was not.
inline std::string reason_for(const Article& a, std::string_view line) {
  for (const auto& r : a.removed)
    if (std::string_view(a.raw).substr(r.raw.begin, r.raw.size()) == line) return r.reason;
  return "";
}

inline bool in_body(const Article& a, std::string_view text) {
  return a.body.find(text) != std::string::npos;
}

// Every segment, and every offset inside one, maps the body back to the same raw bytes.
inline void check_segments(const Article& a) {
  std::size_t next_body = 0;
  for (const auto& s : a.segments) {
    CHECK(s.body_begin >= next_body);
    REQUIRE(s.body_begin + s.length <= a.body.size());
    REQUIRE(s.raw_begin + s.length <= a.raw.size());
    CHECK(a.body.compare(s.body_begin, s.length, a.raw, s.raw_begin, s.length) == 0);
    CHECK(a.raw_offset(s.body_begin) == s.raw_begin);
    CHECK(a.raw_offset(s.body_begin + s.length / 2) == s.raw_begin + s.length / 2);
    next_body = s.body_begin + s.length;
  }
  // Whatever is not copied is a separator between blocks.
  for (std::size_t pos = 0, k = 0; pos < a.body.size(); ++pos) {
    while (k < a.segments.size() && a.segments[k].body_begin + a.segments[k].length <= pos) ++k;
    if (k == a.segments.size() || pos < a.segments[k].body_begin) CHECK(a.body[pos] == '\n');
  }
}

// A paragraph long enough to count as article text.
inline const std::string kStory =
    "The foreign ministers of Norland and Sudmark met in the border town on Monday and agreed to "
    "open two new crossings for trucks and buses before the end of the coming year.";
inline const std::string kMore =
    "Officials from both sides said the crossings would shorten the journey between the two "
    "capitals by several hours and help farmers sell their fruit in the neighbouring markets.";

}  // namespace annals::article_testing
