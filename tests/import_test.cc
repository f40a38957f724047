// import_paths end to end on a file database: the seeds, re-imports, new
// versions, and every kind of bad input, each leaving what was stored intact.

#include "annals/database.h"
#include "annals/error.h"
#include "annals/import.h"
#include "store/connection.h"
#include "temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <thread>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace annals;

namespace {

const fs::path kSeeds = fs::path(ANNALS_SOURCE_DIR) / "seeds";
const fs::path kFixtures = fs::path(ANNALS_SOURCE_DIR) / "tests" / "fixtures" / "import";

// A short article of our own; `n` makes its bytes differ from its siblings'.
std::string article(int n) {
  return "Envoys from Chile and Peru met in Lima to discuss fishing quotas (round " + std::to_string(n) +
         ").\nThe ministers agreed to meet again next year.\n";
}

struct TempDir : test::TempDir {
  TempDir() : test::TempDir("annals-import") {}
};

void write_bytes(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

const ImportedFile& find(const ImportReport& r, const std::string& name) {
  for (const auto& f : r.files)
    if (f.file == name) return f;
  FAIL("no file named " << name << " in the report");
  return r.files.front();
}

using Counts = std::map<std::string, int>;

struct ImportFixture {
  TempDir dir;
  fs::path db_file = dir.path / "kb.db";
  Database db = Database::open(db_file, OpenMode::read_write);
  SQLite::Database& sql = connection(db);

  ImportReport import(const std::vector<fs::path>& paths, const ImportOptions& options = {}) {
    return import_paths(db, paths, options);
  }

  int value(const std::string& query) { return sql.execAndGet(query).getInt(); }

  Counts counts() {
    Counts out;
    for (const char* t : {"sources", "sentences", "evidence", "persons", "person_aliases", "organizations",
                          "positions", "events", "event_participants", "relations", "source_segments",
                          "boilerplate"})
      out[t] = value(std::string("SELECT count(*) FROM ") + t);
    return out;
  }

  std::set<std::int64_t> ids(const std::string& query, const std::string& bind = {}) {
    SQLite::Statement st(sql, query);
    if (!bind.empty()) st.bind(1, bind);
    std::set<std::int64_t> out;
    while (st.executeStep()) out.insert(st.getColumn(0).getInt64());
    return out;
  }

  // Sentences whose text holds `word` as a whole word, found without the index.
  std::set<std::int64_t> containing(const std::string& word) {
    const std::regex re("(^|[^A-Za-z0-9])" + word + "([^A-Za-z0-9]|$)", std::regex::icase);
    SQLite::Statement st(sql, "SELECT sentence_id, text FROM sentences");
    std::set<std::int64_t> out;
    while (st.executeStep())
      if (std::regex_search(st.getColumn(1).getString(), re)) out.insert(st.getColumn(0).getInt64());
    return out;
  }

  // The database is sound and the full-text index says what the sentences say.
  void check_store(const std::vector<std::string>& words) {
    sql.exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')");
    // With rank 1 the check also compares the index with the sentences table.
    sql.exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
    CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(ids("PRAGMA foreign_key_check").empty());
    for (const auto& w : words) {
      CAPTURE(w);
      CHECK(ids("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", w) == containing(w));
    }
  }
};

const std::vector<std::string> kWords = {"the", "president", "minister", "visit", "cooperation",
                                         "port", "observers", "correction", "lima", "quotas"};

}  // namespace

TEST_CASE_FIXTURE(ImportFixture, "import: the seed folder gives five sources, and importing it again changes nothing") {
  const auto first = import({kSeeds});
  CHECK(first.ok());
  CHECK(first.count(ImportOutcome::imported) == 5);
  CHECK(first.files.size() == 5);
  for (const auto& f : first.files) {
    CAPTURE(f.file);
    CHECK(f.sentences > 0);
    CHECK(f.file.find('/') == std::string::npos);  // named relative to the folder
  }
  CHECK(value("SELECT count(*) FROM sources WHERE replaced_by IS NULL") == 5);
  CHECK(value("SELECT count(*) FROM sources WHERE language = 'en'") == 5);
  const Counts before = counts();
  CHECK(before.at("sentences") > 50);
  check_store(kWords);
  const auto again = import({kSeeds / ""});  // a trailing slash names the same folder
  CHECK(again.ok());
  CHECK(again.count(ImportOutcome::unchanged) == 5);
  for (const auto& f : again.files) CHECK(f.message.find(f.file) != std::string::npos);
  CHECK(counts() == before);
}

TEST_CASE_FIXTURE(ImportFixture, "import: a changed file becomes version 2 and replaces only its old facts") {
  const fs::path folder = dir.path / "news";
  fs::create_directories(folder);
  fs::copy_file(kFixtures / "harbour.txt", folder / "harbour.txt");
  fs::copy_file(kFixtures / "river.txt", folder / "river.txt");
  REQUIRE(import({folder}).count(ImportOutcome::imported) == 2);
  const auto old_id = value("SELECT source_id FROM sources WHERE file = 'harbour.txt'");
  const auto river_id = std::to_string(value("SELECT source_id FROM sources WHERE file = 'river.txt'"));
  const std::string of_old = " FROM evidence WHERE source_id = " + std::to_string(old_id);
  const auto facts = [&](const std::string& column, const char* op) {
    return ids("SELECT " + column + of_old + " AND " + column + " IS NOT NULL " + op + " SELECT " + column +
               " FROM evidence WHERE source_id = " + river_id);
  };
  const auto events_only_old = facts("event_id", "EXCEPT");
  const auto events_shared = facts("event_id", "INTERSECT");
  const auto persons_shared = facts("person_id", "INTERSECT");
  REQUIRE_FALSE(events_only_old.empty());  // else the test would prove nothing
  REQUIRE_FALSE(events_shared.empty());
  REQUIRE_FALSE(persons_shared.empty());
  REQUIRE(containing("observers").size() == 1);

  fs::copy_file(kFixtures / "harbour_v2.txt", folder / "harbour.txt", fs::copy_options::overwrite_existing);
  // A new file written before the replacement, in the same batch: the batch
  // starts without foreign-key checks, and the replacement's cascades need them.
  write_bytes(folder / "abroad.txt", article(1));
  const auto second = import({folder});
  CHECK(second.ok());
  CHECK(find(second, "abroad.txt").outcome == ImportOutcome::imported);
  CHECK(find(second, "harbour.txt").outcome == ImportOutcome::replaced);
  CHECK(value("PRAGMA foreign_keys") == 1);
  CHECK(find(second, "river.txt").outcome == ImportOutcome::unchanged);
  CHECK(value("SELECT version FROM sources WHERE file = 'harbour.txt' AND replaced_by IS NULL") == 2);
  CHECK(value("SELECT count(*) FROM sources WHERE file = 'harbour.txt'") == 2);
  CHECK(value("SELECT count(*) FROM sentences WHERE source_id = " + std::to_string(old_id)) == 0);
  CHECK(value("SELECT count(*)" + of_old) == 0);
  for (auto id : events_only_old) CHECK(value("SELECT count(*) FROM events WHERE event_id = " + std::to_string(id)) == 0);
  for (auto id : events_shared) CHECK(value("SELECT count(*) FROM events WHERE event_id = " + std::to_string(id)) == 1);
  for (auto id : persons_shared) CHECK(value("SELECT count(*) FROM persons WHERE person_id = " + std::to_string(id)) == 1);
  CHECK(containing("observers").empty());
  CHECK(containing("correction").size() == 1);
  check_store(kWords);

  fs::copy_file(kFixtures / "harbour.txt", folder / "harbour.txt", fs::copy_options::overwrite_existing);
  CHECK(find(import({folder}), "harbour.txt").outcome == ImportOutcome::replaced);  // back again: version 3
  CHECK(value("SELECT max(version) FROM sources WHERE file = 'harbour.txt'") == 3);
  check_store(kWords);
}

TEST_CASE_FIXTURE(ImportFixture, "import: each bad file fails with a one-line reason, and the rest is imported") {
  const fs::path in = dir.path / "in";
  write_bytes(in / "good.txt", article(1));
  REQUIRE(import({in}).ok());
  const int good_sentences = value("SELECT count(*) FROM sentences");
  REQUIRE(good_sentences > 0);
  const struct {
    const char* name;
    std::string bytes;
    const char* reason;
  } cases[] = {
      {"empty.txt", "", "is empty"},
      {"bom-only.txt", "\xEF\xBB\xBF", "is empty"},
      {"blank.md", " \n\t  \r\n\n   ", "only white space"},
      {"nul.txt", std::string("Talks resumed\0 in Lima.\n", 24), "NUL byte"},
      {"ff.txt", std::string(64, '\xFF'), "UTF-8"},
      {"control.txt", std::string(200, '\x01') + "text", "looks binary"},
      {"latin1.txt", "Caf\xE9 talks in Lima.\n", "not valid UTF-8"},
      {"overlong.txt", "A slash \xC0\xAF in the text.\n", "not valid UTF-8"},
      {"overlong3.txt", "A slash \xE0\x80\xAF in the text.\n", "not valid UTF-8"},
      {"surrogate.txt", "A half pair \xED\xA0\x80 here.\n", "not valid UTF-8"},
      {"cut.txt", "Ends mid-character \xE2\x80", "not valid UTF-8"},
      {"big.txt", std::string(3000, 'a') + "\n", "larger than the limit"},
  };
  for (const auto& c : cases) write_bytes(in / c.name, c.bytes);
  write_bytes(in / "good2.txt", article(2));
  ImportOptions options;
  options.max_file_bytes = 2048;
  const Counts before = counts();
  const auto report = import({in}, options);
  CHECK_FALSE(report.ok());
  CHECK(find(report, "good.txt").outcome == ImportOutcome::unchanged);
  CHECK(find(report, "good2.txt").outcome == ImportOutcome::imported);
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const auto& f = find(report, c.name);
    CHECK(f.outcome == ImportOutcome::failed);
    CHECK(f.path == (in / c.name).string());
    CHECK(f.message.find(c.reason) != std::string::npos);
    CHECK(f.message.find('\n') == std::string::npos);
  }
  CHECK(report.count(ImportOutcome::failed) == std::size(cases));
  CHECK(counts().at("sources") == before.at("sources") + 1);
  CHECK(value("SELECT count(*) FROM sentences s JOIN sources USING (source_id) WHERE file = 'good.txt'") ==
        good_sentences);
  check_store(kWords);
}

