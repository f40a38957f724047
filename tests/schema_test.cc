// Opening a knowledge base: the schema migrations, and every kind of file that
// must be refused without being touched.

#include "annals/database.h"
#include "annals/error.h"
#include "store/connection.h"
#include "util/sha256.h"
#include "temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace annals;

namespace {

struct TempDir : test::TempDir {
  TempDir() : test::TempDir("annals-schema") {}
};

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

std::string hash_of(const fs::path& p) { return sha256_hex(read_bytes(p)); }

// The message of the Error that opening `file` throws; fails the test when it opens.
std::string open_error(const fs::path& file, OpenMode mode) {
  try {
    Database::open(file, mode);
  } catch (const Error& e) {
    return e.what();
  }
  FAIL("opened without an error: " << file);
  return {};
}

// Nothing written beside the file either: no WAL, no journal.
void check_no_sidecars(const fs::path& file) {
  for (const char* suffix : {"-wal", "-shm", "-journal"}) CHECK_FALSE(fs::exists(file.string() + suffix));
}

struct MemoryDb {
  Database db = Database::open(":memory:", OpenMode::read_write);
  SQLite::Database& sql = connection(db);
};

struct FileDb {
  TempDir dir;
  fs::path file = dir.path / "kb.db";

  // A real knowledge base, closed (its WAL checkpointed and removed).
  void create() { Database::open(file, OpenMode::read_write); }
};

}  // namespace

TEST_CASE_FIXTURE(MemoryDb, "schema: a new database is at the latest version with every table") {
  CHECK(Database::latest_schema_version() >= 1);
  CHECK(db.schema_version() == Database::latest_schema_version());
  CHECK(sql.execAndGet("PRAGMA user_version").getInt() == Database::latest_schema_version());
  const char* const tables[] = {"countries", "country_aliases", "sources", "source_segments", "boilerplate",
                                "sentences", "sentences_fts", "persons", "person_aliases", "organizations",
                                "organization_aliases", "positions", "events", "event_participants",
                                "relations", "evidence"};
  for (const char* t : tables) {
    CAPTURE(t);
    CHECK(sql.tableExists(t));
  }
  CHECK(sql.execAndGet("SELECT sql LIKE 'CREATE VIRTUAL TABLE%fts5%' FROM sqlite_master "
                       "WHERE name = 'sentences_fts'").getInt() == 1);
  CHECK(sql.execAndGet("SELECT count(*) FROM countries").getInt() >= 249);
  CHECK(sql.execAndGet("PRAGMA foreign_keys").getInt() == 1);
}

TEST_CASE_FIXTURE(FileDb, "schema: reopening a database applies nothing again and keeps its rows") {
  {
    auto db = Database::open(file, OpenMode::read_write);
    connection(db).exec("INSERT INTO persons (name, folded) VALUES ('Ada Nobody', 'ada nobody')");
  }
  const std::string before = hash_of(file);
  auto db = Database::open(file, OpenMode::read_write);
  CHECK(connection(db).getTotalChanges() == 0);  // no row written by opening
  CHECK(db.schema_version() == Database::latest_schema_version());
  CHECK(connection(db).execAndGet("SELECT count(*) FROM persons WHERE folded = 'ada nobody'").getInt() == 1);
  CHECK(connection(db).execAndGet("PRAGMA journal_mode").getString() == "wal");
  auto reader = Database::open(file, OpenMode::read_only);
  CHECK(reader.schema_version() == Database::latest_schema_version());
  CHECK(hash_of(file) == before);
}

