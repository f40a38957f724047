#include "pipeline/article.h"

#include "annals/error.h"
#include "article_helpers.h"

#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <unistd.h>

using namespace annals;
using namespace annals::article_testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = ANNALS_SOURCE_DIR;

// A folder under the system temp folder, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() /
           ("annals_article_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, std::string_view bytes) const {
    std::ofstream(path / name, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    return path / name;
  }
};

}  // namespace

TEST_CASE("read_text_file: returns the text and drops a UTF-8 byte order mark") {
  TempDir dir;
  CHECK(read_text_file(dir.write("plain.txt", "Hà Nội\n")) == "Hà Nội\n");
  CHECK(read_text_file(dir.write("bom.txt", "\xEF\xBB\xBFSome text")) == "Some text");
  CHECK(read_text_file(dir.write("limit.txt", "0123456789"), ReadLimits{10}) == "0123456789");
}

TEST_CASE("read_text_file: each failure throws Error naming the file and the reason") {
  TempDir dir;
  const struct {
    std::string name, bytes, reason;
    std::size_t limit = 1000;
  } cases[] = {
      {"empty.txt", "", "is empty"},
      {"bom_only.txt", "\xEF\xBB\xBF", "is empty (only a byte order mark)"},
      {"blank.txt", " \n\t\r\n\xC2\xA0\n", "has only white space"},
      {"nul.txt", std::string("abc\0def", 7), "looks binary: NUL byte at offset 3"},
      {"controls.txt", "\x01\x02\x03\x04\x05 text", "looks binary: 5 control bytes in 10"},
      {"latin1.txt", "Caf\xE9 au lait", "is not valid UTF-8: bad byte at offset 3"},
      {"bom_latin1.txt", "\xEF\xBB\xBF" "ab\xFF", "is not valid UTF-8: bad byte at offset 5"},
      {"truncated.txt", "Vi\xE1\xBB", "is not valid UTF-8: bad byte at offset 2"},
      {"large.txt", "0123456789A", "is 11 bytes, larger than the limit of 10 bytes", 10},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const fs::path path = dir.write(c.name, c.bytes);
    try {
      read_text_file(path, ReadLimits{c.limit});
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.subject() == path.string());
      CHECK(e.reason() == c.reason);
    }
  }
}

TEST_CASE("read_text_file: a missing path or a folder is not a readable file") {
  TempDir dir;
  CHECK_THROWS_WITH_AS(read_text_file(dir.path / "nope.txt"),
                       ((dir.path / "nope.txt").string() + ": no such file").c_str(), Error);
  CHECK_THROWS_WITH_AS(read_text_file(dir.path), (dir.path.string() + ": is a folder, not a file").c_str(),
                       Error);
  if (::geteuid() != 0) {  // root reads everything
    const fs::path locked = dir.write("locked.txt", "text");
    fs::permissions(locked, fs::perms::none);
    CHECK_THROWS_WITH_AS(read_text_file(locked), (locked.string() + ": cannot be opened for reading").c_str(),
                         Error);
  }
}

TEST_CASE("clean_article: a second paragraph with the article's own tag is another story's teaser") {
  const std::string raw = "EXAMPLE.NEWS - " + kStory + "\n\n" + kMore +
                          "\n\nFerry operators meet trade officials\n\n"
                          "EXAMPLE.NEWS - Ferry operators met trade officials to discuss the "
                          "future of their boats after the bridge opened.\n";
  const Article a = clean_article("t.txt", raw);
  REQUIRE(a.publisher);
  CHECK(a.publisher->value == "EXAMPLE.NEWS");
  CHECK(a.publisher->from == "publisher tag");
  CHECK(reason_for(a, "EXAMPLE.NEWS - ") == "publisher tag");
  CHECK(reason_for(a, "Ferry operators meet trade officials") == "related teaser");
  CHECK(a.body == kStory + "\n\n" + kMore);
  check_segments(a);
}

TEST_CASE("clean_article: the end marker ./. is dropped, the full stop kept") {
  const Article a = clean_article("t.txt", kStory.substr(0, kStory.size() - 1) + "./.\n\n" + kMore);
  CHECK(a.body == kStory + "\n\n" + kMore);
  CHECK(reason_for(a, "/.") == "end marker");
}

TEST_CASE("clean_article: the title is a short first line followed by a blank line, or none") {
  const struct { std::string raw; std::optional<std::string> title; } cases[] = {
      {"Ministers agree on new border crossings\n\n" + kStory, "Ministers agree on new border crossings"},
      {"EN|FR\nFollow us on:\n\nMinisters agree on crossings\n\n" + kStory, "Ministers agree on crossings"},
      {kStory + "\n\nMinisters agree on crossings\n\n" + kMore, std::nullopt},
      {"Ministers agree on crossings\n" + kStory, std::nullopt},  // no blank line after
      {"Ministers agree on crossings.\n\n" + kStory, std::nullopt},
      {"Ministers\n\n" + kStory, std::nullopt},
  };
  for (const auto& c : cases) {
    CAPTURE(c.raw);
    const Article a = clean_article("t.txt", c.raw);
    CHECK((a.title ? std::optional(a.title->value) : std::nullopt) == c.title);
    if (a.title) CHECK(a.title->from == "headline");
  }
}

TEST_CASE("clean_article: language is judged from the body") {
  const struct { std::string text; std::optional<std::string> language; } cases[] = {
      {kStory, "en"},
      {"Les ministres des deux pays se sont rencontrés à la frontière et ont signé un accord sur "
       "les nouveaux postes de passage pour les camions.", "fr"},
      {"Министры двух стран встретились на границе и подписали соглашение о новых переходах.", "ru"},
      {"Thủ tướng Phạm Minh Chính đã có cuộc gặp với Tổng Bí thư và Chủ tịch nước Lào tại Kazan.", "vi"},
      {"Short text", std::nullopt},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Article a = clean_article("t.txt", c.text);
    CHECK((a.language ? std::optional(a.language->value) : std::nullopt) == c.language);
  }
}

