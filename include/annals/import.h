#pragma once
// Importing article files into a knowledge base.

#include "annals/database.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <array>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace annals {

struct ImportProgress {
  std::size_t files_done = 0, files_total = 0;
  std::uintmax_t bytes_done = 0;
  std::size_t errors = 0;
  double seconds = 0;
};

struct ImportOptions {
  // Larger files are refused. Analysis holds about 50 bytes per byte of an
  // article in memory; news articles are rarely over 100 KB.
  std::uintmax_t max_file_bytes = 16u << 20;
  // How long to wait for another connection's write lock before failing with
  // "database is locked"; the import then stops, reporting the rest as not imported.
  int busy_timeout_ms = 5000;
  // Threads that read and analyse files; 0 means one per core. One thread (the
  // caller's) always does the writing; the result does not depend on the count.
  unsigned threads = 0;
  // Steps of niceness (0 to 19) the analysing threads run above the caller's
  // thread. Writing cannot be split between threads, and with as many
  // analysing threads as cores the writer got only a share of its core: 10,000
  // articles on two cores took 5.3-5.7 s at the same priority, 4.1-4.2 s with
  // 10 (the analysis then takes what the writer leaves, whatever the number of
  // cores). 0 leaves the priorities alone.
  int worker_niceness = 10;
  // Articles are written in batches, one transaction each (a savepoint per
  // article): a batch commits after this many files or bytes, whichever first.
  // Readers see whole batches; a crash loses at most the open batch. A larger
  // batch writes a page that several of its articles change once: importing
  // 5,000 articles into a 100,000-article base took 10-18% less time with
  // 1,024 articles a batch than with 256, and 10,000 into a 90,000-article base
  // 8.2 s with 8 MB batches, 5.7 s with 32 MB (4,096 articles); 10,000 into an
  // empty base 6.5 -> 6.2 s. Peak RSS grew by 5 MB.
  std::size_t batch_articles = 4096;
  std::uintmax_t batch_bytes = 32u << 20;
  // The indexes only queries read (events by date, by type, by country pair;
  // posts by date; surnames) are either kept up to date row by row, or dropped
  // when the import starts and built in one pass when it ends. Rebuilding
  // writes far less for an import that is large beside the knowledge base, but
  // queries running meanwhile go without those indexes (same answers, slower).
  // `automatic` rebuilds when the import names at least one sixteenth as many
  // files as the knowledge base holds sources, and at least 1,000 files.
  enum class QueryIndexes { automatic, kept, rebuilt };
  QueryIndexes query_indexes = QueryIndexes::automatic;
  // Called after each file; may be empty.
  std::function<void(const ImportProgress&)> on_progress;
  // How many files that did not fail the report lists (failed ones are always
  // listed); the counts cover every file. An import of a million files need
  // not hold a million entries.
  std::size_t listed = std::numeric_limits<std::size_t>::max();
};

enum class ImportOutcome { imported, replaced, unchanged, failed };

struct ImportedFile {
  std::string file;    // the name the source is known by
  std::string path;    // the path read
  ImportOutcome outcome = ImportOutcome::failed;
  // Why it failed ("not imported: <error>" for the files left untried after a
  // database-wide error), or what it matched when unchanged.
  std::string message;
  std::size_t sentences = 0, events = 0, persons = 0;
};

struct ImportReport {
  // Every failed file, and the first ImportOptions::listed others, in input order.
  std::vector<ImportedFile> files;
  std::uintmax_t bytes = 0;
  double seconds = 0;
  std::size_t sentences = 0;  // written by this import, over all files
  // Work after the files were written that did not get done: merging the
  // search index, building the query indexes again (ImportOptions::query_indexes;
  // the next read-write open builds them). The files' data is stored.
  std::vector<std::string> warnings;
  // Files with outcome `o`, listed or not.
  std::size_t count(ImportOutcome o) const { return counts_[static_cast<std::size_t>(o)]; }
  // Files met, listed or not.
  std::size_t total() const { return counts_[0] + counts_[1] + counts_[2] + counts_[3]; }
  bool ok() const { return count(ImportOutcome::failed) == 0; }
  // Counts `f` and lists it if it failed or fewer than `listed` others are.
  void add(ImportedFile f, std::size_t listed);

 private:
  std::array<std::size_t, 4> counts_{};
};

// Imports every .txt and .md file under `paths` (files, or folders read
// recursively; a manifest.json in a folder supplies metadata). Files are read
// and analysed on `options.threads` threads and written in input order, in
// batched transactions with a savepoint per article: a file that fails (unreadable,
// empty, binary, invalid UTF-8, too large, a database error) is reported in the
// result with the reason and leaves nothing behind; the others are still
// imported (a database-wide error, such as a lock held past busy_timeout_ms or
// a full disk, ends the import: the files left are reported as not imported).
// Folders that cannot be read, links that loop or lead nowhere, and files a
// manifest lists but that do not exist are reported as failed files too;
// symbolic links to folders are not followed.
// Re-importing identical bytes changes nothing (outcome unchanged); a
// changed file under the same name replaces the old version's facts. Throws
// Error only for problems with the request as a whole (a path that does not
// exist, a malformed manifest).
ImportReport import_paths(Database& db, const std::vector<std::filesystem::path>& paths,
                          const ImportOptions& options = {});

}  // namespace annals
