#include "annals/import.h"

#include "annals/error.h"
#include "import_walk.h"
#include "pipeline/analyse.h"
#include "pipeline/article.h"
#include "pipeline/entities.h"
#include "store/connection.h"
#include "store/writer.h"
#include "util/sha256.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>

namespace annals {
namespace fs = std::filesystem;
namespace {

// An error of the database rather than of one article: every later article
// would meet it too, so the import stops instead of waiting out the busy
// timeout once per file.
bool database_wide(const SQLite::Exception& e) {
  switch (e.getErrorCode() & 0xff) {  // the primary code
    case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_FULL:
    case SQLITE_IOERR: case SQLITE_CORRUPT: case SQLITE_NOTADB: case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return true;
    default:
      return false;
  }
}

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

class Importer {
 public:
  Importer(Database& db, const ImportOptions& options)
      : db_(db), options_(options), writer_(connection(db)) {}

  ImportedFile run(const ImportInput& in) {
    ImportedFile result{in.name, in.path.string(), ImportOutcome::failed, ""};
    if (!stopped_.empty()) {
      result.message = "not imported: " + stopped_;
      return result;
    }
    try {
      import_one(in, result);
    } catch (const SQLite::Exception& e) {
      result.message = db_.path().string() + ": " + e.what();
      if ((e.getErrorCode() & 0xff) == SQLITE_BUSY)
        result.message += " (another process is writing to it; waited " +
                          std::to_string(options_.busy_timeout_ms) + " ms)";
      if (database_wide(e)) stopped_ = result.message;
    } catch (const Error& e) {
      // A file's own problem names the file, which the result already does.
      result.message = e.subject() == result.path ? e.reason() : e.what();
    } catch (const std::exception& e) {
      result.message = e.what();
    }
    return result;
  }

 private:
  void import_one(const ImportInput& in, ImportedFile& result) {
    std::string raw = read_text_file(in.path, ReadLimits{static_cast<std::size_t>(options_.max_file_bytes)});
    const std::string sha = sha256_hex(raw);
    if (unchanged(in.name, sha, result)) return;  // cheap check before the analysis
    Article article = clean_article(in.name, std::move(raw));
    if (in.manifest) apply_manifest(article, *in.manifest);
    const Doc doc = analyse(std::move(article), default_gazetteer());
    // IMMEDIATE takes the write lock up front (waiting out the busy timeout)
    // rather than failing when a read turns into a write.
    SQLite::Transaction tx(connection(db_), SQLite::TransactionBehavior::IMMEDIATE);
    if (unchanged(in.name, sha, result)) return;  // another process may have stored it meanwhile
    const auto written = writer_.write(doc, sha);
    tx.commit();  // no commit, no rows
    result.outcome = written.replaced ? ImportOutcome::replaced : ImportOutcome::imported;
    result.sentences = doc.sentences.size();
    result.events = doc.events.size();
    result.persons = doc.persons.size();
  }

  bool unchanged(const std::string& name, const std::string& sha, ImportedFile& result) {
    const auto stored = writer_.already_stored(name, sha);
    if (!stored) return false;
    result.outcome = ImportOutcome::unchanged;
    result.message = "same bytes as " + *stored;
    return true;
  }

  Database& db_;
  const ImportOptions& options_;
  Writer writer_;
  std::string stopped_;  // the database-wide error that ended the import
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::size_t ImportReport::count(ImportOutcome o) const {
  return std::count_if(files.begin(), files.end(), [o](const ImportedFile& f) { return f.outcome == o; });
}

ImportReport import_paths(Database& db, const std::vector<fs::path>& paths, const ImportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ImportWalk walk = walk_paths(paths);
  ImportReport report;
  report.files = std::move(walk.failures);
  BusyTimeout timeout(connection(db), options.busy_timeout_ms);
  Importer importer(db, options);
  ImportProgress progress;
  progress.files_total = walk.inputs.size();
  progress.errors = report.files.size();
  for (const auto& in : walk.inputs) {
    report.files.push_back(importer.run(in));
    std::error_code ec;
    const auto size = fs::file_size(in.path, ec);
    if (!ec && report.files.back().outcome != ImportOutcome::failed) report.bytes += size;
    ++progress.files_done;
    progress.bytes_done = report.bytes;
    if (report.files.back().outcome == ImportOutcome::failed) ++progress.errors;
    progress.seconds = seconds_since(started);
    if (options.on_progress) options.on_progress(progress);
  }
  report.seconds = seconds_since(started);
  return report;
}

}  // namespace annals
