// The built `annals` binary, run as a user would, in a temporary folder.

#include "shell.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace fs = std::filesystem;

namespace {

const fs::path kSeeds = fs::path(ANNALS_SOURCE_DIR) / "seeds";

// `s` as one word for /bin/sh, whatever it holds.
std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

using annals::test::Run;

struct CliFixture {
  fs::path dir;
  CliFixture() {
    REQUIRE_MESSAGE(fs::exists(ANNALS_CLI), "build the annals_cli target first");
    std::string tmpl = (fs::temp_directory_path() / "annals-cli-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
  }
  ~CliFixture() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  // Runs `annals <args>` in the temporary folder; `streams` picks what is kept
  // ("2>&1" both, "2>/dev/null" stdout only).
  Run annals(const std::string& args, const std::string& streams = "2>&1") const {
    return annals::test::shell("cd " + quote(dir.string()) + " && " + quote(ANNALS_CLI) + " " + args + " " + streams);
  }

  void write(const std::string& name, const std::string& bytes) const {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name, std::ios::binary) << bytes;
  }
};

const std::string kArticle = "Delegates from Chile and Peru met in Lima to discuss fishing quotas.\n";

}  // namespace

TEST_CASE_FIXTURE(CliFixture, "cli: import prints a summary of five sources with their sentence counts") {
  const Run r = annals("import --db kb.db " + quote(kSeeds.string()));
  CAPTURE(r.out);
  CHECK(r.status == 0);
  int rows = 0;
  for (const auto& entry : fs::directory_iterator(kSeeds)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex(name + R"(\s+imported\s+(\d+))")));
    CHECK(std::stoi(m[1]) > 0);
    ++rows;
  }
  CHECK(rows == 5);
  CHECK(r.out.find("5 files: 5 imported") != std::string::npos);
  const Run again = annals("import --db kb.db " + quote(kSeeds.string()));
  CHECK(again.status == 0);
  CHECK(again.out.find("5 unchanged") != std::string::npos);
}

TEST_CASE_FIXTURE(CliFixture, "cli: --quiet prints nothing when the import succeeds") {
  const Run r = annals("import --quiet --db kb.db " + quote(kSeeds.string()));
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(fs::exists(dir / "kb.db"));
}

TEST_CASE_FIXTURE(CliFixture, "cli: bad usage exits 2 with a message") {
  const char* const cases[] = {
      "import",                   // nothing to import
      "import --db",              // option without its value
      "import --bogus seeds",     // unknown option
      "import --quiet=yes seeds",  // a flag given a value
      "frobnicate",               // unknown command
      "",                         // no command
      "export --format xml --db kb.db",
  };
  for (const char* args : cases) {
    CAPTURE(args);
    const Run r = annals(args);
    CHECK(r.status == 2);
    CHECK_FALSE(r.out.empty());
  }
}

TEST_CASE_FIXTURE(CliFixture, "cli: a bad file is named on one line, the others are imported, exit 2") {
  write("in/good one.txt", kArticle);
  write("in/empty.txt", "");
  write("in/it's \"odd\".txt", std::string("\xFF\xFE", 2));
  const Run r = annals("import --db kb.db in");
  CAPTURE(r.out);
  CHECK(r.status == 2);
  CHECK(r.out.find("annals import: in/empty.txt: is empty\n") != std::string::npos);
  CHECK(r.out.find("annals import: in/it's \"odd\".txt: is not valid UTF-8") != std::string::npos);
  CHECK(std::regex_search(r.out, std::regex(R"(good one\.txt\s+imported)")));
  CHECK(r.out.find("1 imported, 0 replaced, 0 unchanged, 2 failed") != std::string::npos);
  const Run quiet = annals("import --quiet --db kb.db in");
  CHECK(quiet.status == 2);
  CHECK(quiet.out.find("annals import: in/empty.txt: is empty\n") != std::string::npos);  // errors still shown
  CHECK(quiet.out.find("unchanged") == std::string::npos);
}

