#include "pipeline/article_rules.h"

#include "article_helpers.h"
#include "pipeline/article.h"

#include <doctest/doctest.h>

#include <random>
#include <regex>

using namespace annals;
using namespace annals::article_lines;
using namespace annals::article_testing;

namespace {

std::string reason(std::string_view line, bool english = true) {
  return furniture_reason(TextLine(line), [english] { return english; });
}

}  // namespace

TEST_CASE("article rules: a TextLine counts its words and folds them once") {
  const TextLine line("  Phạm Minh Chính met 3 ministers — in Hà Nội. ");
  CHECK(line.words() == 9);  // the dash is no word
  CHECK(line.words(5) == 5);
  CHECK(line.words(100) == 9);
  CHECK(line.counts().non_ascii_letters());
  REQUIRE(line.folded_words().size() == 9);
  CHECK(line.folded_words()[0] == "pham");
  CHECK(line.folded_words()[8] == "noi");
  CHECK_FALSE(TextLine("Plain ASCII words only.").counts().non_ascii_letters());
  CHECK(TextLine("").words() == 0);
}

TEST_CASE("article rules: furniture_reason names the furniture a line is") {
  const struct { std::string_view line, reason; } cases[] = {
      {"EN | FR | DE", "navigation"},
      {"Print  Email", "navigation"},
      {"Listen to this article", "navigation"},
      {"---", "navigation"},
      {"harbour-view.webp", "photo file name"},
      {"Image by the ministry press office", "photo caption"},
      {"Delegates at the port (l) and officials (r).", "photo caption"},
      {"Guests arrive at the hall (Photo: Example News)", "photo caption"},
      {"Be the first to comment", "comment notice"},
      {"We use cookies on this site", "cookie notice"},
      {"Already a subscriber? Log in", "subscription notice"},
      {"Copyright 2024 Example Media", "copyright notice"},
      {"./.", "end marker"},
      {"Xin vui lòng để lại bình luận của bạn", "comment notice"},
      {"The minister arrived in the capital on Monday for talks.", ""},
      {"A photo exhibition opened in the capital.", ""},  // "photo", but no marker
      {"Trade rose (see chart) last year.", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(reason(c.line) == c.reason);
  }
}

TEST_CASE("article rules: a line in another language is furniture only in an English article") {
  const std::string_view line = "Mời quý độc giả đón đọc các bài viết";
  CHECK(reason(line, true) == "other language");
  CHECK(reason(line, false) == "");
  // The article is judged whole only when a line looks foreign: the question is lazy.
  int asked = 0;
  CHECK(furniture_reason(TextLine("The ministers met in Hà Nội."), [&] { return ++asked, true; }) == "");
  CHECK(asked == 0);
  CHECK(furniture_reason(TextLine(line), [&] { return ++asked, true; }) == "other language");
  CHECK(asked == 1);
}

TEST_CASE("article rules: names_position finds what its regular expression finds") {
  const struct { std::string_view text; bool want; } cases[] = {
      {"Ministers (l) and guests", true},     {"(R)", true},
      {"(Centre)", true},                     {"(center)", true},
      {"a (second from left) b", true},       {"(23rd from right)", true},
      {"(FOURTH FROM LEFT)", true},           {"(middle)", true},
      {"(second from  left)", false},         {"(2 from left)", false},
      {"(lr)", false},                        {"(left", false},
      {"(centres)", false},                   {"( left)", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(names_position(c.text) == c.want);
  }
  // Against the expression itself, on strings built from its own pieces.
  const std::regex kPosition(
      R"(\((?:l|r|c|left|right|cent(?:re|er)|front|middle|(?:first|second|third|fourth|\d+(?:st|nd|rd|th)) from (?:left|right))\))",
      std::regex::ECMAScript | std::regex::icase);
  const std::string_view pieces[] = {"(", ")", "l", "R", "c", "left", "Right", "centre", "cEnter",
                                     "front", "middle", "first", "Second", "third", "fourth",
                                     "12", "3", "st", "ND", "rd", "th", " from ", " ", "x", "-"};
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (int k = int(rng() % 8); k >= 0; --k) s += pieces[rng() % std::size(pieces)];
    CAPTURE(s);
    CHECK(names_position(s) == std::regex_search(s, kPosition));
  }
}

TEST_CASE("article rules: trailing_photo_credit finds a credit closing a paragraph") {
  const std::string para = kStory + " (Photo: XNA)";
  const auto at = trailing_photo_credit(TextLine(para));
  REQUIRE(at);
  CHECK(para.substr(*at) == " (Photo: XNA)");
  CHECK(trailing_photo_credit(TextLine(kStory + " (Image: A. Berg).")));
  CHECK_FALSE(trailing_photo_credit(TextLine(kStory)));
  CHECK_FALSE(trailing_photo_credit(TextLine(kStory + " (Reuters)")));
}

TEST_CASE("article rules: headings, headlines, paragraphs and captions") {
  CHECK(related_heading(TextLine("Related stories")));
  CHECK(related_heading(TextLine("  MORE ON THIS TOPIC ")));
  CHECK_FALSE(related_heading(TextLine("Related talks went well")));
  CHECK(inline_related(TextLine("See also: Ferry line opens")));
  CHECK_FALSE(inline_related(TextLine("See also the ferry line")));
  CHECK(real_paragraph(TextLine(kStory)));
  CHECK_FALSE(real_paragraph(TextLine(kStory.substr(0, kStory.size() - 1))));  // no full stop
  CHECK_FALSE(real_paragraph(TextLine("Short, but ends like a sentence.")));
  CHECK(headline_like(TextLine("Ministers open a bridge")));
  CHECK(headline_like(TextLine("“Bridges first” says the mayor")));
  CHECK_FALSE(headline_like(TextLine("Ministers open a bridge.")));
  CHECK_FALSE(headline_like(TextLine("ministers open a bridge")));
  CHECK(caption_like(TextLine("Leaders walk across the bridge.")));
  CHECK_FALSE(caption_like(TextLine("Leaders walked across the bridge.")));
  CHECK_FALSE(caption_like(TextLine("Leaders walk. Then they talk.")));
}

TEST_CASE("article rules: names look like names and shouting is lowered") {
  const struct { std::string_view text; bool name; std::string_view normal; } cases[] = {
      {"Jane Doe", true, "Jane Doe"},
      {"Anna van der Berg", true, "Anna van der Berg"},
      {"Ksenia MURATSHINA", true, "Ksenia Muratshina"},
      {"O'NEIL-SMITH Jo", true, "O'Neil-Smith Jo"},
      {"The Party", false, "The Party"},
      {"Jane", false, "Jane"},
      {"Room 5 Office", false, "Room 5 Office"},
      {"van Gogh", false, "van Gogh"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(looks_like_name(c.text) == c.name);
    CHECK(normal_name(c.text) == c.normal);
  }
}

TEST_CASE("clean_article: page furniture lines are removed with their reason") {
  const struct { std::string line, reason; } cases[] = {
      {"EN|FR|RU", "navigation"},
      {"Home | World | Asia", "navigation"},
      {"Follow us on:", "navigation"},
      {"Share", "navigation"},
      {"Share Tweet Email", "navigation"},
      {"* * *", "navigation"},
      {"Ministers at the signing ceremony.jpg", "photo file name"},
      {"IMG_2041.JPEG", "photo file name"},
      {"Photo: Example News", "photo caption"},
      {"The two ministers shake hands in the capital. (Photo: XNA)", "photo caption"},
      {"Delegates pose before the talks (second from left).", "photo caption"},
      {"Ministers at the border post. XNA/XNS Photo", "photo caption"},
      {"This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
       "comment notice"},
      {"Leave a comment", "comment notice"},
      {"Viết bình luận", "comment notice"},
      {"This website uses cookies to improve your experience.", "cookie notice"},
      {"Subscribe to our newsletter for the latest news.", "subscription notice"},
      {"© 2023 Example News. All rights reserved.", "copyright notice"},
      {"Mời bạn đọc gửi ý kiến về bài viết này", "other language"},
      {"Подпишитесь на наш канал", "other language"},
      {"./.", "end marker"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const Article a = clean_article("t.txt", kStory + "\n\n" + c.line + "\n\n" + kMore + "\n");
    CHECK(reason_for(a, c.line) == c.reason);
    CHECK_FALSE(in_body(a, c.line));
    CHECK(in_body(a, kStory));
    CHECK(in_body(a, kMore));
    check_segments(a);
  }
}

TEST_CASE("clean_article: ordinary lines are kept") {
  const std::string lines[] = {
      "Prime Minister Phạm Minh Chính met Lương Cường in Hà Nội.",
      "Trade between the two countries grew in 2022",  // a subheading
      "The talks were held in a friendly atmosphere.",  // short, but in the past tense
      "Officials declined to comment on the cost.",
  };
  for (const auto& line : lines) {
    CAPTURE(line);
    const Article a = clean_article("t.txt", kStory + "\n\n" + line + "\n\n" + kMore + "\n");
    CHECK(in_body(a, line));
    CHECK(a.removed.empty());
  }
}

TEST_CASE("clean_article: a short present-tense line between paragraphs is an unmarked caption") {
  const std::string caption = "Ministers walk across the new bridge.";
  const Article a = clean_article("t.txt", kStory + "\n\n" + caption + "\n\n" + kMore);
  CHECK(reason_for(a, caption) == "photo caption");
}

TEST_CASE("clean_article: a related heading takes the headlines after it, up to a real paragraph") {
  const std::string headings[] = {"More on this topic", "Related", "Read more", "See also",
                                  "You may also like"};
  for (const auto& h : headings) {
    CAPTURE(h);
    const std::string list = h + "\nBorder towns prepare for summer festival\nNew ferry line opens";
    const Article to_end = clean_article("t.txt", kStory + "\n\n" + list + "\n");
    CHECK(to_end.body == kStory);
    CHECK(reason_for(to_end, "New ferry line opens") == "related list");

    const Article until = clean_article("t.txt", kStory + "\n\n" + list + "\n\n" + kMore + kMore);
    CHECK(reason_for(until, h) == "related list");
    CHECK(in_body(until, kMore + kMore));
    check_segments(until);
  }
  const Article one = clean_article("t.txt", kStory + "\nRead more: Border towns prepare\n" + kMore);
  CHECK(reason_for(one, "Read more: Border towns prepare") == "related list");
}