TEST_CASE("clean_article: an article that is all furniture has an empty body") {
  const Article a = clean_article("t.txt", "Share\nPrint\n\nLeave a comment\n");
  CHECK(a.body.empty());
  CHECK(a.segments.empty());
  CHECK(a.removed.size() == 3);
}

TEST_CASE("clean_article: paragraphs are joined by a blank line, lines of one paragraph by a newline") {
  const Article a = clean_article("t.txt", "  " + kStory + " \r\nShare\r\n" + kMore + "\r\n\r\n\xC2\xA0\r\n" + kStory);
  CHECK(a.body == kStory + "\n" + kMore + "\n\n" + kStory);
  check_segments(a);
}

TEST_CASE("clean_article: a page of furniture around a short story (fixture)") {
  const fs::path path = kSource / "tests/fixtures/article/page.txt";
  const Article a = clean_article("page.txt", read_text_file(path));
  REQUIRE(a.title);
  CHECK(a.title->value == "Ministers open a new river bridge");
  REQUIRE(a.author);
  CHECK(a.author->value == "Anna Berg");
  REQUIRE(a.published);
  CHECK(to_iso(*a.published) == "2023-04-03");
  REQUIRE(a.publisher);
  CHECK(a.publisher->value == "EXAMPLE.NEWS");
  CHECK(a.body ==
        "Ministers open a new river bridge\n\n"
        "The foreign ministers of Norland and Sudmark opened a new bridge over the border river on "
        "Monday, ending a decade of talks about the crossing.\n\n"
        "The two ministers cut a ribbon in front of local officials and promised that trade across "
        "the river would double within five years.");
  check_segments(a);
}

TEST_CASE("clean_article: the seed articles' metadata matches the gold") {
  const struct {
    std::string file;
    std::optional<std::string> title, publisher, author, published;
    std::string published_from;
  } cases[] = {
      {"000_8b667b913f1f4dbc.txt", {}, {}, {}, {}, ""},
      {"001_4c47eab0fb83ebe0.txt", "Russia and Laos: How friends meet", "New Eastern Outlook",
       "Ksenia Muratshina", "2024-05-29", "byline"},
      {"002_4031c5c2d2f7b495.txt", "Vietnamese President highlights special solidarity with Laos",
       "VOV.VN", {}, {}, ""},
      {"003_5491a7fb58a6eb31.txt", {}, "BTA", {}, {}, ""},
      {"004_9bbb147ad7ec8272.txt", {}, "VNS", {}, "2024-10-24", "date line"},
  };
  auto value = [](const std::optional<Stated>& s) { return s ? std::optional(s->value) : std::nullopt; };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    const Article a = clean_article(c.file, read_text_file(kSource / "seeds" / c.file));
    CHECK(value(a.title) == c.title);
    CHECK(value(a.publisher) == c.publisher);
    CHECK(value(a.author) == c.author);
    CHECK((a.published ? std::optional(to_iso(*a.published)) : std::nullopt) == c.published);
    CHECK(a.published_from == c.published_from);
    CHECK(value(a.language) == "en");
    check_segments(a);
  }
}

TEST_CASE("clean_article: the seeds' furniture is out of the body, with reasons") {
  const struct { std::string file, raw_line, reason; } cases[] = {
      {"001_4c47eab0fb83ebe0.txt", "EN|FR|RU", "navigation"},
      {"001_4c47eab0fb83ebe0.txt", "Follow us on:", "navigation"},
      {"001_4c47eab0fb83ebe0.txt", "More on this topic", "related list"},
      {"001_4c47eab0fb83ebe0.txt", "BRICS summit in Kazan: reaction from the Middle East", "related list"},
      {"002_4031c5c2d2f7b495.txt", "Laos places top priority on relations with Vietnam, says ambassador",
       "related teaser"},
      {"002_4031c5c2d2f7b495.txt", "Mời quý độc giả theo dõi VOV.VN trên", "other language"},
      {"002_4031c5c2d2f7b495.txt",
       "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
       "comment notice"},
      {"002_4031c5c2d2f7b495.txt", "Related", "related list"},
      {"003_5491a7fb58a6eb31.txt", "Major Lao newspapers run articles on Vietnam – Laos relationship.",
       "photo caption"},
      {"003_5491a7fb58a6eb31.txt", "Compiled by BTA", "credit line"},
      {"004_9bbb147ad7ec8272.txt", "date 2024-10-24 ", "date line"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.raw_line);
    const Article a = clean_article(c.file, read_text_file(kSource / "seeds" / c.file));
    CHECK(reason_for(a, c.raw_line) == c.reason);
    CHECK_FALSE(in_body(a, c.raw_line));
  }
  const Article a002 = clean_article("002", read_text_file(kSource / "seeds/002_4031c5c2d2f7b495.txt"));
  CHECK_FALSE(in_body(a002, "2026"));  // only the teaser dates the visit
  CHECK_FALSE(in_body(a002, "Viết bình luận"));
  CHECK(a002.body.ends_with("in line with development requirements in the new period."));
  const Article a001 = clean_article("001", read_text_file(kSource / "seeds/001_4c47eab0fb83ebe0.txt"));
  CHECK_FALSE(in_body(a001, "Trump"));
  CHECK_FALSE(in_body(a001, "PhD in History"));
  CHECK(in_body(a001, "\n\nRussia and Laos\n\n"));  // a subheading stays
}

