#include "annals/database.h"

#include "annals/error.h"
#include "store/connection.h"
#include "store/schema.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>
#include <unistd.h>

#include <fstream>

namespace annals {
namespace {

// SQLite would happily "open" any file and fail at the first read; checking the
// 16-byte header first gives a clear message and never writes to the file.
void check_header(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot be read");
  char header[16] = {};
  in.read(header, sizeof header);
  const auto got = in.gcount();
  if (got == 0) return;  // an empty file is a new database
  if (got < 16 || std::string_view(header, 16) != std::string_view("SQLite format 3\0", 16))
    throw Error(path.string(), "is not an SQLite database");
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
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (mode == OpenMode::read_only && !exists) throw Error(label, "no such database");
  if (exists) {
    if (std::filesystem::is_directory(path, ec)) throw Error(label, "is a directory, not a database");
    check_header(path);
    if (mode == OpenMode::read_write && ::access(path.c_str(), W_OK) != 0)
      throw Error(label, "is read-only; cannot import into it");
  }
  try {
    const int flags = mode == OpenMode::read_only
                          ? SQLite::OPEN_READONLY
                          : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    auto impl = std::make_unique<Impl>(Impl{SQLite::Database(path.string(), flags), path, mode});
    auto& db = impl->db;
    db.setBusyTimeout(5000);
    db.exec("PRAGMA foreign_keys = ON");
    if (mode == OpenMode::read_write) {
      db.exec("PRAGMA journal_mode = WAL");
      db.exec("PRAGMA synchronous = NORMAL");
      migrate(db, label);
    } else {
      const int version = db.execAndGet("PRAGMA user_version").getInt();
      if (version == 0) throw Error(label, "is not an annals knowledge base (no schema)");
      if (version > annals::latest_schema_version())
        throw Error(label, "written by a newer annals (schema version " + std::to_string(version) +
                               "); not touched");
      db.exec("PRAGMA query_only = ON");
    }
    return Database(std::move(impl));
  } catch (const SQLite::Exception& e) {
    throw Error(label, e.what());
  }
}

}  // namespace annals
