#include "pipeline/article_meta.h"

#include "article_helpers.h"
#include "pipeline/article.h"
#include "text/words.h"

#include <doctest/doctest.h>

#include <random>
#include <regex>

using namespace annals;
using namespace annals::article_lines;
using namespace annals::article_testing;

namespace {

std::string show(const std::optional<Tag>& t) {
  return t ? t->name + " " + std::to_string(t->cut.begin) + "-" + std::to_string(t->cut.end) : "none";
}

// The tag rules as regular expressions, as they were first written: the
// hand-written matchers must agree with them wherever std::regex can run.
std::string regex_leading_tag(std::string_view s) {
  static const std::regex kDomain(
      R"(([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\s*(?:-|–|—|:)\s*)");
  static const std::regex kAgency(R"(\(([A-Z][A-Za-z/.]{1,11})\)\s*(?:(?:-|–|—|:)\s*)?)");
  static const std::regex kPlaceAgency(R"((?:[A-Z][A-Z'.-]+,?\s+){1,3}(\(([A-Z][A-Za-z/.]{1,11})\)\s*))");
  std::match_results<std::string_view::const_iterator> m;
  const auto flags = std::regex_constants::match_continuous;
  auto rest = [&](std::size_t end) { return !trim_spaces(s.substr(end)).empty(); };
  auto tag = [&](int group, std::size_t b, std::size_t e) {
    return show(Tag{m.str(group), {b, e}});
  };
  if (std::regex_search(s.begin(), s.end(), m, kDomain, flags) && rest(std::size_t(m.length(0))))
    return tag(1, 0, std::size_t(m.length(0)));
  if (std::regex_search(s.begin(), s.end(), m, kAgency, flags) && rest(std::size_t(m.length(0))))
    return tag(1, 0, std::size_t(m.length(0)));
  if (std::regex_search(s.begin(), s.end(), m, kPlaceAgency, flags) && rest(std::size_t(m.length(0))))
    return tag(2, std::size_t(m.position(1)), std::size_t(m.position(1) + m.length(1)));
  return "none";
}

std::string regex_alone_tag(std::string_view s) {
  static const std::regex kAlone(
      R"((?:(?:-|–|—)\s*([A-Z][A-Za-z]{1,11}(?:/[A-Z][A-Za-z]{1,11})?))|([A-Z]{2,}(?:/[A-Z]{2,})?))");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(s.begin(), s.end(), m, kAlone)) return "none";
  return show(Tag{m[1].matched ? m.str(1) : m.str(2), {0, s.size()}});
}

