// Setting the query-only indexes aside and building them again: what is
// dropped, what is kept to rebuild it, and what the next open does with
// indexes an import left aside.

#include "store/deferred_indexes.h"

#include "annals/database.h"
#include "annals/error.h"
#include "store/connection.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace annals;

namespace {

// Index name -> CREATE statement, for the deferrable indexes present.
std::map<std::string, std::string> deferrable_present(SQLite::Database& db) {
  std::map<std::string, std::string> out;
  SQLite::Statement st(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name = ?");
  for (const auto name : deferrable_indexes()) {
    st.reset();
    st.bind(1, std::string(name));
    if (st.executeStep()) out.emplace(st.getColumn(0).getString(), st.getColumn(1).getString());
  }
  return out;
}

int rows_kept(SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM deferred_indexes").getInt(); }

}  // namespace

TEST_CASE("deferred indexes: set aside drops every deferrable index and keeps its statement") {
  auto db = Database::open(":memory:", OpenMode::read_write);
  auto& sql = connection(db);
  const auto before = deferrable_present(sql);
  REQUIRE(before.size() == deferrable_indexes().size());

  CHECK(set_aside_indexes(sql) == before.size());
  CHECK(deferrable_present(sql).empty());
  CHECK(rows_kept(sql) == static_cast<int>(before.size()));
  // Indexes the import itself reads stay.
  CHECK(sql.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name IN ('events_merge', 'persons_folded', "
                       "'sources_sha256')").getInt() == 3);
  // A second call finds nothing left to drop.
  CHECK(set_aside_indexes(sql) == 0);

  CHECK(build_deferred_indexes(sql) == before.size());
  CHECK(deferrable_present(sql) == before);
  CHECK(rows_kept(sql) == 0);
  CHECK(build_deferred_indexes(sql) == 0);
}

TEST_CASE("deferred indexes: the next read-write open builds what an import left aside") {
  test::TempDir dir;
  const auto file = dir.path / "kb.db";
  std::map<std::string, std::string> before;
  {
    auto db = Database::open(file, OpenMode::read_write);
    before = deferrable_present(connection(db));
    set_aside_indexes(connection(db));  // and the process stops here
  }
  {
    auto reader = Database::open(file, OpenMode::read_only);  // cannot build them, and opens anyway
    CHECK(deferrable_present(connection(reader)).empty());
  }
  auto db = Database::open(file, OpenMode::read_write);
  CHECK(deferrable_present(connection(db)) == before);
  CHECK(rows_kept(connection(db)) == 0);
}

TEST_CASE("deferred indexes: a row that is not its index's CREATE INDEX is refused, naming the file") {
  test::TempDir dir;
  const auto file = dir.path / "kb.db";
  const struct {
    const char* name;
    const char* sql;
  } cases[] = {
      {"events_date", "DROP TABLE events"},
      {"events_date", "CREATE INDEX events_date ON events (start_date); DROP TABLE events"},
      {"events_date", "CREATE INDEX other ON events (start_date)"},
      {"not_ours", "CREATE INDEX not_ours ON events (start_date)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.sql);
    std::filesystem::remove(file);
    {
      auto db = Database::open(file, OpenMode::read_write);
      SQLite::Statement put(connection(db), "INSERT INTO deferred_indexes (name, sql) VALUES (?, ?)");
      put.bind(1, c.name);
      put.bind(2, c.sql);
      put.exec();
    }
    try {
      Database::open(file, OpenMode::read_write);
      FAIL("opened");
    } catch (const Error& e) {
      CHECK(e.subject() == file.string());
      CHECK(std::string(e.what()).find("not a CREATE INDEX") != std::string::npos);
    }
    SQLite::Database raw(file.string());
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'events'").getInt() == 1);
  }
}
