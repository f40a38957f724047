// The inputs fuzzing found (tests/fixtures/fuzz/<target>-<what>.txt) and the
// seed corpora (tests/fuzz/corpus/<target>/), run through the same checks as
// the libFuzzer targets, so a finding stays fixed in the ordinary suite and
// under tools/sanitize.sh. docs/fuzzing.md lists what each fixture found.

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/invariants.h"

using namespace annals;
using namespace annals::fuzz;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = ANNALS_SOURCE_DIR;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

using Runner = std::string (*)(std::string_view);

// The fuzz target whose checks an input named "<target>-..." or kept in
// corpus/<target>/ is for; nullptr for an unknown target.
Runner runner(std::string_view target) {
  const struct {
    std::string_view name;
    Runner run;
  } targets[] = {
      {"article", run_article},
      {"sentences", run_sentences},
      {"dates", run_dates},
      {"pipeline", run_pipeline},
  };
  for (const auto& t : targets)
    if (t.name == target) return t.run;
  return nullptr;
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() != ".dict") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// One line of `unit` repeated to at least `bytes`: inputs too big to keep as files.
std::string line_of(std::string_view unit, std::size_t bytes) {
  std::string out;
  while (out.size() < bytes) out += unit;
  return out;
}

}  // namespace

TEST_CASE("fuzz regressions: every input the fuzzers found keeps its target's promises") {
  const auto files = files_in(kRoot / "tests/fixtures/fuzz");
  REQUIRE(!files.empty());
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    CAPTURE(name);
    const Runner run = runner(name.substr(0, name.find('-')));
    const bool known_target = run != nullptr;
    REQUIRE_MESSAGE(known_target, "fixture names no fuzz target");
    CHECK(run(read_bytes(path)) == "");
  }
}

TEST_CASE("fuzz regressions: every seed of the corpora keeps its target's promises") {
  std::size_t seen = 0;
  for (const auto& path : files_in(kRoot / "tests/fuzz/corpus")) {
    const std::string target = path.parent_path().filename().string();
    CAPTURE(path.string());
    const Runner run = runner(target);
    const bool known_target = run != nullptr;
    REQUIRE_MESSAGE(known_target, "corpus folder names no fuzz target");
    CHECK(run(read_bytes(path)) == "");
    ++seen;
  }
  CHECK(seen > 100);
}

// std::regex (libstdc++) recurses once per character a repeat consumes, so a
// long run matched by "[A-Z]{2,}" or "[A-Za-z0-9-]*" overflowed the stack: a
// 60 KB line of capitals crashed trailing_tag, one of "a.a.a." leading_tag.
TEST_CASE("fuzz regressions: a long line without spaces is cleaned without overflowing the stack") {
  for (const std::string_view unit : {"A", "a.", "a-", "1", "A("}) {
    CAPTURE(unit);
    CHECK(run_article(line_of(unit, 256u << 10)) == "");
  }
}

// A line the splitter cannot break is one sentence, and a run of capitalised
// words one candidate name: work per token over the whole run was quadratic.
// At -O2, 128 KB took 74 s ("He met Mr. X." x 9000: events.cc modal, fixed
// 2026-11-23), 24 s ("Word " x 26000 or "A.A.A...": names.cc parse_name from
// every token) and 4 s ("Ministry of " x 10000: entities.cc, every chunk).
TEST_CASE("fuzz regressions: one very long sentence is analysed in bounded time") {
  using namespace std::chrono;
  for (const std::string_view unit : {"He met Mr. X. ", "Word ", "A.", "Ministry of "}) {
    CAPTURE(unit);
    const auto start = steady_clock::now();
    CHECK(run_pipeline(line_of(unit, 128u << 10)) == "");
    const auto took = duration_cast<milliseconds>(steady_clock::now() - start);
    CAPTURE(took.count());
    CHECK(took < seconds(10));
  }
}

TEST_CASE("fuzz invariants: admission follows read_text_file's stated rules") {
  const struct {
    std::string_view bytes;
    bool admitted;
  } cases[] = {
      {"Plain text.", true},
      {"\xEF\xBB\xBFText after a byte order mark.", true},
      {"", false},
      {"\xEF\xBB\xBF", false},
      {" \n\t ", false},
      {std::string_view("a\0b", 3), false},
      {"\x01\x02 mostly control", false},
      {"bad \xFF byte", false},
      {"overlong \xC0\xAF slash", false},
      {"surrogate \xED\xA0\x80 half", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.bytes);
    CHECK(admit(c.bytes).has_value() == c.admitted);
    CHECK(check_admission(c.bytes) == "");
  }
}

TEST_CASE("fuzz invariants: the checks report broken output") {
  const std::string_view body = "One. Two\nThree. \xC3\xA9t\xC3\xA9.";
  const struct {
    std::vector<Span> spans;
    std::string_view want;
  } sentence_cases[] = {
      {{{0, 4}, {5, 8}}, ""},
      {{{0, 0}}, "is empty"},
      {{{5, 8}, {0, 4}}, "precedes"},
      {{{5, 14}}, "line break"},
      {{{3, 5}}, "ends with white space"},
      {{{0, 40}}, "past the body"},
      {{{17, 20}}, "cuts a UTF-8 character"},
  };
  for (const auto& c : sentence_cases) {
    const std::string got = check_sentences(body, c.spans);
    CAPTURE(got);
    CHECK(got.find(c.want) != std::string::npos);
    CHECK(got.empty() == c.want.empty());
  }

  DateMention ok{{0, 3}, full_date(2024, 2, 29), std::nullopt, ""};
  DateMention bad_day = ok;
  bad_day.start = FuzzyDate{date::year(2023) / 2 / 29, Precision::day};
  DateMention unknown = ok;
  unknown.start.precision = Precision::unknown;
  CHECK(check_dates(body, {ok}) == "");
  CHECK(check_dates(body, {bad_day}) != "");
  CHECK(check_dates(body, {unknown}) != "");
  CHECK(check_dates(body, {ok, ok}) != "");  // overlapping

  Article a;
  a.raw = "Head\n\nText";
  a.body = "Head\n\nText";
  a.segments = {{0, 0, 4}, {6, 6, 4}};
  CHECK(check_article(a, a.raw) == "");
  a.segments[1].raw_begin = 5;
  CHECK(check_article(a, a.raw) != "");  // body no longer copies raw
  a.segments = {{0, 0, 4}};
  CHECK(check_article(a, a.raw) != "");  // body not covered
}
