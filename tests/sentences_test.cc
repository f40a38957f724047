#include "pipeline/sentences.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace annals;

namespace {

bool trimmed_edge(unsigned char c) {
  return c != ' ' && c != '\t' && c != '\r' && c != '\n';
}

// The sentences' texts, after checking the promises every result keeps:
// ordered, non-empty, trimmed, never crossing a line break.
std::vector<std::string> split(std::string_view body) {
  std::vector<std::string> out;
  std::size_t last_end = 0;
  for (const Span s : split_sentences(body)) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= body.size());
    CHECK(s.begin >= last_end);
    last_end = s.end;
    const std::string_view t = text_of(body, s);
    CHECK(trimmed_edge(t.front()));
    CHECK(trimmed_edge(t.back()));
    CHECK(t.find_first_of("\r\n") == std::string_view::npos);
    CHECK(t.substr(0, 2) != "\xC2\xA0");  // no leading no-break space
    out.emplace_back(t);
  }
  return out;
}

struct Case {
  std::string_view text;
  std::vector<std::string> want;
};

void check_cases(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(split(c.text) == c.want);
  }
}

std::string read_seed(const std::string& name) {
  std::ifstream in(std::string(ANNALS_SOURCE_DIR) + "/seeds/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool has_sentence(const std::vector<std::string>& got, std::string_view want) {
  for (const auto& s : got)
    if (s == want) return true;
  return false;
}

}  // namespace

TEST_CASE("sentences: known abbreviations do not end a sentence") {
  check_cases({
      {"Mr. Lee met Mrs. Tran and Dr. Kim. They talked.",
       {"Mr. Lee met Mrs. Tran and Dr. Kim.", "They talked."}},
      {"Prof. Ng and Gen. Vo arrived. Lt. Col. Ha followed.",
       {"Prof. Ng and Gen. Vo arrived.", "Lt. Col. Ha followed."}},
      {"Sen. Ortiz and Rep. Hall visited St. Petersburg. Both left.",
       {"Sen. Ortiz and Rep. Hall visited St. Petersburg.", "Both left."}},
      {"See No. 5 and Nos. 6 to 8 in Vol. 3. Nothing else.",
       {"See No. 5 and Nos. 6 to 8 in Vol. 3.", "Nothing else."}},
      {"He said No. Then he left.", {"He said No.", "Then he left."}},  // not before a number
      {"Jan. 1, Feb. 2, Mar. 3, Apr. 4, Jun. 6, Jul. 7, Aug. 8, Sep. 9, Sept. 9, "
       "Oct. 10, Nov. 11 and Dec. 12 are holidays.",
       {"Jan. 1, Feb. 2, Mar. 3, Apr. 4, Jun. 6, Jul. 7, Aug. 8, Sep. 9, Sept. 9, "
        "Oct. 10, Nov. 11 and Dec. 12 are holidays."}},
      // A month abbreviation closing a sentence is rare: we prefer not splitting.
      {"Talks began in Jan. Nobody came.", {"Talks began in Jan. Nobody came."}},
      {"The U.S. Senate, the U.K. Parliament and the U.N. Assembly agreed. It passed.",
       {"The U.S. Senate, the U.K. Parliament and the U.N. Assembly agreed.", "It passed."}},
      {"Some states, e.g. Cuba, agreed; others, i.e. Chile and Peru, did not.",
       {"Some states, e.g. Cuba, agreed; others, i.e. Chile and Peru, did not."}},
      {"Rice, tea, etc. were traded. Prices rose.", {"Rice, tea, etc. were traded.", "Prices rose."}},
      {"They sold rice, tea, etc. The prices rose.",
       {"They sold rice, tea, etc.", "The prices rose."}},
      {"Laos vs. Cuba ended 2-1. Approx. 500 fans came, approx. 20 left.",
       {"Laos vs. Cuba ended 2-1.", "Approx. 500 fans came, approx. 20 left."}},
      {"Acme Inc. Chairman Li met Beta Ltd. Director Ng, Gamma Co. Staff and Delta Corp. Heads.",
       {"Acme Inc. Chairman Li met Beta Ltd. Director Ng, Gamma Co. Staff and Delta Corp. Heads."}},
      {"(Gen. Tran) spoke. Then he sat.", {"(Gen. Tran) spoke.", "Then he sat."}},
      // A closing bracket or quote after the abbreviation shows it ended the sentence.
      {"It was sold (to Acme Inc.) Then it closed.",
       {"It was sold (to Acme Inc.)", "Then it closed."}},
      {"He wrote (\"see Acme Inc.\") Then he left.",
       {"He wrote (\"see Acme Inc.\")", "Then he left."}},
  });
}

