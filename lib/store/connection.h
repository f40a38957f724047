#pragma once
// What the library sees behind annals::Database: the SQLiteCpp connection.

#include "annals/database.h"

#include <SQLiteCpp/Database.h>

#include <filesystem>

namespace annals {

struct Database::Impl {
  SQLite::Database db;
  std::filesystem::path path;
  OpenMode mode;
};

inline SQLite::Database& connection(Database& d) { return d.impl().db; }
inline const SQLite::Database& connection(const Database& d) { return d.impl().db; }

}  // namespace annals