TEST_CASE_FIXTURE(FileDb, "schema: a database from a newer annals is refused and left byte for byte") {
  const int newer = Database::latest_schema_version() + 1;
  {
    SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE future_things (x)");
    raw.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  const std::string before = hash_of(file);
  for (const auto mode : {OpenMode::read_write, OpenMode::read_only}) {
    const std::string message = open_error(file, mode);
    CHECK(message.find(file.string()) != std::string::npos);
    CHECK(message.find("newer") != std::string::npos);
    CHECK(message.find(std::to_string(newer)) != std::string::npos);
    CHECK(hash_of(file) == before);
    check_no_sidecars(file);
  }
}

TEST_CASE_FIXTURE(FileDb, "schema: an SQLite database of another program is refused and left untouched") {
  {
    SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE recipes (name TEXT)");
  }
  const std::string before = hash_of(file);
  for (const auto mode : {OpenMode::read_write, OpenMode::read_only}) {
    const std::string message = open_error(file, mode);
    CHECK(message.find(file.string()) != std::string::npos);
    CHECK(message.find("not an annals knowledge base") != std::string::npos);
    CHECK(hash_of(file) == before);
  }
}

TEST_CASE_FIXTURE(FileDb, "database: a file that is not an SQLite database is refused and left untouched") {
  create();
  const std::string real = read_bytes(file);
  REQUIRE(real.size() > 8192);
  std::mt19937 rng(7);
  std::string noise(5000, '\0');
  for (char& c : noise) c = static_cast<char>(rng() & 0xFF);
  const struct {
    const char* name;
    std::string bytes;
    const char* reason;
  } cases[] = {
      {"text.db", "Ministers met in Oslo on Tuesday.\n", "not an SQLite database"},
      {"noise.db", noise, "not an SQLite database"},
      {"header-only.db", real.substr(0, 40), "truncated"},
      {"half.db", real.substr(0, real.size() / 2), "truncated"},
      {"one-page-short.db", real.substr(0, real.size() - 4096), "truncated"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const fs::path p = dir.path / c.name;
    write_bytes(p, c.bytes);
    for (const auto mode : {OpenMode::read_write, OpenMode::read_only}) {
      const std::string message = open_error(p, mode);
      CHECK(message.find(p.string()) != std::string::npos);
      CHECK(message.find(c.reason) != std::string::npos);
      CHECK(read_bytes(p) == c.bytes);
      check_no_sidecars(p);
    }
  }
}

TEST_CASE_FIXTURE(FileDb, "database: a read-only file cannot be opened for writing but can be read") {
  create();
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const std::string before = hash_of(file);
  const std::string message = open_error(file, OpenMode::read_write);
  CHECK(message.find(file.string()) != std::string::npos);
  CHECK(message.find("read-only") != std::string::npos);
  CHECK(hash_of(file) == before);
  auto reader = Database::open(file, OpenMode::read_only);
  CHECK(reader.schema_version() == Database::latest_schema_version());
}

TEST_CASE_FIXTURE(FileDb, "database: opening a missing file read-only is an error and creates nothing") {
  const std::string message = open_error(file, OpenMode::read_only);
  CHECK(message.find(file.string()) != std::string::npos);
  CHECK(message.find("no such database") != std::string::npos);
  CHECK_FALSE(fs::exists(file));
}

TEST_CASE_FIXTURE(FileDb, "database: paths that cannot hold a database are refused by name") {
  fs::create_directory(dir.path / "folder.db");
  const struct {
    fs::path path;
    const char* reason;
  } cases[] = {
      {dir.path / "folder.db", "is a directory"},
      {dir.path / "no-such-folder" / "kb.db", "no folder"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.path);
    const std::string message = open_error(c.path, OpenMode::read_write);
    CHECK(message.find(c.path.string()) != std::string::npos);
    CHECK(message.find(c.reason) != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir.path / "no-such-folder"));
}

TEST_CASE_FIXTURE(FileDb, "database: an empty file becomes a new knowledge base") {
  write_bytes(file, "");
  auto db = Database::open(file, OpenMode::read_write);
  CHECK(db.schema_version() == Database::latest_schema_version());
}

namespace {

// The plan lines of `statement`, ' / '-joined.
std::string plan_of(SQLite::Database& sql, const std::string& statement) {
  SQLite::Statement plan(sql, "EXPLAIN QUERY PLAN " + statement);
  std::string out;
  while (plan.executeStep()) out += (out.empty() ? "" : " / ") + plan.getColumn(3).getString();
  return out;
}

struct PartialIndex {
  const char* name;
  const char* where;  // its WHERE clause
};
const PartialIndex kParticipantIndexes[] = {
    {"event_participants_country", "WHERE country_id IS NOT NULL"},
    {"event_participants_person", "WHERE person_id IS NOT NULL"},
    {"event_participants_organization", "WHERE organization_id IS NOT NULL"},
};

// Each participant index is partial, on its own column, and positions_country is gone.
void check_lean_indexes(SQLite::Database& sql) {
  for (const auto& i : kParticipantIndexes) {
    CAPTURE(i.name);
    SQLite::Statement st(sql, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?");
    st.bind(1, i.name);
    REQUIRE(st.executeStep());
    CHECK(st.getColumn(0).getString().find(i.where) != std::string::npos);
    SQLite::Statement list(sql, "SELECT partial FROM pragma_index_list('event_participants') WHERE name = ?");
    list.bind(1, i.name);
    REQUIRE(list.executeStep());
    CHECK(list.getColumn(0).getInt() == 1);
  }
  CHECK(sql.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'positions_country'").getInt() == 0);
}

}  // namespace

TEST_CASE_FIXTURE(MemoryDb, "schema: participant indexes hold only the rows naming their kind") {
  check_lean_indexes(sql);
  sql.exec("INSERT INTO persons (name, folded) VALUES ('Ada Nobody', 'ada nobody')");
  sql.exec("INSERT INTO events (type, merge_key) VALUES ('meeting', 'meeting|')");
  sql.exec("INSERT INTO event_participants (event_id, role, person_id) VALUES (1, 'actor', 1)");
  sql.exec("INSERT INTO event_participants (event_id, role, country_id) VALUES (1, 'counterpart', 1)");
  const struct {
    const char* index;
    int rows;
  } cases[] = {{"event_participants_country", 1}, {"event_participants_person", 1}, {"event_participants_organization", 0}};
  for (const auto& c : cases) {
    CAPTURE(c.index);
    CHECK(sql.execAndGet(std::string("SELECT count(*) FROM event_participants INDEXED BY ") + c.index + " WHERE " +
                         std::string(c.index).substr(std::string("event_participants_").size()) +
                         "_id IS NOT NULL").getInt() == c.rows);
  }
}

TEST_CASE_FIXTURE(MemoryDb, "schema: look-ups by participant and by a country's posts still use an index") {
  const struct {
    const char* statement;
    const char* index;
  } cases[] = {
      {"SELECT DISTINCT event_id FROM event_participants WHERE person_id IN (1, 2)", "event_participants_person"},
      {"SELECT DISTINCT event_id FROM event_participants WHERE organization_id IN (3)", "event_participants_organization"},
      {"SELECT 1 FROM event_participants WHERE organization_id = 3", "event_participants_organization"},
      {"SELECT 1 FROM event_participants WHERE person_id = ?", "event_participants_person"},
      {"SELECT event_id FROM event_participants WHERE country_id = 7", "event_participants_country"},
      {"SELECT position_id FROM positions WHERE country_id = 7 ORDER BY start_date", "positions_country_term"},
  };
  for (const auto& c : cases) {
    const std::string statement = c.statement, plan = plan_of(sql, c.statement);
    CAPTURE(statement);
    CAPTURE(plan);
    CHECK(plan.find(std::string("INDEX ") + c.index) != std::string::npos);
    CHECK(plan.find("TEMP B-TREE FOR ORDER BY") == std::string::npos);
  }
}

TEST_CASE_FIXTURE(FileDb, "schema: a version 4 knowledge base gets the partial indexes and keeps its rows") {
  {
    auto db = Database::open(file, OpenMode::read_write);
    auto& sql = connection(db);
    sql.exec("INSERT INTO persons (name, folded) VALUES ('Ada Nobody', 'ada nobody')");
    sql.exec("INSERT INTO events (type, merge_key) VALUES ('meeting', 'meeting|')");
    sql.exec("INSERT INTO event_participants (event_id, role, person_id) VALUES (1, 'actor', 1)");
    // Back to the indexes of version 4.
    for (const auto& i : kParticipantIndexes) sql.exec(std::string("DROP INDEX ") + i.name);
    sql.exec("CREATE INDEX event_participants_country ON event_participants (country_id, event_id)");
    sql.exec("CREATE INDEX event_participants_person ON event_participants (person_id, event_id)");
    sql.exec("CREATE INDEX event_participants_organization ON event_participants (organization_id, event_id)");
    sql.exec("CREATE INDEX positions_country ON positions (country_id, start_date)");
    sql.exec("PRAGMA user_version = 4");
  }
  auto db = Database::open(file, OpenMode::read_write);
  CHECK(db.schema_version() == Database::latest_schema_version());
  check_lean_indexes(connection(db));
  CHECK(connection(db).execAndGet("SELECT count(*) FROM event_participants WHERE person_id = 1").getInt() == 1);
  CHECK(connection(db).execAndGet("PRAGMA integrity_check").getString() == "ok");
}