TEST_CASE_FIXTURE(ImportFixture, "import: unreadable files and folders are reported, not fatal") {
  if (::geteuid() == 0) {
    MESSAGE("skipped: root can read a file whatever its mode");
    return;
  }
  const fs::path in = dir.path / "in";
  write_bytes(in / "good.txt", article(1));
  write_bytes(in / "locked.txt", article(2));
  write_bytes(in / "closed" / "inner.txt", article(3));
  fs::permissions(in / "locked.txt", fs::perms::none);
  fs::permissions(in / "closed", fs::perms::none);
  const auto report = import({in});
  fs::permissions(in / "closed", fs::perms::owner_all);
  CHECK_FALSE(report.ok());
  CHECK(find(report, "good.txt").outcome == ImportOutcome::imported);
  CHECK(find(report, "locked.txt").outcome == ImportOutcome::failed);
  CHECK(find(report, "closed").message.find("cannot be read") != std::string::npos);
}

TEST_CASE_FIXTURE(ImportFixture, "import: symbolic link loops end the walk, and broken links are named") {
  const fs::path in = dir.path / "loops";
  write_bytes(in / "good.txt", article(1));
  fs::create_directory_symlink("..", in / "up");
  fs::create_directory_symlink(in, in / "self-folder");
  fs::create_symlink("self.txt", in / "self.txt");
  fs::create_symlink("b.txt", in / "a.txt");
  fs::create_symlink("a.txt", in / "b.txt");
  fs::create_symlink("nowhere.txt", in / "dangling.txt");
  fs::create_symlink("good.txt", in / "link.txt");
  const auto report = import({in});
  CHECK_FALSE(report.ok());
  CHECK(find(report, "good.txt").outcome == ImportOutcome::imported);
  CHECK(find(report, "link.txt").outcome == ImportOutcome::unchanged);  // the same bytes as good.txt
  for (const char* name : {"self.txt", "a.txt", "b.txt", "dangling.txt"}) {
    CAPTURE(name);
    CHECK(find(report, name).message.find("loops or leads nowhere") != std::string::npos);
  }
  CHECK(report.files.size() == 6);
}

