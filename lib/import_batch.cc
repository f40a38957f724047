#include "import_batch.h"

#include "annals/error.h"
#include "store/connection.h"
#include "store/deferred_indexes.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <string>

namespace annals {
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

// ImportOptions::QueryIndexes::automatic sets the query indexes aside for an
// import of at least kRebuildFiles files and at least 1/kRebuildShare as many
// files as the knowledge base has sources. Building them again costs about as
// much as the whole base's events (1.4 s at 105,000 articles); keeping them
// costs each new article (1.3 ms each, 5,000 articles into 100,000).
constexpr std::size_t kRebuildFiles = 1000;
constexpr std::int64_t kRebuildShare = 16;

// Sorting for CREATE INDEX takes up to cache_size of memory beside the page
// cache, and with temp_store = MEMORY what it spills stays in memory as well.
// While the indexes are built and the search index merged, the page cache is
// 8 MB, so a sort holds at most that much and writes the rest to a temporary
// file, whatever the size of the base. Peak RSS of a 100,000-article import:
// 170,100 KB keeping the indexes up to date, 190,020 KB building them at the
// end with a 32 MB cache, 177,896 KB with 8 MB (and 97.7 s against 96.3 s).
// PRAGMAs take no bound values; these are integers.
class LeanSorts {
 public:
  explicit LeanSorts(SQLite::Database& db)
      : db_(db), cache_(db.execAndGet("PRAGMA cache_size").getInt64()),
        temp_(db.execAndGet("PRAGMA temp_store").getInt()) {
    db_.exec("PRAGMA cache_size = -8192");
    db_.exec("PRAGMA temp_store = FILE");
  }
  ~LeanSorts() {
    try {
      db_.exec("PRAGMA temp_store = " + std::to_string(temp_));
      db_.exec("PRAGMA cache_size = " + std::to_string(cache_));
    } catch (const SQLite::Exception&) {
      // Settings of this connection only, which the import is done with.
    }
  }
  LeanSorts(const LeanSorts&) = delete;
  LeanSorts& operator=(const LeanSorts&) = delete;

 private:
  SQLite::Database& db_;
  std::int64_t cache_;
  int temp_;
};

bool written(const ImportedFile& f) {
  return f.outcome == ImportOutcome::imported || f.outcome == ImportOutcome::replaced;
}

}  // namespace

BatchWriter::BatchWriter(Database& db, const ImportOptions& options, ImportReport& report)
    : db_(db), options_(options), report_(report), writer_(connection(db)) {}

BatchWriter::~BatchWriter() {
  if (open_) {
    try {
      connection(db_).exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
      // Already rolled back by SQLite itself.
    }
  }
  restore_checks();
}

