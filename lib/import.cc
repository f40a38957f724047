#include "annals/import.h"

#include "annals/error.h"
#include "import_batch.h"
#include "import_walk.h"
#include "pipeline/analyse.h"
#include "pipeline/article.h"
#include "pipeline/entities.h"
#include "store/connection.h"
#include "store/writer.h"
#include "util/ordered_pool.h"
#include "util/sha256.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

namespace annals {
namespace fs = std::filesystem;
namespace {

// Sets the connection's busy timeout for the length of an import.
class BusyTimeout {
 public:
  BusyTimeout(SQLite::Database& db, int ms)
      : db_(db), before_(db.execAndGet("PRAGMA busy_timeout").getInt()) {
    db_.setBusyTimeout(ms);
  }
  ~BusyTimeout() { db_.setBusyTimeout(before_); }
  BusyTimeout(const BusyTimeout&) = delete;
  BusyTimeout& operator=(const BusyTimeout&) = delete;

 private:
  SQLite::Database& db_;
  int before_;
};

// Reads and analyses one file: the part of an import that needs no database
// beyond an optional read-only look-up of the file's bytes, so it runs on
// worker threads. `lookup` (may be null) skips the analysis of bytes already
// stored; the writer checks again inside its transaction either way.
Prepared prepare(const ImportInput& in, const ImportOptions& options, StoredAs* lookup) {
  Prepared p;
  p.result = ImportedFile{in.name, in.path.string(), ImportOutcome::failed, ""};
  try {
    std::string raw = read_text_file(in.path, ReadLimits{static_cast<std::size_t>(options.max_file_bytes)});
    p.bytes = raw.size();
    p.sha = sha256_hex(raw);
    if (lookup) {
      std::optional<std::string> stored;
      try {
        stored = (*lookup)(in.name, p.sha);
      } catch (const SQLite::Exception&) {
        // No answer (the file is being created, say): analyse; the writer checks.
      }
      if (stored) {
        p.result.outcome = ImportOutcome::unchanged;
        p.result.message = "same bytes as " + *stored;
        return p;
      }
    }
    Article article = clean_article(in.name, std::move(raw));
    if (in.manifest) apply_manifest(article, *in.manifest);
    p.doc = analyse(std::move(article), default_gazetteer());
  } catch (const Error& e) {
    // A file's own problem names the file, which the result already does.
    p.result.message = e.subject() == p.result.path ? e.reason() : e.what();
  } catch (const std::exception& e) {
    p.result.message = e.what();
  }
  return p;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

unsigned worker_count(const ImportOptions& options, std::size_t files) {
  unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(files, 1)));
}

}  // namespace

void ImportReport::add(ImportedFile f, std::size_t listed) {
  const std::size_t others = total() - count(ImportOutcome::failed);
  ++counts_[static_cast<std::size_t>(f.outcome)];
  sentences += f.sentences;
  if (f.outcome == ImportOutcome::failed || others < listed) files.push_back(std::move(f));
}

ImportReport import_paths(Database& db, const std::vector<fs::path>& paths, const ImportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ImportWalk walk = walk_paths(paths);
  ImportReport report;
  for (auto& f : walk.failures) report.add(std::move(f), options.listed);
  BusyTimeout timeout(connection(db), options.busy_timeout_ms);
  BatchWriter writer(db, options, report);
  ImportProgress progress;
  progress.files_total = walk.size();
  writer.begin(walk.size());
  progress.errors = report.count(ImportOutcome::failed);
  auto step = [&](Prepared&& p) {
    writer.add(std::move(p));
    ++progress.files_done;
    progress.bytes_done = report.bytes + writer.pending_bytes();
    progress.errors = report.count(ImportOutcome::failed) + writer.pending_failures();
    progress.seconds = seconds_since(started);
    if (options.on_progress) options.on_progress(progress);
  };

  const unsigned threads = worker_count(options, walk.size());
  if (threads == 1) {
    // One thread: the writer's own connection answers the look-ups.
    StoredAs lookup(connection(db));
    for (std::size_t i = 0; i < walk.size(); ++i) {
      const ImportInput in = walk.input(i);
      step(writer.stopped() ? writer.not_tried(in) : prepare(in, options, &lookup));
    }
  } else {
    // Each worker looks up stored bytes through its own read-only connection
    // (none for an in-memory database, whose contents only its connection sees).
    const fs::path file = db.path();
    const bool lookups = !file.empty() && file != ":memory:";
    // A read-only connection per worker, with its look-up prepared once.
    struct Reader {
      explicit Reader(const std::string& path) : db(path, SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX), stored(db) {}
      SQLite::Database db;
      StoredAs stored;
    };
    std::vector<std::unique_ptr<Reader>> readers(threads);
    OrderedPool<Prepared> pool(walk.size(), threads, 4 * std::size_t(threads),
                               [&](std::size_t i, unsigned worker) {
                                 const ImportInput in = walk.input(i);
                                 if (writer.stopped()) return writer.not_tried(in);
                                 StoredAs* lookup = nullptr;
                                 if (lookups) {
                                   try {
                                     if (!readers[worker]) readers[worker] = std::make_unique<Reader>(file.string());
                                     lookup = &readers[worker]->stored;
                                   } catch (const SQLite::Exception&) {
                                   }
                                 }
                                 return prepare(in, options, lookup);
                               },
                               options.worker_niceness);
    for (std::size_t i = 0; i < walk.size(); ++i) step(pool.take());
  }
  writer.finish();
  report.seconds = seconds_since(started);
  return report;
}

}  // namespace annals