TEST_CASE_FIXTURE(CliFixture, "cli: databases that cannot be imported into are named, exit 2") {
  write("in/a.txt", kArticle);
  write("notes.db", "Shopping list: fish, bread.\n");
  REQUIRE(annals("import --quiet --db ro.db in").status == 0);
  fs::permissions(dir / "ro.db", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const struct {
    const char* args;
    const char* message;
  } cases[] = {
      {"import --db ro.db in", "annals import: ro.db: is read-only"},
      {"import --db notes.db in", "annals import: notes.db: is not an SQLite database"},
      {"import --db kb.db in missing", "annals import: missing: no such file or folder"},
      {"stats --db nothing.db", "annals stats: nothing.db: no such database"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args);
    const Run r = annals(c.args);
    CHECK(r.status == 2);
    CHECK(r.out.find(c.message) != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "nothing.db"));
}

TEST_CASE_FIXTURE(CliFixture, "cli: export --format json prints the knowledge base as JSON") {
  REQUIRE(annals("import --quiet --db kb.db " + quote(kSeeds.string())).status == 0);
  const Run r = annals("export --format json --db kb.db", "2>/dev/null");
  CHECK(r.status == 0);
  const auto kb = nlohmann::json::parse(r.out);
  REQUIRE(kb.contains("sources"));
  CHECK(kb["sources"].size() == 5);
  for (const char* key : {"countries", "persons", "events"}) CHECK(kb.contains(key));
}

TEST_CASE_FIXTURE(CliFixture, "cli: stats counts the sources and sentences") {
  REQUIRE(annals("import --quiet --db kb.db " + quote(kSeeds.string())).status == 0);
  const Run r = annals("stats --db kb.db", "2>/dev/null");
  CAPTURE(r.out);
  CHECK(r.status == 0);
  std::smatch m;
  CHECK(std::regex_search(r.out, m, std::regex(R"(sources\s+5\n)")));
  REQUIRE(std::regex_search(r.out, m, std::regex(R"(sentences\s+(\d+))")));
  CHECK(std::stoi(m[1]) > 50);
  const Run json = annals("stats --json --db kb.db", "2>/dev/null");
  CHECK(nlohmann::json::parse(json.out)["sources"] == 5);
}

TEST_CASE_FIXTURE(CliFixture, "cli: imports started at once into one new database serialise") {
  const std::string one = quote(ANNALS_CLI) + " import --quiet --db kb.db " + quote(kSeeds.string()) +
                          " 2>&1 || echo failed";
  for (int round = 0; round < 8; ++round) {  // a race: several rounds to meet it
    CAPTURE(round);
    fs::remove(dir / "kb.db");
    fs::remove(dir / "kb.db-wal");
    fs::remove(dir / "kb.db-shm");
    std::string cmd = "cd " + quote(dir.string()) + " && {";
    for (int i = 0; i < 4; ++i) cmd += " (" + one + ") &";
    cmd += " wait; }";
    const std::string out = annals::test::shell(cmd).out;
    CAPTURE(out);  // what was printed, should the check fail
    CHECK(out.empty());  // --quiet: any output is an error
    const Run stats = annals("stats --json --db kb.db", "2>/dev/null");
    CHECK(nlohmann::json::parse(stats.out)["sources"] == 5);
  }
}

TEST_CASE_FIXTURE(CliFixture, "cli: a large import ends with every query index, with or without --keep-indexes") {
  // 1,000 files reach the size at which an import sets the query indexes aside.
  for (int i = 0; i < 1000; ++i)
    write("in/a" + std::to_string(i) + ".txt", "Envoys of Chile and Peru met in Lima (round " + std::to_string(i) +
                                                   ").\nThe two ministers agreed to meet again.\n");
  for (const std::string flag : {"", "--keep-indexes "}) {
    CAPTURE(flag);
    fs::remove(dir / "kb.db");
    const Run r = annals("import --quiet " + flag + "--db kb.db in");
    CAPTURE(r.out);
    CHECK(r.status == 0);
    SQLite::Database kb((dir / "kb.db").string());
    CHECK(kb.execAndGet("SELECT count(*) FROM sources").getInt() == 1000);
    CHECK(kb.execAndGet("SELECT count(*) FROM deferred_indexes").getInt() == 0);
    CHECK(kb.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('events_date', "
                        "'event_countries_type', 'persons_rest')").getInt() == 3);
  }
}