// A batch of new articles runs without foreign-key checks: every id the writer
// binds comes from its own look-up or insert of the same transaction, and the
// checks were a parent look-up per id column per row, 5% of an import's
// instructions (callgrind, 200 articles). Replacing a stored version deletes
// through ON DELETE CASCADE, which SQLite follows only with the checks on, so a
// batch that meets one is committed up to it and goes on with them on.
// (PRAGMA foreign_keys is a no-op inside a transaction: it is set before BEGIN.)
void BatchWriter::open_batch(bool checked) {
  SQLite::Database& sql = connection(db_);
  sql.exec(checked ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
  checked_ = checked;
  try {
    // IMMEDIATE takes the write lock up front (waiting out the busy timeout)
    // rather than failing when a read turns into a write.
    sql.exec("BEGIN IMMEDIATE");
  } catch (...) {
    restore_checks();
    throw;
  }
  open_ = true;
}

void BatchWriter::restore_checks() noexcept {
  if (checked_) return;
  try {
    connection(db_).exec("PRAGMA foreign_keys = ON");
    checked_ = true;
  } catch (const SQLite::Exception&) {
    // Only inside a transaction could it fail; the next commit or rollback retries.
  }
}

Prepared BatchWriter::not_tried(const ImportInput& in) const {
  Prepared p;
  p.result = ImportedFile{in.name, in.path.string(), ImportOutcome::failed, "not imported: " + stop_reason_};
  return p;
}

std::size_t BatchWriter::pending_failures() const {
  return std::count_if(batch_.begin(), batch_.end(),
                       [](const ImportedFile& f) { return f.outcome == ImportOutcome::failed; });
}

void BatchWriter::add(Prepared&& p) {
  if (p.doc && stopped()) p = not_tried(ImportInput{p.result.path, p.result.file, nullptr});
  if (p.doc) write(p);
  batch_.push_back(std::move(p.result));
  sizes_.push_back(written(batch_.back()) ? p.bytes : 0);
  batch_bytes_ += sizes_.back();
  if (batch_.size() >= options_.batch_articles || batch_bytes_ >= options_.batch_bytes) commit();
}

void BatchWriter::begin(std::size_t files) {
  using Q = ImportOptions::QueryIndexes;
  if (options_.query_indexes == Q::kept) return;
  SQLite::Database& sql = connection(db_);
  try {
    if (options_.query_indexes == Q::automatic) {
      if (files < kRebuildFiles) return;
      const auto sources = sql.execAndGet("SELECT count(*) FROM sources WHERE replaced_by IS NULL").getInt64();
      if (static_cast<std::int64_t>(files) * kRebuildShare < sources) return;
    }
    set_aside_ = set_aside_indexes(sql) > 0;
  } catch (const SQLite::Exception& e) {
    stop(db_.path().string() + ": " + e.what());
  }
}

void BatchWriter::finish() {
  commit();
  std::optional<LeanSorts> lean;
  try {
    lean.emplace(connection(db_));
  } catch (const SQLite::Exception&) {
    // Left as they were: more memory, the same result.
  }
  // Built even after a stop: what was committed is queried the same way.
  if (set_aside_) {
    try {
      build_deferred_indexes(connection(db_));
    } catch (const std::exception& e) {
      report_.warnings.push_back(db_.path().string() + ": building the query indexes again: " + e.what() +
                                 " (the next import or read-write open builds them)");
    }
  }
  if (stopped()) return;
  try {
    writer_.tidy_index(report_.sentences);
  } catch (const SQLite::Exception& e) {
    report_.warnings.push_back(db_.path().string() + ": merging the search index: " + e.what());
  }
}

void BatchWriter::write(Prepared& p) {
  SQLite::Database& sql = connection(db_);
  ImportedFile& result = p.result;
  try {
    if (!open_) open_batch(false);
    if (auto stored = writer_.already_stored(result.file, p.sha)) {
      // Stored meanwhile by another process, or earlier in this import.
      result.outcome = ImportOutcome::unchanged;
      result.message = "same bytes as " + *stored;
      return;
    }
    if (!checked_ && writer_.replaces(result.file)) {
      // The files before it are committed as they are (and reported); this one
      // and the rest of the batch are written with the checks on.
      commit();
      if (stopped()) {
        result.outcome = ImportOutcome::failed;
        result.message = "not imported: " + stop_reason_;
        return;
      }
      open_batch(true);
    }
    sql.exec("SAVEPOINT article");
    try {
      const auto w = writer_.write(*p.doc, p.sha);
      sql.exec("RELEASE article");
      result.outcome = w.replaced ? ImportOutcome::replaced : ImportOutcome::imported;
      result.sentences = p.doc->sentences.size();
      result.events = p.doc->events.size();
      result.persons = p.doc->persons.size();
    } catch (...) {
      if (open_ && !sqlite3_get_autocommit(sql.getHandle())) sql.exec("ROLLBACK TO article; RELEASE article");
      throw;
    }
  } catch (const SQLite::Exception& e) {
    result.outcome = ImportOutcome::failed;
    result.message = db_.path().string() + ": " + e.what();
    if ((e.getErrorCode() & 0xff) == SQLITE_BUSY)
      result.message += " (another process is writing to it; waited " +
                        std::to_string(options_.busy_timeout_ms) + " ms)";
    if (database_wide(e)) stop(result.message);
  } catch (const Error& e) {
    result.outcome = ImportOutcome::failed;
    result.message = e.subject() == result.path ? e.reason() : e.what();
  } catch (const std::exception& e) {
    result.outcome = ImportOutcome::failed;
    result.message = e.what();
  }
}

void BatchWriter::commit() {
  if (open_) {
    try {
      writer_.index_pending_sentences();
      connection(db_).exec("COMMIT");
      open_ = false;
      restore_checks();
    } catch (const SQLite::Exception& e) {
      stop(db_.path().string() + ": " + e.what());
    }
  }
  for (std::size_t i = 0; i < batch_.size(); ++i) report_.bytes += sizes_[i];
  for (auto& f : batch_) report_.add(std::move(f), options_.listed);
  batch_.clear();
  sizes_.clear();
  batch_bytes_ = 0;
}

// Rolls the open batch back: its written files become "not imported".
void BatchWriter::abandon(const std::string& why) {
  if (open_) {
    try {
      SQLite::Database& sql = connection(db_);
      if (!sqlite3_get_autocommit(sql.getHandle())) sql.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
      // SQLite rolled it back itself.
    }
    open_ = false;
  }
  restore_checks();
  writer_.forget_pending_sentences();
  for (std::size_t i = 0; i < batch_.size(); ++i)
    if (written(batch_[i])) {
      batch_[i].outcome = ImportOutcome::failed;
      batch_[i].message = "not imported: " + why;
      batch_[i].sentences = batch_[i].events = batch_[i].persons = 0;
      sizes_[i] = 0;
    }
  batch_bytes_ = 0;
}

void BatchWriter::stop(const std::string& why) {
  if (stopped()) return;
  stop_reason_ = why;
  stopped_.store(true);
  abandon(why);
}

}  // namespace annals
