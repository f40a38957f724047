#include "pipeline/doc.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace annals;

namespace {

// raw: a 5-byte header the cleaner dropped, then two paragraphs, a dropped
// line, and a third paragraph.
Article article() {
  Article a;
  a.raw = "HEAD\nOne two.\n\nThree four.\nAD\nFive.";
  //       0    5         15           27  30
  a.body = "One two.\n\nThree four.\nFive.";
  //        0          10           22
  a.segments = {{0, 5, 8}, {10, 15, 12}, {22, 30, 5}};
  return a;
}

std::vector<std::size_t> flat(const std::vector<Segment>& segments) {
  std::vector<std::size_t> out;
  for (const auto& s : segments) out.insert(out.end(), {s.body_begin, s.raw_begin, s.length});
  return out;
}

}  // namespace

TEST_CASE("joined_segments joins neighbours whose gap holds the same bytes in body and raw") {
  // The paragraph break "\n\n" is in both texts; the dropped "AD\n" is not.
  CHECK(flat(joined_segments(article())) == std::vector<std::size_t>{0, 5, 22, 22, 30, 5});
}

TEST_CASE("joined_segments keeps apart neighbours whose gap differs") {
  struct Case {
    const char* name;
    std::string body;
    std::vector<Segment> segments;
  };
  const Case cases[] = {
      {"different gap bytes", "One two. \nThree four.\nFive.", {{0, 5, 8}, {10, 15, 12}}},
      {"gap of another length", "One two.\nThree four.\nFive.", {{0, 5, 8}, {9, 15, 12}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    Article a = article();
    a.body = c.body;
    a.segments = c.segments;
    CHECK(joined_segments(a).size() == 2);
  }
}

TEST_CASE("joined segments map every body position inside a segment to the same raw offset") {
  Article a = article();
  Article joined = a;
  joined.segments = joined_segments(a);
  for (const std::size_t pos : {0, 3, 8, 10, 15, 21, 22, 24, 27}) {
    CAPTURE(pos);
    CHECK(joined.raw_offset(pos) == a.raw_offset(pos));
    if (pos < a.body.size()) CHECK(joined.raw[joined.raw_offset(pos)] == a.body[pos]);
  }
  // Inside the kept paragraph break the joined map points at the break's own bytes.
  CHECK(joined.raw_offset(9) == 14);
  CHECK(a.raw_offset(9) == 13);
}

TEST_CASE("joined_segments of an article without segments is empty") {
  CHECK(joined_segments(Article{}).empty());
}
