// annals_bm25(): bm25()'s scores, with row counts kept between searches.

#include "query/rank.h"
#include "temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace annals::query;

namespace {

struct Fts {
  SQLite::Database db{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  DocCounts counts;
  Fts() {
    db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')");
    for (const char* s : {"the president visited the capital", "talks on trade and the border",
                          "the president met the prime minister for talks on trade", "trade trade trade",
                          "a summit of leaders on climate", "the minister spoke about the border and trade talks",
                          "Sánchez visited Hà Nội"})
      add(s);
    register_rank(db, counts);
  }
  void add(const std::string& text) {
    SQLite::Statement st(db, "INSERT INTO t (text) VALUES (?)");
    st.bind(1, text);
    st.exec();
  }
  // (rowid, bm25, annals_bm25) of every row matching `phrases`.
  std::vector<std::pair<double, double>> scores(const std::vector<std::string>& phrases) {
    std::string match, keys;
    for (const auto& p : phrases) {
      match += (match.empty() ? "" : " ") + p;
      keys += ", ?";
    }
    SQLite::Statement st(db, "SELECT bm25(t), annals_bm25(t" + keys + ") FROM t WHERE t MATCH ? ORDER BY rowid");
    int i = 1;
    for (const auto& p : phrases) st.bind(i++, p);
    st.bind(i, match);
    std::vector<std::pair<double, double>> out;
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getDouble(), st.getColumn(1).getDouble());
    return out;
  }
};

void check_same(const std::vector<std::pair<double, double>>& scores) {
  for (const auto& [bm25, ours] : scores) CHECK(ours == doctest::Approx(bm25).epsilon(1e-12));
}

}  // namespace

TEST_CASE_FIXTURE(Fts, "rank: annals_bm25 gives bm25's score for every row of a query") {
  const std::vector<std::vector<std::string>> queries = {
      {"\"trade\""}, {"\"talks\"", "\"trade\""}, {"\"the\"", "\"president\""}, {"\"sanchez\""},
      {"\"Ha\"", "\"Noi\""}, {"\"trade\"", "\"trade\""}, {"\"prime minister\""}};
  for (const auto& q : queries) {
    CAPTURE(q.front());
    const auto s = scores(q);
    CHECK_FALSE(s.empty());
    check_same(s);
  }
}

TEST_CASE_FIXTURE(Fts, "rank: the row count of a phrase is kept, and dropped when the table changes") {
  check_same(scores({"\"trade\""}));
  REQUIRE(counts.rows.count("\"trade\"") == 1);
  CHECK(counts.rows.at("\"trade\"") == 4);
  // A kept count is used as it is: a wrong one changes the score.
  counts.rows["\"trade\""] = 1;
  const auto stale = scores({"\"trade\""});
  CHECK(stale.front().second != doctest::Approx(stale.front().first));
  // New rows on this connection make refresh() forget the counts.
  refresh(db, counts);
  add("trade again");
  refresh(db, counts);
  CHECK(counts.rows.empty());
  check_same(scores({"\"trade\""}));
  CHECK(counts.rows.at("\"trade\"") == 5);
}

TEST_CASE_FIXTURE(Fts, "rank: a change by another connection makes refresh() forget the counts") {
  const annals::test::TempDir dir("annals-rank");
  const std::string path = (dir.path / "kb.db").string();
  {
    SQLite::Database a(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    a.exec("PRAGMA journal_mode = WAL");
    a.exec("CREATE VIRTUAL TABLE t USING fts5(text)");
    a.exec("INSERT INTO t (text) VALUES ('trade talks'), ('trade')");
    DocCounts kept;
    register_rank(a, kept);
    refresh(a, kept);
    SQLite::Statement st(a, "SELECT annals_bm25(t, '\"trade\"') FROM t WHERE t MATCH '\"trade\"'");
    while (st.executeStep()) {
    }
    CHECK(kept.rows.at("\"trade\"") == 2);
    {
      SQLite::Database b(path, SQLite::OPEN_READWRITE);
      b.exec("INSERT INTO t (text) VALUES ('more trade')");
    }
    refresh(a, kept);
    CHECK(kept.rows.empty());
  }
}