// Random strings of `pieces`, short enough for std::regex.
std::vector<std::string> samples(std::initializer_list<std::string_view> pieces, unsigned seed) {
  const std::vector<std::string_view> p(pieces);
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (int i = 0; i < 30000; ++i) {
    std::string s;
    for (int k = int(rng() % 10); k >= 0; --k) s += p[rng() % p.size()];
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

TEST_CASE("article meta: leading_tag reads a publisher tag opening a paragraph") {
  const struct { std::string_view line, want; } cases[] = {
      {"VOV.VN - The minister said", "VOV.VN 0-9"},
      {"example.news: text", "example.news 0-14"},
      {"a.bc-de.f - text", "a.bc 0-5"},  // the longest domain a dash can follow
      {"(XNA) — Ministers met", "XNA 0-10"},
      {"(XNA) Ministers met", "XNA 0-6"},
      {"HANOI (XNA) - Ministers met", "XNA 6-12"},
      {"NEW YORK, (AP) Talks", "AP 10-15"},
      {"VOV.VN - ", "none"},  // nothing after the tag
      {"U.S. officials said", "none"},
      {"(Xinhuanewsagency) text", "none"},
      {"The minister (XNA) said", "none"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(show(leading_tag(c.line)) == c.want);
  }
}

TEST_CASE("article meta: trailing_tag reads a tag closing a paragraph or standing alone") {
  const struct { std::string_view line, want; } cases[] = {
      {"— VNS", "VNS 0-7"},  // the dash is three bytes
      {"-Xinhua/Rtr", "Xinhua/Rtr 0-11"},
      {"VNA/XNA", "VNA/XNA 0-7"},
      {"The talks ended. — VNS", "VNS 16-24"},
      {"The talks ended. (AFP)", "AFP 16-22"},
      {"The talks ended", "none"},
      {"— Verylongagencyname", "none"},
      {"V", "none"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    CHECK(show(trailing_tag(c.line)) == c.want);
  }
}

TEST_CASE("article meta: the tag matchers find what their regular expressions find") {
  for (const auto& s : samples({"a", "B", "AB", "1", ".", "-", ":", "(", ")", " ", ",", "'", "/",
                                "\xE2\x80\x94", "x.yz", "VN", "(XNA)", "HANOI "},
                               11)) {
    CAPTURE(s);
    CHECK(show(leading_tag(s)) == regex_leading_tag(s));
  }
  for (const auto& s : samples({"A", "BC", "d", "/", "-", " ", "\xE2\x80\x93", "Xinhua", "\t"}, 12)) {
    CAPTURE(s);
    const auto t = trailing_tag(s);
    const std::string alone = regex_alone_tag(s);
    if (alone != "none") CHECK(show(t) == alone);  // a whole-line tag wins
    else if (t) CHECK(t->cut.begin > 0);  // otherwise only a tag after a sentence
  }
}

TEST_CASE("article meta: lines of one long run are read without deep recursion") {
  // std::regex recursed once per character and overflowed the stack on these.
  const std::string capitals(300'000, 'A');
  CHECK(show(trailing_tag(capitals)) == capitals + " 0-300000");
  std::string dotted;
  while (dotted.size() < 300'000) dotted += "a.";
  CHECK_FALSE(leading_tag(dotted));
  CHECK(show(leading_tag(dotted + "bc - news")) == dotted + "bc 0-" + std::to_string(dotted.size() + 5));
  CHECK(show(leading_tag(capitals + " (XNA) text")) == "XNA 300001-300007");
}

TEST_CASE("article meta: reports_speech finds what its regular expression finds") {
  const std::regex kSpeech(R"(\b(?:said|says|told|added|stated)\b)", std::regex::ECMAScript | std::regex::icase);
  for (const auto& s : samples({"said", "SAYS", "told", "added", "Stated", "sai", "d", "_", " ", ".",
                                "x", "1", "\xC3\xA9"},
                               13)) {
    CAPTURE(s);
    CHECK(reports_speech(s) == std::regex_search(s, kSpeech));
  }
}

TEST_CASE("article meta: credit lines, date lines, bylines and author notes") {
  const auto credit = parse_credit_line("(Translated by Jane Doe)");
  REQUIRE(credit);
  CHECK(credit->name == "Jane Doe");
  CHECK(credit->person);
  const auto source = parse_credit_line("Sources: Example News Agency.");
  REQUIRE(source);
  CHECK_FALSE(source->person);
  CHECK_FALSE(parse_credit_line("Sources say the talks will go on for a week"));

  const auto keyed = parse_date_line("Posted on: 3 May 2023 KYIV — text");
  REQUIRE(keyed);
  CHECK(to_iso(keyed->date) == "2023-05-03");
  CHECK(keyed->prefix == std::string_view("Posted on: 3 May 2023 ").size());
  const auto updated = parse_date_line("Last updated 4 May 2023");
  REQUIRE(updated);
  CHECK(updated->updated);
  CHECK_FALSE(parse_date_line("3 May 2023 KYIV — text"));  // a date opens a paragraph only after a keyword
  CHECK_FALSE(parse_date_line("Mayday, 2023"));

  const auto by = parse_byline("By Jane DOE, 3 May 2023");
  REQUIRE(by);
  CHECK(by->author == "Jane Doe");
  REQUIRE(by->date);
  CHECK(to_iso(*by->date) == "2023-05-03");
  CHECK_FALSE(parse_byline("Ministers met, 3 May 2023 was the day"));

  const auto note = parse_author_note("About the author: a lecturer in history");
  REQUIRE(note);
  CHECK(note->author.empty());
  CHECK_FALSE(parse_author_note("Jane Doe, an analyst, said the talks went well"));
}

TEST_CASE("clean_article: publisher tags and credit lines name the publisher") {
  const struct { std::string raw, publisher, body_start, body_end; } cases[] = {
      {"EXAMPLE.NEWS - " + kStory, "EXAMPLE.NEWS", "The foreign", "coming year."},
      {"(XNA) - " + kStory, "XNA", "The foreign", "coming year."},
      {"HANOI (XNA) — " + kStory, "XNA", "HANOI — The foreign", "coming year."},
      {kStory + " — XNS", "XNS", "The foreign", "coming year."},
      {kStory + " (Reuters)", "Reuters", "The foreign", "coming year."},
      {kStory + "\n\nCompiled by ABC", "ABC", "The foreign", "coming year."},
      {kStory + "\n\nSource: Xinhua", "Xinhua", "The foreign", "coming year."},
      {kStory + "\n— XNS", "XNS", "The foreign", "coming year."},
  };
  for (const auto& c : cases) {
    CAPTURE(c.raw);
    const Article a = clean_article("t.txt", c.raw);
    REQUIRE(a.publisher);
    CHECK(a.publisher->value == c.publisher);
    CHECK(a.body.starts_with(c.body_start));
    CHECK(a.body.ends_with(c.body_end));
    check_segments(a);
  }
}

TEST_CASE("clean_article: a closing author note gives author and outlet and is removed") {
  const std::string note =
      "Maria IVANOVA, PhD in Economics, Senior Researcher at the Institute of River Studies, "
      "especially for the online magazine “World Review”";
  const Article a = clean_article("t.txt", kStory + "\n\n" + note + "\n");
  CHECK(reason_for(a, note) == "author note");
  REQUIRE(a.author);
  CHECK(a.author->value == "Maria Ivanova");
  CHECK(a.author->from == "author note");
  REQUIRE(a.publisher);
  CHECK(a.publisher->value == "World Review");
  CHECK(a.body == kStory);

  const std::string quote = "Maria Ivanova, an expert on the region, said the bridge would help.";
  CHECK(in_body(clean_article("t.txt", kStory + "\n\n" + quote), quote));
}

TEST_CASE("clean_article: date lines and bylines become metadata at their precision") {
  const struct { std::string head, author, published, from; } cases[] = {
      {"date 2023-03-14 ", "", "2023-03-14", "date line"},
      {"Tuesday, March 14, 2023 10:30 GMT+7\n\n", "", "2023-03-14", "date line"},
      {"Published: 14/03/2023\n", "", "2023-03-14", "date line"},
      {"Published: 05/03/2023\n", "", "2023", "date line"},  // day and month could swap
      {"Jane Doe, March 14, 2023\n\n", "Jane Doe", "2023-03-14", "byline"},
      {"By John SMITH | 14 March 2023\n\n", "John Smith", "2023-03-14", "byline"},
      {"Anna van der Berg - March 2023\n\n", "Anna van der Berg", "2023-03", "byline"},
      {"By Jane Doe\n\n", "Jane Doe", "", ""},
      {"Updated: March 15, 2023\n\n", "", "", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.head);
    const Article a = clean_article("t.txt", c.head + kStory);
    CHECK(a.body == kStory);
    CHECK((a.author ? a.author->value : "") == c.author);
    CHECK((a.published ? to_iso(*a.published) : "") == c.published);
    CHECK(a.published_from == c.from);
    check_segments(a);
  }
  const Article located = clean_article("t.txt", "date 2023-03-14 BORDERTOWN — " + kStory);
  CHECK(located.body.starts_with("BORDERTOWN — The foreign"));
  CHECK(reason_for(located, "date 2023-03-14 ") == "date line");
}

TEST_CASE("parse_printed_date: formats, precision and the bytes read") {
  const struct { std::string_view text, iso; std::size_t used; } cases[] = {
      {"2024-10-24 KAZAN", "2024-10-24", 10},
      {"May 29, 2024", "2024-05-29", 12},
      {"Sept. 3, 2021, 10:45 a.m.", "2021-09-03", 25},
      {"Thursday, 24 October 2024 | 14:05 (GMT+7)", "2024-10-24", 41},
      {"24/10/2024", "2024-10-24", 10},
      {"10/24/2024", "2024-10-24", 10},
      {"05/06/2024", "2024", 10},
      {"October 2024", "2024-10", 12},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    std::size_t used = 0;
    const auto d = parse_printed_date(c.text, used);
    REQUIRE(d);
    CHECK(to_iso(*d) == c.iso);
    CHECK(used == c.used);
  }
  for (std::string_view bad : {"2024-02-30", "Mayor 2024", "in May 2024", "13/13/2024", "2024"}) {
    CAPTURE(bad);
    std::size_t used = 0;
    CHECK_FALSE(parse_printed_date(bad, used));
  }
}
