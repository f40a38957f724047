// The floor of an import: the least any searchable store of these texts must
// do. Reads every .txt file under a folder (in path order, one at a time),
// inserts its raw text into a bare SQLite table and indexes it in an FTS5 table
// with the tokenizer annals uses, with annals's pragmas and one transaction per
// batch (256 files or 8 MB, like `annals import`). Prints one line:
//   floor <files> <bytes> <seconds> <MB/s> <db bytes>
//
//   import_floor CORPUS_DIR DB_FILE
// tools/import_bench.sh runs it beside `annals import` on the same corpus.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: import_floor CORPUS_DIR DB_FILE\n");
    return 2;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(argv[1]))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(std::string(argv[2]) + suffix);

  // The process and connection settings of `annals import` (tools/main.cc,
  // lib/store/database.cc): no memory statistics, no per-connection mutex.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  const auto start = std::chrono::steady_clock::now();
  SQLite::Database db(argv[2], SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA temp_store = MEMORY");
  db.exec("PRAGMA cache_size = -65536");
  db.exec("CREATE TABLE texts (id INTEGER PRIMARY KEY, file TEXT NOT NULL, text TEXT NOT NULL)");
  db.exec("CREATE VIRTUAL TABLE texts_fts USING fts5 (text, content = 'texts', content_rowid = 'id', "
          "tokenize = 'unicode61 remove_diacritics 2')");
  // The setting of sentences_fts (schema/007_search_index_memory.sql): a batch in one segment.
  db.exec("INSERT INTO texts_fts (texts_fts, rank) VALUES ('hashsize', 16777216)");
  SQLite::Statement insert(db, "INSERT INTO texts (id, file, text) VALUES (?, ?, ?)");
  SQLite::Statement index(db, "INSERT INTO texts_fts (rowid, text) SELECT id, text FROM texts WHERE id BETWEEN ? AND ?");

  std::uintmax_t bytes = 0, batch_bytes = 0;
  std::size_t in_batch = 0;
  std::int64_t first = 1, id = 0;
  auto commit = [&] {
    if (in_batch == 0) return;
    index.bind(1, first);
    index.bind(2, id);
    index.exec();
    index.reset();
    db.exec("COMMIT");
    first = id + 1;
    in_batch = 0;
    batch_bytes = 0;
  };
  for (const auto& f : files) {
    if (in_batch == 0) db.exec("BEGIN IMMEDIATE");
    const std::string text = read_file(f);
    insert.bind(1, ++id);
    insert.bind(2, f.filename().string());
    insert.bind(3, text);
    insert.exec();
    insert.reset();
    bytes += text.size();
    batch_bytes += text.size();
    if (++in_batch >= 256 || batch_bytes >= (8u << 20)) commit();
  }
  commit();
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto size = fs::file_size(argv[2]);
  fmt::print("floor {} {} {:.3f} {:.2f} {}\n", files.size(), bytes, seconds, double(bytes) / 1e6 / seconds, size);
  return 0;
}