TEST_CASE("sentences: initials stay inside the sentence, names without dots split") {
  check_cases({
      {"On Monday, K. Phommachanh met V.V. Ivanov. They spoke.",
       {"On Monday, K. Phommachanh met V.V. Ivanov.", "They spoke."}},
      {"J. R. R. Tolkien wrote books. He died in 1973.",
       {"J. R. R. Tolkien wrote books.", "He died in 1973."}},
      {"Kim Jong Un met Moon Jae In. They shook hands.",
       {"Kim Jong Un met Moon Jae In.", "They shook hands."}},
      {"Ông Đ. Nguyễn arrived. Talks began.", {"Ông Đ. Nguyễn arrived.", "Talks began."}},
      {"Joint Hanoi/U.S. Officials met. Both agreed.",
       {"Joint Hanoi/U.S. Officials met.", "Both agreed."}},
      {"The visitor from Washington, D.C. Mayor Bowser left.",
       {"The visitor from Washington, D.C. Mayor Bowser left."}},
  });
}

TEST_CASE("sentences: numbers, decimals and dates do not end a sentence") {
  check_cases({
      {"Growth hit 2.5 percent. Exports reached US$1.2 billion. See No. 5 below.",
       {"Growth hit 2.5 percent.", "Exports reached US$1.2 billion.", "See No. 5 below."}},
      {"Ties began on Oct. 7, 1960. Both sides celebrated.",
       {"Ties began on Oct. 7, 1960.", "Both sides celebrated."}},
      {"It ended in 1991. 2024 was calm.", {"It ended in 1991.", "2024 was calm."}},
      {"Visit VOV.VN - President Lee spoke. Good.",
       {"Visit VOV.VN - President Lee spoke.", "Good."}},
  });
}

TEST_CASE("sentences: ellipses, question and exclamation marks end sentences") {
  check_cases({
      {"He paused... Then he left.", {"He paused...", "Then he left."}},
      {"He paused... and then left.", {"He paused... and then left."}},
      {"Wait\u2026 Then go.", {"Wait\u2026", "Then go."}},
      {"Will they agree? Yes! Talks resume.", {"Will they agree?", "Yes!", "Talks resume."}},
      {"Really?! Sure.", {"Really?!", "Sure."}},
      {"Growth slowed. but not much.", {"Growth slowed. but not much."}},
  });
}

TEST_CASE("sentences: closing quotes and brackets stay with the sentence they end") {
  check_cases({
      {"He said \"yes.\" Then he left.", {"He said \"yes.\"", "Then he left."}},
      {"She said \u201Cno.\u201D Later she agreed.",
       {"She said \u201Cno.\u201D", "Later she agreed."}},
      {"It was \u2018final.\u2019 Nobody argued.",
       {"It was \u2018final.\u2019", "Nobody argued."}},
      {"Il a dit \u00ABfini.\u00BB Puis il partit.",
       {"Il a dit \u00ABfini.\u00BB", "Puis il partit."}},
      {"(It was late.) The rest left.", {"(It was late.)", "The rest left."}},
      {"\"Why?\" he asked. Nobody knew.", {"\"Why?\" he asked.", "Nobody knew."}},
      {"They met. \"We agree,\" he said.", {"They met.", "\"We agree,\" he said."}},
      {"They met. (Details follow.)", {"They met.", "(Details follow.)"}},
      {"They met. \u201CGood,\u201D he said.", {"They met.", "\u201CGood,\u201D he said."}},
  });
}

TEST_CASE("sentences: agency end markers and bylines") {
  check_cases({
      {"Ties grew./. The end came.", {"Ties grew./.", "The end came."}},
      {"Ties grew./.", {"Ties grew./."}},
      {"The talks ended. \u2014 VNS", {"The talks ended.", "\u2014 VNS"}},
      {"The talks ended. \u2013 VNA", {"The talks ended.", "\u2013 VNA"}},
      {"The talks ended. \u2014 and resumed.", {"The talks ended. \u2014 and resumed."}},
  });
}

TEST_CASE("sentences: white space, line breaks and the end of text") {
  check_cases({
      {"", {}},
      {" \t \n\n \r\n", {}},
      {"Talks ended. Both sides left", {"Talks ended.", "Both sides left"}},
      {"One.   Two.\t\tThree.", {"One.", "Two.", "Three."}},
      {"  One.  \t", {"One."}},
      {"One.\u00A0Two.\u00A0", {"One.", "Two."}},
      {"Russia and Cuba sign a pact\nThe pact was signed. It is new.",
       {"Russia and Cuba sign a pact", "The pact was signed.", "It is new."}},
      {"Headline\r\nFirst one. Second one.\r\n\r\nLast",
       {"Headline", "First one.", "Second one.", "Last"}},
      {"Ends with a title Mr.\nNext line", {"Ends with a title Mr.", "Next line"}},
  });
}

TEST_CASE("sentences: non-ASCII capitals and apostrophes") {
  check_cases({
      {"Ông Lương Cường đến. Đà Nẵng chào đón.", {"Ông Lương Cường đến.", "Đà Nẵng chào đón."}},
      {"Hai bên gặp nhau. Ấn Độ cũng dự.", {"Hai bên gặp nhau.", "Ấn Độ cũng dự."}},
      {"Laos\u2019s ties grew. Vietnam\u2019s did too.",
       {"Laos\u2019s ties grew.", "Vietnam\u2019s did too."}},
      {"Визит завершён. Москва довольна.", {"Визит завершён.", "Москва довольна."}},
      {"Talks ended. \u4E24\u56FD\u540C\u610F\u3002", {"Talks ended.", "\u4E24\u56FD\u540C\u610F\u3002"}},
  });
}

