#pragma once
// Opening an annals knowledge base (an SQLite file).

#include <filesystem>
#include <memory>

namespace annals {

enum class OpenMode { read_only, read_write };

// A connection to one knowledge base. Not shareable between threads: open one
// Database per thread (readers are not blocked by a writer: the file uses WAL).
// A connection keeps the statements its questions prepare and the countries
// (reference data), so asking again is cheaper than asking first.
class Database {
 public:
  // Opens `path`. read_write creates the file when missing and brings its schema
  // up to date; read_only never writes. Throws Error naming the file when it is
  // missing (read_only), not an SQLite database, written by a newer annals
  // (PRAGMA user_version above what this build knows; the file is not touched),
  // or cannot be opened.
  static Database open(const std::filesystem::path& path, OpenMode mode = OpenMode::read_only);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  const std::filesystem::path& path() const;
  // The schema version of the file (PRAGMA user_version).
  int schema_version() const;
  // The newest schema version this build knows.
  static int latest_schema_version();

  struct Impl;
  Impl& impl() { return *impl_; }
  const Impl& impl() const { return *impl_; }

 private:
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals
