#pragma once
// What the library sees behind annals::Database: the SQLiteCpp connection.

#include "annals/database.h"
#include "query/cache.h"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>

namespace annals {
struct Database::Impl {
  SQLite::Database db;
  std::filesystem::path path;
  OpenMode mode;
  std::unique_ptr<query::ReadCache> reads = nullptr;  // made by query::read_cache()
};

inline SQLite::Database& connection(Database& d) { return d.impl().db; }
inline const SQLite::Database& connection(const Database& d) { return d.impl().db; }

}  // namespace annals
