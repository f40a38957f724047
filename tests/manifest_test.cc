#include "pipeline/manifest.h"

#include "annals/error.h"
#include "pipeline/article.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <unistd.h>

using namespace annals;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = ANNALS_SOURCE_DIR;

// A folder under the system temp folder, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> n{0};
    path = fs::temp_directory_path() /
           ("annals_manifest_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, std::string_view text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

std::string iso(const std::optional<FuzzyDate>& d) { return d ? to_iso(*d) : ""; }

}  // namespace

TEST_CASE("manifest: reads every field, with nulls and missing keys left unset") {
  TempDir dir;
  const fs::path m = dir.write("manifest.json", R"({"articles": [
    {"file": "a.txt", "title": "Ministers meet", "publisher": "Example News", "author": "Jane Doe",
     "published": "2023-03-14", "url": "https://example.org/a", "language": "en", "note": "checked"},
    {"file": "b.txt", "title": null, "published": "2023-03", "language": "pt-BR"},
    {"file": "sub/c.txt", "published": "2023", "author": ""}
  ]})");
  const auto entries = read_manifest(m);
  REQUIRE(entries.size() == 3);
  const ManifestEntry& a = entries[0];
  CHECK(a.file == "a.txt");
  CHECK(a.title == "Ministers meet");
  CHECK(a.publisher == "Example News");
  CHECK(a.author == "Jane Doe");
  CHECK(a.url == "https://example.org/a");
  CHECK(a.language == "en");
  CHECK(a.note == "checked");
  CHECK(iso(a.published) == "2023-03-14");
  CHECK(a.published->precision == Precision::day);

  const ManifestEntry& b = entries[1];
  CHECK_FALSE(b.title);
  CHECK_FALSE(b.author);
  CHECK(b.note.empty());
  CHECK(b.language == "pt-BR");
  CHECK(b.published->precision == Precision::month);

  CHECK(entries[2].file == "sub/c.txt");
  CHECK(entries[2].published->precision == Precision::year);
  CHECK_FALSE(entries[2].author);  // "" counts as null
}

TEST_CASE("manifest: malformed manifests throw Error naming the file and the fault") {
  const struct { std::string json, reason; } cases[] = {
      {R"({"articles": [)", "malformed JSON"},
      {R"([])", "must be a JSON object with an \"articles\" list"},
      {R"({})", "\"articles\" must be a list"},
      {R"({"articles": {}})", "\"articles\" must be a list"},
      {R"({"articles": [], "extra": 1})", "extra is not a known key"},
      {R"({"articles": ["a.txt"]})", "articles[0] must be an object"},
      {R"({"articles": [{"title": "x"}]})", "articles[0].file is required"},
      {R"({"articles": [{"file": null}]})", "articles[0].file is required"},
      {R"({"articles": [{"file": 7}]})", "articles[0].file must be a string or null"},
      {R"({"articles": [{"file": "a.txt", "title": 3}]})", "articles[0].title must be a string or null"},
      {R"({"articles": [{"file": "a.txt", "autor": "x"}]})", "articles[0].autor is not a known key"},
      {R"({"articles": [{"file": "a.txt", "published": "2024-13"}]})",
       "articles[0].published \"2024-13\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"},
      {R"({"articles": [{"file": "a.txt", "published": "2023-02-29"}]})", "\"2023-02-29\" is not a date"},
      {R"({"articles": [{"file": "a.txt", "published": "May 2024"}]})", "\"May 2024\" is not a date"},
      {R"({"articles": [{"file": "a.txt", "published": 2024}]})", "published must be a string or null"},
      {R"({"articles": [{"file": "a.txt", "language": "English"}]})",
       "articles[0].language \"English\" is not a language code like \"en\""},
      {R"({"articles": [{"file": "/etc/a.txt"}]})", "must be relative to the manifest's folder"},
      {R"({"articles": [{"file": "../a.txt"}]})", "must stay inside the manifest's folder"},
      {R"({"articles": [{"file": "a.txt"}, {"file": "b.txt"}, {"file": "./a.txt"}]})",
       "articles[2].file \"a.txt\" is listed twice"},
  };
  TempDir dir;
  for (const auto& c : cases) {
    CAPTURE(c.json);
    const fs::path m = dir.write("manifest.json", c.json);
    try {
      read_manifest(m);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.subject() == m.string());
      CHECK(e.reason().find(c.reason) != std::string::npos);
    }
  }
  CHECK_THROWS_AS(read_manifest(dir.path / "absent.json"), Error);
}

TEST_CASE("manifest: missing_files lists entries with no file beside the manifest") {
  TempDir dir;
  dir.write("here.txt", "text");
  fs::create_directories(dir.path / "folder.txt");
  const fs::path m = dir.write("manifest.json",
                               R"({"articles": [{"file": "here.txt"}, {"file": "gone.txt"},
                                                {"file": "folder.txt"}]})");
  const auto entries = read_manifest(m);  // absent files are not an error here
  CHECK(missing_files(m, entries) == std::vector<std::string>{"gone.txt", "folder.txt"});
}

TEST_CASE("manifest: the seed manifest covers every seed with language and note only") {
  const fs::path m = kSource / "seeds/manifest.json";
  const auto entries = read_manifest(m);
  REQUIRE(entries.size() == 5);
  CHECK(missing_files(m, entries).empty());
  for (const auto& e : entries) {
    CAPTURE(e.file);
    CHECK(e.language == "en");
    CHECK(e.note == "seed article");
    CHECK_FALSE(e.title);
    CHECK_FALSE(e.publisher);
    CHECK_FALSE(e.author);
    CHECK_FALSE(e.published);
    CHECK_FALSE(e.url);
  }
}

TEST_CASE("manifest: apply_manifest overrides what the text stated and leaves the rest") {
  Article a;
  a.title = Stated{"Text title", "headline"};
  a.author = Stated{"Text Author", "byline"};
  a.published = full_date(2020, 1, 2);
  a.published_from = "date line";
  a.language = Stated{"en", "inferred: function words"};

  ManifestEntry e;
  e.file = "a.txt";
  e.title = "Manifest title";
  e.url = "https://example.org/a";
  e.published = year_month(2021, 6);
  apply_manifest(a, e);

  CHECK(a.title->value == "Manifest title");
  CHECK(a.title->from == "manifest");
  CHECK(a.url->value == "https://example.org/a");
  CHECK(a.url->from == "manifest");
  CHECK(iso(a.published) == "2021-06");
  CHECK(a.published_from == "manifest");
  CHECK(a.author->value == "Text Author");  // not in the entry: kept
  CHECK(a.author->from == "byline");
  CHECK(a.language->from == "inferred: function words");
  CHECK_FALSE(a.publisher);
}

TEST_CASE("manifest: a seed cleaned and then given its manifest entry") {
  const fs::path m = kSource / "seeds/manifest.json";
  const auto entries = read_manifest(m);
  const auto it = std::find_if(entries.begin(), entries.end(),
                               [](const ManifestEntry& e) { return e.file.starts_with("004_"); });
  REQUIRE(it != entries.end());
  Article a = clean_article(it->file, read_text_file(kSource / "seeds" / it->file));
  apply_manifest(a, *it);
  CHECK(a.language->value == "en");
  CHECK(a.language->from == "manifest");
  CHECK(iso(a.published) == "2024-10-24");  // still from the text
  CHECK(a.published_from == "date line");
  CHECK(a.publisher->value == "VNS");
}
