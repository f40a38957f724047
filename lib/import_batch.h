#pragma once
// The writing half of an import: stores analysed articles in batches, one
// transaction per batch and a savepoint per article, so a failed article leaves
// nothing behind and a crash loses at most the open batch, never part of one
// article.

#include "annals/import.h"
#include "import_walk.h"
#include "pipeline/doc.h"
#include "store/writer.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace annals {

// One file read and analysed, ready to be written (or the reason it failed).
struct Prepared {
  ImportedFile result;  // outcome failed with a message, unchanged, or to be decided
  std::string sha;
  std::optional<Doc> doc;  // set when the file is to be written
  std::uintmax_t bytes = 0;
};

class BatchWriter {
 public:
  // Results go to report.files in the order add() is called, when their batch
  // commits (or at once, for files that failed before writing).
  BatchWriter(Database& db, const ImportOptions& options, ImportReport& report);
  ~BatchWriter();  // rolls back a batch left open by an exception
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  // Writes `p` inside the open batch (opening one), committing the batch when it
  // is full. A database-wide error (locked past the busy timeout, disk full, I/O)
  // rolls the batch back, reports its files as not imported, and stops: later
  // files are reported as not imported too.
  void add(Prepared&& p);
  // Before the first add(): sets aside the indexes only queries read when
  // ImportOptions::query_indexes says so for an import of `files` files.
  void begin(std::size_t files);
  // Commits the last batch, builds the indexes set aside, tidies the search index.
  void finish();

  // True once a database-wide error has stopped the import; safe from any thread.
  bool stopped() const { return stopped_.load(); }
  // The result for a file left untried after the stop.
  Prepared not_tried(const ImportInput& in) const;

  std::uintmax_t pending_bytes() const { return batch_bytes_; }
  std::size_t pending_failures() const;

 private:
  void write(Prepared& p);
  // Begins a batch transaction, with foreign-key checks on or off.
  void open_batch(bool checked);
  // Turns the checks back on once no batch is open.
  void restore_checks() noexcept;
  void commit();
  void abandon(const std::string& why);
  void stop(const std::string& why);

  Database& db_;
  const ImportOptions& options_;
  ImportReport& report_;
  Writer writer_;
  bool open_ = false;                  // a batch transaction is open
  bool checked_ = true;                // PRAGMA foreign_keys is on (off only inside a batch)
  bool set_aside_ = false;             // begin() dropped indexes that finish() builds
  std::vector<ImportedFile> batch_;    // results of the files in the open batch
  std::vector<std::uintmax_t> sizes_;  // their sizes
  std::uintmax_t batch_bytes_ = 0;
  std::atomic<bool> stopped_{false};
  std::string stop_reason_;  // written before stopped_ is set
};

}  // namespace annals
