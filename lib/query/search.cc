// search(): full-text search over sentences through sentences_fts.

#include "annals/query.h"
#include "query/search.h"
#include "store/connection.h"
#include "text/text.h"

#include <SQLiteCpp/Statement.h>

#include <cctype>

namespace annals {
namespace query {

namespace {

// ASCII punctuation and spaces separate tokens for unicode61 too; other
// characters stay in the word and FTS5 tokenizes them inside the string.
bool separator(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !std::isalnum(u);
}

}  // namespace

std::string fts_query(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && separator(text[pos])) ++pos;
    const std::size_t begin = pos;
    while (pos < text.size() && !separator(text[pos])) ++pos;
    const std::string_view word = text.substr(begin, pos - begin);
    // A word of non-ASCII punctuation alone ("—") holds no token.
    if (fold(word).empty()) continue;
    // An FTS5 string: all inside it is text. A quote would be written twice,
    // though the split above already leaves none.
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

}  // namespace query

std::vector<SearchHit> search(const Database& database, std::string_view text, std::size_t limit) {
  const std::string match = query::fts_query(text);
  if (match.empty() || limit == 0) return {};
  SQLite::Statement st(connection(database),
      "SELECT t.sentence_id, t.source_id, s.file, t.seq, t.text, "
      "highlight(sentences_fts, 0, '[', ']'), snippet(sentences_fts, 0, '[', ']', '...', 16), "
      "bm25(sentences_fts) FROM sentences_fts "
      "JOIN sentences t ON t.sentence_id = sentences_fts.rowid "
      "JOIN sources s ON s.source_id = t.source_id "
      "WHERE sentences_fts MATCH ? AND s.replaced_by IS NULL ORDER BY rank LIMIT ?");
  st.bind(1, match);
  st.bind(2, static_cast<std::int64_t>(limit));
  std::vector<SearchHit> out;
  while (st.executeStep()) {
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getInt64(), st.getColumn(2).getString(),
                   st.getColumn(3).getInt64(), st.getColumn(4).getString(), st.getColumn(5).getString(),
                   st.getColumn(6).getString(), st.getColumn(7).getDouble()});
  }
  return out;
}

}  // namespace annals