TEST_CASE_FIXTURE(ImportFixture, "import: deeply nested folders are walked and named by their path") {
  fs::path deep = dir.path / "nest";
  std::string name;
  for (int i = 0; i < 200; ++i) {
    deep /= "n";
    name += "n/";
  }
  write_bytes(deep / "deep.txt", article(1));
  const auto report = import({dir.path / "nest"});
  CHECK(report.ok());
  CHECK(find(report, name + "deep.txt").outcome == ImportOutcome::imported);
}

TEST_CASE_FIXTURE(ImportFixture, "import: names with spaces and quotes are kept as they are") {
  const fs::path in = dir.path / "odd names";
  const char* const names[] = {"it's a \"quoted\" name.txt", "back\\slash & semi;colon $HOME.md", " lead.txt"};
  int n = 0;
  for (const char* name : names) write_bytes(in / name, article(++n));
  const auto first = import({in});
  CHECK(first.ok());
  for (const char* name : names) {
    CAPTURE(name);
    CHECK(find(first, name).outcome == ImportOutcome::imported);
    SQLite::Statement st(sql, "SELECT count(*) FROM sources WHERE file = ?");
    st.bind(1, name);
    REQUIRE(st.executeStep());
    CHECK(st.getColumn(0).getInt() == 1);
  }
  CHECK(import({in}).count(ImportOutcome::unchanged) == std::size(names));
  CHECK(find(import({in / names[0]}), names[0]).outcome == ImportOutcome::unchanged);  // named directly
}