TEST_CASE("sentences: spans are byte offsets into the body") {
  const std::string body = " Mr. Lê left.\r\n  Đà Nẵng won! ";
  const auto spans = split_sentences(body);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == Span{1, 14});
  CHECK(text_of(body, spans[1]) == "Đà Nẵng won!");
}

TEST_CASE("sentences: long inputs split in linear time") {
  const std::string unit =
      "Mr. Lee met V.V. Ivanov on Oct. 7, 1960 and paid US$1.2 billion. Then they left!  ";
  std::string text;
  while (text.size() < 2'000'000) text += unit;
  const std::size_t units = text.size() / unit.size();
  CHECK(split_sentences(text).size() == 2 * units);

  // Adversarial lines: one huge token, endless initials, endless dots.
  CHECK(split_sentences(std::string(2'000'000, 'a') + ". End.").size() == 2);
  std::string initials;
  while (initials.size() < 2'000'000) initials += "A. ";
  CHECK(split_sentences(initials).size() == 1);
  CHECK(split_sentences(std::string(2'000'000, '.') + " End").size() == 2);
  std::string short_words;
  while (short_words.size() < 2'000'000) short_words += "a.b. c. ";
  CHECK(split_sentences(short_words).size() == 1);
}

TEST_CASE("sentences: seed articles split where a reader would") {
  const auto s000 = split(read_seed("000_8b667b913f1f4dbc.txt"));
  CHECK(has_sentence(s000, "Formal diplomatic relations were established on 7 October 1960."));

  const auto s001 = split(read_seed("001_4c47eab0fb83ebe0.txt"));
  CHECK(s001.front() == "EN|FR|RU");
  CHECK(has_sentence(s001, "Russia and Laos: How friends meet"));
  CHECK(has_sentence(s001, "By the way, T. Sisoulith himself is a graduate of the Russian "
                           "Herzen State Pedagogical University."));
  CHECK(has_sentence(s001, "Demining in Laos is complicated by difficult climatic conditions "
                           "and the fact that some munitions are buried up to 2.5 metres deep."));
  CHECK(has_sentence(s001, "In 2018, the Russian side sent humanitarian aid to Lao citizens "
                           "affected by the devastating floods."));
  CHECK(has_sentence(
      s001, "During his May visit to Moscow, T. Sisoulith personally congratulated V.V. Putin "
            "on his election victory and noted that Russia is developing despite Western "
            "pressure and helps \u201Cdevelop a multipolar world so that all countries are in "
            "justice, prosperity and peace.\u201D"));
  CHECK(has_sentence(s001, "New U.S. strategy towards ASEAN: caution, info-colonialism!"));

  const auto s002 = split(read_seed("002_4031c5c2d2f7b495.txt"));
  CHECK(s002.front() == "Vietnamese President highlights special solidarity with Laos");

  const auto s003 = split(read_seed("003_5491a7fb58a6eb31.txt"));
  REQUIRE(s003.size() >= 2);
  CHECK(s003[s003.size() - 2].ends_with("as a model of international relations./."));
  CHECK(s003.back() == "Compiled by BTA");

  const auto s004 = split(read_seed("004_9bbb147ad7ec8272.txt"));
  CHECK(s004.back() == "\u2014 VNS");
  CHECK(s004.front().starts_with("date 2024-10-24 KAZAN"));
}

TEST_CASE("sentences: a mark is found at every offset, past non-ASCII text") {
  // The scan steps over eight bytes at a time; a mark in any lane must count.
  for (std::size_t k = 0; k < 20; ++k) {
    const std::string pad(k, 'x');
    for (std::string_view mark : {".", "!", "?", "\u2026"}) {
      const std::string first = "Wo" + pad + std::string(mark);
      CAPTURE(first);
      CHECK(split(first + " Next one.") == std::vector<std::string>{first, "Next one."});
      const std::string accented = "\u00C9" + pad + "\u00E9" + std::string(mark);
      CHECK(split(accented + " Next one.") == std::vector<std::string>{accented, "Next one."});
    }
    const std::string no_mark = "A" + pad + "\u2014" + pad + " b";
    CHECK(split(no_mark + "\nNext") == std::vector<std::string>{no_mark, "Next"});
  }
}

TEST_CASE("sentences: lines broken by carriage returns alone split in linear time") {
  CHECK(split("First line\rSecond line.\r\rThird") ==
        std::vector<std::string>{"First line", "Second line.", "Third"});
  std::string text;
  while (text.size() < 2'000'000) text += "Line\r";
  CHECK(split_sentences(text + "\nLast").size() == text.size() / 5 + 1);
}
