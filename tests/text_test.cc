#include "text/text.h"

#include <doctest/doctest.h>

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