TEST_CASE_FIXTURE(ImportFixture, "import: things that are not regular files are refused, not read") {
  const fs::path in = dir.path / "in";
  write_bytes(in / "good.txt", article(1));
  REQUIRE(::mkfifo((in / "pipe.txt").c_str(), 0600) == 0);  // reading it would wait forever
  const auto report = import({in});
  CHECK(find(report, "good.txt").outcome == ImportOutcome::imported);
  CHECK(find(report, "pipe.txt").message == "is not a regular file");
  CHECK(find(import({in / "pipe.txt"}), "pipe.txt").outcome == ImportOutcome::failed);
}

TEST_CASE_FIXTURE(ImportFixture, "import: a malformed manifest stops the import before anything is written") {
  const fs::path in = dir.path / "in";
  write_bytes(in / "good.txt", article(1));
  const struct {
    const char* what;
    std::string json;
  } cases[] = {
      {"not JSON", "{\"articles\": [ {\"file\": \"good.txt\""},
      {"unknown key", R"({"articles": [{"file": "good.txt", "autor": "A. Writer"}]})"},
      {"bad date", R"({"articles": [{"file": "good.txt", "published": "24 May"}]})"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    write_bytes(in / "sub" / "manifest.json", c.json);
    write_bytes(in / "sub" / "other.txt", article(2));
    try {
      import({in});
      FAIL("a malformed manifest was accepted");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find("manifest.json") != std::string::npos);
    }
    CHECK(value("SELECT count(*) FROM sources") == 0);
  }
}

TEST_CASE_FIXTURE(ImportFixture, "import: a manifest naming missing files fails those and imports the rest") {
  const fs::path in = dir.path / "in";
  write_bytes(in / "good.txt", article(1));
  write_bytes(in / "manifest.json", R"({"articles": [
      {"file": "good.txt", "title": "Quota talks resume", "published": "2024-05"},
      {"file": "ghost.txt", "title": "Never written"}]})");
  const auto report = import({in});
  CHECK_FALSE(report.ok());
  const auto& ghost = find(report, "ghost.txt");
  CHECK(ghost.outcome == ImportOutcome::failed);
  CHECK(ghost.message.find("manifest.json") != std::string::npos);
  CHECK(ghost.message.find("does not exist") != std::string::npos);
  CHECK(find(report, "good.txt").outcome == ImportOutcome::imported);
  SQLite::Statement st(sql, "SELECT title, title_from, published_date, published_precision FROM sources");
  REQUIRE(st.executeStep());
  CHECK(st.getColumn(0).getString() == "Quota talks resume");
  CHECK(st.getColumn(1).getString() == "manifest");
  CHECK(st.getColumn(2).getString() == "2024-05-01");
  CHECK(st.getColumn(3).getString() == "month");
}

