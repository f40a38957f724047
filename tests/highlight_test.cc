// Highlighter: search hits marked from the text alone, as FTS5's highlight()
// and snippet() mark them from the index.

#include "query/highlight.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace annals::query;

namespace {

struct Fts {
  SQLite::Database db{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  Fts() { db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')"); }

  // FTS5's own highlight() and snippet() of `text` for the query `phrases`.
  Marked fts5(const std::string& text, const std::vector<std::string>& phrases) {
    db.exec("DELETE FROM t");
    SQLite::Statement add(db, "INSERT INTO t (rowid, text) VALUES (1, ?)");
    add.bind(1, text);
    add.exec();
    std::string match;
    for (const auto& p : phrases) match += (match.empty() ? "" : " ") + p;
    SQLite::Statement st(db, "SELECT highlight(t, 0, '[', ']'), snippet(t, 0, '[', ']', '...', 16) FROM t "
                             "WHERE t MATCH ?");
    st.bind(1, match);
    REQUIRE(st.executeStep());
    return {st.getColumn(0).getString(), st.getColumn(1).getString()};
  }
  Marked ours(const std::string& text, const std::vector<std::string>& phrases) {
    Highlighter h(db);
    std::vector<std::vector<std::string>> tokens;
    for (const auto& p : phrases) tokens.push_back(h.phrase_tokens(p));
    return h.mark(text, tokens);
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fts, "highlight: the marks are those FTS5's highlight() makes") {
  const struct {
    std::string text;
    std::vector<std::string> phrases;
  } cases[] = {
      {"Laos and Russia established relations in 1960.", {"\"established\"", "\"relations\""}},
      {"RUSSIA, Russia and russia.", {"\"russia\""}},
      {"Nguyễn Phú Trọng met Lương Cường in Hà Nội.", {"\"cuong\"", "\"ha\""}},
      {"The prime minister met the Prime Minister.", {"\"prime minister\""}},
      {"Trade, trade: trade!", {"\"trade\""}},
      {"“Quoted” words — and dashes.", {"\"quoted\"", "\"dashes\""}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(ours(c.text, c.phrases).highlighted == fts5(c.text, c.phrases).highlighted);
  }
}

TEST_CASE_FIXTURE(Fts, "highlight: a long sentence's snippet is the window FTS5's snippet() picks") {
  const struct {
    std::string text;
    std::vector<std::string> phrases;
  } cases[] = {
      {"In a statement issued on Monday after two days of talks in the capital, the foreign ministers of both "
       "countries said they had agreed to expand cooperation in trade, energy and education.",
       {"\"energy\""}},
      {"In a statement issued on Monday after two days of talks in the capital, the foreign ministers of both "
       "countries said they had agreed to expand cooperation in trade, energy and education.",
       {"\"statement\"", "\"education\""}},
      {"The two leaders, who last met in March, discussed regional security, the border and the new railway "
       "that will link the two capitals by the end of the decade.",
       {"\"railway\"", "\"capitals\""}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.phrases.front());
    const auto mine = ours(c.text, c.phrases), theirs = fts5(c.text, c.phrases);
    CHECK(mine.snippet == theirs.snippet);
    CHECK(mine.highlighted == theirs.highlighted);
  }
}

TEST_CASE_FIXTURE(Fts, "highlight: a short sentence is its own snippet, and no match leaves it unmarked") {
  const auto m = ours("Laos and Russia.", {"\"russia\""});
  CHECK(m.highlighted == "Laos and [Russia].");
  CHECK(m.snippet == m.highlighted);
  CHECK(ours("Laos and Russia.", {"\"china\""}).highlighted == "Laos and Russia.");
}
