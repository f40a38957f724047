// The import's threads and batches change how fast it runs, never what it
// stores: the same files give the same database for any thread count and batch
// size, and a bad file inside a batch costs only itself.

#include "annals/database.h"
#include "annals/import.h"
#include "store/connection.h"
#include "temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace annals;

namespace {

struct TempDir : test::TempDir {
  TempDir() : test::TempDir("annals-parallel") {}
};

void write_bytes(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

// Every row of every table but the index's own, in key order, without the
// import time: equal dumps mean equal knowledge bases.
std::string dump(SQLite::Database& db) {
  std::vector<std::string> tables;
  SQLite::Statement names(db,
                          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                          "AND name NOT LIKE 'sentences_fts%' ORDER BY name");
  while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
  std::string out;
  for (const auto& t : tables) {
    SQLite::Statement width(db, "SELECT count(*) FROM pragma_table_info(?)");
    width.bind(1, t);
    width.executeStep();
    std::string order = "1";
    for (int c = 2; c <= width.getColumn(0).getInt(); ++c) order += ", " + std::to_string(c);
    SQLite::Statement rows(db, "SELECT * FROM \"" + t + "\" ORDER BY " + order);  // names from sqlite_master
    out += "== " + t + "\n";
    while (rows.executeStep()) {
      for (int c = 0; c < rows.getColumnCount(); ++c) {
        if (std::string(rows.getColumnName(c)) == "imported_at") continue;
        out += rows.getColumn(c).isNull() ? "NULL" : rows.getColumn(c).getString();
        out += '|';
      }
      out += '\n';
    }
  }
  // The same indexes, whether kept during the import or built after it.
  SQLite::Statement indexes(db, "SELECT name, ifnull(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name");
  out += "== indexes\n";
  while (indexes.executeStep())
    out += indexes.getColumn(0).getString() + ": " + indexes.getColumn(1).getString() + "\n";
  // The full-text index answers the same way too.
  SQLite::Statement fts(db, "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'minister OR relations' "
                            "ORDER BY rowid");
  out += "== fts\n";
  while (fts.executeStep()) out += fts.getColumn(0).getString() + "\n";
  return out;
}

std::string import_and_dump(const fs::path& db_path, const std::vector<fs::path>& inputs, unsigned threads,
                            std::size_t batch,
                            ImportOptions::QueryIndexes indexes = ImportOptions::QueryIndexes::automatic) {
  auto db = Database::open(db_path, OpenMode::read_write);
  ImportOptions options;
  options.threads = threads;
  options.batch_articles = batch;
  options.query_indexes = indexes;
  const auto report = import_paths(db, inputs, options);
  CHECK(report.ok());
  connection(db).exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
  return dump(connection(db));
}

}  // namespace

TEST_CASE("import: any thread count, batch size and index upkeep give the same knowledge base") {
  TempDir dir;
  const fs::path root(ANNALS_SOURCE_DIR);
  const std::vector<fs::path> inputs = {root / "seeds", root / "tests" / "extra" / "articles"};
  using Q = ImportOptions::QueryIndexes;
  const std::string one = import_and_dump(dir.path / "one.db", inputs, 1, 256, Q::kept);
  struct Case {
    unsigned threads;
    std::size_t batch;
    Q indexes;
  };
  for (const Case c : {Case{1, 1, Q::kept}, Case{2, 3, Q::kept}, Case{4, 2, Q::automatic}, Case{3, 256, Q::kept},
                       Case{1, 256, Q::rebuilt}, Case{2, 3, Q::rebuilt}}) {
    CAPTURE(c.threads);
    CAPTURE(c.batch);
    CAPTURE(static_cast<int>(c.indexes));
    const fs::path path = dir.path / ("t" + std::to_string(c.threads) + "b" + std::to_string(c.batch) + "i" +
                                      std::to_string(static_cast<int>(c.indexes)) + ".db");
    CHECK(import_and_dump(path, inputs, c.threads, c.batch, c.indexes) == one);
  }
}

TEST_CASE("import: a bad file inside a batch fails alone and the report keeps the input order") {
  TempDir dir;
  const fs::path in = dir.path / "in";
  for (int i = 0; i < 9; ++i) {
    const std::string name = "a" + std::to_string(i) + ".txt";
    if (i == 4) write_bytes(in / name, std::string("\xFF\xFE broken", 9));
    else
      write_bytes(in / name, "Envoys of Chile and Peru met in Lima on 3 May 2024 (round " + std::to_string(i) +
                                 ").\nThe two ministers agreed to meet again.\n");
  }
  write_bytes(in / "b_copy.txt", "Envoys of Chile and Peru met in Lima on 3 May 2024 (round 1).\n"
                                 "The two ministers agreed to meet again.\n");  // the bytes of a1.txt
  for (unsigned threads : {1u, 3u}) {
    CAPTURE(threads);
    auto db = Database::open(dir.path / ("k" + std::to_string(threads) + ".db"), OpenMode::read_write);
    ImportOptions options;
    options.threads = threads;
    options.batch_articles = 5;
    const auto report = import_paths(db, {in}, options);
    REQUIRE(report.files.size() == 10);
    for (int i = 0; i < 9; ++i) {
      CAPTURE(i);
      CHECK(report.files[std::size_t(i)].file == "a" + std::to_string(i) + ".txt");
      CHECK((report.files[std::size_t(i)].outcome == ImportOutcome::failed) == (i == 4));
    }
    // Stored earlier in the same, still open, batch: found all the same.
    CHECK(report.files[9].outcome == ImportOutcome::unchanged);
    CHECK(report.files[9].message == "same bytes as a1.txt");
    CHECK(connection(db).execAndGet("SELECT count(*) FROM sources").getInt() == 8);
    CHECK(connection(db).execAndGet("PRAGMA integrity_check").getString() == "ok");
  }
}