TEST_CASE_FIXTURE(ImportFixture, "import: a path that does not exist is an error for the whole request") {
  write_bytes(dir.path / "good.txt", article(1));
  CHECK_THROWS_WITH_AS(import({dir.path / "good.txt", dir.path / "missing"}),
                       doctest::Contains("no such file or folder"), Error);
  CHECK(value("SELECT count(*) FROM sources") == 0);
}

TEST_CASE_FIXTURE(ImportFixture, "import: a read-only connection fails every file, naming the database") {
  const fs::path in = dir.path / "in";
  write_bytes(in / "a.txt", article(1));
  write_bytes(in / "b.txt", article(2));
  auto reader = Database::open(db_file, OpenMode::read_only);
  const auto report = import_paths(reader, {in});
  CHECK(report.count(ImportOutcome::failed) == 2);
  CHECK(report.files[0].message.find(db_file.string()) != std::string::npos);
  CHECK(report.files[0].message.find("readonly") != std::string::npos);
  CHECK(report.files[1].message.find("not imported") != std::string::npos);
  CHECK(value("SELECT count(*) FROM sources") == 0);
}

TEST_CASE_FIXTURE(ImportFixture, "import: a database locked by another writer fails after the busy timeout") {
  const fs::path in = dir.path / "in";
  for (int i = 0; i < 5; ++i) write_bytes(in / ("f" + std::to_string(i) + ".txt"), article(i));
  SQLite::Database other(db_file.string(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");
  other.exec("INSERT INTO persons (name, folded) VALUES ('Held Lock', 'held lock')");
  ImportOptions options;
  options.busy_timeout_ms = 400;
  const auto started = std::chrono::steady_clock::now();
  const auto report = import({in}, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(report.count(ImportOutcome::failed) == 5);
  const std::string& first = report.files.front().message;
  CHECK(first.find("database is locked") != std::string::npos);
  CHECK(first.find(db_file.string()) != std::string::npos);
  CHECK(report.files.back().message.find("not imported") != std::string::npos);
  CHECK(seconds >= 0.35);  // it did wait for the lock
  CHECK(seconds < 1.6);    // but only once, not once per file
  CHECK(value("PRAGMA busy_timeout") == 5000);  // the connection's own timeout is back
  other.exec("ROLLBACK");
  CHECK(import({in}).count(ImportOutcome::imported) == 5);
  check_store(kWords);
}

TEST_CASE_FIXTURE(ImportFixture, "import: two connections importing in turn do not lock each other out") {
  const fs::path in = dir.path / "in";
  fs::create_directories(in);
  fs::copy_file(kFixtures / "harbour.txt", in / "harbour.txt");  // states positions: lookups that find rows
  fs::copy_file(kFixtures / "river.txt", in / "river.txt");
  write_bytes(in / "third.txt", article(3));
  auto other = Database::open(db_file, OpenMode::read_write);
  ImportOptions options;
  options.busy_timeout_ms = 200;
  const struct {
    Database* db;
    const char* file;
  } turns[] = {{&db, "harbour.txt"}, {&other, "river.txt"}, {&db, "third.txt"}, {&other, "harbour.txt"}};
  for (const auto& t : turns) {
    CAPTURE(t.file);
    const auto report = import_paths(*t.db, {in / t.file}, options);
    CHECK(report.ok());
    CHECK(report.files.front().message.find("locked") == std::string::npos);
  }
  CHECK(value("SELECT count(*) FROM sources") == 3);
}

TEST_CASE("import: imports started at once into one new database serialise without duplicates") {
  TempDir dir;
  const fs::path file = dir.path / "kb.db";
  std::vector<ImportReport> reports(3);
  std::vector<std::string> errors(3);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < reports.size(); ++i)
    threads.emplace_back([&, i] {
      try {
        auto db = Database::open(file, OpenMode::read_write);
        reports[i] = import_paths(db, {kSeeds});
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < reports.size(); ++i) {
    CAPTURE(i);
    CHECK(errors[i].empty());
    CHECK(reports[i].ok());
    for (const auto& f : reports[i].files) CHECK(f.message.find("locked") == std::string::npos);
  }
  auto db = Database::open(file, OpenMode::read_only);
  CHECK(connection(db).execAndGet("SELECT count(*) FROM sources").getInt() == 5);
  CHECK(connection(db).execAndGet("PRAGMA integrity_check").getString() == "ok");
}

namespace {

// Segments in the full-text index: the structure record (FTS5 data row 10)
// begins with a 4-byte cookie, then the number of levels and of segments as
// varints (one byte each below 128).
int fts_segments(SQLite::Database& sql) {
  SQLite::Statement st(sql, "SELECT block FROM sentences_fts_data WHERE id = 10");
  REQUIRE(st.executeStep());
  const auto* bytes = static_cast<const unsigned char*>(st.getColumn(0).getBlob());
  REQUIRE(st.getColumn(0).getBytes() >= 6);
  REQUIRE(bytes[4] < 128);
  REQUIRE(bytes[5] < 128);
  return bytes[5];
}

}  // namespace

TEST_CASE_FIXTURE(ImportFixture, "import: a large import leaves the search index in one segment, a small one does not rewrite it") {
  const fs::path in = dir.path / "in";
  for (int n = 0; n < 12; ++n) write_bytes(in / ("a" + std::to_string(n) + ".txt"), article(n));
  ImportOptions one_per_batch;
  one_per_batch.batch_articles = 1;  // a segment per batch before the merge
  one_per_batch.threads = 1;
  REQUIRE(import({in}, one_per_batch).ok());
  CHECK(fts_segments(sql) == 1);
  check_store({"lima", "quotas"});
  // One more article is a thirteenth of the index: merged a little (here:
  // nothing, two segments being fewer than a merge takes), not whole.
  const fs::path more = dir.path / "more";
  write_bytes(more / "b.txt", article(100));
  REQUIRE(import({more}, one_per_batch).ok());
  CHECK(fts_segments(sql) > 1);
  check_store({"lima", "quotas"});
}

TEST_CASE_FIXTURE(ImportFixture, "import: a report can list only the first files, counting them all") {
  const fs::path in = dir.path / "in";
  for (int n = 0; n < 6; ++n) write_bytes(in / ("a" + std::to_string(n) + ".txt"), article(n));
  write_bytes(in / "z-empty.txt", "");
  ImportOptions options;
  options.listed = 2;
  const auto report = import({in}, options);
  CHECK(report.total() == 7);
  CHECK(report.count(ImportOutcome::imported) == 6);
  CHECK(report.count(ImportOutcome::failed) == 1);
  REQUIRE(report.files.size() == 3);  // two of the imported, and every failed one
  CHECK(report.files[0].file == "a0.txt");
  CHECK(report.files[1].file == "a1.txt");
  CHECK(report.files[2].file == "z-empty.txt");
  CHECK(report.sentences == std::size_t(value("SELECT count(*) FROM sentences")));
  // Listing all (the default) lists each file once.
  const auto again = import({in});
  CHECK(again.files.size() == 7);
  CHECK(again.count(ImportOutcome::unchanged) == 6);
}

TEST_CASE_FIXTURE(ImportFixture, "import: the connection's cache, temp store and foreign-key checks are as before once an import ends") {
  const auto before_cache = sql.execAndGet("PRAGMA cache_size").getInt64();
  const auto before_temp = value("PRAGMA temp_store");
  REQUIRE(before_cache != -8192);  // else the check below could not tell
  for (const auto indexes : {ImportOptions::QueryIndexes::kept, ImportOptions::QueryIndexes::rebuilt}) {
    ImportOptions options;
    options.query_indexes = indexes;
    CHECK(import({kSeeds}, options).ok());
    CHECK(sql.execAndGet("PRAGMA cache_size").getInt64() == before_cache);
    CHECK(value("PRAGMA temp_store") == before_temp);
    CHECK(value("PRAGMA foreign_keys") == 1);
    CHECK(ids("PRAGMA foreign_key_check").empty());
  }
}
