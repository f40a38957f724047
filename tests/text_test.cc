#include "text/text.h"

#include <doctest/doctest.h>

#include <string>

using namespace annals;

TEST_CASE("text: fold removes diacritics, case and punctuation") {
  const struct { std::string_view in, want; } cases[] = {
      {"Lương Cường", "luong cuong"},
      {"Phạm Minh Chính", "pham minh chinh"},
      {"Việt Nam", "viet nam"},
      {"Lao People’s Democratic Republic", "lao people s democratic republic"},
      {"  V.V. Putin ", "v v putin"},
      {"Đà Nẵng", "da nang"},
      {"São Tomé and Príncipe", "sao tome and principe"},
      {"Côte d'Ivoire", "cote d ivoire"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(fold(c.in) == c.want);
  }
}

TEST_CASE("text: fold_with_map points each folded byte at its source character") {
  const std::string s = "Hà Nội, Việt";
  const Folded f = fold_with_map(s);
  REQUIRE(f.text == "ha noi viet");
  REQUIRE(f.origin.size() == f.text.size() + 1);
  const auto v = f.text.find("viet");
  CHECK(s.substr(f.origin[v]) == "Việt");
  CHECK(f.origin_end[f.text.size() - 1] == s.size());
}

TEST_CASE("text: valid_utf8 rejects malformed sequences") {
  CHECK(valid_utf8("plain"));
  CHECK(valid_utf8("Lương"));
  CHECK(valid_utf8("\xEF\xBF\xBD"));        // U+FFFD itself is fine
  CHECK_FALSE(valid_utf8("\xFF\xFE"));
  CHECK_FALSE(valid_utf8("\xC0\xAF"));      // overlong '/'
  CHECK_FALSE(valid_utf8("\xED\xA0\x80"));  // surrogate
  CHECK_FALSE(valid_utf8("abc\xE2\x82"));   // truncated
}

TEST_CASE("text: starts_upper knows Latin capitals with diacritics") {
  CHECK(starts_upper("Phạm"));
  CHECK(starts_upper("Đà"));
  CHECK(starts_upper("Ĺubo"));
  CHECK_FALSE(starts_upper("đà"));
  CHECK_FALSE(starts_upper("ạ"));
  CHECK_FALSE(starts_upper("42"));
}

TEST_CASE("text: fold_char says what fold makes of one character") {
  const struct { char32_t cp; std::string want; int n; } cases[] = {
      {U'A', "a", 1}, {U'7', "7", 1}, {U'-', "", 0}, {U'ạ', "a", 1}, {U'ß', "ss", 2},
      {U'Ж', "\xD0\xB6", 2}, {U'’', "", 0}, {U'\u0301', "", -1}, {U'—', "", 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.want);
    char out[4];
    const int n = fold_char(c.cp, out);
    CHECK(n == c.n);
    if (n > 0) CHECK(std::string(out, std::size_t(n)) == c.want);
  }
}

TEST_CASE("text: FoldedWords and folded_word_count split fold() at its spaces") {
  const std::string_view texts[] = {"", " -- ", "Lương Cường, V.V. Putin", "a\u0301b c", "Đà Nẵng’s port 2024"};
  for (std::string_view t : texts) {
    CAPTURE(t);
    const FoldedWords words(t);
    std::string joined;
    for (std::size_t i = 0; i < words.size(); ++i) (joined += i ? " " : "") += words[i];
    CHECK(joined == fold(t));
    CHECK(folded_word_count(t, 100) == words.size());
    CHECK(folded_word_count(t, 2) == std::min<std::size_t>(2, words.size()));
  }
  CHECK(folded_word_count("a b c", 0) == 0);
}

TEST_CASE("text: fold_with_map maps every byte of a long mixed text") {
  std::string s;
  for (int i = 0; i < 1000; ++i) s += "Thủ tướng Phạm — Москва, 2024! ";
  const Folded f = fold_with_map(s);
  CHECK(f.text == fold(s));
  REQUIRE(f.origin.size() == f.text.size() + 1);
  REQUIRE(f.origin_end.size() == f.text.size());
  bool ordered = true;
  for (std::size_t i = 0; i < f.text.size(); ++i)
    ordered = ordered && f.origin[i] <= f.origin_end[i] && (i == 0 || f.origin[i - 1] <= f.origin[i]);
  CHECK(ordered);
}
