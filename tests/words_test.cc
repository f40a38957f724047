#include "text/words.h"

#include <doctest/doctest.h>

#include <string>

using namespace annals;

TEST_CASE("words: white-space separated tokens with a letter or digit") {
  const struct { std::string_view text; std::size_t count; } cases[] = {
      {"", 0},
      {"   ", 0},
      {"one", 1},
      {"one two\tthree\nfour", 4},
      {"— * 42 ...", 1},
      {"Hà\xC2\xA0Nội", 2},            // a no-break space separates
      {"a\xE2\x80\x8B" "b", 2},        // so does a zero-width space
      {"a\xE3\x80\x80" "b \xEF\xBB\xBF", 2},  // and an ideographic space, a byte order mark
      {"“quoted”", 1},
      {"Москва 東京", 2},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(word_count(c.text) == c.count);
    CHECK(words(c.text).size() == c.count);
  }
  CHECK(words("— a, b —") == std::vector<std::string_view>{"a,", "b"});
  CHECK(word_count("a b c d e", 3) == 3);
  CHECK(word_count("a b", 3) == 2);
  CHECK(word_count("a b", 0) == 0);
}

TEST_CASE("words: spaces, trimming, capitals and case-blind prefixes") {
  CHECK(space_at(" x", 0) == 1);
  CHECK(space_at("\xC2\xA0x", 0) == 2);
  CHECK(space_at("\xEF\xBB\xBFx", 0) == 3);
  CHECK(space_at("\xC2", 0) == 0);  // cut short
  CHECK(space_at("x", 0) == 0);
  CHECK(trim_spaces("\xC2\xA0 text \xE3\x80\x80") == "text");
  CHECK(trim_spaces(" \t ").empty());
  CHECK(capitalised("“Đà"));
  CHECK_FALSE(capitalised("42nd"));
  CHECK_FALSE(capitalised("東京"));
  CHECK(has_non_ascii_letter("café"));
  CHECK_FALSE(has_non_ascii_letter("“—”"));
  CHECK(ascii_lower("ÀBC") == "Àbc");
  CHECK(istarts_with("PHOTO: x", "photo"));
  CHECK_FALSE(istarts_with("pho", "photo"));
  CHECK(icontains("A PhOtO here", "photo"));
  CHECK_FALSE(icontains("phot o", "photo"));
  CHECK(letter_cp(U'ạ'));
  CHECK_FALSE(letter_cp(U'—'));
  CHECK_FALSE(letter_cp(U'7'));
}
