#include "annals/database.h"

#include "annals/error.h"
#include "store/connection.h"
#include "store/deferred_indexes.h"
#include "store/schema.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <string_view>
#include <thread>

namespace annals {
namespace fs = std::filesystem;
namespace {

constexpr int kBusyTimeoutMs = 5000;

std::uint32_t big_endian(const unsigned char* p, int bytes) {
  std::uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
  return v;
}

// A database whose header promises more pages than the file holds was cut short
// (a partial copy); SQLite would open it and fail later, mid-import. The size in
// the header is only trusted when SQLite marks it valid and no WAL file could
// hold the missing pages.
void check_size(const fs::path& path, const unsigned char* header) {
  std::uint32_t page_size = big_endian(header + 16, 2);
  if (page_size == 1) page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    throw Error(path.string(), "has a damaged SQLite header (bad page size)");
  const std::uint32_t pages = big_endian(header + 28, 4);
  const bool size_valid = big_endian(header + 24, 4) == big_endian(header + 92, 4);
  std::error_code ec;
  if (!size_valid || pages == 0 || fs::exists(path.string() + "-wal", ec)) return;
  const std::uintmax_t want = std::uintmax_t(pages) * page_size, got = fs::file_size(path, ec);
  if (!ec && got < want)
    throw Error(path.string(), fmt::format("is truncated: its header promises {} bytes, the file "
                                           "holds {}",
                                           want, got));
}

// SQLite would happily "open" any file and fail at the first read; checking the
// 100-byte header first gives a clear message and never writes to the file.
void check_header(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot be read");
  unsigned char header[100] = {};
  in.read(reinterpret_cast<char*>(header), sizeof header);
  const auto got = in.gcount();
  if (got == 0) return;  // an empty file is a new database
  const std::string_view magic(reinterpret_cast<const char*>(header), 16);
  if (got < 16 || magic != std::string_view("SQLite format 3\0", 16))
    throw Error(path.string(), "is not an SQLite database");
  if (got < 100) throw Error(path.string(), "is truncated: shorter than an SQLite header");
  check_size(path, header);
}

// Root may write any file, but a file without write permission bits was made
// read-only on purpose: honour that too.
bool read_only_file(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  return ::access(path.c_str(), W_OK) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
}

// Everything that can be said against `path` before SQLite opens it.
void check_file(const fs::path& path, OpenMode mode) {
  const std::string label = path.string();
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (mode == OpenMode::read_only) throw Error(label, "no such database");
    const fs::path dir = path.parent_path();
    if (!dir.empty() && !fs::is_directory(dir, ec))
      throw Error(label, "cannot be created: no folder " + dir.string());
    return;
  }
  if (fs::is_directory(path, ec)) throw Error(label, "is a directory, not a database");
  check_header(path);
  if (mode == OpenMode::read_write && read_only_file(path))
    throw Error(label, "is read-only; cannot import into it");
}

// Refuses, before anything is written, a file from a newer annals and an
// SQLite database of some other program (tables but no schema version).
void check_version(SQLite::Database& db, const std::string& label, OpenMode mode) {
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version > annals::latest_schema_version())
    throw Error(label, fmt::format("written by a newer annals (schema version {}, this build knows "
                                   "up to {}); not touched",
                                   version, annals::latest_schema_version()));
  if (version > 0) return;
  if (mode == OpenMode::read_only) throw Error(label, "is not an annals knowledge base (no schema)");
  if (db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0)
    throw Error(label, "is an SQLite database of another program, not an annals knowledge base; "
                       "not touched");
}

// Switching a new file to WAL needs an exclusive lock, and when two
// connections ask at once SQLite fails one of them at once (waiting could
// deadlock) instead of calling the busy handler; so retry for the busy timeout.
// Indexes an import set aside and did not live to build again (it was killed,
// or the machine stopped). Another import may be running and holding them
// aside on purpose: then the write lock is busy and they are left to it.
void build_left_indexes(SQLite::Database& db, const std::string& label) {
  if (!db.execAndGet("SELECT EXISTS (SELECT 1 FROM deferred_indexes)").getInt()) return;
  try {
    build_deferred_indexes(db);
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xff) != SQLITE_BUSY) throw;
  } catch (const Error& e) {
    throw Error(label, e.what());
  }
}

void use_wal(SQLite::Database& db) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || Clock::now() > deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const std::filesystem::path& Database::path() const { return impl_->path; }

int Database::schema_version() const {
  return impl_->db.execAndGet("PRAGMA user_version").getInt();
}

int Database::latest_schema_version() { return annals::latest_schema_version(); }

Database Database::open(const std::filesystem::path& path, OpenMode mode) {
  const std::string label = path.string();
  check_file(path, mode);
  try {
    // NOMUTEX: a Database serves one thread at a time (database.h), so the
    // connection needs no mutex of its own around every call.
    const int flags = mode == OpenMode::read_only
                          ? SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX
                          : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    auto impl = std::make_unique<Impl>(Impl{SQLite::Database(path.string(), flags), path, mode});
    auto& db = impl->db;
    db.setBusyTimeout(kBusyTimeoutMs);
    check_version(db, label, mode);
    db.exec("PRAGMA foreign_keys = ON");
    if (mode == OpenMode::read_write) {
      use_wal(db);
      db.exec("PRAGMA synchronous = NORMAL");
      // Statement journals and sorters in memory, and a page cache for the
      // indexes an import keeps inserting into at random places (the date
      // indexes of events, event_countries and event_pairs): 128 MB at most.
      // Importing 1,000 articles into a 100,000-article base took 4.8 s with
      // 64 MB, 4.0 s with 128 MB, 2.3 s into an empty one.
      db.exec("PRAGMA temp_store = MEMORY");
      db.exec("PRAGMA cache_size = -131072");
      // Checkpoint every 40 MB of WAL rather than every 4 MB: a page written by
      // several batches goes to the database file once, with one fsync.
      db.exec("PRAGMA wal_autocheckpoint = 10000");
      migrate(db, label);
      build_left_indexes(db, label);
    } else {
      db.exec("PRAGMA query_only = ON");
      // Pages read through a memory map rather than copied into the page cache:
      // a query touching many pages of a large knowledge base reads them faster.
      db.exec("PRAGMA mmap_size = 1073741824");
    }
    return Database(std::move(impl));
  } catch (const SQLite::Exception& e) {
    throw Error(label, e.what());
  }
}

}  // namespace annals
