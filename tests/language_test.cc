#include "text/language.h"

#include "text/text.h"

#include <doctest/doctest.h>

#include <string>

using namespace annals;

namespace {

std::string guess(std::string_view text) {
  const auto got = guess_language(text);
  return got ? got->value + " (" + got->from + ")" : "none";
}

}  // namespace

TEST_CASE("language: guess_language judges by script, Vietnamese letters or function words") {
  const struct { std::string_view text, want; } cases[] = {
      {"The ministers of the two countries met at the border and signed an agreement.",
       "en (inferred: function words)"},
      {"Les ministres des deux pays se sont rencontrés à la frontière pour la signature.",
       "fr (inferred: function words)"},
      {"Die Minister der beiden Länder haben sich an der Grenze getroffen und das Abkommen.",
       "de (inferred: function words)"},
      {"Los ministros de los dos países se reunieron en la frontera y firmaron el acuerdo.",
       "es (inferred: function words)"},
      {"Para menteri dari kedua negara bertemu di perbatasan dan menandatangani perjanjian itu.",
       "id (inferred: function words)"},
      {"Thủ tướng hai nước đã gặp nhau tại cửa khẩu và ký kết hiệp định hợp tác mới.",
       "vi (inferred: letters)"},
      {"Министры двух стран встретились на границе и подписали соглашение.", "ru (inferred: script)"},
      {"東京でわたしたちはきょうかいぎをしました。", "ja (inferred: script)"},
      {"両国の外相は国境で会談し、新しい協定に署名しました。", "none"},  // kanji and kana, neither a majority
      {"两国外长在边境会晤并签署了新的合作协议以促进贸易。", "zh (inferred: script)"},
      {"Too short", "none"},
      {"Kazan Moscow Hanoi Vientiane Jakarta Manila Bangkok Yangon", "none"},  // no function words
      {"", "none"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(guess(c.text) == c.want);
  }
}

TEST_CASE("language: counts of lines add up to the counts of the lines joined") {
  const std::string_view lines[] = {
      "The minister said the talks were useful.",
      "Thủ tướng đã gặp Tổng Bí thư tại Hà Nội.",
      "  — VNS \xEF\xBB\xBF",
      "Министры встретились.",
      "",
      "2024-10-24 ... (photo) l'accord de la frontière",
  };
  std::string joined;
  LanguageCounts sum;
  for (std::string_view line : lines) {
    if (!joined.empty()) joined += '\n';
    joined += line;
    sum += LanguageCounts(line);
  }
  const LanguageCounts whole(joined);
  CHECK(sum.words() == whole.words());
  CHECK(sum.non_ascii_letters() == whole.non_ascii_letters());
  CHECK(guess(joined) != "none");
  CHECK((sum.guess() ? sum.guess()->value : "none") == (whole.guess() ? whole.guess()->value : "none"));
  CHECK(LanguageCounts("one two, three 4 —").words() == 4);
  CHECK_FALSE(LanguageCounts("plain “quoted” text").non_ascii_letters());
  CHECK(LanguageCounts("café").non_ascii_letters());
}

TEST_CASE("language: english_function_word knows the English list only") {
  CHECK(english_function_word("the"));
  CHECK(english_function_word("between"));
  CHECK_FALSE(english_function_word("The"));  // folded words only
  CHECK_FALSE(english_function_word("les"));
  CHECK_FALSE(english_function_word("betweenness"));
  CHECK_FALSE(english_function_word(""));
}

TEST_CASE("language: folded_word_count of the counts is that of fold()") {
  const std::string_view texts[] = {
      "", "   ", "one", "Lao-Russian talks, 2024", "Laos’s  minister said: \"yes\"",
      "Thủ tướng đã gặp nhau", "café au lait", "--- * * ---", "a1b2 c3\td4\ne5",
      "Министры встретились", " no-break​spaces　here"};
  for (std::string_view t : texts) {
    CAPTURE(t);
    CHECK(LanguageCounts(t).folded_word_count() == folded_word_count(t, std::size_t(-1)));
  }
  CHECK(LanguageCounts("Lao-Russian talks, 2024").folded_word_count() == 4);
}
